import { openLinkTarget } from './openLink';

const instances = [
  { uid: 'orders', name: 'Orders', jsonData: { job: 'rustydb', instance: 'db-1:9100', prometheusUid: 'prom' } },
  { uid: 'billing', name: 'Billing', jsonData: { job: 'rustydb', instance: 'db-2:9100', prometheusUid: 'prom' } },
  { uid: 'legacy', name: 'Legacy', jsonData: {} },
];
const open = (query: string) => openLinkTarget(new URLSearchParams(query), instances);

describe('openLinkTarget', () => {
  it('lands on the data source with those labels, keeping variables and the time range', () => {
    const target = open('dashboard=rustydb-pools&job=rustydb&instance=db-2:9100&var-pool=batch&from=1&to=2');
    expect(target.kind).toBe('dashboard');
    const url = new URL(`http://g${(target as { url: string }).url}`);
    expect(url.pathname).toBe('/d/rustydb-pools');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'var-rustydb': 'billing',
      'var-prometheus': 'prom',
      'var-job': 'rustydb',
      'var-instance': 'db-2:9100',
      'var-pool': 'batch',
      from: '1',
      to: '2',
    });
  });

  it("opens an alert's logs_url on the logs dashboard, with the rule's last hour or Alertmanager's epoch range", () => {
    const fromRule = open('dashboard=rustydb-logs&job=rustydb&instance=db-1:9100&from=now-1h&to=now');
    const fromAlertmanager = open('dashboard=rustydb-logs&job=rustydb&instance=db-1:9100&from=1796202000000&to=now');
    for (const [target, from] of [
      [fromRule, 'now-1h'],
      [fromAlertmanager, '1796202000000'],
    ] as const) {
      const url = new URL(`http://g${(target as { url: string }).url}`);
      expect(url.pathname).toBe('/d/rustydb-logs');
      expect(Object.fromEntries(url.searchParams)).toMatchObject({ 'var-rustydb': 'orders', from, to: 'now' });
    }
  });

  it('says so when no data source has the labels, and offers the Prometheus panels', () => {
    const target = open('dashboard=rustydb-overview&job=rustydb&instance=db-9:9100');
    expect(target).toMatchObject({ kind: 'unmatched', message: expect.stringContaining('db-9:9100') });
    expect((target as { url: string }).url).toBe('/d/rustydb-overview?var-job=rustydb&var-instance=db-9:9100');
  });

  it('refuses a dashboard the app does not bundle, and never lets a link pick the data source', () => {
    expect(open('dashboard=../admin&job=rustydb')).toMatchObject({ kind: 'invalid' });
    const target = open('dashboard=rustydb-overview&job=rustydb&instance=db-1:9100&var-rustydb=billing');
    expect((target as { url: string }).url).toContain('var-rustydb=orders');
    expect((target as { url: string }).url).not.toContain('billing');
  });
});
