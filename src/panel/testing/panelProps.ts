/**
 * Panel props as Grafana would pass them: series processed by `applyFieldOverrides` with this plugin's field-config
 * registry (so fields carry merged config and `getLinks`), the plugin's option defaults, and a `replaceVariables`
 * that knows scoped variables and a few dashboard variables. Shared by unit tests, the browser page and the bench.
 */
import {
  applyFieldOverrides,
  createTheme,
  DataFrame,
  DataQueryError,
  Field,
  FieldConfigSource,
  getDefaultTimeRange,
  GrafanaTheme2,
  InterpolateFunction,
  LoadingState,
  PanelProps,
  ScopedVars,
} from '@grafana/data';
import { plugin } from '../module';
import { DEFAULT_OPTIONS, PoolStatsOptions } from '../types';
import { registerStandardOptions } from './standardOptions';

// Before the plugin's field-config registry is first read (it is built once).
registerStandardOptions();

export interface PanelSetup {
  series: DataFrame[];
  options?: Partial<PoolStatsOptions>;
  /** Merged over the plugin's field-config defaults. */
  defaults?: FieldConfigSource['defaults'];
  state?: LoadingState;
  errors?: DataQueryError[];
  width?: number;
  height?: number;
  /** Dashboard variables for `replaceVariables`. */
  variables?: Record<string, string>;
  theme?: GrafanaTheme2;
}

/** Grafana's data-link macros, resolved from the `__dataContext` that `field.getLinks` passes. */
function dataMacro(path: string[], scopedVars: ScopedVars | undefined): unknown {
  const context = scopedVars?.__dataContext?.value as { frame: DataFrame; field: Field; rowIndex?: number } | undefined;
  if (!context) {
    return undefined;
  }
  const row = context.rowIndex ?? 0;
  const [macro, part, key] = path;
  if (macro === '__data' && part === 'fields') {
    return context.frame.fields.find((f) => f.name === key)?.values[row];
  }
  if (macro === '__field' && part === 'labels') {
    return context.field.labels?.[key];
  }
  if (macro === '__value' && part === 'raw') {
    return context.field.values[row];
  }
  return undefined;
}

/**
 * Enough of Grafana's template service for panels: `$name` / `${name}` from scoped and dashboard variables, and the
 * data-link macros `${__data.fields.<name>}`, `${__field.labels.<name>}` and `${__value.raw}`.
 */
function interpolator(variables: Record<string, string> = {}): InterpolateFunction {
  return (value, scopedVars) =>
    value.replace(/\$\{([\w.]+)\}|\$(\w+)/g, (match, braced: string | undefined, bare: string | undefined) => {
      const path = (braced ?? bare)!.split('.');
      const resolved =
        path.length > 1 ? dataMacro(path, scopedVars) : (scopedVars?.[path[0]]?.value ?? variables[path[0]]);
      return resolved === undefined || resolved === null ? match : String(resolved);
    });
}

export function panelProps(setup: PanelSetup): PanelProps<PoolStatsOptions> {
  const theme = setup.theme ?? createTheme();
  const replaceVariables = interpolator(setup.variables);
  const fieldConfig: FieldConfigSource = {
    defaults: { ...plugin.fieldConfigDefaults.defaults, ...setup.defaults },
    overrides: [],
  };
  const series = applyFieldOverrides({
    data: setup.series,
    fieldConfig,
    fieldConfigRegistry: plugin.fieldConfigRegistry,
    replaceVariables,
    theme,
    timeZone: 'utc',
  });
  const timeRange = getDefaultTimeRange();
  return {
    id: 1,
    data: { series, state: setup.state ?? LoadingState.Done, errors: setup.errors, timeRange },
    timeRange,
    timeZone: 'utc',
    options: { ...DEFAULT_OPTIONS, ...setup.options },
    fieldConfig,
    width: setup.width ?? 1000,
    height: setup.height ?? 600,
    transparent: false,
    renderCounter: 0,
    title: 'Connection pools',
    eventBus: { publish: () => undefined } as unknown as PanelProps['eventBus'],
    replaceVariables,
    onOptionsChange: () => undefined,
    onFieldConfigChange: () => undefined,
    onChangeTimeRange: () => undefined,
  };
}
