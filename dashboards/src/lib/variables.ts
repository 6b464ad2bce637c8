import type { VariableTarget } from '../../../src/datasource/types';
import {
  PROMETHEUS,
  PROMETHEUS_TYPE,
  PROMETHEUS_VARIABLE,
  RUSTYDB,
  RUSTYDB_TYPE,
  RUSTYDB_VARIABLE,
} from './datasources';
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
  description: string,
  allValue = '.+'
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
    allValue,
  };
}

/** The hidden variables that hold the selected RustyDB data source's Prometheus labels, as regular expressions. */
export const IDENTITY_VARIABLES = { job: 'server_job', instance: 'server_instance' } as const;

/** A hidden variable the RustyDB data source's variable support answers with one label of its identity. */
function identityVariable(name: string, target: Extract<VariableTarget, 'identityJob' | 'identityInstance'>) {
  return {
    type: 'query',
    name,
    label: name,
    description: "The selected RustyDB server's Prometheus label (its data source settings), as a regex.",
    datasource: RUSTYDB,
    query: { refId: 'identity', target },
    definition: target,
    current: {},
    options: [],
    hide: 2,
    refresh: 1,
    regex: '',
    sort: 0,
    multi: false,
    includeAll: false,
  };
}

/**
 * `job` or `instance`: the values Prometheus has, narrowed by the regex the selected RustyDB server's identity
 * variable holds (Grafana anchors a regex written without slashes), so they offer that server alone, plus All —
 * the fleet view. Without any RustyDB data source the identity variable is empty, the regex with it, and every
 * value Prometheus has is offered. Single-value: one server, or the fleet.
 */
function scopeVariable(name: 'job' | 'instance', label: string, query: string, description: string) {
  return {
    ...labelVariable(name, label, query, description),
    regex: `\${${IDENTITY_VARIABLES[name]}:raw}`,
    multi: false,
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
      'RustyDB server',
      RUSTYDB_TYPE,
      'The RustyDB server this dashboard shows: its REST panels read it, and its Prometheus identity (data source settings) selects the job and instance below.'
    ),
    identityVariable(IDENTITY_VARIABLES.job, 'identityJob'),
    identityVariable(IDENTITY_VARIABLES.instance, 'identityInstance'),
    scopeVariable(
      'job',
      'Job',
      `label_values(${TARGET_METRIC}, job)`,
      "The selected server's Prometheus job; All shows every job."
    ),
    scopeVariable(
      'instance',
      'Instance (All = fleet)',
      `label_values(${TARGET_METRIC}{job=~"$job"}, instance)`,
      "The selected server's Prometheus instance. All is the fleet view: Prometheus panels show every instance, REST panels still the one server named in their titles."
    ),
  ];
}
