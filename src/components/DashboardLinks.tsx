import React from 'react';
import { LinkButton, Stack } from '@grafana/ui';
import { BUNDLED_DASHBOARDS, DashboardSelection, dashboardUrl } from './dashboardLinks';

interface Props {
  /** Names the group of links for screen readers ("Dashboards for <instance>"). */
  instanceName: string;
  selection: DashboardSelection;
}

export function DashboardLinks({ instanceName, selection }: Props) {
  return (
    <nav aria-label={`Dashboards for ${instanceName}`}>
      <Stack direction="row" wrap="wrap" gap={1}>
        {BUNDLED_DASHBOARDS.map((dashboard) => (
          <LinkButton
            key={dashboard.uid}
            href={dashboardUrl(dashboard.uid, selection)}
            size="sm"
            variant="secondary"
            icon="apps"
          >
            {dashboard.title}
          </LinkButton>
        ))}
      </Stack>
    </nav>
  );
}
