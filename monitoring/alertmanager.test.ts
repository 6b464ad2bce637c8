import fs from 'fs';
import os from 'os';
import path from 'path';
import yaml from 'js-yaml';
import { runTool } from './promTools';
import { alertRules, loadRuleFiles, MONITORING_DIR } from './ruleModel';

const DIR = path.join(MONITORING_DIR, 'alertmanager');
const CONFIG = path.join(DIR, 'alertmanager.yml');
const configText = fs.readFileSync(CONFIG, 'utf8');
const config = yaml.load(configText) as Record<string, unknown>;

/**
 * The routing policy, written out independently of alertmanager.yml (receivers in route order):
 * critical pages and continues; security also goes to the security team; warnings go to e-mail;
 * warnings and criticals go to Slack; anything else falls to the root receiver (e-mail).
 */
function expectedReceivers(severity: string, category: string): string[] {
  const security = category === 'security' ? ['team-security'] : [];
  switch (severity) {
    case 'critical':
      return ['team-dba-pagerduty', ...security, 'team-dba-slack'];
    case 'warning':
      return [...security, 'team-dba-email', 'team-dba-slack'];
    default:
      return security.length > 0 ? security : ['team-dba-email'];
  }
}

const rules = alertRules(loadRuleFiles());
const SEVERITIES = [...new Set([...rules.map((r) => r.labels!.severity), 'info'])];
const CATEGORIES = [...new Set(rules.map((r) => r.labels!.category))];

function walk(node: unknown, visit: (key: string, value: unknown) => void) {
  if (Array.isArray(node)) {
    node.forEach((item) => walk(item, visit));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      visit(key, value);
      walk(value, visit);
    }
  }
}

/** `amtool template render` of `text` with the project's templates over notification `data`. */
function renderTemplate(data: unknown, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rustydb-am-'));
  try {
    fs.writeFileSync(path.join(dir, 'data.json'), JSON.stringify(data));
    const result = runTool('amtool', [
      'template',
      'render',
      `--template.glob=${path.join(DIR, 'templates', 'rustydb.tmpl')}`,
      `--template.data=${path.join(dir, 'data.json')}`,
      `--template.text=${text}`,
    ]);
    expect(result.code).toBe(0);
    return result.stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('alertmanager.yml', () => {
  it('passes amtool check-config with its receivers and templates', () => {
    const result = runTool('amtool', ['check-config', CONFIG]);
    expect(result.stdout).toMatch(/2 inhibit rules[\s\S]*4 receivers[\s\S]*1 templates/);
    expect(result.code).toBe(0);
  });

  it('covers every severity and category the rules use', () => {
    expect(SEVERITIES.sort()).toEqual(['critical', 'info', 'warning']);
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(6);
  });

  const combinations = SEVERITIES.flatMap((severity) => CATEGORIES.map((category) => [severity, category]));
  it.each(combinations)('routes severity=%s category=%s as the policy says', (severity, category) => {
    const expected = expectedReceivers(severity, category).join(',');
    const labels = [
      `alertname=RustyDBTest`,
      `severity=${severity}`,
      `category=${category}`,
      'instance=db-1:9100',
      'job=rustydb',
    ];
    const result = runTool('amtool', [
      'config',
      'routes',
      'test',
      `--config.file=${CONFIG}`,
      `--verify.receivers=${expected}`,
      ...labels,
    ]);
    expect(result.stdout.trim()).toBe(expected);
    expect(result.code).toBe(0);
  });

  it('uses only the current matchers syntax', () => {
    const deprecated: string[] = [];
    walk(config, (key) => /^(source_|target_)?match(_re)?$/.test(key) && deprecated.push(key));
    expect(deprecated).toEqual([]);
  });

  it('holds no secret: every credential comes from a *_file documented in secrets/README.md', () => {
    const inline: string[] = [];
    const files: string[] = [];
    walk(config, (key, value) => {
      if (
        /^(api_url|slack_api_url|routing_key|service_key|auth_password|smtp_auth_password|auth_secret|bot_token|api_key|password)$/.test(
          key
        )
      ) {
        inline.push(key);
      }
      if (key.endsWith('_file')) {
        files.push(value as string);
      }
    });
    expect(inline).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(3);
    const readme = fs.readFileSync(path.join(DIR, 'secrets', 'README.md'), 'utf8');
    for (const file of files) {
      expect(file).toMatch(/^\/run\/secrets\/[a-z_]+$/);
      expect(readme).toContain(`\`${path.basename(file)}\``);
    }
  });

  it('sends resolved notices to the security team, and inhibits warnings by their critical twin and alerts of a down target', () => {
    const receivers = config.receivers as Array<{ name: string; email_configs?: Array<{ send_resolved?: boolean }> }>;
    expect(receivers.find((r) => r.name === 'team-security')?.email_configs?.[0]?.send_resolved).toBe(true);
    const inhibit = config.inhibit_rules as Array<{
      source_matchers: string[];
      target_matchers: string[];
      equal: string[];
    }>;
    expect(inhibit).toEqual([
      expect.objectContaining({
        source_matchers: ['severity = "critical"'],
        target_matchers: ['severity = "warning"'],
        equal: expect.arrayContaining(['alertname', 'instance']),
      }),
      expect.objectContaining({
        source_matchers: ['alertname = "RustyDBDown"'],
        target_matchers: ['alertname != "RustyDBDown"'],
        equal: ['job', 'instance'],
      }),
    ]);
  });

  it("links each alert to its server's logs from an hour before it started to now, or to 15 minutes after it ended", () => {
    const logsUrl =
      'http://grafana:3000/a/rustydb-monitoring-app/open?dashboard=rustydb-logs&job=rustydb&instance=db-1:9100&from=now-1h&to=now';
    const alert = (status: string, startsAt: string, endsAt: string) => ({
      status,
      startsAt,
      endsAt,
      labels: { alertname: 'RustyDBHighCPU' },
      annotations: { summary: 'S.', description: 'D.', runbook_url: 'r', dashboard_url: 'd', logs_url: logsUrl },
    });
    const output = renderTemplate(
      {
        status: 'firing',
        alerts: [
          alert('firing', '2026-12-02T10:00:00Z', '0001-01-01T00:00:00Z'),
          alert('resolved', '2026-12-02T10:00:00Z', '2026-12-02T10:30:00Z'),
        ],
      },
      '{{ template "rustydb.text" .Alerts }}'
    );
    const links = [...output.matchAll(/^Logs: (.*)$/gm)].map((m) => new URL(m[1]));
    expect(links.map((url) => [url.searchParams.getAll('from'), url.searchParams.getAll('to')])).toEqual([
      [[String(Date.parse('2026-12-02T09:00:00Z'))], ['now']],
      [[String(Date.parse('2026-12-02T09:00:00Z'))], [String(Date.parse('2026-12-02T10:45:00Z'))]],
    ]);
    expect(links[0].pathname).toBe('/a/rustydb-monitoring-app/open');
    expect(Object.fromEntries(links[0].searchParams)).toMatchObject({
      dashboard: 'rustydb-logs',
      job: 'rustydb',
      instance: 'db-1:9100',
    });
  });

  it("renders a notification title and text from the alerts' annotations", () => {
    const alert = (status: string, summary: string) => ({
      status,
      labels: { alertname: 'RustyDBHighCPU', severity: 'critical' },
      annotations: {
        summary,
        description: `${summary} detail`,
        runbook_url: 'https://runbook',
        dashboard_url: 'https://dashboard',
      },
    });
    const data = {
      status: 'firing',
      alerts: [alert('firing', 'One.'), alert('resolved', 'Two.')],
      commonLabels: { alertname: 'RustyDBHighCPU', severity: 'critical' },
    };
    expect(renderTemplate(data, '{{ template "rustydb.title" . }}\n{{ template "rustydb.text" .Alerts.Firing }}')).toBe(
      '[FIRING:1] RustyDBHighCPU critical\nOne.\nOne. detail\nRunbook: https://runbook\nDashboard: https://dashboard\n\n'
    );
  });
});
