import { BackendSrv, config, setBackendSrv } from '@grafana/runtime';
import { DataSource } from '../datasource/datasource';
import { fakeDatasourceSrv, healthyRoutes, instanceSettings, proxyFetch } from '../pages/testing/fakeRustyDB';
import { RustyDBReader, rustydbReader } from './rustydbReader';

describe('rustydbReader', () => {
  beforeEach(() => {
    config.datasources = {
      Orders: instanceSettings('orders', 'Orders'),
      Prometheus: { ...instanceSettings('prom', 'Prometheus'), type: 'prometheus' },
    };
  });

  it("answers the instance Grafana loaded, the same one every time, through the datasource's own client", async () => {
    const get = fakeDatasourceSrv();
    setBackendSrv({ fetch: proxyFetch({ orders: healthyRoutes() }) } as unknown as BackendSrv);
    const first = await rustydbReader('orders');
    expect(await rustydbReader('orders')).toBe(first);
    expect(first).toBeInstanceOf(DataSource);
    expect(get).toHaveBeenCalledWith('orders');
    await expect(first.client.get('/api/v1/server/info')).resolves.toMatchObject({ version: '0.6.0' });
  });

  it('refuses a data source of another type, saying which', async () => {
    fakeDatasourceSrv();
    await expect(rustydbReader('prom')).rejects.toThrow(
      'Data source "Prometheus" is a prometheus data source, not RustyDB.'
    );
  });

  it("is a narrow view of the datasource's class (checked when this file typechecks)", () => {
    const narrow: RustyDBReader = new DataSource(instanceSettings('orders', 'Orders'));
    expect(typeof narrow.testDatasource).toBe('function');
  });
});
