import { createDataFrame, CustomVariableSupport, DataQueryRequest, DataQueryResponse, FieldType } from '@grafana/data';
import { defer, map, Observable } from 'rxjs';
import type { DataSource } from '../datasource';
import { VariableQueryEditor } from '../editors/VariableQueryEditor';
import { migrateVariableQuery } from '../migration';
import { RustyDBVariableQuery } from '../types';

/** Variables of pools, cluster nodes, replicas or query types, with their own small editor. */
export class RustyDBVariableSupport extends CustomVariableSupport<DataSource, RustyDBVariableQuery> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: DataSource) {
    super();
  }

  query(request: DataQueryRequest<RustyDBVariableQuery>): Observable<DataQueryResponse> {
    // A query Grafana saved as bare text, or one that cannot be read, fails here as the variable's error.
    return defer(() => this.datasource.client.metricFind(migrateVariableQuery(request.targets[0]).target)).pipe(
      map((values) => ({
        data: [
          createDataFrame({
            refId: request.targets[0]?.refId ?? 'variable',
            fields: [
              { name: 'text', type: FieldType.string, values: values.map((v) => v.text) },
              { name: 'value', type: FieldType.string, values: values.map((v) => String(v.value ?? v.text)) },
            ],
          }),
        ],
      }))
    );
  }
}
