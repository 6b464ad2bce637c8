import type { ComponentHealth, ComponentHealthDetail, HealthResponse } from '../../rustydb/api/types';
import { QueryType } from '../types';
import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { Parser, viewRunner } from './area';
import { snapshotFrame, tableFrame } from './parse/frames';
import { emptyNotices } from './parse/parsers';
import { placeholderNotices } from './placeholders';
import { isRow, Row } from '../../rustydb/json';
import { asObject, fieldTable, Issues, textOf } from './parse/read';

const HEALTH = ENDPOINTS.adminHealth.path;
const FULL = ENDPOINTS.healthFull.path;

const STATUS_FIELDS = fieldTable<HealthResponse & { healthy: number }>((f) => [
  f.str('status', 'Status'),
  f.num('healthy', 'Healthy', 'bool'),
  f.str('version', 'Version'),
  f.num('uptime_seconds', 'Uptime', 's'),
]);

const CHECK_FIELDS =
  /** `checks` is a map by name: each row carries its name as `check`. */
  fieldTable<ComponentHealth & { check: string }>((f) => [
    f.str('check', 'Check'),
    f.str('status', 'Status'),
    f.str('message', 'Message', { nullable: true }),
    f.time('last_check', 'Last check'),
  ]);

const COMPONENT_FIELDS = fieldTable<ComponentHealthDetail>((f) => [
  f.str('component', 'Component'),
  f.str('status', 'Status'),
  f.str('message', 'Message'),
  f.num('duration_ms', 'Check duration', 'ms', { nullable: true }),
]);

/** 1 when healthy, 0 otherwise: a number a stat panel can colour and live mode can graph. */
const healthyOf = (status: unknown) => (typeof status === 'string' ? (status === 'healthy' ? 1 : 0) : null);

/** The named entries of a map as rows, `{[nameKey]: name, ...entry}`; entries that are not objects are noted. */
function mapRows(map: unknown, nameKey: string, where: string, issues: Issues): Row[] {
  const record = asObject(map, where);
  return Object.entries(record).flatMap(([name, entry]) => {
    if (!isRow(entry)) {
      issues.add('notObject', name, entry);
      return [];
    }
    return [{ ...entry, [nameKey]: name }];
  });
}

const parseHealthStatus: Parser = (body, ctx) => {
  const record = asObject(body, HEALTH);
  return [
    snapshotFrame(ctx, { ...record, healthy: healthyOf(record.status) }, STATUS_FIELDS, new Issues(HEALTH), {
      name: 'health',
      path: HEALTH,
      notices: placeholderNotices('health', record),
    }),
  ];
};

const parseHealthChecks: Parser = (body, ctx) => {
  const issues = new Issues(HEALTH);
  const rows = mapRows(asObject(body, HEALTH).checks, 'check', `"checks" in ${HEALTH}`, issues).sort((a, b) =>
    textOf(a.check).localeCompare(textOf(b.check))
  );
  return [
    tableFrame(ctx, rows, CHECK_FIELDS, issues, {
      name: 'health checks',
      path: HEALTH,
      notices: emptyNotices(HEALTH, rows.length, rows.length),
    }),
  ];
};

const PROBES = ['liveness', 'readiness', 'startup'] as const;

/** A probe's own facts (ready, initialized, its dependency or check map) as one line. */
function probeSummary(probe: Row): string {
  return Object.entries(probe)
    .filter(([key]) => key !== 'status' && key !== 'timestamp')
    .flatMap(([key, value]) =>
      isRow(value) ? Object.entries(value).map(([k, v]) => `${k} ${textOf(v)}`) : [`${key} ${textOf(value)}`]
    )
    .join('; ');
}

/** The three probes as rows beside the components. */
function probeRows(record: Row): Row[] {
  return PROBES.map((component) => {
    const probe = record[component];
    return isRow(probe)
      ? { component, status: probe.status, message: probeSummary(probe), duration_ms: null }
      : { component, status: null, message: `"${component}" is missing from the response`, duration_ms: null };
  });
}

const parseHealthProbes: Parser = (body, ctx) => {
  const record = asObject(body, FULL);
  const issues = new Issues(FULL);
  const components = Array.isArray(record.components) ? record.components.filter(isRow) : [];
  if (!Array.isArray(record.components)) {
    issues.add('missing', 'components');
  }
  const rows = [...components, ...probeRows(record)];
  return [tableFrame(ctx, rows, COMPONENT_FIELDS, issues, { name: 'health probes', path: FULL })];
};

export const runHealth = viewRunner(QueryType.Health, {
  status: { endpoint: 'adminHealth', parse: parseHealthStatus },
  checks: { endpoint: 'adminHealth', parse: parseHealthChecks },
  probes: { endpoint: 'healthFull', parse: parseHealthProbes },
});
