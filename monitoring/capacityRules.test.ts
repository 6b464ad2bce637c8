import path from 'path';
import {
  CAPACITY_LIMITS,
  DAYS_UNTIL_LIMIT_RECORD,
  FORECAST_DAYS,
  FORECAST_RECORD,
  GROWTH_BASELINE_OFFSET_DAYS,
  GROWTH_WINDOW,
} from '../src/rustydb/capacity';
import { alertRules, loadRuleFiles, MONITORING_DIR, recordingRules } from './ruleModel';

/** rules/rustydb-capacity.yml against src/rustydb/capacity.ts: limits, horizon, windows and the alerts' shape. */

const files = loadRuleFiles([path.join(MONITORING_DIR, 'rules', 'rustydb-capacity.yml')]);
const records = new Map(
  recordingRules(files).map((r) => [`${r.record}${r.labels ? `/${r.labels.resource}` : ''}`, r.expr])
);
const alerts = alertRules(files);

describe('capacity rules (src/rustydb/capacity.ts)', () => {
  it('compute every growth over the last day against the same day a week earlier', () => {
    const growth = [...records].filter(([name]) => name.endsWith(':growth_per_day'));
    expect(growth.length).toBe(7);
    for (const [, expr] of growth) {
      expect(expr).toContain(`[${GROWTH_WINDOW}] offset ${GROWTH_BASELINE_OFFSET_DAYS}d`);
      expect(expr).toMatch(new RegExp(`/ ${GROWTH_BASELINE_OFFSET_DAYS}$`));
    }
  });

  it.each(CAPACITY_LIMITS.map((l) => [l.resource, l]))(
    '%s: the forecast is the busy level plus the horizon of growth, as a share of the limit',
    (_, limit) => {
      const forecast = records.get(`${FORECAST_RECORD}/${limit.resource}`);
      const days = records.get(`${DAYS_UNTIL_LIMIT_RECORD}/${limit.resource}`);
      expect(forecast).toBeDefined();
      expect(days).toBeDefined();
      expect(forecast).toContain(`+ ${FORECAST_DAYS} * `);
      if (limit.unit === 'percent') {
        expect(forecast).toMatch(new RegExp(`\\) / ${limit.limit}$`));
        expect(days).toMatch(new RegExp(`^clamp_min\\(${limit.limit} - `));
      } else {
        // A share of a configured maximum: the limit is the maximum itself.
        expect(limit.limit).toBe(1);
        expect(forecast).toMatch(/\) \/ rustydb_(max_connections|connection_pool_size)$/);
        expect(days).toMatch(/^clamp_min\(rustydb_(max_connections|connection_pool_size) - /);
      }
    }
  );

  it.each(CAPACITY_LIMITS.map((l) => [l.alert, l]))(
    '%s fires on its forecast crossing the limit, as a ticket that does not flap',
    (name, limit) => {
      const rules = alerts.filter((a) => a.alert === name);
      expect(rules).toHaveLength(1);
      expect(rules[0].expr).toBe(`${FORECAST_RECORD}{resource="${limit.resource}"} > 1`);
      expect(rules[0].labels?.severity).toBe('warning');
      expect(rules[0].for).toBe('6h');
      expect(rules[0].annotations?.description).toContain(`within ${FORECAST_DAYS} days`);
      if (limit.unit === 'percent') {
        expect(rules[0].annotations?.description).toContain(`of the ${limit.limit}% limit`);
      }
    }
  );

  it('records a forecast and a days-until series for every resource, and no other', () => {
    const resources = (record: string) =>
      recordingRules(files)
        .filter((r) => r.record === record)
        .map((r) => r.labels?.resource)
        .sort();
    const expected = CAPACITY_LIMITS.map((l) => l.resource).sort();
    expect(resources(FORECAST_RECORD)).toEqual(expected);
    expect(resources(DAYS_UNTIL_LIMIT_RECORD)).toEqual(expected);
  });

  it('has no alert other than the forecast alerts', () => {
    expect(alerts.map((a) => a.alert).sort()).toEqual(CAPACITY_LIMITS.map((l) => l.alert).sort());
  });
});
