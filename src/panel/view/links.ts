import { InterpolateFunction, LinkModel, textUtil } from '@grafana/data';
import type { Pool } from '../model/pools';

export type PoolLink = Pick<LinkModel, 'href' | 'title' | 'target' | 'onClick'>;

/**
 * A pool's links: first the panel's "pool link URL" (`${pool}` is the URL-encoded pool id; dashboard variables work
 * too), then the standard field-config data links of the field the pool came from, which Grafana interpolates
 * (`${__value.raw}`, `${__data.fields.pool_id}`, `${__field.labels.pool}`).
 */
export function poolLinks(pool: Pool, template: string, replaceVariables: InterpolateFunction): PoolLink[] {
  const links: PoolLink[] = [];
  if (template.trim()) {
    const href = replaceVariables(template, { pool: { text: pool.id, value: encodeURIComponent(pool.id) } });
    links.push({ href: textUtil.sanitizeUrl(href), title: `Open pool ${pool.id}`, target: '_self' });
  }
  const source = pool.link;
  if (source?.field.getLinks) {
    links.push(...source.field.getLinks({ valueRowIndex: source.rowIndex }));
  }
  return links;
}
