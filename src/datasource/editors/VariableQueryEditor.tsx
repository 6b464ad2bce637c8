import React from 'react';
import { QueryEditorProps } from '@grafana/data';
import { Combobox, InlineField } from '@grafana/ui';
import type { DataSource } from '../datasource';
import { RustyDBOptions, RustyDBQuery, RustyDBVariableQuery } from '../types';
import { VARIABLE_TARGETS } from '../variables/values';

type Props = QueryEditorProps<DataSource, RustyDBQuery, RustyDBOptions, RustyDBVariableQuery>;

const OPTIONS = VARIABLE_TARGETS.map(({ value, label, description }) => ({ value, label, description }));

/** Which list the variable offers. */
export function VariableQueryEditor({ query, onChange }: Props) {
  return (
    <InlineField label="Values" labelWidth={14} tooltip="Multi-value and Include All work with every query parameter.">
      <Combobox
        id="rustydb-variable-target"
        options={OPTIONS}
        value={query.target ?? 'pools'}
        width={32}
        onChange={(option) => onChange({ ...query, refId: query.refId ?? 'variable', target: option.value })}
      />
    </InlineField>
  );
}
