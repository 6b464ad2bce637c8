import React from 'react';
import { QueryEditorProps } from '@grafana/data';
import { Combobox, InlineField } from '@grafana/ui';
import type { DataSource } from '../datasource';
import { QueryType, RustyDBOptions, RustyDBQuery } from '../types';

type Props = QueryEditorProps<DataSource, RustyDBQuery, RustyDBOptions>;

const QUERY_TYPE_OPTIONS = [{ label: 'Performance', value: QueryType.Performance, description: 'CPU, memory, cache, TPS, locks' }];

export function QueryEditor({ query, onChange, onRunQuery }: Props) {
  return (
    <InlineField label="Query type" labelWidth={14}>
      <Combobox
        options={QUERY_TYPE_OPTIONS}
        value={query.queryType}
        width={30}
        onChange={(option) => {
          onChange({ ...query, queryType: option.value });
          onRunQuery();
        }}
      />
    </InlineField>
  );
}
