import { Rule, RuleGroup } from '../ruleModel';

/**
 * Turns the shipped configuration into a test stack's: the same rules, routes and inhibitions, with every
 * duration cut to seconds, real addresses in place of docker-compose's service names, and a webhook for
 * every receiver. Pure: objects in, objects out.
 */

type Doc = Record<string, unknown>;

/**
 * Every alert's `for:` becomes `duration`, and its `keep_firing_for:` (where set) `keepFiringFor`; expressions stay as
 * they are. A test that needs an alert to outlive its series (a threat on a target that then goes down) keeps it longer.
 */
export function shortenRules(groups: RuleGroup[], duration: string, keepFiringFor = duration): RuleGroup[] {
  const shorten = (rule: Rule): Rule => {
    if (!('alert' in rule)) {
      return rule;
    }
    return {
      ...rule,
      ...(rule.for !== undefined ? { for: duration } : {}),
      ...(rule.keep_firing_for !== undefined ? { keep_firing_for: keepFiringFor } : {}),
    };
  };
  return groups.map((group) => ({ ...group, rules: group.rules.map(shorten) }));
}

/**
 * Every `offset` in an expression becomes `offset`: the capacity rules compare the last day with the same day a week
 * earlier, which a Prometheus started by a test cannot have; with the offset cut to seconds they return values
 * (meaningless as growth, but the series, labels and queries are the real ones). Their values are promtool's to test.
 */
export function shortenOffsets(groups: RuleGroup[], offset: string): RuleGroup[] {
  const shorten = (rule: Rule): Rule => ({
    ...rule,
    expr: rule.expr.replace(/offset \d+[smhdwy]/g, `offset ${offset}`),
  });
  return groups.map((group) => ({ ...group, rules: group.rules.map(shorten) }));
}

export interface PrometheusOverrides {
  /** docker-compose address → real address, e.g. `simulator:9100` → `127.0.0.1:41235`. */
  targets: Record<string, string>;
  alertmanager: string;
  ruleFiles: string[];
  interval: string;
}

/**
 * The shipped prometheus.yml with its targets mapped; jobs with a target outside the map, and jobs without static
 * targets (the cluster job's file discovery), are dropped.
 */
export function prometheusConfig(shipped: Doc, o: PrometheusOverrides): Doc {
  const jobs = (shipped.scrape_configs as Doc[]).flatMap((job) => {
    const groups = (job.static_configs ?? []) as Array<{ targets: string[]; labels?: Doc }>;
    if (groups.length === 0) {
      return [];
    }
    const mapped = groups.map((g) => ({ ...g, targets: g.targets.map((t) => o.targets[t]) }));
    return mapped.every((g) => g.targets.every(Boolean)) ? [{ ...job, static_configs: mapped }] : [];
  });
  return {
    ...shipped,
    global: { ...(shipped.global as Doc), scrape_interval: o.interval, evaluation_interval: o.interval },
    rule_files: o.ruleFiles,
    alerting: { alertmanagers: [{ static_configs: [{ targets: [o.alertmanager] }] }] },
    scrape_configs: jobs,
  };
}

interface Route extends Doc {
  routes?: Route[];
}

function fastRoute(route: Route, wait: string): Route {
  const timing = Object.fromEntries(['group_wait', 'group_interval'].map((k) => [k, wait]));
  return { ...route, ...timing, ...(route.routes ? { routes: route.routes.map((r) => fastRoute(r, wait)) } : {}) };
}

/** The shipped alertmanager.yml with each receiver replaced by a webhook at `<webhookBase>/<receiver name>`. */
export function alertmanagerConfig(shipped: Doc, webhookBase: string, wait: string): Doc {
  const receivers = (shipped.receivers as Array<{ name: string }>).map(({ name }) => ({
    name,
    webhook_configs: [{ url: `${webhookBase}/${name}`, send_resolved: true }],
  }));
  return {
    route: fastRoute(shipped.route as Route, wait),
    inhibit_rules: shipped.inhibit_rules,
    receivers,
  };
}
