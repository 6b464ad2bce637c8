import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { healthyRoutes } from '../testing/fakeRustyDB';
import { MAX_POOLS_READ, readInstance } from './readInstance';

function getter(routes: Record<string, unknown>) {
  return jest.fn(async (path: string) => {
    if (!(path in routes)) {
      throw new Error(`no ${path}`);
    }
    return routes[path];
  });
}

describe('readInstance', () => {
  it("reads health, server info, performance and every pool's stats", async () => {
    const get = getter(healthyRoutes());
    const reading = await readInstance(get);
    expect(reading.health.ok && reading.server?.ok && reading.performance.ok && reading.pools.ok).toBe(true);
    expect(get.mock.calls.map(([p]) => p).sort()).toEqual(
      [
        '/api/v1/admin/health',
        '/api/v1/server/info',
        '/api/v1/stats/performance',
        '/api/v1/pools',
        '/api/v1/pools/readonly/stats',
        '/api/v1/pools/default/stats',
      ].sort()
    );
  });

  it('asks nothing more of an instance whose health cannot be read', async () => {
    const get = getter({});
    const reading = await readInstance(get);
    expect(reading.health).toEqual({ ok: false, error: 'no /api/v1/admin/health' });
    expect(reading.pools.ok).toBe(false);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('keeps what it read when one endpoint fails', async () => {
    const routes = healthyRoutes();
    delete routes[ENDPOINTS.serverInfo.path];
    const reading = await readInstance(getter(routes));
    expect(reading.server).toEqual({ ok: false, error: 'no /api/v1/server/info' });
    expect(reading.performance.ok).toBe(true);
  });

  it(`reads the stats of at most ${MAX_POOLS_READ} pools, to spare RustyDB's shared rate limit`, async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `p${i}`);
    const routes = healthyRoutes({
      [ENDPOINTS.pools.path]: ids.map((pool_id) => ({ pool_id })),
      ...Object.fromEntries(
        ids.map((id) => [
          `/api/v1/pools/${id}/stats`,
          { active_connections: 1, idle_connections: 1, waiting_requests: 0 },
        ])
      ),
    });
    const get = getter(routes);
    const reading = await readInstance(get);
    expect(reading.pools.ok && reading.pools.value).toHaveLength(MAX_POOLS_READ);
    expect(get.mock.calls.filter(([p]) => p.endsWith('/stats'))).toHaveLength(MAX_POOLS_READ);
  });

  it('encodes pool ids, so none can leave its path segment', async () => {
    const get = getter(healthyRoutes({ [ENDPOINTS.pools.path]: [{ pool_id: '../admin' }] }));
    await readInstance(get);
    expect(get.mock.calls.map(([p]) => p)).toContain('/api/v1/pools/..%2Fadmin/stats');
  });
});
