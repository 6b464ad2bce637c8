import { createDataFrame, CustomVariableSupport, DataQueryRequest, DataQueryResponse, FieldType } from '@grafana/data';
import { from, map, Observable } from 'rxjs';
import type { DataSource } from '../datasource';
import { VariableQueryEditor } from '../editors/VariableQueryEditor';
import { RustyDBVariableQuery } from '../types';

/** Variables of pools, cluster nodes, replicas or query types, with their own small editor. */
export class RustyDBVariableSupport extends CustomVariableSupport<DataSource, RustyDBVariableQuery> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: DataSource) {
    super();
  }

  query(request: DataQueryRequest<RustyDBVariableQuery>): Observable<DataQueryResponse> {
    const target = request.targets[0]?.target ?? 'pools';
    return from(this.datasource.client.metricFind(target)).pipe(
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
