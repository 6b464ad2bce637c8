import fs from 'fs';
import path from 'path';
import { LOGS_DASHBOARD_UID } from '../../dashboards/src/boards/logs';
import { analyseLogql } from '../../dashboards/src/inspect/logql';
import { hostPath, loadCompose, Service } from '../../scripts/consistencyCompose';
import { AUDIT_FILE_EVENT } from '../../src/rustydb/audit';
import { THRESHOLDS } from '../../src/rustydb/thresholds';
import { logsUrlFor, OPEN_ROUTE } from '../alertLinks';
import { readYaml } from '../ruleModel';

/** No Loki runs here: its config and ruler rules are checked against compose, the grammar and the project's levels. */

const ROOT = path.resolve(__dirname, '../..');
const { services } = loadCompose(path.join(ROOT, 'docker-compose.yaml'));
const loki = services.find((s) => s.name === 'loki') as Service;
const config = readYaml(path.join(__dirname, 'loki.yaml'));
const RULES_DIR = path.join(__dirname, 'rules');
const ruleFiles = fs
  .readdirSync(RULES_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yml'))
  .map((f) => path.join(RULES_DIR, f));
const rules = ruleFiles.flatMap((f) => readYaml(f).groups.flatMap((g: { rules: unknown[] }) => g.rules)) as Array<{
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}>;
const rule = (name: string) => rules.find((r) => r.alert === name)!;

describe('Loki', () => {
  it('loads the config docker-compose mounts, and its ruler reads the mounted rules (tenant "fake" when auth is off)', () => {
    const configFlag = loki.command.find((c) => c.startsWith('-config.file='))!.split('=')[1];
    expect(hostPath(loki, configFlag)).toBe(path.join(__dirname, 'loki.yaml'));
    expect(config.auth_enabled).toBe(false);
    expect(hostPath(loki, config.ruler.storage.local.directory)).toBe(RULES_DIR);
    expect(ruleFiles.every((f) => path.relative(RULES_DIR, f).startsWith(`fake${path.sep}`))).toBe(true);
  });

  it('sends alerts to the Alertmanager of docker-compose and keeps logs 30 days', () => {
    const url = new URL(config.ruler.alertmanager_url);
    expect(services.map((s) => s.name)).toContain(url.hostname);
    expect(config.limits_config.retention_period).toBe('720h');
    expect(config.compactor.retention_enabled).toBe(true);
  });

  it('has rules for bursts of errors and of failed logins', () => {
    expect(rules.map((r) => r.alert).sort()).toEqual(['RustyDBFailedLoginBurst', 'RustyDBLogErrorBurst']);
  });

  it.each(rules.map((r) => [r.alert, r] as const))(
    "%s: LogQL parses with Grafana's grammar, per job and instance, with severity, text and a link to the logs",
    (_name, r) => {
      const { errors, selectors, ranges } = analyseLogql(r.expr);
      expect(errors).toEqual([]);
      expect(selectors.length).toBeGreaterThan(0);
      expect(ranges.length).toBeGreaterThan(0);
      expect(r.expr).toMatch(/^sum by \(job, instance\)/);
      expect(['warning', 'critical']).toContain(r.labels.severity);
      expect(r.labels.component).toBeTruthy();
      expect(r.for).toMatch(/^\d+m$/);
      expect(r.annotations.summary).toContain('{{ $labels.instance }}');
      // Through the app's open route like the Prometheus alerts: the server's metrics, and its logs.
      const { dashboard_url } = r.annotations;
      expect(dashboard_url.startsWith(`${OPEN_ROUTE}?dashboard=rustydb-`)).toBe(true);
      expect(dashboard_url.endsWith('&job={{ $labels.job }}&instance={{ $labels.instance }}')).toBe(true);
      expect(r.annotations.logs_url).toBe(logsUrlFor(r.annotations.dashboard_url));
      expect(r.annotations.logs_url).toContain(`dashboard=${LOGS_DASHBOARD_UID}&`);
    }
  );

  it("knows Grafana's address as Prometheus does: the external label grafana_url the links start with", () => {
    const prometheus = readYaml(path.join(ROOT, 'monitoring', 'prometheus.yml'));
    expect(config.ruler.external_labels).toEqual({ grafana_url: prometheus.global.external_labels.grafana_url });
  });

  it("fires on failed logins at the project's level, counting the event the audit file writes", () => {
    const r = rule('RustyDBFailedLoginBurst');
    const level = THRESHOLDS.failedLoginsPerMinute;
    expect(r.expr).toContain(`event="${AUDIT_FILE_EVENT.failedLogin}"`);
    expect(r.expr).toMatch(new RegExp(`\\[1m\\]\\)\\) > ${level.warning}$`));
    expect(r.for).toBe(level.for);
    expect(r.labels.severity).toBe('warning');
  });

  it('rejects LogQL that does not parse (the check can fail)', () => {
    expect(analyseLogql('sum(count_over_time({job="x"} |= [5m]))').errors).not.toEqual([]);
    expect(analyseLogql('{job=~"$job"} |~ "CREATE USER|GRANT"').errors).toEqual([]);
  });
});
