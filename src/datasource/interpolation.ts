import type { ScopedVars } from '@grafana/data';
import { RustyDBError } from './transport/errors';
import type { RustyDBQuery } from './types';

/** `getTemplateSrv().replace`: with a function as format, it hands over each variable's value (a list when multi). */
export type Replace = (target: string, scopedVars?: ScopedVars, format?: string | Function) => string;

const MARK = '\u0000';
const MARKED = /\u0000(\d+)\u0000/;
/** More combinations than this is a dashboard mistake, not a query. */
const MAX_VALUES = 100;

/**
 * A parameter after template interpolation, as the list of values it stands for. A multi-value or All variable gives
 * one value per selection; text around a variable is kept on each (`pool-$p` → `pool-a`, `pool-b`); several
 * variables give every combination. Values are never joined or split on a separator, so an id holding a comma,
 * quote, slash or `{}` stays one id.
 */
export function expandTemplate(text: string, replace: Replace, scopedVars?: ScopedVars): string[] {
  const lists: string[][] = [];
  const marked = replace(text, scopedVars, (value: unknown) => {
    lists.push(Array.isArray(value) ? value.map(String) : [String(value ?? '')]);
    return `${MARK}${lists.length - 1}${MARK}`;
  });
  const parts = marked.split(MARKED);
  let results = [''];
  parts.forEach((part, i) => {
    // split() with a capture group puts the list index at every odd position.
    results =
      i % 2 === 0 ? results.map((r) => r + part) : results.flatMap((r) => lists[Number(part)].map((v) => r + v));
    if (results.length > MAX_VALUES) {
      throw new RustyDBError(
        'invalidQuery',
        `"${text}" expands to more than ${MAX_VALUES} values; select fewer variable values.`
      );
    }
  });
  return [...new Set(results)];
}

/** What a custom "All" value (`*`, `.*`, `$__all`) means for an id list: no filter, every id. */
const ALL_VALUES = new Set(['*', '.*', '$__all']);

/** Every value of a list parameter's entries, deduplicated; empty means "all". */
export function expandList(texts: string[] | undefined, replace: Replace, scopedVars?: ScopedVars): string[] {
  const values = (texts ?? []).flatMap((text) => (text.trim() === '' ? [] : expandTemplate(text, replace, scopedVars)));
  const kept = values.map((v) => v.trim()).filter((v) => v !== '');
  return kept.some((v) => ALL_VALUES.has(v)) ? [] : [...new Set(kept)];
}

/** Without a Grafana around (headless use), text stays as written. */
export const noTemplates: Replace = (target) => target;

/** The text parameters a query's variables can stand in. */
const TEXT_KEYS = ['queryType', 'view', 'path'] as const;
const LIST_KEYS = ['poolIds', 'nodeIds', 'replicaIds', 'levels'] as const;
const AUDIT_KEYS = ['userId', 'sessionId', 'objectName'] as const;

/**
 * The query with its variables resolved, for Grafana to hand on (Explore from a panel, the query inspector). Lists
 * take every value (an All value becomes the empty list, which means all); a text parameter takes its value when it
 * stands for one, and stays as written when it stands for several (one query cannot hold the fan-out the dashboard
 * runs) or cannot expand (the query then reports why when it runs).
 */
export function interpolateQuery(query: RustyDBQuery, replace: Replace, scopedVars?: ScopedVars): RustyDBQuery {
  const one = (text: string) => {
    try {
      const values = expandTemplate(text, replace, scopedVars);
      return values.length === 1 ? values[0] : text;
    } catch {
      return text;
    }
  };
  const every = (texts: string[]) => {
    try {
      return expandList(texts, replace, scopedVars);
    } catch {
      return texts;
    }
  };
  const out: RustyDBQuery = { ...query };
  for (const key of TEXT_KEYS) {
    const text = out[key];
    if (text !== undefined) {
      out[key] = one(text);
    }
  }
  for (const key of LIST_KEYS) {
    const texts = out[key];
    if (texts !== undefined) {
      out[key] = every(texts);
    }
  }
  if (out.audit) {
    const audit = { ...out.audit };
    for (const key of AUDIT_KEYS) {
      const text = audit[key];
      if (text !== undefined) {
        audit[key] = one(text);
      }
    }
    out.audit = audit;
  }
  return out;
}
