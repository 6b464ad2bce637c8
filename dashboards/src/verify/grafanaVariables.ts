/**
 * A dashboard's template variables resolved as Grafana resolves them on load, and text interpolated with them as
 * Grafana's template service and the Prometheus data source do. Enough of Grafana for the variable types the bundled
 * dashboards use: data source variables, query variables on Prometheus (`label_values`) and on the RustyDB data
 * source (its variable support), a regex filter, single or multi value, All with a custom value.
 */
import type { MetricFindValue } from '@grafana/data';
import type { DashboardJson } from '../inspect/dashboardModel';
import { parseLabelValues } from '../inspect/variables';
import type { QueryWindow } from './prometheus';

export interface GrafanaDataSource {
  uid: string;
  name: string;
  type: string;
  isDefault?: boolean;
}

export interface Environment {
  datasources: GrafanaDataSource[];
  /** A RustyDB data source's variable support (`metricFind`). */
  metricFind: (datasourceUid: string, target: string) => Promise<MetricFindValue[]>;
  /** `label_values` of a Prometheus data source. */
  labelValues: (datasourceUid: string, selector: string, label: string) => Promise<string[]>;
  /** `var-<name>` URL parameters the dashboard was opened with. */
  url: Record<string, string>;
  /** Grafana's built-ins for the panel (`__rate_interval`, `__range`, ...). */
  builtIns: Record<string, string>;
  window: QueryWindow;
}

export interface ResolvedVariable {
  name: string;
  /** Values (one unless multi); for All, every option's value. */
  values: string[];
  text: string;
  isAll: boolean;
  allValue?: string;
  multi: boolean;
  includeAll: boolean;
  options: Array<{ text: string; value: string }>;
  /** Why the variable has no options (its query failed). */
  error?: string;
}

export type Resolved = Record<string, ResolvedVariable>;

interface VariableModel {
  name: string;
  type: string;
  query?: unknown;
  datasource?: { type: string; uid: string };
  regex?: string;
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string;
}

const ALL = '$__all';
const VARIABLE = /\$\{(\w+)(?::(\w+))?\}|\$(\w+)|\[\[(\w+)\]\]/g;

/** Grafana's `stringToJsRegex`: `/re/flags`, or a bare pattern anchored at both ends. */
function toRegex(text: string): RegExp {
  const slashed = /^\/(.*)\/([gimsuy]*)$/s.exec(text);
  return slashed ? new RegExp(slashed[1], slashed[2]) : new RegExp(`^${text}$`);
}

/** How one variable reads in text, given a format (Grafana's formats that the dashboards use). */
function formatted(v: ResolvedVariable, format: string | undefined): string {
  switch (format) {
    case 'text':
      return v.text;
    case 'queryparam':
      return v.isAll ? `var-${v.name}=${ALL}` : v.values.map((x) => `var-${v.name}=${encodeURIComponent(x)}`).join('&');
    default:
      if (v.isAll && v.allValue !== undefined) {
        return v.allValue;
      }
      // A variable without a value (its query failed) reads as empty text.
      return v.values.length <= 1 ? (v.values[0] ?? '') : `{${v.values.join(',')}}`;
  }
}

/** `getTemplateSrv().replace(text)` with the resolved variables and built-ins. */
export function interpolateText(text: string, resolved: Resolved, builtIns: Record<string, string> = {}): string {
  return text.replace(VARIABLE, (whole, braced, format, bare, bracketed) => {
    const name = braced ?? bare ?? bracketed;
    if (name in builtIns) {
      return builtIns[name];
    }
    const v = resolved[name];
    return v ? formatted(v, format) : whole;
  });
}

/**
 * The Prometheus data source's interpolation of an expression: a value of a variable that is neither multi nor
 * includes All only has `\` and `'` escaped; otherwise each value is escaped as a regex inside a PromQL string
 * (`interpolateQueryExpr` and `prometheusSpecialRegexEscape` in Grafana's packages/grafana-prometheus/src/datasource.ts
 * and escaping.ts); a custom All value goes in as written.
 */
export function interpolatePromql(expr: string, resolved: Resolved, builtIns: Record<string, string>): string {
  const regular = (s: string) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\\\'");
  const special = (s: string) => regular(s).replace(/[$^*{}[\]+?.()|]/g, '\\\\$&');
  return expr.replace(VARIABLE, (whole, braced, format, bare, bracketed) => {
    const name = braced ?? bare ?? bracketed;
    if (name in builtIns) {
      return builtIns[name];
    }
    const v = resolved[name];
    if (!v) {
      return whole;
    }
    if (format || (v.isAll && v.allValue !== undefined)) {
      return formatted(v, format);
    }
    if (!v.multi && !v.includeAll) {
      return regular(v.values[0] ?? '');
    }
    const escaped = v.values.map(special);
    return escaped.length === 1 ? escaped[0] : `(${escaped.join('|')})`;
  });
}

/**
 * `getTemplateSrv().replace(text, scopedVars, format)` as the RustyDB data source calls it: with a function as
 * format, each variable's value (a list when multi or All without a custom All value) is handed to it.
 */
export function templateReplace(resolved: Resolved, builtIns: Record<string, string>) {
  return (text: string, _scopedVars?: unknown, format?: string | Function): string => {
    if (typeof format !== 'function') {
      return interpolateText(text, resolved, builtIns);
    }
    return text.replace(VARIABLE, (whole, braced, _f, bare, bracketed) => {
      const v = resolved[braced ?? bare ?? bracketed];
      if (!v) {
        return whole;
      }
      const value = v.isAll && v.allValue !== undefined ? v.allValue : v.multi || v.isAll ? v.values : v.values[0];
      return String(format(value, v));
    });
  };
}

async function optionsOf(
  model: VariableModel,
  resolved: Resolved,
  env: Environment
): Promise<Array<{ text: string; value: string }>> {
  if (model.type === 'datasource') {
    return env.datasources
      .filter((ds) => ds.type === model.query)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((ds) => ({ text: ds.name, value: ds.uid }));
  }
  const uid = interpolateText(model.datasource?.uid ?? '', resolved);
  const ds = env.datasources.find((d) => d.uid === uid);
  if (!ds) {
    throw new Error(`data source "${uid}" not found`);
  }
  if (ds.type === 'prometheus') {
    const parsed = parseLabelValues(String(model.query));
    if (!parsed) {
      throw new Error(`not a label_values query: ${String(model.query)}`);
    }
    const selector = interpolatePromql(parsed.selector, resolved, env.builtIns);
    const values = await env.labelValues(ds.uid, selector, parsed.label);
    return values.map((v) => ({ text: v, value: v }));
  }
  const target = (model.query as { target?: string } | undefined)?.target ?? String(model.query);
  const found = await env.metricFind(ds.uid, target);
  return found.map((f) => ({ text: String(f.text), value: String(f.value ?? f.text) }));
}

/** Every variable of the dashboard, in order (each may use the ones before it), as a load with `env.url` sets them. */
export async function resolveVariables(dashboard: DashboardJson, env: Environment): Promise<Resolved> {
  const resolved: Resolved = {};
  for (const raw of dashboard.templating.list) {
    const model = raw as unknown as VariableModel;
    let error: string | undefined;
    let options: Array<{ text: string; value: string }> = [];
    try {
      options = await optionsOf(model, resolved, env);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    // The regex is interpolated first; an empty one filters nothing.
    const regex = model.regex ? interpolateText(model.regex, resolved) : '';
    if (regex) {
      const re = toRegex(regex);
      options = options.filter((o) => re.test(o.value));
    }
    const includeAll = model.includeAll === true;
    const multi = model.multi === true;
    const asked = env.url[model.name];
    const byUrl = options.filter((o) => o.value === asked || o.text === asked);
    const isDefault =
      model.type === 'datasource' ? env.datasources.find((d) => d.isDefault && d.type === model.query) : undefined;
    const all =
      includeAll &&
      (asked === ALL || (asked === undefined && options.length === 0) || (byUrl.length === 0 && options.length === 0));
    const chosen = all
      ? options
      : byUrl.length
        ? byUrl
        : options
            .filter((o) => o.value === isDefault?.uid)
            .concat(options)
            .slice(0, 1);
    resolved[model.name] = {
      name: model.name,
      values: chosen.map((o) => o.value),
      text: all ? 'All' : chosen.length ? chosen.map((o) => o.text).join(' + ') : '',
      isAll: all,
      allValue: model.allValue || undefined,
      multi,
      includeAll,
      options,
      error,
    };
  }
  return resolved;
}
