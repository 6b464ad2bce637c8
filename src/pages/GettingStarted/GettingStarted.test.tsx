import React from 'react';
import { Observable, of, throwError } from 'rxjs';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackendSrv, BackendSrvRequest, config, setBackendSrv } from '@grafana/runtime';
import { GettingStarted } from './GettingStarted';
import {
  fakeDatasourceSrv,
  healthyRoutes,
  InstanceRoutes,
  instanceSettings,
  proxyFetch,
  unreachableRoutes,
} from '../testing/fakeRustyDB';
import { BUNDLED_DASHBOARDS } from '../../components/dashboardLinks';

const NEW_UID = 'new-rustydb';

/**
 * Grafana as far as the page touches it: `POST /api/datasources` answers `create`, the reload makes the new data source
 * known (as Grafana's reload does), and the new instance serves `routes` through the proxy.
 */
function grafana(
  routes: InstanceRoutes,
  create: () => Observable<unknown> = () => of({ status: 200, data: { datasource: { uid: NEW_UID } } })
) {
  config.datasources = {};
  let routesNow = routes;
  const proxy = proxyFetch({ [NEW_UID]: new Proxy({}, { get: (_, path: string) => routesNow[path] }) });
  const fetch = jest.fn((request: BackendSrvRequest) =>
    request.url === '/api/datasources' ? create() : proxy(request)
  );
  setBackendSrv({ fetch } as unknown as BackendSrv);
  const reload = jest.fn(async () => {
    const posted = fetch.mock.calls.find(([r]) => r.url === '/api/datasources')![0].data;
    config.datasources = { [posted.name]: instanceSettings(NEW_UID, posted.name, posted.jsonData) };
  });
  fakeDatasourceSrv({ reload });
  return {
    fetch,
    reload,
    posted: () => fetch.mock.calls.filter(([r]) => r.url === '/api/datasources').map(([r]) => r.data),
    serve: (next: InstanceRoutes) => (routesNow = next),
  };
}

async function fillAndSubmit(fields: { name?: string; url?: string }) {
  const user = userEvent.setup();
  if (fields.name !== undefined) {
    await user.clear(screen.getByLabelText(/^Name/));
    if (fields.name) {
      await user.type(screen.getByLabelText(/^Name/), fields.name);
    }
  }
  if (fields.url) {
    await user.type(screen.getByLabelText(/^Server URL/), fields.url);
  }
  await user.click(screen.getByRole('button', { name: /create and test/i }));
  return user;
}

describe('GettingStarted', () => {
  it("creates the data source through Grafana, tests it with the datasource's health check, then offers its dashboards", async () => {
    const g = grafana(healthyRoutes());
    render(<GettingStarted />);
    await fillAndSubmit({ name: 'Orders DB', url: 'http://orders-db:8080/' });

    expect(await screen.findByText('3. Orders DB is connected')).toBeInTheDocument();
    expect(g.posted()).toEqual([
      {
        name: 'Orders DB',
        type: 'rustydb-stats-datasource',
        access: 'proxy',
        jsonData: { serverUrl: 'http://orders-db:8080', authType: 'none' },
      },
    ]);
    expect(g.reload).toHaveBeenCalledTimes(1);
    expect(g.fetch.mock.calls.map(([r]) => r.url)).toContain(
      `/api/datasources/proxy/uid/${NEW_UID}/anon/api/v1/admin/health`
    );
    expect(screen.getByText(/healthy/i)).toBeInTheDocument();
    const links = screen.getByRole('navigation', { name: 'Dashboards for Orders DB' });
    expect(links.querySelectorAll('a')).toHaveLength(BUNDLED_DASHBOARDS.length);
    expect(links.querySelector('a')).toHaveAttribute('href', `/d/${BUNDLED_DASHBOARDS[0].uid}?var-rustydb=${NEW_UID}`);
    expect(screen.getByRole('link', { name: /see every instance/i })).toHaveAttribute(
      'href',
      '/a/rustydb-monitoring-app/home'
    );
  });

  it('keeps a bearer token in secureJsonData only, and tests through the bearer route', async () => {
    const g = grafana(healthyRoutes());
    render(<GettingStarted />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Bearer token' }));
    await user.type(screen.getByLabelText(/^Server URL/), 'https://db.example:8443');
    await user.type(screen.getByLabelText(/^Bearer token/, { selector: 'input[type="password"]' }), 's3cret');
    await user.click(screen.getByRole('button', { name: /create and test/i }));

    expect(await screen.findByText('3. RustyDB is connected')).toBeInTheDocument();
    expect(g.posted()).toEqual([
      {
        name: 'RustyDB',
        type: 'rustydb-stats-datasource',
        access: 'proxy',
        jsonData: { serverUrl: 'https://db.example:8443', authType: 'bearer' },
        secureJsonData: { bearerToken: 's3cret' },
      },
    ]);
    expect(g.fetch.mock.calls.map(([r]) => r.url)).toContain(
      `/api/datasources/proxy/uid/${NEW_UID}/bearer/api/v1/admin/health`
    );
  });

  it.each([
    ['no server URL', { url: '' }, /^Server URL/, /Enter RustyDB's REST address/],
    [
      'a URL without a scheme',
      { url: 'rustydb:8080' },
      /^Server URL/,
      /Start the address with http:\/\/ or https:\/\//,
    ],
    ['no name', { name: '', url: 'http://db:8080' }, /^Name/, /Give the data source a name/],
  ])('with %s, says what to fix, moves focus there and creates nothing', async (_, fields, label, message) => {
    const g = grafana(healthyRoutes());
    render(<GettingStarted />);
    await fillAndSubmit(fields);
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getByLabelText(label)).toHaveFocus();
    expect(screen.getByLabelText(label)).toHaveAttribute('aria-invalid', 'true');
    expect(g.fetch).not.toHaveBeenCalled();
  });

  it('asks for the token when token authentication is chosen without one', async () => {
    const g = grafana(healthyRoutes());
    render(<GettingStarted />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'API key' }));
    await fillAndSubmit({ url: 'http://db:8080' });
    expect(screen.getByText('Enter the api key, or choose no authentication.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^API key/, { selector: 'input[type="password"]' })).toHaveFocus();
    expect(g.fetch).not.toHaveBeenCalled();
  });

  it('explains why Grafana refused to create it and keeps the form as it was', async () => {
    grafana(healthyRoutes(), () =>
      throwError(() => ({ status: 409, data: { message: 'data source with the same name already exists' } }))
    );
    render(<GettingStarted />);
    await fillAndSubmit({ url: 'http://db:8080' });
    expect(
      await screen.findByText('A data source named "RustyDB" already exists. Choose another name.')
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Server URL/)).toHaveValue('http://db:8080');
    expect(screen.getByRole('button', { name: /create and test/i })).toBeEnabled();
  });

  it('tells a role that may not add data sources to ask an administrator', async () => {
    grafana(healthyRoutes(), () => throwError(() => ({ status: 403, data: { message: 'Permission denied' } })));
    render(<GettingStarted />);
    await fillAndSubmit({ url: 'http://db:8080' });
    expect(await screen.findByText(/Ask an organization administrator/)).toBeInTheDocument();
  });

  it('reports a created data source whose server does not answer, and tests it again once it does', async () => {
    const g = grafana(unreachableRoutes());
    render(<GettingStarted />);
    const user = await fillAndSubmit({ url: 'http://db:8080' });
    expect(await screen.findByText('3. RustyDB was created, but its test failed')).toBeInTheDocument();
    expect(screen.getByText(/could not reach RustyDB/i)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /fix its settings/i })).toHaveAttribute(
      'href',
      `/connections/datasources/edit/${NEW_UID}`
    );
    expect(screen.queryByRole('navigation', { name: /Dashboards for/ })).not.toBeInTheDocument();

    g.serve(healthyRoutes());
    await user.click(screen.getByRole('button', { name: 'Test again' }));
    await waitFor(() => expect(screen.getByText('3. RustyDB is connected')).toBeInTheDocument());
    expect(g.posted()).toHaveLength(1);
  });
});
