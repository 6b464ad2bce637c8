import fs from 'fs';
import path from 'path';
import yaml from 'js-yaml';
import { AlertRule, alertRules, loadRuleFiles, MONITORING_DIR, readYaml, recordingRules } from '../ruleModel';

/** What the project ships, read back from its files: the rules, dashboards, Prometheus, Alertmanager and compose. */

const ROOT = path.join(MONITORING_DIR, '..');
const files = loadRuleFiles();
const alerts = alertRules(files);

export function alertRule(alert: string, severity: string): AlertRule | undefined {
  return alerts.find((r) => r.alert === alert && r.labels?.severity === severity);
}

/** An alert rule as the guides write one: the level its expression compares with, and its `for:`. */
export function ruleLevel(alert: string, severity: string): { level?: number; for?: string } | undefined {
  const rule = alertRule(alert, severity);
  if (!rule) {
    return undefined;
  }
  const match = rule.expr.trim().match(/(?:>|<)\s*(-?[0-9.]+)$/);
  return { level: match ? Number(match[1]) : undefined, for: rule.for };
}

export const alertNames = () => new Set(alerts.map((r) => r.alert));
export const everyAlert = () => alerts;
export const ruleGroups = () => files.flatMap((f) => f.groups);

/** An SLO as the rules write it: objective, its "good" bound (latency: the bucket; freshness: the lag). */
export function sloObjective(slo: string): number | undefined {
  const rule = recordingRules(files).find((r) => r.record === 'slo:objective:ratio' && r.labels?.slo === slo);
  return rule ? Number(/vector\(([\d.]+)\)/.exec(rule.expr)![1]) : undefined;
}

export function sloBound(slo: string): number | undefined {
  const sli = recordingRules(files).find((r) => r.record === 'slo:sli_error:ratio_rate5m' && r.labels?.slo === slo);
  const le = sli && /le=~?"([\d.]+)/.exec(sli.expr);
  return le ? Number(le[1]) : undefined;
}

/** The window each SLO's error budget is computed over (`slo:sli_error:ratio_rate<window>` feeding the budget). */
export function sloBudgetWindow(slo: string): string | undefined {
  const budget = recordingRules(files).find((r) => r.record === 'slo:error_budget_remaining:ratio')!;
  const terms = [...budget.expr.matchAll(/slo:sli_error:ratio_rate(\w+)\{slo=~?"([^"]+)"\}/g)];
  return terms.find((t) => new RegExp(`^(?:${t[2]})$`).test(slo))?.[1];
}

type Json = Record<string, any>;

export function dashboard(uid: string): Json {
  const dir = path.join(ROOT, 'dashboards');
  const all = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const found = all.find((d) => d.uid === uid);
  if (!found) {
    throw new Error(`no bundled dashboard ${uid}`);
  }
  return found;
}

export const allDashboards = (): Json[] =>
  fs
    .readdirSync(path.join(ROOT, 'dashboards'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'dashboards', f), 'utf8')));

export function panels(uid: string, title: RegExp): Json[] {
  const flat = (ps: Json[]): Json[] => ps.flatMap((p) => [p, ...flat(p.panels ?? [])]);
  return flat(dashboard(uid).panels ?? []).filter((p) => title.test(p.title));
}

export const prometheusYml = () => readYaml(path.join(MONITORING_DIR, 'prometheus.yml'));
export const alertmanagerYml = () => readYaml(path.join(MONITORING_DIR, 'alertmanager', 'alertmanager.yml'));

/** The Prometheus service's command-line flags in docker-compose.yaml, as `flag → value`. */
export function prometheusFlags(): Record<string, string> {
  const compose = yaml.load(fs.readFileSync(path.join(ROOT, 'docker-compose.yaml'), 'utf8')) as Json;
  const command: string[] = compose.services.prometheus.command;
  return Object.fromEntries(command.map((c) => c.replace(/^--/, '').split('=') as [string, string]));
}
