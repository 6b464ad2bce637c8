import React from 'react';
import { of } from 'rxjs';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackendSrv, config, setBackendSrv } from '@grafana/runtime';
import { IdentityFields } from './IdentityFields';
import { stubComboboxEnvironment } from '../../panel/testing/canvas';

beforeAll(stubComboboxEnvironment);

const target = (job: string, instance: string) => ({
  labels: { job, instance },
  discoveredLabels: { __address__: instance },
  scrapeUrl: `http://${instance}/metrics`,
  health: 'up',
});

function prometheus(...active: unknown[]) {
  config.datasources = {
    Prometheus: { uid: 'prom', name: 'Prometheus', type: 'prometheus' } as (typeof config.datasources)[string],
  };
  const fetch = jest.fn(() => of({ status: 200, data: { status: 'success', data: { activeTargets: active } } }));
  setBackendSrv({ fetch } as unknown as BackendSrv);
  return fetch;
}

describe('IdentityFields', () => {
  it("detects the target on the server's host and port through Grafana's proxy, and offers the others", async () => {
    const fetch = prometheus(
      target('rustydb', 'billing:8080'),
      target('rustydb', 'orders:8080'),
      target('rustydb', 'orders:9100')
    );
    const onChange = jest.fn();
    render(
      <IdentityFields jsonData={{ serverUrl: 'http://orders:8080', prometheusUid: 'prom' }} onChange={onChange} />
    );
    await userEvent.click(screen.getByRole('button', { name: /Detect from Prometheus/ }));
    expect(fetch).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/datasources/proxy/uid/prom/api/v1/targets?state=active' })
    );
    expect(onChange).toHaveBeenCalledWith({ job: 'rustydb', instance: 'orders:8080' });
    expect(await screen.findByText(/Detected job "rustydb", instance "orders:8080"/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Use job "rustydb", instance "orders:9100"/ }));
    expect(onChange).toHaveBeenLastCalledWith({ job: 'rustydb', instance: 'orders:9100' });
  });

  it('says when Prometheus scrapes nothing on that host, and lets the labels be typed', async () => {
    prometheus(target('rustydb', 'billing:8080'));
    const onChange = jest.fn();
    render(
      <IdentityFields jsonData={{ serverUrl: 'http://orders:8080', prometheusUid: 'prom' }} onChange={onChange} />
    );
    await userEvent.click(screen.getByRole('button', { name: /Detect from Prometheus/ }));
    expect(await screen.findByText(/scrapes no target on orders:8080/)).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
    await userEvent.type(screen.getByPlaceholderText('rustydb'), 'j');
    expect(onChange).toHaveBeenLastCalledWith({ job: 'j' });
  });
});
