import fs from 'fs';
import path from 'path';
import { LOGS_DASHBOARD_UID } from '../dashboards/src/boards/logs';
import { logsUrlFor } from './alertLinks';
import { formatLevel, Threshold, THRESHOLDS, ThresholdKey } from '../src/rustydb/thresholds';
import { unknownMentions } from '../scripts/metricCatalogue';
import { AlertRule, alertRules, loadRuleFiles, MONITORING_DIR, recordedNames, recordingRules } from './ruleModel';
import { EVENT_THRESHOLDS, Severity, THRESHOLD_ALERTS, thresholdFor } from './thresholdAlerts';

const files = loadRuleFiles();
const alerts = alertRules(files);
const recordings = recordingRules(files);

const SEVERITIES = ['critical', 'warning'];
const CATEGORIES = ['availability', 'latency', 'resources', 'performance', 'connections', 'security', 'replication'];
const DASHBOARDS_DIR = path.join(MONITORING_DIR, '..', 'dashboards');
/** The bundled dashboards' uids and their template variables. */
const DASHBOARD_VARIABLES = new Map<string, string[]>(
  fs
    .readdirSync(DASHBOARDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(DASHBOARDS_DIR, f), 'utf8')))
    .map((d) => [d.uid, (d.templating?.list ?? []).map((v: { name: string }) => v.name)])
);
/** The app's Runbooks page (src/pages/Runbooks), which serves RUNBOOKS.md: it works on every installation. */
const RUNBOOK_BASE = '{{ $externalLabels.grafana_url }}/a/rustydb-monitoring-app/runbooks#';
const runbookSections = new Set(
  [...fs.readFileSync(path.join(MONITORING_DIR, 'RUNBOOKS.md'), 'utf8').matchAll(/^## (\S+)$/gm)].map((m) => m[1])
);
/** The RustyDB guide's `component` values (its Alertmanager routes match on them), by our `category`. */
const COMPONENT_OF_CATEGORY: Record<string, string> = {
  availability: 'service',
  latency: 'performance',
  resources: 'resource',
  performance: 'performance',
  connections: 'connections',
  security: 'security',
  replication: 'replication',
};

const label = (rule: AlertRule) => `${rule.alert} (${rule.labels?.severity})`;
/** The trailing comparison of an alert expression: `... > 75` → ['>', 75]. */
function trailingComparison(expr: string): [string, number] | undefined {
  const match = expr.trim().match(/(>|<)\s*(-?[0-9.]+)$/);
  return match ? [match[1], Number(match[2])] : undefined;
}

describe('alert rules against the guide thresholds (src/rustydb/thresholds.ts)', () => {
  const thresholdAlerts = alerts.filter((rule) => THRESHOLD_ALERTS[rule.alert] !== undefined);

  it.each(thresholdAlerts.map((rule) => [label(rule), rule]))(
    '%s compares with the level, window and for: of its threshold',
    (_, rule) => {
      const threshold = thresholdFor(rule.alert)!;
      const severity = rule.labels?.severity as Severity;
      const level = threshold[severity];
      expect(level).toBeDefined();
      expect(trailingComparison(rule.expr)).toEqual([threshold.direction === 'above' ? '>' : '<', level]);
      if (EVENT_THRESHOLDS.has(THRESHOLD_ALERTS[rule.alert])) {
        expect(rule.expr).toContain(`[${threshold.for}]`);
        expect(rule.for).toBeUndefined();
      } else {
        expect(rule.for).toBe(threshold.for);
      }
      expect(rule.annotations?.description).toContain(
        `the ${severity} level of ${formatLevel(level!, threshold.unit)}`
      );
      expect(rule.annotations?.description).toContain(threshold.for);
    }
  );

  it('has an alert rule for every level of every threshold, and no other', () => {
    const expected = Object.entries(THRESHOLD_ALERTS).flatMap(([alert, key]) =>
      SEVERITIES.filter((s) => (THRESHOLDS[key as ThresholdKey] as Threshold)[s as Severity] !== undefined).map(
        (s) => `${alert} (${s})`
      )
    );
    expect(thresholdAlerts.map(label).sort()).toEqual(expected.sort());
    expect(new Set(Object.values(THRESHOLD_ALERTS))).toEqual(new Set(Object.keys(THRESHOLDS)));
  });

  it('has a runbook section for every alert, and none for an alert that does not exist', () => {
    expect([...runbookSections].sort()).toEqual([...new Set(alerts.map((r) => r.alert))].sort());
  });

  it('hard-codes no other level: alerts outside the map compare only with 0 or 1, or are SLO burn rates', () => {
    const others = alerts.filter(
      (rule) => THRESHOLD_ALERTS[rule.alert] === undefined && !rule.alert.endsWith('BudgetBurn')
    );
    for (const rule of others) {
      const constants = [...rule.expr.matchAll(/(?:==|!=|>=|<=|>|<)\s*(-?[0-9.]+)/g)].map((m) => Number(m[1]));
      expect({ alert: rule.alert, constants: constants.filter((c) => c !== 0 && c !== 1) }).toEqual({
        alert: rule.alert,
        constants: [],
      });
    }
  });
});

describe('alert rule conventions', () => {
  it.each(alerts.map((rule) => [label(rule), rule]))(
    '%s has severity, category and complete annotations',
    (_, rule) => {
      expect(rule.alert).toMatch(/^RustyDB[A-Z][A-Za-z]+$/);
      expect(SEVERITIES).toContain(rule.labels?.severity);
      expect(CATEGORIES).toContain(rule.labels?.category);
      const { summary, description, runbook_url, dashboard_url, logs_url, ...rest } = rule.annotations ?? {};
      expect(rest).toEqual({});
      expect(summary).toMatch(/^[A-Z][^{}]*\.$/); // a static sentence
      expect(description).toMatch(/\{\{ \$(value|labels)/);
      // A 0-100 gauge prints with printf; a 0-1 ratio with humanizePercentage; never a raw $value.
      expect(description).not.toMatch(/\{\{ \$value \}\}/);
      expect(rule.labels?.component).toBe(COMPONENT_OF_CATEGORY[rule.labels!.category]);
      // One section per alert, headed by its name; the anchor is the name in lower case.
      expect(runbook_url).toBe(`${RUNBOOK_BASE}${rule.alert.toLowerCase()}`);
      expect(runbookSections).toContain(rule.alert);
      // The app's open route (labels → the RustyDB data source) on a bundled dashboard, and only variables it has.
      const dashboard = dashboard_url?.match(
        /^\{\{ \$externalLabels\.grafana_url \}\}\/a\/rustydb-monitoring-app\/open\?dashboard=([a-z-]+)(?:&(.*))?$/
      );
      expect([...DASHBOARD_VARIABLES.keys()]).toContain(dashboard?.[1]);
      const variables = [...(dashboard?.[2] ?? '').matchAll(/(?:^|&)var-([a-z_]+)=/g)].map((m) => m[1]);
      expect(variables.filter((v) => !DASHBOARD_VARIABLES.get(dashboard![1])!.includes(v))).toEqual([]);
      // The logs of the same server (the dashboard link's job and instance) over the hour before the click.
      expect(logs_url).toBe(logsUrlFor(dashboard_url!));
      expect(DASHBOARD_VARIABLES.get(LOGS_DASHBOARD_UID)).toEqual(expect.arrayContaining(['job', 'instance']));
    }
  );

  it('has one rule per alertname and severity, and one category per alertname (twins inhibit by alertname)', () => {
    const byName = new Map<string, AlertRule[]>();
    alerts.forEach((rule) => byName.set(rule.alert, [...(byName.get(rule.alert) ?? []), rule]));
    for (const [name, rules] of byName) {
      expect({ name, severities: rules.map((r) => r.labels?.severity).sort() }).toEqual({
        name,
        severities: [...new Set(rules.map((r) => r.labels?.severity))].sort(),
      });
      expect(new Set(rules.map((r) => r.labels?.category)).size).toBe(1);
    }
  });

  it('covers the guide: its ten alerts under their names (critical twins replace RustyDBCritical*), absent() and the pools', () => {
    const names = new Set(alerts.map((r) => r.alert));
    for (const name of [
      'RustyDBDown',
      'RustyDBHighCPU',
      'RustyDBHighMemory',
      'RustyDBLowCacheHitRatio',
      'RustyDBHighConnections',
      'RustyDBDeadlocks',
      'RustyDBHighFailedLogins',
      'RustyDBSecurityThreat',
      'RustyDBTargetMissing',
      'RustyDBHighPoolUtilisation',
      'RustyDBPoolRequestsWaiting',
      'RustyDBLowTransactionRate',
      'RustyDBAvailabilityBudgetBurn',
      'RustyDBLatencyBudgetBurn',
      // The Lightning guide's alerts and SLOs, on RustyDB's metrics.
      'RustyDBDiskSpaceLow',
      'RustyDBHighQueryLatency',
      'RustyDBHighErrorRate',
      'RustyDBFreshnessBudgetBurn',
    ]) {
      expect(names).toContain(name);
    }
    expect(alerts.find((r) => r.alert === 'RustyDBTargetMissing')?.expr).toMatch(/^absent\(up\{job="rustydb"\}\)$/);
  });
});

describe('names in the rules', () => {
  const recorded = recordedNames(files);

  it.each(files.map((f) => [path.basename(f.file), f.file]))(
    '%s uses only catalogued metrics and defined recording rules',
    (_, file) => {
      expect(unknownMentions(fs.readFileSync(file, 'utf8'), recorded)).toEqual([]);
    }
  );

  it('names every recording rule level:metric:operations', () => {
    for (const rule of recordings) {
      expect(rule.record).toMatch(/^(instance|instance_pool|job|slo):[a-z0-9_]+:[a-z0-9_]+$/);
    }
  });

  it('defines each recording rule once per label set', () => {
    const keys = recordings.map((r) => `${r.record}${JSON.stringify(r.labels ?? {})}`);
    expect(keys.length).toBe(new Set(keys).size);
  });
});
