import { exactPattern, identityMismatch, proposeIdentity, scrapeTargets } from './match';

const target = (job: string, instance: string, address = instance) => ({
  labels: { job, instance },
  discoveredLabels: { __address__: address },
  scrapeUrl: `http://${address}/metrics`,
  health: 'up',
});
const body = (...active: unknown[]) => ({ status: 'success', data: { activeTargets: active } });
const targets = scrapeTargets(
  body(
    target('rustydb', 'orders:9100', 'orders.db:9100'),
    target('rustydb', 'billing.db:8080'),
    target('node', 'orders.db:9200'),
    { labels: {} }
  )
);

describe('the Prometheus identity', () => {
  it('reads active targets and skips incomplete ones', () => {
    expect(targets.map((t) => t.address)).toEqual(['orders.db:9100', 'billing.db:8080', 'orders.db:9200']);
    expect(() => scrapeTargets({ status: 'error' })).toThrow(/active targets/);
  });

  it('proposes the target on the REST port first, else one on the same host', () => {
    expect(proposeIdentity('http://billing.db:8080', targets)).toEqual({
      identity: { job: 'rustydb', instance: 'billing.db:8080' },
      candidates: [expect.objectContaining({ address: 'billing.db:8080' })],
    });
    const orders = proposeIdentity('http://orders.db:8080', targets);
    expect(orders.identity).toEqual({ job: 'rustydb', instance: 'orders:9100' });
    expect(orders.note).toMatch(/2 targets scrape orders.db/);
    expect(proposeIdentity('http://elsewhere:8080', targets)).toMatchObject({
      candidates: [],
      note: expect.any(String),
    });
  });

  it("reports labels Prometheus does not have, or that are another server's", () => {
    expect(identityMismatch('http://billing.db:8080', { job: 'rustydb', instance: 'billing.db:8080' }, targets)).toBe(
      undefined
    );
    expect(identityMismatch('http://billing.db:8080', { job: 'rustydb', instance: 'orders:9100' }, targets)).toMatch(
      /belong to orders.db:9100, another server/
    );
    expect(identityMismatch('http://billing.db:8080', { job: 'x', instance: 'y' }, targets)).toMatch(/no target/);
  });

  it('escapes a label value into a regex that matches it alone', () => {
    const re = new RegExp(`^${exactPattern('db.1:9100 (a|b)')}$`);
    expect(re.test('db.1:9100 (a|b)')).toBe(true);
    expect(re.test('dbx1:9100 a')).toBe(false);
  });
});
