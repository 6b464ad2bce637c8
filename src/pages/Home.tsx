import React from 'react';
import { PluginPage, getDataSourceSrv } from '@grafana/runtime';
import { Alert, LinkButton, Stack, Text } from '@grafana/ui';
import { DATASOURCE_TYPE } from '../constants';

export function Home() {
  const instances = getDataSourceSrv().getList({ type: DATASOURCE_TYPE });
  return (
    <PluginPage>
      {instances.length === 0 ? (
        <Alert severity="info" title="No RustyDB data source yet">
          Add a RustyDB data source under Connections to start monitoring.
        </Alert>
      ) : (
        <Stack direction="column" gap={1}>
          <Text element="h2">RustyDB instances</Text>
          {instances.map((ds) => (
            <Stack key={ds.uid} alignItems="center" gap={2}>
              <Text>{ds.name}</Text>
              <LinkButton variant="secondary" size="sm" href={`/connections/datasources/edit/${encodeURIComponent(ds.uid)}`}>
                Settings
              </LinkButton>
            </Stack>
          ))}
        </Stack>
      )}
    </PluginPage>
  );
}
