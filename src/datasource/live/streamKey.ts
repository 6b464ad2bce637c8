import { DataQueryRequest } from '@grafana/data';
import { expandList, expandTemplate, Replace } from '../interpolation';
import type { RustyDBQuery } from '../types';

/**
 * The identity of a live stream. Same data source, panel, query after interpolation and time range → same stream
 * (a dashboard refresh continues its history); a changed variable or time range → a new one.
 */
export function streamKey(
  datasourceUid: string | undefined,
  target: RustyDBQuery,
  request: DataQueryRequest<RustyDBQuery>,
  intervalMs: number,
  replace: Replace
): string {
  const expand = (text?: string) => (text ? expandTemplate(text, replace, request.scopedVars) : []);
  const list = (texts?: string[]) => expandList(texts, replace, request.scopedVars);
  let query: unknown;
  try {
    query = {
      type: expand(target.queryType),
      view: expand(target.view),
      ids: [list(target.poolIds), list(target.nodeIds), list(target.replicaIds), list(target.levels)],
      path: expand(target.path),
      audit: target.audit,
      events: target.eventSource,
    };
  } catch {
    // A query that cannot expand fails in its first poll, with the reason; its key only needs to be stable.
    query = target;
  }
  const range = [String(request.range.raw.from), String(request.range.raw.to)];
  const scope = [datasourceUid, request.dashboardUID, request.panelId, target.refId].map((part) => part ?? '');
  return `rustydb/${scope.join('/')}/${JSON.stringify({ query, range, intervalMs })}`;
}
