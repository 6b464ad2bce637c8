import React, { ChangeEvent } from 'react';
import { QueryEditorProps } from '@grafana/data';
import {
  Alert,
  Button,
  Combobox,
  InlineField,
  InlineFieldRow,
  InlineSwitch,
  Input,
  RadioButtonGroup,
  Stack,
  TagsInput,
  Text,
} from '@grafana/ui';
import type { DataSource } from '../datasource';
import { LabelFiltersField } from '../labelFilters/LabelFiltersField';
import { migrateQuery, NEW_QUERY, refIdOf } from '../migration';
import { EVENT_SOURCE_OPTIONS, queryTypeInfo, QUERY_TYPES } from '../queryTypes';
import { messageOf } from '../transport/errors';
import { AuditFilter, QueryType, RustyDBOptions, RustyDBQuery } from '../types';
import { numberInput, QueryProblem, queryProblems } from './validation';

type Props = QueryEditorProps<DataSource, RustyDBQuery, RustyDBOptions>;

const TYPE_OPTIONS = QUERY_TYPES.map((info) => ({ label: info.label, value: info.value, description: info.hint }));
const AUDIT_FILTER_LABEL = {
  userId: 'User',
  sessionId: 'Session',
  objectName: 'Object',
  action: 'Action',
  result: 'Result',
  signal: 'Signal',
} as const;
const AUDIT_TEXT_FILTERS = Object.keys(AUDIT_FILTER_LABEL) as Array<keyof typeof AUDIT_FILTER_LABEL>;
/** Filters applied to the entries after RustyDB answered: only the audit log view shows them. */
const LOCAL_AUDIT_FILTERS: string[] = ['action', 'result', 'signal'];
const LABEL_WIDTH = 14;

const ID_FIELDS = {
  poolIds: { label: 'Pools', tooltip: 'Pool ids or a pool variable ($pool); empty: every pool RustyDB lists.' },
  nodeIds: { label: 'Nodes', tooltip: 'Node ids or a node variable; empty: all nodes.' },
  replicaIds: { label: 'Replicas', tooltip: 'Replica ids or a replica variable; empty: all replicas.' },
} as const;

/** `invalid` and `error` of an InlineField, from the query's problems. */
function problemProps(problems: QueryProblem[], field: QueryProblem['field']) {
  const error = problems.find((p) => p.field === field)?.message;
  return { invalid: Boolean(error), error };
}

/**
 * The saved query in the current schema (`migration.ts`): an old one shows in today's names and is saved so on the
 * next edit; one that cannot be read says why and offers to start over.
 */
export function QueryEditor(props: Props) {
  let query: RustyDBQuery;
  try {
    query = migrateQuery(props.query);
  } catch (err) {
    return (
      <Alert severity="error" title="This query cannot be read">
        <Stack direction="column" alignItems="flex-start">
          {messageOf(err)}
          <Button
            size="sm"
            variant="secondary"
            onClick={() => props.onChange({ ...NEW_QUERY, refId: refIdOf(props.query) })}
          >
            Start a new query
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <QueryFields {...props} query={query} />;
}

/** Thin over the query model: the type, its view and parameters, live mode; a hint says what comes back. */
function QueryFields({ query, onChange, onRunQuery, datasource }: Props) {
  const info = queryTypeInfo(query.queryType ?? QueryType.Performance);
  const view = info?.views?.find((v) => v.value === query.view) ?? info?.views?.[0];
  const problems = queryProblems(query);
  const update = (patch: Partial<RustyDBQuery>, run = true) => {
    onChange({ ...query, ...patch });
    if (run) {
      onRunQuery();
    }
  };
  const setAudit = (patch: Partial<AuditFilter>) => update({ audit: { ...query.audit, ...patch } }, false);
  const auditView = info?.value === QueryType.Security && (query.view === 'auditLogs' || query.view === 'failedLogins');

  return (
    <Stack direction="column" gap={1}>
      <InlineFieldRow>
        <InlineField label="Query type" labelWidth={LABEL_WIDTH} {...problemProps(problems, 'queryType')}>
          <Combobox
            id="rustydb-query-type"
            options={TYPE_OPTIONS}
            value={query.queryType ?? QueryType.Performance}
            createCustomValue
            width={32}
            onChange={(option) => update({ queryType: option.value, view: undefined })}
          />
        </InlineField>
        {info?.views && (
          <InlineField label="View" labelWidth={8} {...problemProps(problems, 'view')}>
            <Combobox
              id="rustydb-view"
              options={info.views.map((v) => ({ label: v.label, value: v.value, description: v.hint }))}
              value={view?.value}
              width={28}
              onChange={(option) => update({ view: option.value })}
            />
          </InlineField>
        )}
      </InlineFieldRow>

      {info?.ids && (
        <InlineField label={ID_FIELDS[info.ids].label} labelWidth={LABEL_WIDTH} tooltip={ID_FIELDS[info.ids].tooltip}>
          <TagsInput
            id={`rustydb-${info.ids}`}
            tags={query[info.ids] ?? []}
            placeholder="all (or $variable)"
            width={48}
            onChange={(tags) => update({ [info.ids as string]: tags })}
          />
        </InlineField>
      )}

      {info?.levels && (
        <InlineField
          label={info.value === QueryType.Logs ? 'Levels' : 'Severities'}
          labelWidth={LABEL_WIDTH}
          tooltip="Only these (case ignored); empty: all."
        >
          <TagsInput
            id="rustydb-levels"
            tags={query.levels ?? []}
            placeholder="all"
            width={48}
            onChange={(levels) => update({ levels })}
          />
        </InlineField>
      )}

      {info?.value === QueryType.Events && (
        <InlineField label="Events" labelWidth={LABEL_WIDTH}>
          <RadioButtonGroup
            options={EVENT_SOURCE_OPTIONS}
            value={query.eventSource ?? 'alerts'}
            onChange={(eventSource) => update({ eventSource })}
          />
        </InlineField>
      )}

      {info?.value === QueryType.Raw && (
        <InlineField label="Path" labelWidth={LABEL_WIDTH} grow {...problemProps(problems, 'path')}>
          <Input
            id="rustydb-path"
            value={query.path ?? ''}
            placeholder="/api/v1/network/stats"
            onChange={(e: ChangeEvent<HTMLInputElement>) => update({ path: e.currentTarget.value }, false)}
            onBlur={onRunQuery}
          />
        </InlineField>
      )}

      {auditView && (
        <InlineFieldRow>
          {AUDIT_TEXT_FILTERS.filter((key) => query.view === 'auditLogs' || !LOCAL_AUDIT_FILTERS.includes(key)).map(
            (key) => (
              <InlineField key={key} label={AUDIT_FILTER_LABEL[key]} labelWidth={LABEL_WIDTH}>
                <Input
                  id={`rustydb-audit-${key}`}
                  value={query.audit?.[key] ?? ''}
                  placeholder="any"
                  width={20}
                  onChange={(e: ChangeEvent<HTMLInputElement>) =>
                    setAudit({ [key]: e.currentTarget.value || undefined })
                  }
                  onBlur={onRunQuery}
                />
              </InlineField>
            )
          )}
          <InlineField label="Limit" labelWidth={8} {...problemProps(problems, 'limit')}>
            <Input
              id="rustydb-audit-limit"
              type="number"
              value={query.audit?.limit ?? ''}
              placeholder="100"
              width={10}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setAudit({ limit: numberInput(e.currentTarget.value) })}
              onBlur={onRunQuery}
            />
          </InlineField>
        </InlineFieldRow>
      )}

      {Boolean(query.labelFilters?.length) && (
        <LabelFiltersField
          filters={query.labelFilters!}
          labelWidth={LABEL_WIDTH}
          onChange={(labelFilters) => update({ labelFilters: labelFilters.length ? labelFilters : undefined })}
        />
      )}

      <InlineFieldRow>
        <InlineField
          label="Live"
          labelWidth={LABEL_WIDTH}
          tooltip="Poll and graph the values as they change, without Prometheus."
        >
          <InlineSwitch
            id="rustydb-live"
            value={Boolean(query.live)}
            onChange={(e) => update({ live: e.currentTarget.checked })}
          />
        </InlineField>
        {query.live && (
          <InlineField label="Every (ms)" labelWidth={12} {...problemProps(problems, 'intervalMs')}>
            <Input
              id="rustydb-interval"
              type="number"
              width={12}
              value={query.intervalMs ?? ''}
              placeholder={String(datasource.client.liveIntervalMs)}
              onChange={(e: ChangeEvent<HTMLInputElement>) =>
                update({ intervalMs: numberInput(e.currentTarget.value) }, false)
              }
              onBlur={onRunQuery}
            />
          </InlineField>
        )}
      </InlineFieldRow>

      <Text variant="bodySmall" color="secondary">
        {view?.hint ?? info?.hint ?? 'The query type comes from a variable; it is checked when the dashboard runs it.'}
      </Text>
    </Stack>
  );
}
