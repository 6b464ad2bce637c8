/**
 * The server the Monitoring Guide describes. (First version: v0.6.5 bodies plus the full catalogue.)
 */
import { METRICS } from '../../src/rustydb/metrics';
import type { ProfileImpl } from '../bodies';
import { Exposition } from '../exposition';
import { v065Profile } from './v065';

export function documentedProfile(_seed: number, startMs: number): ProfileImpl {
  const base = v065Profile(startMs);
  const exposition = new Exposition(METRICS);
  const render = () => exposition.render({});
  return { handlers: { ...base.handlers, prometheus: render }, exporter: render };
}
