import React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackendSrv, config, setBackendSrv } from '@grafana/runtime';
import { Home, summarise } from './Home';
import {
  failure,
  fakeDatasourceSrv,
  healthyRoutes,
  NO_ANSWER,
  instanceSettings,
  InstanceRoutes,
  proxyFetch,
  unreachableRoutes,
  v065Routes,
} from '../testing/fakeRustyDB';
import { ENDPOINTS } from '../../rustydb/api/endpoints';
import statsPerformance from '../../../fixtures/stats-performance.json';
import { BUNDLED_DASHBOARDS } from '../../components/dashboardLinks';

/** Registers RustyDB instances (and one data source of another type) with Grafana and serves their APIs. */
function fleet(routesByUid: Record<string, InstanceRoutes>) {
  config.datasources = {
    Prometheus: { ...instanceSettings('prom', 'Prometheus'), type: 'prometheus' },
    ...Object.fromEntries(Object.keys(routesByUid).map((uid) => [uid, instanceSettings(uid, uid)])),
  };
  const fetch = proxyFetch(routesByUid);
  setBackendSrv({ fetch } as unknown as BackendSrv);
  fakeDatasourceSrv();
  return fetch;
}

const cards = () => screen.getAllByTestId('rustydb-instance');
const cardOf = (name: string) => screen.getByRole('article', { name });

/**
 * Waits until every instance has been read once (a card is replaced when its first report arrives). The timeout bounds
 * a hang; it is no speed expectation (a busy machine may take seconds to read and render 20 instances in jsdom).
 */
async function settled(summary: string) {
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(summary), { timeout: 60_000 });
}

afterEach(() => {
  jest.useRealTimers();
});

describe('Home', () => {
  it('with no RustyDB data source, invites the user to add one', () => {
    fleet({});
    render(<Home settings={{}} />);
    expect(screen.getByText('No RustyDB data source yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /add your first rustydb/i })).toHaveAttribute(
      'href',
      '/a/rustydb-monitoring-app/getting-started'
    );
    expect(screen.queryByTestId('rustydb-instance')).not.toBeInTheDocument();
  });

  it('shows a healthy instance with its checks, version, uptime, live figures and links', async () => {
    const fetch = fleet({ 'rustydb-a': healthyRoutes() });
    render(<Home settings={{ prometheusDatasourceUid: 'prom' }} />);
    await settled('1 instance: 1 healthy');
    const card = cardOf('rustydb-a');
    expect(within(card).getByText('Healthy')).toBeInTheDocument();
    expect(within(card).getByText('RustyDB 0.6.0')).toBeInTheDocument();
    expect(within(card).getByText('up 1 hour, 30 minutes')).toBeInTheDocument();
    expect(within(card).getByText('7.30%')).toBeInTheDocument();
    expect(within(card).getByText('35.3%')).toBeInTheDocument();
    expect(within(card).getByText('250 ops/s')).toBeInTheDocument();
    expect(within(card).getByText('65%')).toBeInTheDocument();
    expect(within(card).getByText('pool default, 2 waiting')).toBeInTheDocument();
    expect(within(card).getByText(/database: healthy/)).toBeInTheDocument();
    expect(within(card).getByText(/Database is operational/)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: /settings of rustydb-a/i })).toHaveAttribute(
      'href',
      '/connections/datasources/edit/rustydb-a'
    );
    const links = within(within(card).getByRole('navigation', { name: 'Dashboards for rustydb-a' })).queryAllByRole(
      'link'
    );
    expect(links.map((l) => l.getAttribute('href'))).toEqual(
      BUNDLED_DASHBOARDS.map((d) => `/d/${d.uid}?var-rustydb=rustydb-a&var-prometheus=prom`)
    );
    expect(fetch.mock.calls.map(([r]) => r.url)).toEqual(
      expect.arrayContaining([
        '/api/datasources/proxy/uid/rustydb-a/anon/api/v1/admin/health',
        '/api/datasources/proxy/uid/rustydb-a/anon/api/v1/server/info',
        '/api/datasources/proxy/uid/rustydb-a/anon/api/v1/stats/performance',
        '/api/datasources/proxy/uid/rustydb-a/anon/api/v1/pools/default/stats',
      ])
    );
  });

  it('shows a degraded instance with why, in words as well as colour', async () => {
    fleet({
      degraded: healthyRoutes({
        [ENDPOINTS.adminHealth.path]: {
          status: 'degraded',
          version: '1.0.0',
          uptime_seconds: 10,
          checks: { storage: { status: 'degraded', message: 'WAL disk 91% full', last_check: 0 } },
        },
        [ENDPOINTS.statsPerformance.path]: { ...statsPerformance, cache_hit_ratio: 0.97, cpu_usage_percent: 93.4 },
      }),
    });
    render(<Home settings={{}} />);
    await settled('1 instance: 1 critical');
    const card = cardOf('degraded');
    expect(within(card).getByText('Critical')).toBeInTheDocument();
    const problems = within(card).getByRole('list', { name: 'Problems on degraded' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual([
      'CPU 93.4% is above the critical level of 90%',
      'RustyDB reports status "degraded"',
      'Check storage is degraded: WAL disk 91% full',
      'TPS 20.9 ops/s is below the warning level of 50 ops/s',
    ]);
    expect(within(card).getByText('93.4% (critical)')).toBeInTheDocument();
  });

  it("shows a RustyDB v0.6.5 instance's constants as such, without judging them", async () => {
    fleet({ legacy: v065Routes() });
    render(<Home settings={{}} />);
    await settled('1 instance: 1 healthy');
    const card = cardOf('legacy');
    expect(within(card).getByText('20.9 ops/s')).toBeInTheDocument();
    expect(within(card).getByText('v0.6.5 placeholder: requests since start ÷ 60')).toBeInTheDocument();
    expect(within(card).getByText(/\(v0\.6\.5 constants, not measurements\)$/)).toBeInTheDocument();
    expect(within(card).queryByRole('list', { name: 'Problems on legacy' })).not.toBeInTheDocument();
  });

  it('shows an unreachable instance as such, with the reason, and asks it nothing more', async () => {
    const fetch = fleet({ down: unreachableRoutes() });
    render(<Home settings={{}} />);
    await settled('1 instance: 1 unreachable');
    const card = cardOf('down');
    expect(within(card).getByText('Unreachable')).toBeInTheDocument();
    expect(within(card).getByText(/Grafana could not reach RustyDB/)).toBeInTheDocument();
    expect(within(card).queryByRole('definition')).not.toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('lists many instances worst first, including one that is still being checked', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `db-${String(i).padStart(2, '0')}`);
    const routes: Record<string, InstanceRoutes> = Object.fromEntries(names.map((n) => [n, healthyRoutes()]));
    routes['db-05'] = unreachableRoutes();
    routes['db-09'] = healthyRoutes({
      [ENDPOINTS.statsPerformance.path]: {
        ...statsPerformance,
        memory_usage_percent: 85,
        transactions_per_second: 300,
      },
    });
    routes['db-10'] = healthyRoutes({ [ENDPOINTS.statsPerformance.path]: failure(503, {}, 'Service Unavailable') });
    routes['db-01'] = { [ENDPOINTS.adminHealth.path]: NO_ANSWER };
    fleet(routes);
    render(<Home settings={{}} />);
    await settled('12 instances: 1 unreachable, 2 warning, 8 healthy, 1 being checked');
    expect(cards().map((c) => within(c).getByRole('heading').textContent)).toEqual([
      'db-05',
      'db-09',
      'db-10',
      'db-00',
      'db-02',
      'db-03',
      'db-04',
      'db-06',
      'db-07',
      'db-08',
      'db-11',
      'db-01',
    ]);
    expect(within(cardOf('db-01')).getByText('Checking…')).toBeInTheDocument();
    expect(within(cardOf('db-10')).getByText(/^CPU, memory and TPS unavailable: /)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'RustyDB instances, worst first' })).toBeInTheDocument();
  });

  it('reads again every refresh interval, on demand, and stops when it leaves the page', async () => {
    jest.useFakeTimers();
    const fetch = fleet({ a: healthyRoutes() });
    const healthCalls = () => fetch.mock.calls.filter(([r]) => r.url.endsWith('/admin/health')).length;
    const { unmount } = render(<Home settings={{ refreshSeconds: 10 }} />);
    await act(async () => {});
    expect(healthCalls()).toBe(1);
    await act(async () => jest.advanceTimersByTime(10_000));
    expect(healthCalls()).toBe(2);
    await act(async () => jest.advanceTimersByTime(9_000));
    expect(healthCalls()).toBe(2);
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'Refresh now' }));
    expect(healthCalls()).toBe(3);
    unmount();
    await act(async () => jest.advanceTimersByTime(60_000));
    expect(healthCalls()).toBe(3);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('Home with many instances', () => {
  const names = Array.from({ length: 20 }, (_, i) => `db-${String(i).padStart(2, '0')}`);
  function bigFleet() {
    const routes: Record<string, InstanceRoutes> = Object.fromEntries(names.map((n) => [n, healthyRoutes()]));
    routes['db-15'] = unreachableRoutes();
    routes['db-03'] = healthyRoutes({
      [ENDPOINTS.statsPerformance.path]: { ...statsPerformance, cache_hit_ratio: 0.97, cpu_usage_percent: 93.4 },
    });
    routes['db-11'] = healthyRoutes({
      [ENDPOINTS.statsPerformance.path]: {
        ...statsPerformance,
        memory_usage_percent: 85,
        transactions_per_second: 300,
      },
    });
    return fleet(routes);
  }
  const tableNames = () =>
    within(screen.getByTestId('rustydb-fleet-table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[1].textContent);

  it('shows a table, problems first, with each instance on one line', async () => {
    bigFleet();
    render(<Home settings={{}} />);
    await settled('20 instances: 1 unreachable, 1 critical, 1 warning, 17 healthy');
    expect(screen.queryByTestId('rustydb-instance')).not.toBeInTheDocument();
    expect(tableNames().slice(0, 4)).toEqual(['db-15', 'db-03', 'db-11', 'db-00']);
    const hot = screen.getByRole('row', { name: /db-03/ });
    expect(within(hot).getByText('Critical')).toBeInTheDocument();
    expect(within(hot).getByText('CPU 93.4% is above the critical level of 90%')).toBeInTheDocument();
    expect(within(hot).getByText('93.4% (critical)')).toBeInTheDocument();
    expect(within(hot).getByRole('link', { name: 'db-03' })).toHaveAttribute(
      'href',
      `/d/${BUNDLED_DASHBOARDS[0].uid}?var-rustydb=db-03`
    );
  });

  it('filters by level and text, sorts by a column, and switches to cards', async () => {
    bigFleet();
    render(<Home settings={{}} />);
    await settled('20 instances: 1 unreachable, 1 critical, 1 warning, 17 healthy');
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Problems' }));
    expect(tableNames()).toEqual(['db-15', 'db-03', 'db-11']);
    await user.type(screen.getByPlaceholderText('Filter by name or problem'), 'memory');
    expect(tableNames()).toEqual(['db-11']);
    await user.click(screen.getByRole('radio', { name: 'All' }));
    await user.clear(screen.getByPlaceholderText('Filter by name or problem'));
    await user.click(screen.getByRole('button', { name: 'Sort column CPU' }));
    expect(tableNames()[0]).toBe('db-03');
    await user.click(screen.getByRole('radio', { name: 'Cards' }));
    expect(cards()).toHaveLength(20);
    expect(within(cards()[0]).getByRole('heading').textContent).toBe('db-15');
  });
});

describe('summarise', () => {
  it('counts each level and those still being checked', () => {
    expect(summarise(3, [])).toBe('3 instances: 3 being checked');
  });
});
