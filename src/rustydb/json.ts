/**
 * The JSON guards every reader of RustyDB's bodies uses (the datasource's parsers, the app's pages, the health
 * check): what a value is, never how a failure is worded, because each reader says that in its own context.
 */

/** A JSON object: one record of a RustyDB body. */
export type Row = Record<string, unknown>;

export function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number, or null: JSON holds no NaN or Infinity, and text is no number here. */
export function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** part / whole, or null when either is not a number or the whole is not positive. */
export function ratio(part: unknown, whole: unknown): number | null {
  const p = numberOf(part);
  const w = numberOf(whole);
  return p === null || w === null || w <= 0 ? null : p / w;
}

/** An id as RustyDB would name it: non-empty text or a finite number; anything else is no id. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string') {
    return value.trim() === '' ? null : value;
  }
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}
