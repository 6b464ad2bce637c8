import React from 'react';
import { of, throwError } from 'rxjs';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { BackendSrv, config, setBackendSrv } from '@grafana/runtime';
import { AppConfig } from './AppConfig';
import { AppSettings } from '../appSettings';
import { instanceSettings } from '../../pages/testing/fakeRustyDB';
import { stubComboboxEnvironment } from '../../panel/testing/canvas';

beforeAll(stubComboboxEnvironment);

function props(jsonData: AppSettings = {}, state = { enabled: true, pinned: false }) {
  return {
    plugin: { meta: { id: 'rustydb-monitoring-app', jsonData, ...state } },
    query: {},
  } as unknown as PluginConfigPageProps<AppPluginMeta<AppSettings>>;
}

function grafana(answer = () => of({ status: 200, data: {} })) {
  config.datasources = {
    'Prometheus main': { ...instanceSettings('prom-main', 'Prometheus main'), type: 'prometheus' },
    'Prometheus long-term': { ...instanceSettings('prom-lt', 'Prometheus long-term'), type: 'prometheus' },
    RustyDB: instanceSettings('rustydb-1', 'RustyDB'),
  };
  const fetch = jest.fn(answer);
  setBackendSrv({ fetch } as unknown as BackendSrv);
  return fetch;
}

describe('AppConfig', () => {
  it('shows the saved settings', () => {
    grafana();
    render(<AppConfig {...props({ prometheusDatasourceUid: 'prom-lt', refreshSeconds: 60 })} />);
    expect(screen.getByRole('combobox', { name: /^Prometheus data source/ })).toHaveValue('Prometheus long-term');
    expect(screen.getByRole('radio', { name: '1 min' })).toBeChecked();
  });

  it('saves the settings in the app jsonData, keeping enabled and pinned as they are', async () => {
    const fetch = grafana();
    render(<AppConfig {...props({ prometheusDatasourceUid: 'prom-lt' }, { enabled: true, pinned: true })} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: '10 s' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText(/^Saved\./)).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/plugins/rustydb-monitoring-app/settings',
        method: 'POST',
        data: { enabled: true, pinned: true, jsonData: { prometheusDatasourceUid: 'prom-lt', refreshSeconds: 10 } },
      })
    );
  });

  it('flags a saved Prometheus that no longer exists', () => {
    grafana();
    render(<AppConfig {...props({ prometheusDatasourceUid: 'gone' })} />);
    expect(screen.getByText('No Prometheus data source has uid "gone" any more.')).toBeInTheDocument();
  });

  it('says so when Grafana refuses to save', async () => {
    grafana(() => throwError(() => ({ status: 403, data: {} })));
    render(<AppConfig {...props()} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/did not save the settings \(403\)/)).toBeInTheDocument();
    expect(screen.queryByText(/^Saved\./)).not.toBeInTheDocument();
  });
});
