import type { ScopedVars } from '@grafana/data';
import { RustyDBError } from './transport/errors';

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
