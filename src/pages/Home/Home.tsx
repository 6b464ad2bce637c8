import React, { useCallback, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2, IconName } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Button, EmptyState, LinkButton, RadioButtonGroup, Stack, Text, useStyles2 } from '@grafana/ui';
import { AppSettings, DEFAULT_REFRESH_SECONDS } from '../../components/appSettings';
import { RustyDBInstanceSettings, rustydbInstances } from '../../components/rustydbInstances';
import { appPageUrl, ROUTES } from '../../constants';
import { compareReports, InstanceLevel, InstanceReport } from './instanceReport';
import { FleetTable } from './FleetTable';
import { InstanceCard } from './InstanceCard';
import { LEVEL_LOOK } from './levels';
import { useFleet } from './useFleet';

interface Props {
  settings: AppSettings;
}

export function Home({ settings }: Props) {
  // Grafana's data source list only changes when Grafana reloads it, so one read per visit is enough.
  const instances = useMemo(() => rustydbInstances(), []);
  return (
    <PluginPage subTitle="Every RustyDB data source in this Grafana, worst first.">
      {instances.length === 0 ? <NoInstances /> : <FleetView instances={instances} settings={settings} />}
    </PluginPage>
  );
}

function NoInstances() {
  return (
    <EmptyState
      variant="call-to-action"
      message="No RustyDB data source yet"
      button={
        <LinkButton href={appPageUrl(ROUTES.GettingStarted)} icon="plus">
          Add your first RustyDB
        </LinkButton>
      }
    >
      Connect Grafana to a RustyDB server to see its health, load and connection pools here, and to fill the bundled
      dashboards.
    </EmptyState>
  );
}

const SUMMARY_ORDER: InstanceLevel[] = ['unreachable', 'critical', 'warning', 'ok'];

/** "3 instances: 1 unreachable, 2 healthy" — only counts, so screen readers hear it only when a status changes. */
export function summarise(total: number, reports: InstanceReport[]): string {
  const counts = SUMMARY_ORDER.flatMap((level) => {
    const n = reports.filter((r) => r.level === level).length;
    return n ? [`${n} ${LEVEL_LOOK[level].word.toLowerCase()}`] : [];
  });
  const checking = total - reports.length;
  const parts = [...counts, ...(checking ? [`${checking} being checked`] : [])];
  return `${total} ${total === 1 ? 'instance' : 'instances'}: ${parts.join(', ')}`;
}

/** Up to this many instances the page shows a card each; beyond, a compact table (either can be picked). */
export const CARDS_UP_TO = 12;

type Layout = 'cards' | 'table';
const LAYOUT_OPTIONS: Array<{ label: string; value: Layout; icon: IconName }> = [
  { label: 'Table', value: 'table', icon: 'table' },
  { label: 'Cards', value: 'cards', icon: 'apps' },
];

function FleetView({ instances, settings }: { instances: RustyDBInstanceSettings[]; settings: AppSettings }) {
  const styles = useStyles2(getStyles);
  const refreshSeconds = settings.refreshSeconds ?? DEFAULT_REFRESH_SECONDS;
  const { reports, updatedAt, refresh } = useFleet(instances, refreshSeconds * 1000);
  const [layout, setLayout] = useState<Layout>(instances.length > CARDS_UP_TO ? 'table' : 'cards');
  const done = useMemo(() => [...reports.values()].sort(compareReports), [reports]);
  const checking = useMemo(() => instances.filter((ds) => !reports.has(ds.uid)), [instances, reports]);
  // The data source's own Prometheus (its identity) before the app's default, so the links open one server.
  const prometheusOf = useCallback(
    (uid: string) => instances.find((ds) => ds.uid === uid)?.jsonData.prometheusUid ?? settings.prometheusDatasourceUid,
    [instances, settings.prometheusDatasourceUid]
  );

  return (
    <Stack direction="column" gap={2}>
      <Stack direction="row" justifyContent="space-between" alignItems="center" wrap="wrap" gap={2}>
        <Stack direction="column" gap={0}>
          <Text element="p" weight="medium" role="status" aria-live="polite">
            {summarise(instances.length, done)}
          </Text>
          <Text color="secondary" variant="bodySmall">
            {updatedAt ? `Updated ${dateTimeFormat(updatedAt, { format: 'HH:mm:ss' })}, ` : ''}
            every {refreshSeconds} s
          </Text>
        </Stack>
        <Stack direction="row" gap={1} alignItems="center">
          <RadioButtonGroup
            aria-label="Show instances as"
            options={LAYOUT_OPTIONS}
            value={layout}
            onChange={setLayout}
          />
          <Button variant="secondary" icon="sync" onClick={refresh}>
            Refresh now
          </Button>
          <LinkButton variant="secondary" icon="plus" href={appPageUrl(ROUTES.GettingStarted)}>
            Add RustyDB
          </LinkButton>
        </Stack>
      </Stack>
      {layout === 'table' ? (
        <FleetTable reports={done} checking={checking} prometheusOf={prometheusOf} />
      ) : (
        <ul className={styles.list} aria-label="RustyDB instances, worst first">
          {done.map((report) => (
            <li key={report.uid}>
              <InstanceCard
                uid={report.uid}
                name={report.name}
                report={report}
                prometheusUid={prometheusOf(report.uid)}
              />
            </li>
          ))}
          {checking.map((ds) => (
            <li key={ds.uid}>
              <InstanceCard uid={ds.uid} name={ds.name} prometheusUid={prometheusOf(ds.uid)} />
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: theme.spacing(2),
  }),
});
