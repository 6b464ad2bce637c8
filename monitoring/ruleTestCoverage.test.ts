import path from 'path';
import {
  AlertTestCase,
  alertRules,
  loadRuleFiles,
  loadRuleTests,
  recordingRules,
  RULE_TESTS_DIR,
  ruleFilePaths,
} from './ruleModel';

/** The promtool unit tests (tests/*.test.yml) must exercise every rule, both ways. */

const files = loadRuleFiles();
const testFiles = loadRuleTests();
const alertCases: AlertTestCase[] = testFiles.flatMap((f) => f.tests.flatMap((t) => t.alert_rule_test ?? []));
const exprCases = testFiles.flatMap((f) => f.tests.flatMap((t) => t.promql_expr_test ?? []));

const severitiesIn = (c: AlertTestCase) => (c.exp_alerts ?? []).map((a) => a.exp_labels?.severity);

describe('promtool unit tests cover every rule', () => {
  it('load every rule file', () => {
    // A glob (`../rules/*.yml`, the fault scenarios') loads every rule file.
    const resolve = (r: string) => (r.endsWith('/*.yml') ? ruleFilePaths() : [path.resolve(RULE_TESTS_DIR, r)]);
    const tested = new Set(testFiles.flatMap((f) => f.rule_files.flatMap(resolve)));
    expect([...tested].sort()).toEqual(ruleFilePaths());
  });

  it.each(alertRules(files).map((r) => [`${r.alert} (${r.labels?.severity})`, r.alert, r.labels?.severity]))(
    '%s has a case where it fires and one where it does not',
    (_, alertname, severity) => {
      const cases = alertCases.filter((c) => c.alertname === alertname);
      expect(cases.filter((c) => severitiesIn(c).includes(severity)).length).toBeGreaterThan(0);
      expect(cases.filter((c) => !severitiesIn(c).includes(severity)).length).toBeGreaterThan(0);
    }
  );

  it.each(recordingRules(files).map((r) => [`${r.record}${JSON.stringify(r.labels ?? {})}`, r.record, r.labels ?? {}]))(
    '%s has an expression test',
    (_, record, labels) => {
      const selects = (text: string) => Object.entries(labels).every(([k, v]) => text.includes(`${k}="${v}"`));
      const cases = exprCases.filter(
        (c) =>
          new RegExp(`(^|[^a-z0-9_:])${record}([^a-z0-9_:]|$)`).test(c.expr) &&
          (selects(c.expr) || (c.exp_samples ?? []).some((s) => selects(s.labels)))
      );
      expect(cases.length).toBeGreaterThan(0);
    }
  );

  it('name no alert or recorded series that the rules do not define', () => {
    const alertnames = new Set(alertRules(files).map((r) => r.alert));
    expect(alertCases.map((c) => c.alertname).filter((n) => !alertnames.has(n))).toEqual([]);
  });
});
