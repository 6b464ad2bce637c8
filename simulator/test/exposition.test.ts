/**
 * The Prometheus exposition of both profiles: it parses (parse-prometheus-text-format and the real
 * `promtool check metrics`), the documented profile has every catalogued family with its type and labels on both
 * scrape paths, and v0.6.5 has exactly its ten unlabelled families in its own order and layout.
 */
import { spawnSync } from 'child_process';
import { PROMETHEUS_PATH } from '../../src/rustydb/api/endpoints';
import { METRICS, V065_EXPORTED_ORDER } from '../../src/rustydb/metrics';
import type { RunningSimulator } from '../types';
import { AFTERNOON_MS, closeAll, FIXTURE_MS, fixtureText, get, parseExposition, start } from './harness';

afterAll(closeAll);

interface PromtoolResult {
  status: number | null;
  problems: string[];
}

function promtool(text: string): PromtoolResult {
  const r = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (r.error) {
    throw new Error(`promtool is required (Debian package "prometheus"): ${r.error.message}`);
  }
  return { status: r.status, problems: `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.trim() !== '') };
}

/**
 * promtool exits 1 on a parse error and 3 on lint findings. The only findings allowed are naming conventions the
 * catalogue itself breaks (v0.6.5's `rustydb_total_requests` counter has no `_total`, …), never the simulator's own.
 */
function expectValid(text: string): void {
  const { status, problems } = promtool(text);
  expect([0, 3]).toContain(status);
  const naming =
    /^(rustydb_\w+) (counter metrics should have "_total" suffix|non-counter metrics should not have "_total" suffix|metric names should not contain abbreviated units)$/;
  for (const line of problems) {
    const match = naming.exec(line);
    expect({ line, catalogued: match !== null && METRICS.some((m) => m.name === match[1]) }).toEqual({
      line,
      catalogued: true,
    });
  }
}

describe('promtool harness', () => {
  it('rejects a broken exposition, so passing means something', () => {
    expect(promtool('rustydb_cpu_usage_percent{pool="x" 1\n').status).toBe(1);
  });
});

describe('documented profile', () => {
  let sim: RunningSimulator;
  let exporterText: string;

  beforeAll(async () => {
    sim = await start({ profile: 'documented', seed: 3, now: () => AFTERNOON_MS });
    const r = await get(sim.metricsUrl!);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    exporterText = r.text;
  });

  it('listens on its own exporter port at /metrics', () => {
    expect(sim.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(sim.metricsUrl!).port).not.toBe(new URL(sim.url).port);
  });

  it('answers 404 on the exporter port for anything but /metrics', async () => {
    expect((await get(sim.metricsUrl!.replace('/metrics', '/other'))).status).toBe(404);
  });

  it('passes promtool check metrics', () => {
    expectValid(exporterText);
  });

  it('exports every catalogued family with its type and labels', () => {
    const families = parseExposition(exporterText);
    expect([...families.keys()].sort()).toEqual(METRICS.map((m) => m.name).sort());
    for (const spec of METRICS) {
      const family = families.get(spec.name)!;
      expect({ name: spec.name, type: family.type }).toEqual({ name: spec.name, type: spec.type.toUpperCase() });
      expect(family.metrics.length).toBeGreaterThan(0);
      for (const sample of family.metrics) {
        const labels = Object.keys(sample.labels ?? {}).sort();
        expect({ name: spec.name, labels }).toEqual({ name: spec.name, labels: [...spec.labels].sort() });
      }
    }
  });

  it('labels pools and replicas as the REST API names them', async () => {
    const families = parseExposition(exporterText);
    const pools = families.get('rustydb_connection_pool_active')!.metrics.map((m) => m.labels!.pool);
    const restPools = JSON.parse((await get(sim.url, '/api/v1/pools')).text).map((p: { pool_id: string }) => p.pool_id);
    expect(pools).toEqual(restPools);
    const replicas = families.get('rustydb_replica_up')!.metrics.map((m) => m.labels!.replica);
    const restReplicas = JSON.parse((await get(sim.url, '/api/v1/replication/lag')).text).replicas.map(
      (r: { replica_id: string }) => r.replica_id
    );
    expect(replicas).toEqual(restReplicas);
  });

  it('has a consistent query-duration histogram', () => {
    const histogram = parseExposition(exporterText).get('rustydb_query_duration_seconds')!.metrics[0];
    const buckets = Object.entries(histogram.buckets!)
      .map(([le, count]) => [Number(le), Number(count)] as const)
      .sort((a, b) => a[0] - b[0]);
    const counts = buckets.map(([, c]) => c);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(Number(histogram.count)).toBeGreaterThanOrEqual(counts[counts.length - 1]);
    expect(Number(histogram.sum)).toBeGreaterThan(0);
    expect(Number(histogram.count)).toBe(
      Number(parseExposition(exporterText).get('rustydb_queries_total')!.metrics[0].value)
    );
  });

  it('serves the same catalogue at /api/v1/metrics/prometheus, as text/plain', async () => {
    const r = await get(sim.url, PROMETHEUS_PATH);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expectValid(r.text);
    const strip = (text: string) =>
      text.replace(/^rustydb_(total|successful|failed)_requests .*$|^rustydb_avg_response_time_ms .*$/gm, '');
    // Same instant, same model: only the live request counters may differ between the two scrapes.
    expect(strip(r.text)).toEqual(strip(exporterText));
  });
});

describe('v0.6.5 profile', () => {
  let sim: RunningSimulator;
  let text: string;

  beforeAll(async () => {
    sim = await start({ profile: 'v0.6.5', now: () => FIXTURE_MS, metricsPort: 0 });
    text = (await get(sim.url, PROMETHEUS_PATH)).text;
  });

  it('listens on no exporter port, whatever it is asked', () => {
    expect(sim.metricsUrl).toBeNull();
  });

  it('passes promtool check metrics', () => {
    expectValid(text);
  });

  it('exports exactly the ten real families, unlabelled, in order', () => {
    const families = [...parseExposition(text).values()];
    expect(families.map((f) => f.name)).toEqual(V065_EXPORTED_ORDER);
    for (const f of families) {
      expect(f.metrics).toHaveLength(1);
      expect(f.metrics[0].labels ?? {}).toEqual({});
    }
  });

  it('is laid out like the fixture: HELP, TYPE, sample, blank line; only live values differ', () => {
    const shape = (t: string) => t.replace(/^(rustydb_\w+) .*$/gm, '$1 <value>');
    expect(shape(text)).toEqual(shape(fixtureText('metrics-prometheus.txt')));
    const constants = (t: string) => t.split('\n').filter((l) => /^rustydb_(cpu|memory|disk|cache)/.test(l));
    expect(constants(text)).toEqual(constants(fixtureText('metrics-prometheus.txt')));
  });

  it('reports the requests handled before the scrape', async () => {
    const fresh = await start({ profile: 'v0.6.5', now: () => FIXTURE_MS });
    await get(fresh.url, '/api/v1/admin/health');
    await get(fresh.url, '/api/v1/nothing-here');
    const families = parseExposition((await get(fresh.url, PROMETHEUS_PATH)).text);
    expect(Number(families.get('rustydb_total_requests')!.metrics[0].value)).toBe(2);
    expect(Number(families.get('rustydb_failed_requests')!.metrics[0].value)).toBe(1);
  });
});
