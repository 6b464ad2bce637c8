import fs from 'fs';
import path from 'path';
import { LOG_STREAMS } from '../../dashboards/src/boards/logql';
import { hostPath, loadCompose, Service } from '../../scripts/consistencyCompose';
import { LOG_FILES } from '../../simulator/logFiles';
import { maskSecrets, MASK_RULES } from '../../src/rustydb/masking';
import { readYaml } from '../ruleModel';
import { AlloyBlock, objectValues, parseAlloy, stringValue } from './alloyConfig';

/** No Alloy runs here: the pipeline's components, wiring, labels and masking are checked from its source. */

const ROOT = path.resolve(__dirname, '../..');
const CONFIG = path.join(__dirname, 'config.alloy');
const blocks = parseAlloy(fs.readFileSync(CONFIG, 'utf8'));
const { services } = loadCompose(path.join(ROOT, 'docker-compose.yaml'));
const service = (name: string) => services.find((s) => s.name === name) as Service;
const prometheus = readYaml(path.join(ROOT, 'monitoring/prometheus.yml'));
const rustydbJob = prometheus.scrape_configs.find((j: { job_name: string }) => j.job_name === 'rustydb');

const component = (name: string) => {
  const found = blocks.filter((b) => b.name === name);
  expect(found).toHaveLength(1);
  return found[0];
};
const stages = (process: AlloyBlock, name: string) => process.blocks.filter((b) => b.name === name);
/** `loki.process.rustydb.receiver` → `loki.process "rustydb"`. */
const references = (value: string) =>
  [...value.matchAll(/\b((?:local|loki)\.[a-z_]+)\.(\w+)\.(receiver|targets)\b/g)].map(([, name, label, exported]) => ({
    name,
    label,
    exported,
  }));

describe('monitoring/alloy/config.alloy', () => {
  const fileMatch = component('local.file_match');
  const source = component('loki.source.file');
  const process = component('loki.process');
  const write = component('loki.write');
  const pathTargets = objectValues(fileMatch.attrs.path_targets);

  it('tails the three files RustyDB writes under /var/lib/rustydb/instances/<name>/logs/', () => {
    expect(pathTargets.map((t) => t.__path__).sort()).toEqual(
      Object.values(LOG_FILES)
        .map((file) => `/var/lib/rustydb/instances/*/logs/${file}`)
        .sort()
    );
  });

  it('wires file_match → source.file → process → write, every reference naming a component that exists', () => {
    const exists = (ref: { name: string; label: string }) =>
      blocks.some((b) => b.name === ref.name && b.label === ref.label);
    const all = blocks.flatMap((b) => Object.values(b.attrs).flatMap(references));
    expect(all.filter((ref) => !exists(ref))).toEqual([]);
    expect(references(source.attrs.targets)).toEqual([
      { name: 'local.file_match', label: fileMatch.label, exported: 'targets' },
    ]);
    expect(references(source.attrs.forward_to)).toEqual([
      { name: 'loki.process', label: process.label, exported: 'receiver' },
    ]);
    expect(references(process.attrs.forward_to)).toEqual([
      { name: 'loki.write', label: write.label, exported: 'receiver' },
    ]);
  });

  it('pushes to the Loki service of docker-compose', () => {
    const url = new URL(stringValue(write.blocks.find((b) => b.name === 'endpoint')!.attrs.url));
    expect(url.hostname).toBe('loki');
    expect(service('loki').ports.map((p) => p.split(':')[1].split('/')[0])).toContain(url.port);
    expect(url.pathname).toBe('/loki/api/v1/push');
  });

  it('labels streams with job, instance, log and level only: high-cardinality fields stay in the line', () => {
    const fromTargets = pathTargets.flatMap((t) => Object.keys(t).filter((k) => !k.startsWith('__')));
    const fromStages = [...stages(process, 'stage.labels'), ...stages(process, 'stage.static_labels')].flatMap((b) =>
      objectValues(b.attrs.values).flatMap(Object.keys)
    );
    expect([...new Set([...fromTargets, ...fromStages])].sort()).toEqual(['instance', 'job', 'level', 'log']);
    const dropped = stages(process, 'stage.label_drop').flatMap((b) => JSON.parse(b.attrs.values));
    expect(dropped).toContain('filename');
  });

  it("uses Prometheus' job and one of its instances, and the log names the dashboards query", () => {
    expect(new Set(pathTargets.map((t) => t.job))).toEqual(new Set([rustydbJob.job_name]));
    expect(pathTargets.map((t) => t.log).sort()).toEqual(Object.values(LOG_STREAMS).sort());
    const targets = rustydbJob.static_configs.flatMap((c: { targets: string[] }) => c.targets);
    const staticLabels = stages(process, 'stage.static_labels')[0].attrs.values;
    const fallback = /instance = coalesce\(sys\.env\("(\w+)"\), "([^"]+)"\)/.exec(staticLabels)!;
    expect(targets).toContain(fallback[2]);
    const composeEnv = readYaml(path.join(ROOT, 'docker-compose.yaml')).services.alloy.environment;
    expect(targets).toContain(composeEnv[fallback[1]]);
  });

  it('masks card numbers and secrets with exactly the rules the datasource uses, before anything is parsed', () => {
    const replaces = stages(process, 'stage.replace').map((b) => ({
      expression: stringValue(b.attrs.expression),
      replace: stringValue(b.attrs.replace),
    }));
    expect(replaces).toEqual(MASK_RULES.map(({ expression, replace }) => ({ expression, replace })));
    const order = process.blocks.map((b) => b.name);
    expect(order.lastIndexOf('stage.replace')).toBeLessThan(order.indexOf('stage.json'));
    const line = JSON.stringify({ statement: "CREATE USER x WITH PASSWORD 'p4ss'", card: '4111 1111 1111 1111' });
    expect(maskSecrets(line)).not.toMatch(/p4ss|4111 1111 1111/);
  });

  it('parses the JSON lines, and takes their RFC 3339 timestamp and level', () => {
    const json = objectValues(stages(process, 'stage.json')[0].attrs.expressions)[0];
    expect(Object.keys(json).sort()).toEqual(['level', 'timestamp']);
    expect(stages(process, 'stage.timestamp')[0].attrs).toMatchObject({ source: '"timestamp"', format: '"RFC3339"' });
  });

  it('reads the volume the simulator writes its log files to', () => {
    const simulator = service('simulator');
    const logDir = simulator.command[simulator.command.indexOf('--log-dir') + 1];
    const shared = (s: Service) => s.mounts.find((m) => m.target === logDir);
    expect(shared(simulator)?.source).toBe('rustydb-logs');
    expect(shared(service('alloy'))).toMatchObject({ source: 'rustydb-logs', readOnly: true });
    const dirs = pathTargets.map((t) => new RegExp(`^${path.posix.dirname(t.__path__).replace('*', '[^/]+')}$`));
    expect(dirs.every((dir) => dir.test(logDir))).toBe(true);
    const alloy = service('alloy');
    expect(hostPath(alloy, alloy.command[alloy.command.length - 1])).toBe(CONFIG);
  });
});
