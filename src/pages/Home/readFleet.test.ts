import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { answerFleetQuery, FakeScrape } from '../testing/fakePrometheus';
import { healthyRoutes, InstanceRoutes, instanceSettings } from '../testing/fakeRustyDB';
import { limitConcurrency } from './concurrency';
import { FLEET_QUERIES } from './fleetPromQL';
import type { InstanceReport } from './instanceReport';
import { FleetDeps, readFleet } from './readFleet';

const NOW = 1_700_000_000_000;
const identity = (instance: string) => ({ prometheusUid: 'prom', job: 'rustydb', instance });

/** A fleet of fake instances (REST routes by uid) and one fake Prometheus; records every request. */
function fakeFleet(routesByUid: Record<string, InstanceRoutes>, scrapes: FakeScrape[], limit = limitConcurrency(6)) {
  const rest: string[] = [];
  const promql: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const deps: FleetDeps = {
    reader: async (uid) => {
      const routes = routesByUid[uid];
      if (!routes) {
        throw new Error(`Datasource ${uid} was not found`);
      }
      return {
        client: {
          get: async (path: string) => {
            rest.push(`${uid} ${path}`);
            inFlight++;
            mostInFlight = Math.max(mostInFlight, inFlight);
            await new Promise((resolve) => setTimeout(resolve, 0));
            inFlight--;
            if (!(path in routes)) {
              throw new Error('Grafana could not reach RustyDB (HTTP 502 Bad Gateway)');
            }
            return routes[path];
          },
        },
        testDatasource: async () => ({ status: 'success', message: 'ok' }),
      };
    },
    prometheus: jest.fn(
      async (uid: string, query: string, now: number, range?: { seconds: number; stepSeconds: number }) => {
        promql.push(`${uid} ${range ? 'range ' : ''}${query}`);
        const time = now / 1000;
        return answerFleetQuery(
          scrapes,
          query,
          time,
          range && { start: time - range.seconds, end: time, step: range.stepSeconds }
        );
      }
    ),
    limit,
    now: () => NOW,
  };
  const read = async (instances: Array<ReturnType<typeof instanceSettings>>) => {
    const reports: InstanceReport[] = [];
    await readFleet(instances, deps, (r) => reports.push(r));
    return new Map(reports.map((r) => [r.uid, r]));
  };
  return { deps, read, rest, promql, mostInFlight: () => mostInFlight };
}

const scrape = (instance: string, cpu = 20): FakeScrape => ({
  job: 'rustydb',
  instance,
  cpu,
  memory: 40,
  tps: 200,
  pools: [{ pool: 'default', active: 5, idle: 15, waiting: 0 }],
});

describe('readFleet', () => {
  it('reads instances with a Prometheus identity from a handful of PromQL queries, asking their REST only for health', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `db-${i}`);
    const fleet = fakeFleet(
      Object.fromEntries([...names, 'plain'].map((n) => [n, healthyRoutes()])),
      names.map((n) => scrape(`${n}:8080`, n === 'db-7' ? 95 : 20))
    );
    const reports = await fleet.read([
      ...names.map((n) => instanceSettings(n, n, identity(`${n}:8080`))),
      instanceSettings('plain', 'plain'),
    ]);
    // One query per figure plus the trend, for all 30 instances at once.
    expect(fleet.promql).toHaveLength(Object.keys(FLEET_QUERIES).length + 1);
    expect(fleet.rest.filter((r) => r.startsWith('db-'))).toEqual(
      names.map((n) => `${n} ${ENDPOINTS.adminHealth.path}`)
    );
    // Without an identity, REST gives everything.
    expect(fleet.rest.filter((r) => r.startsWith('plain ')).length).toBeGreaterThan(3);
    expect(reports.get('db-7')).toMatchObject({
      level: 'critical',
      problems: ['CPU 95% is above the critical level of 90%'],
    });
    expect(reports.get('db-3')).toMatchObject({ level: 'ok', problems: [] });
    expect(reports.get('db-3')!.trend).toHaveLength(31);
    expect(reports.get('db-3')!.figures.map((f) => [f.label, f.value])).toEqual([
      ['CPU', 20],
      ['Memory', 40],
      ['TPS', 200],
      ['Pool pressure', 0.25],
    ]);
    expect(reports.get('plain')).toMatchObject({ level: 'ok', version: '0.6.0' });
  });

  it('keeps at most the limit of REST requests in flight across the fleet', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `db-${i}`);
    const fleet = fakeFleet(Object.fromEntries(names.map((n) => [n, healthyRoutes()])), [], limitConcurrency(3));
    await fleet.read(names.map((n) => instanceSettings(n, n)));
    expect(fleet.rest.length).toBeGreaterThan(100);
    expect(fleet.mostInFlight()).toBe(3);
  });

  it('says why figures are missing when Prometheus fails or has no series, and still reads health', async () => {
    const fleet = fakeFleet({ a: healthyRoutes(), b: healthyRoutes() }, [scrape('a:8080')]);
    const failing = fakeFleet({ a: healthyRoutes() }, []);
    failing.deps.prometheus = async () => {
      throw new Error('Prometheus data source "Prometheus" did not answer (HTTP 502).');
    };
    const reports = await fleet.read([
      instanceSettings('a', 'a', identity('a:8080')),
      instanceSettings('b', 'b', identity('b:8080')),
    ]);
    expect(reports.get('b')).toMatchObject({
      level: 'warning',
      status: 'healthy',
      problems: [
        'CPU, memory and TPS unavailable: Prometheus has no series for job "rustydb", instance "b:8080"',
        'Pool figures unavailable: Prometheus has no series for job "rustydb", instance "b:8080"',
      ],
    });
    const down = await failing.read([instanceSettings('a', 'a', identity('a:8080'))]);
    expect(down.get('a')).toMatchObject({ level: 'warning', status: 'healthy' });
    expect(down.get('a')!.problems[0]).toBe(
      'CPU, memory and TPS unavailable: Prometheus data source "Prometheus" did not answer (HTTP 502).'
    );
  });

  it('reports unreachable instances, and data sources Grafana cannot load, with the reason', async () => {
    const fleet = fakeFleet({ down: {} }, [scrape('down:8080')]);
    const reports = await fleet.read([
      instanceSettings('down', 'down', identity('down:8080')),
      instanceSettings('gone', 'gone'),
    ]);
    expect(reports.get('down')).toMatchObject({
      level: 'unreachable',
      unreachableReason: 'Grafana could not reach RustyDB (HTTP 502 Bad Gateway)',
    });
    expect(reports.get('gone')).toMatchObject({
      level: 'unreachable',
      unreachableReason: 'Datasource gone was not found',
    });
    expect(fleet.rest).toEqual([`down ${ENDPOINTS.adminHealth.path}`]);
  });
});
