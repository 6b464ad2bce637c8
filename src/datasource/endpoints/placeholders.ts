import { QueryResultMetaNotice } from '@grafana/data';
import { Row } from '../../rustydb/json';
import { isV065Placeholder, PlaceholderKey, V065_PLACEHOLDERS } from '../../rustydb/placeholders';

export type { PlaceholderKey };

/** An info notice when a record carries v0.6.5's constants; `subject` prefixes it (e.g. the pool). */
export function placeholderNotices(key: PlaceholderKey, record: Row, subject?: string): QueryResultMetaNotice[] {
  const { text } = V065_PLACEHOLDERS[key];
  return isV065Placeholder(key, record) ? [{ severity: 'info', text: subject ? `${subject}: ${text}` : text }] : [];
}
