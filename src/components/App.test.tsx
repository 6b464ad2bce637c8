import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { render, screen } from '@testing-library/react';
import { AppRootProps } from '@grafana/data';
import { config } from '@grafana/runtime';
import App from './App';

function renderAt(path: string) {
  config.datasources = {};
  const props = {
    basename: '/a/rustydb-monitoring-app',
    meta: { id: 'rustydb-monitoring-app', jsonData: {} },
  } as unknown as AppRootProps;
  return render(
    <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <App {...props} />
    </MemoryRouter>
  );
}

describe('App', () => {
  it('opens the home page', () => {
    renderAt('/home');
    expect(screen.getByText('No RustyDB data source yet')).toBeInTheDocument();
  });

  it('opens getting started', () => {
    renderAt('/getting-started');
    expect(screen.getByRole('form', { name: 'New RustyDB data source' })).toBeInTheDocument();
  });

  it('opens the runbooks, scrolled to the alert the link names', () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    renderAt('/runbooks#rustydbdown');
    expect(screen.getByRole('region', { name: 'RustyDBDown' })).toHaveAttribute('id', 'rustydbdown');
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
  });

  it('sends an unknown path to the home page', () => {
    renderAt('/nowhere');
    expect(screen.getByText('No RustyDB data source yet')).toBeInTheDocument();
  });
});
