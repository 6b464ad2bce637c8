import React from 'react';
import { DataSourceApi, QueryEditorProps } from '@grafana/data';
import { Combobox, InlineField } from '@grafana/ui';
import { migrateVariableQuery } from '../migration';
import { messageOf } from '../transport/errors';
import { RustyDBOptions, RustyDBQuery, RustyDBVariableQuery } from '../types';
import { VARIABLE_TARGETS } from '../variables/values';

/** Grafana's data source type, not the RustyDB class: the editor needs none of it, and importing it made a cycle. */
type Props = QueryEditorProps<
  DataSourceApi<RustyDBQuery, RustyDBOptions>,
  RustyDBQuery,
  RustyDBOptions,
  RustyDBVariableQuery
>;

const OPTIONS = VARIABLE_TARGETS.map(({ value, label, description }) => ({ value, label, description }));

/** Which list the variable offers; a query Grafana saved as bare text (`pools`) shows as that list. */
export function VariableQueryEditor({ query: saved, onChange }: Props) {
  let query: RustyDBVariableQuery = { refId: 'variable', target: 'pools' };
  let error: string | undefined;
  try {
    query = migrateVariableQuery(saved);
  } catch (err) {
    error = messageOf(err);
  }
  return (
    <InlineField
      label="Values"
      labelWidth={14}
      tooltip="Multi-value and Include All work with every query parameter."
      invalid={Boolean(error)}
      error={error}
    >
      <Combobox
        id="rustydb-variable-target"
        options={OPTIONS}
        value={query.target}
        width={32}
        onChange={(option) => onChange({ ...query, target: option.value })}
      />
    </InlineField>
  );
}
