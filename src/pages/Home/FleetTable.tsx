import React, { memo, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import {
  Badge,
  Column,
  FilterInput,
  LinkButton,
  InteractiveTable,
  RadioButtonGroup,
  Spinner,
  Stack,
  Text,
  useStyles2,
} from '@grafana/ui';
import { BUNDLED_DASHBOARDS, dashboardUrl } from '../../components/dashboardLinks';
import { formatValue, InstanceReport } from './instanceReport';
import {
  compareValues,
  FigureColumn,
  FIGURE_OF_COLUMN,
  fleetRows,
  FleetRow,
  filterRows,
  LevelFilter,
} from './fleetRows';
import { LEVEL_LOOK } from './levels';
import { Trend } from './Trend';

/** Rows per page: the first page holds every problem of a large fleet (problems sort first), and little DOM. */
export const FLEET_PAGE_SIZE = 50;

const LEVEL_FILTERS: Array<{ label: string; value: LevelFilter }> = [
  { label: 'All', value: 'all' },
  { label: 'Problems', value: 'problems' },
  { label: 'Unreachable', value: 'unreachable' },
  { label: 'Critical', value: 'critical' },
  { label: 'Warning', value: 'warning' },
  { label: 'Healthy', value: 'ok' },
];

type SortBy = NonNullable<Column<FleetRow>['sortType']>;
const by =
  (key: keyof FleetRow): SortBy =>
  (a, b) =>
    compareValues(a.original[key] as number | string | null, b.original[key] as number | string | null);

/** Cells are memoised on their report, which keeps its identity while unchanged (`useFleet`). */
const StatusCell = memo(function StatusCell({ report }: { report?: InstanceReport }) {
  if (!report) {
    return (
      <Text color="secondary">
        <Spinner inline /> Checking…
      </Text>
    );
  }
  const look = LEVEL_LOOK[report.level];
  return <Badge color={look.badge} icon={look.icon} text={look.word} />;
});

const FigureCell = memo(function FigureCell({ report, column }: { report?: InstanceReport; column: FigureColumn }) {
  const figure = report?.figures.find((f) => f.label === FIGURE_OF_COLUMN[column]);
  if (!figure || figure.value === null) {
    return <Text color="secondary">–</Text>;
  }
  const shown = formatValue(figure.value, figure.unit);
  return figure.level === 'ok' ? (
    <Text>{shown}</Text>
  ) : (
    <Text color={LEVEL_LOOK[figure.level].text} weight="medium">
      {shown} ({figure.level})
    </Text>
  );
});

/** The worst problem on one line, cut with an ellipsis, whole in its title: rows stay one line high. */
function ProblemCell({ problem }: { problem: string }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.oneLine} title={problem || undefined}>
      <Text color={problem ? 'primary' : 'secondary'}>{problem || '–'}</Text>
    </div>
  );
}

const figureColumn = (id: FigureColumn, header: string): Column<FleetRow> => ({
  id,
  header,
  sortType: by(id),
  sortDescFirst: true,
  disableGrow: true,
  cell: ({ row }) => <FigureCell report={row.original.report} column={id} />,
});

function columns(prometheusOf: (uid: string) => string | undefined): Array<Column<FleetRow>> {
  const overview = BUNDLED_DASHBOARDS[0];
  return [
    {
      id: 'status',
      header: 'Status',
      sortType: by('status'),
      sortDescFirst: true,
      disableGrow: true,
      cell: ({ row }) => <StatusCell report={row.original.report} />,
    },
    {
      id: 'name',
      header: 'Instance',
      sortType: by('name'),
      cell: ({ row: { original } }) => (
        <LinkButton
          href={dashboardUrl(overview.uid, { rustydbUid: original.uid, prometheusUid: prometheusOf(original.uid) })}
          size="sm"
          fill="text"
        >
          {original.name}
        </LinkButton>
      ),
    },
    {
      id: 'problem',
      header: 'Worst problem',
      sortType: by('problem'),
      cell: ({ row: { original } }) => <ProblemCell problem={original.problem} />,
    },
    figureColumn('cpu', 'CPU'),
    figureColumn('memory', 'Memory'),
    figureColumn('tps', 'TPS'),
    figureColumn('pool', 'Pool pressure'),
    {
      id: 'trend',
      header: 'CPU, 30 min',
      disableGrow: true,
      cell: ({ row: { original } }) => (
        <Trend values={original.report?.trend ?? []} label={`CPU of ${original.name} over the last 30 minutes`} />
      ),
    },
    {
      id: 'settings',
      disableGrow: true,
      cell: ({ row: { original } }) => (
        <LinkButton
          href={`/connections/datasources/edit/${encodeURIComponent(original.uid)}`}
          size="sm"
          fill="text"
          icon="cog"
          aria-label={`Data source settings of ${original.name}`}
        />
      ),
    },
  ];
}

interface Props {
  /** Worst first. */
  reports: InstanceReport[];
  checking: Array<{ uid: string; name: string }>;
  prometheusOf: (uid: string) => string | undefined;
}

/** The fleet as one compact, sortable, filterable table: problems first, one line per instance. */
export function FleetTable({ reports, checking, prometheusOf }: Props) {
  const styles = useStyles2(getStyles);
  const [text, setText] = useState('');
  const [level, setLevel] = useState<LevelFilter>('all');
  const tableColumns = useMemo(() => columns(prometheusOf), [prometheusOf]);
  const rows = useMemo(() => filterRows(fleetRows(reports, checking), text, level), [reports, checking, text, level]);
  return (
    <Stack direction="column" gap={1}>
      <Stack direction="row" gap={1} wrap="wrap" alignItems="center">
        <FilterInput placeholder="Filter by name or problem" value={text} onChange={setText} width={40} />
        <RadioButtonGroup aria-label="Show level" options={LEVEL_FILTERS} value={level} onChange={setLevel} size="sm" />
      </Stack>
      <section aria-label="RustyDB instances, worst first" data-testid="rustydb-fleet-table">
        <InteractiveTable
          className={styles.compact}
          columns={tableColumns}
          data={rows}
          getRowId={(row) => row.uid}
          pageSize={FLEET_PAGE_SIZE}
        />
      </section>
      {rows.length === 0 && <Text color="secondary">No instance matches the filter.</Text>}
    </Stack>
  );
}

/** One line per instance at the height of a small button, so a fleet's problems fit on the first screen. */
const getStyles = (theme: GrafanaTheme2) => ({
  compact: css({
    'td, th': { paddingTop: theme.spacing(0.25), paddingBottom: theme.spacing(0.25), whiteSpace: 'nowrap' },
  }),
  oneLine: css({ maxWidth: '32vw', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
});
