import { DataFrame, StreamingDataFrame } from '@grafana/data';
import { isLogFrame } from '../endpoints/logFrame';
import { isSnapshotFrame } from '../endpoints/parse/frames';
import { LogLines } from './logLines';

/** The identity of a series across polls: its name, labels and fields. */
function seriesKey(frame: DataFrame): string {
  return JSON.stringify([frame.name, frame.fields.map((field) => [field.name, field.type, field.labels ?? null])]);
}

/**
 * The history of one live query: each snapshot series (a one-row time series per poll) grows in a
 * `StreamingDataFrame` that keeps its newest `capacity` rows; tables are replaced by the latest answer. This is the
 * frame Grafana's own streams append to (the signal stream of the TestData data source,
 * `public/app/plugins/datasource/grafana-testdata-datasource/runStreams.ts`), where `CircularDataFrame` builds on the
 * deprecated `MutableDataFrame`.
 */
export class SeriesBuffers {
  private readonly series = new Map<string, StreamingDataFrame>();
  private readonly logs = new Map<string, LogLines>();

  constructor(private readonly capacity: number) {}

  /** The frames to show after a poll answered `frames`: these, then series this poll missed (a failed pool). */
  update(frames: DataFrame[]): DataFrame[] {
    const shown = frames.map((frame) =>
      isSnapshotFrame(frame) ? this.append(frame) : isLogFrame(frame) ? this.appendLines(frame) : frame
    );
    return [...shown, ...this.current().filter((buffer) => !shown.includes(buffer))];
  }

  /** The latest frames without a new poll (after a failed one). */
  current(): DataFrame[] {
    const logs = [...this.logs.values()].flatMap((lines) => (lines.last ? [lines.last] : []));
    return [...this.series.values(), ...logs];
  }

  /** Log lines accumulate, each once (polls answer the newest lines again). */
  private appendLines(frame: DataFrame): DataFrame {
    const key = seriesKey(frame);
    let lines = this.logs.get(key);
    if (!lines) {
      lines = new LogLines(this.capacity);
      this.logs.set(key, lines);
    }
    return lines.append(frame);
  }

  private append(frame: DataFrame): DataFrame {
    const key = seriesKey(frame);
    let buffer = this.series.get(key);
    if (!buffer) {
      const fields = frame.fields.map(({ name, type, config, labels }) => ({ name, type, config, labels }));
      buffer = StreamingDataFrame.fromDataFrameJSON(
        { schema: { refId: frame.refId, fields } },
        { maxLength: this.capacity }
      );
      buffer.name = frame.name;
      this.series.set(key, buffer);
    }
    buffer.push({ data: { values: frame.fields.map((field) => Array.from(field.values)) } });
    // Notices describe the latest answer, so they follow it.
    buffer.meta = frame.meta ?? {};
    return buffer;
  }
}

/**
 * Histories by stream key, so a dashboard refresh (which re-subscribes with the same key) continues a graph instead
 * of restarting it; a changed variable or time range makes a new key and so a new history. Least recently used
 * histories go first.
 */
export class LiveHistories {
  private readonly histories = new Map<string, SeriesBuffers>();

  constructor(private readonly maxHistories = 50) {}

  get(key: string, capacity: number): SeriesBuffers {
    let history = this.histories.get(key);
    if (history) {
      this.histories.delete(key);
    } else {
      history = new SeriesBuffers(capacity);
    }
    this.histories.set(key, history);
    while (this.histories.size > this.maxHistories) {
      this.histories.delete(this.histories.keys().next().value as string);
    }
    return history;
  }
}
