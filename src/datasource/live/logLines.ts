import { DataFrame } from '@grafana/data';
import { logFrame, LogLine } from '../endpoints/logFrame';

/** The lines of a log frame, back as `LogLine`s (the frame's fields are the ones `logFrame` writes). */
function linesOf(frame: DataFrame): LogLine[] {
  const field = (name: string) => frame.fields.find((f) => f.name === name)?.values ?? [];
  const [time, body, severity, id, labels] = ['timestamp', 'body', 'severity', 'id', 'labels'].map(field);
  return time.map((t, i) => ({ time: t, body: body[i], severity: severity[i], id: id[i], labels: labels[i] ?? {} }));
}

/**
 * A live log stream: each poll answers the newest lines again, and only the lines not seen before are added, so
 * Grafana's logs view shows every line once as new ones arrive. The newest `capacity` lines are kept.
 */
export class LogLines {
  private lines: LogLine[] = [];
  private readonly ids = new Set<string>();
  /** The frame last shown, for when a poll fails. */
  last?: DataFrame;

  constructor(private readonly capacity: number) {}

  append(frame: DataFrame): DataFrame {
    for (const line of linesOf(frame)) {
      if (!this.ids.has(line.id)) {
        this.ids.add(line.id);
        this.lines.push(line);
      }
    }
    this.lines.sort((a, b) => b.time - a.time);
    for (const dropped of this.lines.splice(this.capacity)) {
      this.ids.delete(dropped.id);
    }
    this.last = logFrame({ refId: frame.refId ?? '', now: 0 }, this.lines, {
      name: frame.name ?? 'logs',
      path: String(frame.meta?.executedQueryString ?? '').replace(/^GET /, ''),
      notices: frame.meta?.notices ?? [],
      limit: frame.meta?.limit,
    });
    return this.last;
  }
}
