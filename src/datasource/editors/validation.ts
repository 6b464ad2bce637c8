import { checkRawPath } from '../endpoints/raw';
import { messageOf } from '../transport/errors';
import { queryTypeInfo } from '../queryTypes';
import { MIN_LIVE_INTERVAL_MS, QueryType, RustyDBQuery } from '../types';

export interface QueryProblem {
  field: 'queryType' | 'view' | 'path' | 'intervalMs' | 'limit';
  message: string;
}

/** Text holding a template variable can only be judged once the dashboard interpolates it. */
const hasVariable = (text: string) => /\$\{?\w/.test(text);

const AUDIT_LIMIT_MAX = 1000;

/** What is wrong with a query before it runs, for the editor to show beside the field. */
export function queryProblems(query: RustyDBQuery): QueryProblem[] {
  const problems: QueryProblem[] = [];
  const type = query.queryType ?? QueryType.Performance;
  const info = queryTypeInfo(type);
  if (!info) {
    if (!hasVariable(type)) {
      problems.push({ field: 'queryType', message: `"${type}" is not a query type.` });
    }
    return problems;
  }
  if (query.view && info.views && !hasVariable(query.view) && !info.views.some((v) => v.value === query.view)) {
    problems.push({ field: 'view', message: `"${query.view}" is not a view of ${info.label}.` });
  }
  if (info.value === QueryType.Raw) {
    const path = query.path?.trim() ?? '';
    if (path === '') {
      problems.push({ field: 'path', message: 'Enter a GET path below /api/v1/.' });
    } else if (!hasVariable(path)) {
      try {
        checkRawPath(path);
      } catch (err) {
        problems.push({ field: 'path', message: messageOf(err) });
      }
    }
  }
  const limit = query.audit?.limit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_LIMIT_MAX)) {
    problems.push({ field: 'limit', message: `The audit limit must be a whole number from 1 to ${AUDIT_LIMIT_MAX}.` });
  }
  if (query.live && query.intervalMs !== undefined && query.intervalMs < MIN_LIVE_INTERVAL_MS) {
    problems.push({
      field: 'intervalMs',
      message: `Poll at most once a second: RustyDB allows 100 requests/s for all its clients together.`,
    });
  }
  return problems;
}

/** A number input's text as the model keeps it: empty means unset (the default applies). */
export function numberInput(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}
