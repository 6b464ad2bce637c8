import { fakeClient, FakeAnswer, NOW, PROXY } from '../testing/fakes';
import { fixture } from '../testing/fixtures';
import { QueryType } from '../types';
import { parsePoolStats } from './pools';

const ctx = { refId: 'A', now: NOW, range: { from: NOW - 1, to: NOW }, keep: () => true };

const v065 = (path: string): FakeAnswer => ({
  data: path === '/api/v1/pools' ? fixture('pools.json') : fixture('pool-default-stats.json'),
});

describe('pool stats', () => {
  it('warns, naming both pools, when RustyDB answers for another pool than the one asked (v0.6.5)', () => {
    const frame = parsePoolStats(fixture('pool-readonly-stats.json'), ctx, 'readonly');
    expect(frame.meta?.notices).toContainEqual({
      severity: 'warning',
      text: 'Asked RustyDB for pool "readonly" but it answered for pool "default": RustyDB v0.6.5 ignores the id in /pools/{id}/stats, so these numbers are not "readonly"\'s.',
    });
    expect(frame.fields.find((f) => f.name === 'pool_id')?.values).toEqual(['readonly']);
  });

  it("says when the numbers are v0.6.5's hard-coded constants", () => {
    const frame = parsePoolStats(fixture('pool-default-stats.json'), ctx, 'default');
    expect(frame.meta?.notices?.map((n) => n.severity)).toEqual(['info']);
    expect(frame.meta?.notices?.[0].text).toMatch(/constants RustyDB v0\.6\.5 answers for every pool/);
  });

  it('has no notice for real, matching numbers', () => {
    const body = { ...(fixture('pool-default-stats.json') as object), active_connections: 31, idle_connections: 9 };
    expect(parsePoolStats(body, ctx, 'default').meta?.notices).toBeUndefined();
  });

  it("computes the guide's utilisation, active / (active + idle), with its thresholds", () => {
    const body = { ...(fixture('pool-default-stats.json') as object), active_connections: 30, idle_connections: 10 };
    const utilisation = (b: unknown) => parsePoolStats(b, ctx, 'default').fields.find((f) => f.name === 'utilisation');
    expect(utilisation(body)?.values).toEqual([0.75]);
    expect(utilisation({ ...body, active_connections: 0, idle_connections: 0 })?.values).toEqual([null]);
    const field = parsePoolStats(fixture('pool-default-stats.json'), ctx, 'default').fields.find(
      (f) => f.name === 'utilisation'
    )!;
    expect(field.config.unit).toBe('percentunit');
    expect(field.config.thresholds?.steps.map((s) => s.value)).toEqual([-Infinity, 0.8, 0.95]);
  });

  it('reads every pool /pools lists when none is asked, one request each, sorted', async () => {
    const { client: rusty, calls } = fakeClient(v065);
    const { frames } = await rusty.run([{ refId: 'A', queryType: QueryType.PoolStats }]);
    expect(frames.map((f) => f.name)).toEqual(['pool default', 'pool readonly']);
    expect(calls.map((c) => c.replace(`${PROXY}/anon`, ''))).toEqual([
      '/api/v1/pools',
      '/api/v1/pools/default/stats',
      '/api/v1/pools/readonly/stats',
    ]);
  });

  it('refuses unknown pool ids without asking for their (v0.6.5: default) stats, and still shows the others', async () => {
    const { client: rusty, calls } = fakeClient(v065);
    const { frames, errors } = await rusty.run([
      { refId: 'A', queryType: QueryType.PoolStats, poolIds: ['default', 'analytics'] },
    ]);
    expect(frames).toHaveLength(1);
    expect(errors[0].message).toBe(
      'Pool "analytics" is not one of RustyDB\'s pools ("default", "readonly"); its stats were not requested, because RustyDB v0.6.5 would answer with the default pool\'s numbers. Check the pool variable or id.'
    );
    expect(calls.some((c) => c.includes('analytics'))).toBe(false);
  });

  it('reports a pool whose stats fail beside the pools that worked (documented: 404 for an unknown pool)', async () => {
    const { client: rusty } = fakeClient((path) =>
      path.includes('readonly')
        ? {
            status: 404,
            data: { ...(fixture('error-pool-not-found.json') as object), message: "Pool 'readonly' not found" },
          }
        : v065(path)
    );
    const { frames, errors } = await rusty.run([{ refId: 'A', queryType: QueryType.PoolStats }]);
    expect(frames.map((f) => f.name)).toEqual(['pool default']);
    expect(errors[0].message).toMatch(/HTTP 404: NOT_FOUND: Pool 'readonly' not found/);
  });

  it('asks for explicit ids even when /pools fails, and says the ids were not checked', async () => {
    const { client: rusty } = fakeClient((path) =>
      path === '/api/v1/pools' ? { status: 500, data: 'boom' } : v065(path)
    );
    const { frames, errors } = await rusty.run([{ refId: 'A', queryType: QueryType.PoolStats, poolIds: ['default'] }]);
    expect(frames).toHaveLength(1);
    expect(errors[0].message).toMatch(
      /Pool ids were not checked against \/api\/v1\/pools: RustyDB failed on \/api\/v1\/pools \(HTTP 500: "boom"\)/
    );
  });

  it('fails clearly when the pool list itself fails and no ids were given', async () => {
    const { client: rusty } = fakeClient(() => ({ status: 502, data: '' }));
    const { frames, errors } = await rusty.run([{ refId: 'A', queryType: QueryType.PoolStats }]);
    expect(frames).toEqual([]);
    expect(errors[0].message).toMatch(/Grafana could not reach RustyDB/);
  });
});
