import React, { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { locationService, PluginPage } from '@grafana/runtime';
import { Alert, LinkButton } from '@grafana/ui';
import { rustydbInstances } from '../../components/rustydbInstances';
import { openLinkTarget } from './openLink';

/**
 * `/a/rustydb-monitoring-app/open?dashboard=<uid>&job=<job>&instance=<instance>[&var-…][&from&to]`: where alerts
 * link to. Finds the RustyDB data source with those Prometheus labels and forwards to the dashboard on it.
 */
export function Open() {
  const { search } = useLocation();
  const target = useMemo(() => openLinkTarget(new URLSearchParams(search), rustydbInstances()), [search]);
  useEffect(() => {
    if (target.kind === 'dashboard') {
      locationService.replace(target.url);
    }
  }, [target]);
  return (
    <PluginPage>
      {target.kind === 'invalid' && (
        <Alert severity="error" title="This link does not name a RustyDB dashboard">
          {target.message}
        </Alert>
      )}
      {target.kind === 'unmatched' && (
        <Alert severity="warning" title="No RustyDB data source for this server">
          {target.message}{' '}
          <LinkButton href={target.url} size="sm" variant="secondary">
            Open the dashboard (Prometheus panels)
          </LinkButton>
        </Alert>
      )}
    </PluginPage>
  );
}
