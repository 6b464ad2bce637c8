import { CircularDataFrame, DataFrame } from '@grafana/data';
import { isSnapshotFrame } from '../endpoints/parse/frames';

/** The identity of a series across polls: its name, labels and fields. */
function seriesKey(frame: DataFrame): string {
  return JSON.stringify([frame.name, frame.fields.map((field) => [field.name, field.type, field.labels ?? null])]);
}

/**
 * The history of one live query: each snapshot series (a one-row time series per poll) grows in a ring buffer of
 * bounded capacity; tables are replaced by the latest answer.
 */
export class SeriesBuffers {
  private readonly series = new Map<string, CircularDataFrame>();

  constructor(private readonly capacity: number) {}

  /** The frames to show after a poll answered `frames`: these, then series this poll missed (a failed pool). */
  update(frames: DataFrame[]): DataFrame[] {
    const shown = frames.map((frame) => (isSnapshotFrame(frame) ? this.append(frame) : frame));
    return [...shown, ...this.current().filter((buffer) => !shown.includes(buffer))];
  }

  /** The latest frames without a new poll (after a failed one). */
  current(): DataFrame[] {
    return [...this.series.values()];
  }

  private append(frame: DataFrame): DataFrame {
    const key = seriesKey(frame);
    let buffer = this.series.get(key);
    if (!buffer) {
      buffer = new CircularDataFrame({ append: 'tail', capacity: this.capacity });
      buffer.name = frame.name;
      buffer.refId = frame.refId;
      for (const field of frame.fields) {
        buffer.addField({ name: field.name, type: field.type, config: field.config, labels: field.labels });
      }
      this.series.set(key, buffer);
    }
    // Notices describe the latest answer, so they follow it.
    buffer.meta = frame.meta;
    for (let row = 0; row < frame.length; row++) {
      buffer.appendRow(frame.fields.map((field) => field.values[row]));
    }
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
