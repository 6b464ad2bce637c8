import { MetricFindValue } from '@grafana/data';
import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { exactPattern, NO_IDENTITY_PATTERN } from '../identity/match';
import { RustyDBError } from '../transport/errors';
import type { RustyDBOptions, VariableTarget } from '../types';
import { idValues, queryTypeValues, VARIABLE_SOURCES } from './values';

/** The values of a template variable: names read from RustyDB, the query types, or this server's Prometheus labels. */
export async function variableValues(
  target: VariableTarget,
  jsonData: RustyDBOptions,
  get: (path: string) => Promise<unknown>
): Promise<MetricFindValue[]> {
  if (target === 'queryTypes') {
    return queryTypeValues();
  }
  if (target === 'identityJob' || target === 'identityInstance') {
    const value = jsonData[target === 'identityJob' ? 'job' : 'instance'];
    return [value ? { text: value, value: exactPattern(value) } : { text: 'not set', value: NO_IDENTITY_PATTERN }];
  }
  const source = VARIABLE_SOURCES[target];
  if (!source) {
    throw new RustyDBError(
      'invalidQuery',
      `Unknown variable query "${String(target)}": use pools, clusterNodes, replicas or queryTypes.`
    );
  }
  return idValues(source, await get(ENDPOINTS[source.endpoint].path));
}
