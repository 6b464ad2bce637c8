import React, { useId } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Badge, Icon, LinkButton, Spinner, Stack, Text, useStyles2 } from '@grafana/ui';
import { DashboardLinks } from '../../components/DashboardLinks';
import { FigureReport, formatUptime, formatValue, InstanceReport } from './instanceReport';
import { LEVEL_LOOK } from './levels';

interface Props {
  uid: string;
  name: string;
  /** Undefined while the first round of reads is still running. */
  report?: InstanceReport;
  prometheusUid?: string;
}

export function InstanceCard({ uid, name, report, prometheusUid }: Props) {
  const styles = useStyles2(getStyles);
  const headingId = useId();
  return (
    <article className={styles.card} aria-labelledby={headingId} data-testid="rustydb-instance">
      <Stack direction="row" alignItems="center" gap={1} wrap="wrap">
        <Text element="h2" variant="h4" id={headingId}>
          {name}
        </Text>
        {report ? (
          <Badge
            color={LEVEL_LOOK[report.level].badge}
            icon={LEVEL_LOOK[report.level].icon}
            text={LEVEL_LOOK[report.level].word}
          />
        ) : (
          <Text color="secondary">
            <Spinner inline /> Checking…
          </Text>
        )}
        {report?.version !== undefined && <Text color="secondary">RustyDB {report.version}</Text>}
        {report?.uptimeSeconds !== undefined && <Text color="secondary">up {formatUptime(report.uptimeSeconds)}</Text>}
      </Stack>
      {report?.unreachableReason !== undefined && (
        <p className={styles.reason}>
          <Icon name="times-circle" aria-hidden /> <Text color="error">{report.unreachableReason}</Text>
        </p>
      )}
      {report && report.figures.length > 0 && <Figures figures={report.figures} />}
      {report && report.level !== 'unreachable' && report.problems.length > 0 && (
        <ul className={styles.list} aria-label={`Problems on ${name}`}>
          {report.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {report && report.checks.length > 0 && (
        <Stack direction="row" gap={2} wrap="wrap" aria-label={`Health checks of ${name}`} role="list">
          {report.checks.map((check) => (
            <span role="listitem" key={check.name}>
              <Text color={LEVEL_LOOK[check.level].text}>
                <Icon name={LEVEL_LOOK[check.level].icon} aria-hidden /> {check.name}: {check.status}
              </Text>
              {check.message && <Text color="secondary"> — {check.message}</Text>}
            </span>
          ))}
        </Stack>
      )}
      <Stack direction="row" justifyContent="space-between" alignItems="flex-end" gap={2} wrap="wrap">
        <DashboardLinks instanceName={name} selection={{ rustydbUid: uid, prometheusUid }} />
        <LinkButton
          href={`/connections/datasources/edit/${encodeURIComponent(uid)}`}
          size="sm"
          fill="text"
          icon="cog"
          aria-label={`Data source settings of ${name}`}
        >
          Settings
        </LinkButton>
      </Stack>
    </article>
  );
}

function Figures({ figures }: { figures: FigureReport[] }) {
  const styles = useStyles2(getStyles);
  return (
    <dl className={styles.figures}>
      {figures.map((figure) => (
        <div key={figure.label} className={styles.figure}>
          <dt>
            <Text color="secondary" variant="bodySmall">
              {figure.label}
            </Text>
          </dt>
          <dd>
            {figure.value === null ? (
              <Text color="secondary" italic>
                {figure.error ?? 'no data'}
              </Text>
            ) : (
              <Text color={figure.level === 'ok' ? 'primary' : LEVEL_LOOK[figure.level].text} weight="medium">
                {formatValue(figure.value, figure.unit)}
                {figure.level !== 'ok' && ` (${figure.level})`}
              </Text>
            )}
            {figure.detail && (
              <Text color="secondary" variant="bodySmall" element="p">
                {figure.detail}
              </Text>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  card: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
    padding: theme.spacing(2),
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  reason: css({ margin: 0 }),
  figures: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
    gap: theme.spacing(1, 2),
    margin: 0,
  }),
  figure: css({
    dd: { margin: 0 },
  }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
