import {
  createDataFrame,
  CustomVariableSupport,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  FieldType,
  MetricFindValue,
} from '@grafana/data';
import { defer, map, Observable } from 'rxjs';
import { VariableQueryEditor } from '../editors/VariableQueryEditor';
import { migrateVariableQuery } from '../migration';
import { RustyDBOptions, RustyDBQuery, RustyDBVariableQuery, VariableTarget } from '../types';

/** Where a variable's values come from: the data source's client, behind the one call this needs. */
export type VariableValues = (target: VariableTarget) => Promise<MetricFindValue[]>;

/**
 * Variables of pools, cluster nodes, replicas or query types, with their own small editor. Typed against Grafana's
 * `DataSourceApi` and a function, not the RustyDB data source class, so that class can import this one without a cycle.
 */
export class RustyDBVariableSupport extends CustomVariableSupport<
  DataSourceApi<RustyDBQuery, RustyDBOptions>,
  RustyDBVariableQuery
> {
  editor = VariableQueryEditor;

  constructor(private readonly values: VariableValues) {
    super();
  }

  query(request: DataQueryRequest<RustyDBVariableQuery>): Observable<DataQueryResponse> {
    // A query Grafana saved as bare text, or one that cannot be read, fails here as the variable's error.
    return defer(() => this.values(migrateVariableQuery(request.targets[0]).target)).pipe(
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
