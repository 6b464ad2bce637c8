import fs from 'fs';
import yaml from 'js-yaml';
import os from 'os';
import path from 'path';
import { runTool } from '../promTools';
import { alertRules, loadRuleFiles, MONITORING_DIR, readYaml as readFile } from '../ruleModel';
import { alertmanagerConfig, prometheusConfig, shortenOffsets, shortenRules } from './overrides';

const readYaml = (file: string) => readFile(path.join(MONITORING_DIR, file));

describe('test-stack overrides of the shipped configuration', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rustydb-overrides-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('cut every for: and keep_firing_for: and change nothing else in the rules', () => {
    const files = loadRuleFiles();
    const short = files.map((f) => ({ ...f, groups: shortenRules(f.groups, '2s') }));
    const before = alertRules(files);
    const after = alertRules(short);
    expect(after.map((r) => [r.alert, r.expr, r.labels, r.annotations])).toEqual(
      before.map((r) => [r.alert, r.expr, r.labels, r.annotations])
    );
    expect(after.filter((r) => r.for !== undefined).map((r) => r.for)).toEqual(
      before.filter((r) => r.for !== undefined).map(() => '2s')
    );
    expect(after.find((r) => r.keep_firing_for)?.keep_firing_for).toBe('2s');
  });

  it('cut every offset (the capacity rules look a week back) and change nothing else', () => {
    const groups = loadRuleFiles().flatMap((f) => f.groups);
    const before = groups.flatMap((g) => g.rules);
    const after = shortenOffsets(groups, '5s').flatMap((g) => g.rules);
    expect(before.filter((r) => /offset 7d/.test(r.expr)).length).toBeGreaterThan(0);
    expect(after.filter((r) => /offset (?!5s)/.test(r.expr))).toEqual([]);
    expect(after.map((r) => r.expr.replace(/offset 5s/g, ''))).toEqual(
      before.map((r) => r.expr.replace(/offset \d+[smhdwy]/g, ''))
    );
  });

  it('can keep keep_firing_for: apart from for:', () => {
    const short = alertRules(loadRuleFiles().map((f) => ({ ...f, groups: shortenRules(f.groups, '2s', '90s') })));
    const kept = short.filter((r) => r.keep_firing_for !== undefined);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.map((r) => r.keep_firing_for)).toEqual(kept.map(() => '90s'));
    expect(new Set(short.filter((r) => r.for !== undefined).map((r) => r.for))).toEqual(new Set(['2s']));
  });

  it('map the scrape targets and Alertmanager, and still pass promtool check config', () => {
    fs.mkdirSync(path.join(dir, 'rules'), { recursive: true });
    for (const { file, groups } of loadRuleFiles()) {
      fs.writeFileSync(path.join(dir, 'rules', path.basename(file)), yaml.dump({ groups: shortenRules(groups, '2s') }));
    }
    const config = prometheusConfig(readYaml('prometheus.yml'), {
      targets: {
        'simulator:9100': '127.0.0.1:1001',
        'simulator:8080': '127.0.0.1:1002',
        'alertmanager:9093': '127.0.0.1:1003',
      },
      alertmanager: '127.0.0.1:1003',
      ruleFiles: ['rules/*.yml'],
      interval: '1s',
    });
    expect(config.scrape_configs).toEqual([
      {
        job_name: 'rustydb',
        static_configs: [
          { targets: ['127.0.0.1:1001'], labels: { role: 'primary', version: '0.6.5' } },
          {
            targets: ['127.0.0.1:1002'],
            labels: { __metrics_path__: '/api/v1/metrics/prometheus', role: 'primary', version: '0.6.5' },
          },
        ],
      },
      { job_name: 'alertmanager', static_configs: [{ targets: ['127.0.0.1:1003'] }] },
    ]);
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), yaml.dump(config));
    const result = runTool('promtool', ['check', 'config', path.join(dir, 'prometheus.yml')]);
    expect(result.stdout).toContain('SUCCESS: 4 rule files found');
    expect(result.code).toBe(0);
  });

  it('keep the routes and inhibitions, send every receiver to a webhook, and pass amtool', () => {
    const shipped = readYaml('alertmanager/alertmanager.yml');
    const config = alertmanagerConfig(shipped, 'http://127.0.0.1:1004', '1s') as Record<string, any>;
    expect(config.inhibit_rules).toEqual(shipped.inhibit_rules);
    expect(config.route.routes.map((r: any) => [r.receiver, r.matchers, r.continue, r.group_wait])).toEqual(
      shipped.route.routes.map((r: any) => [r.receiver, r.matchers, r.continue, '1s'])
    );
    expect(config.receivers.map((r: any) => r.webhook_configs[0].url)).toEqual(
      shipped.receivers.map((r: any) => `http://127.0.0.1:1004/${r.name}`)
    );
    fs.writeFileSync(path.join(dir, 'alertmanager.yml'), yaml.dump(config));
    const file = path.join(dir, 'alertmanager.yml');
    expect(runTool('amtool', ['check-config', file]).code).toBe(0);
    const routed = runTool('amtool', [
      'config',
      'routes',
      'test',
      `--config.file=${file}`,
      'severity=critical',
      'category=security',
    ]);
    expect(routed.stdout.trim()).toBe('team-dba-pagerduty,team-security,team-dba-slack');
  });
});
