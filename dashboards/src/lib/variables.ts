import { PROMETHEUS, PROMETHEUS_TYPE, PROMETHEUS_VARIABLE, RUSTYDB_TYPE, RUSTYDB_VARIABLE } from './datasources';
import type { SeriesName } from './promql';

/** A metric both the documented exporter and v0.6.5 export, so the job and instance lists fill on either. */
const TARGET_METRIC: SeriesName = 'rustydb_cpu_usage_percent';

export function datasourceVariable(
  name: string,
  label: string,
  pluginId: string,
  description: string
): Record<string, unknown> {
  return {
    type: 'datasource',
    name,
    label,
    description,
    query: pluginId,
    current: {},
    hide: 0,
    refresh: 1,
    regex: '',
    options: [],
  };
}

/**
 * A Prometheus label variable: multi-value with All (as `.+`, so series without the label's value list still
 * match), refreshed when the time range changes so new instances appear.
 */
export function labelVariable(
  name: string,
  label: string,
  query: string,
  description: string
): Record<string, unknown> {
  return {
    type: 'query',
    name,
    label,
    description,
    datasource: PROMETHEUS,
    query,
    definition: query,
    current: {},
    options: [],
    hide: 0,
    refresh: 2,
    regex: '',
    sort: 1,
    multi: true,
    includeAll: true,
    allValue: '.+',
  };
}

/** The variables every RustyDB dashboard starts with, in this order. */
export function standardVariables(): Array<Record<string, unknown>> {
  return [
    datasourceVariable(
      PROMETHEUS_VARIABLE,
      'Prometheus',
      PROMETHEUS_TYPE,
      'The Prometheus that scrapes RustyDB: history panels.'
    ),
    datasourceVariable(
      RUSTYDB_VARIABLE,
      'RustyDB',
      RUSTYDB_TYPE,
      'The RustyDB server read live through its REST API: health, live and detail panels.'
    ),
    labelVariable('job', 'Job', `label_values(${TARGET_METRIC}, job)`, 'Prometheus scrape job(s) of RustyDB.'),
    labelVariable(
      'instance',
      'Instance',
      `label_values(${TARGET_METRIC}{job=~"$job"}, instance)`,
      'RustyDB instance(s) in the selected jobs.'
    ),
  ];
}
