import fs from 'fs';
import path from 'path';
import yaml from 'js-yaml';

/** The Prometheus rule files and promtool unit tests of this folder, read as data. */

export const MONITORING_DIR = __dirname;
const RULES_DIR = path.join(MONITORING_DIR, 'rules');
export const RULE_TESTS_DIR = path.join(MONITORING_DIR, 'tests');

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  keep_firing_for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export type Rule = AlertRule | RecordingRule;

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Rule[];
}

export interface RuleFile {
  file: string;
  groups: RuleGroup[];
}

const isAlert = (rule: Rule): rule is AlertRule => 'alert' in rule;
const isRecording = (rule: Rule): rule is RecordingRule => 'record' in rule;

export interface AlertTestCase {
  eval_time: string;
  alertname: string;
  exp_alerts?: Array<{ exp_labels?: Record<string, string>; exp_annotations?: Record<string, string> }>;
}

interface ExprTestCase {
  expr: string;
  eval_time: string;
  exp_samples?: Array<{ labels: string; value: number }>;
}

export interface RuleTestFile {
  file: string;
  rule_files: string[];
  tests: Array<{ name?: string; alert_rule_test?: AlertTestCase[]; promql_expr_test?: ExprTestCase[] }>;
}

const yamlFiles = (dir: string, suffix: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => path.join(dir, f));

/** A YAML file whose top level is a mapping. */
export function readYaml<T = Record<string, any>>(file: string): T {
  const doc = yaml.load(fs.readFileSync(file, 'utf8'));
  if (typeof doc !== 'object' || doc === null) {
    throw new Error(`${file} is not a YAML mapping`);
  }
  return doc as T;
}

export const ruleFilePaths = () => yamlFiles(RULES_DIR, '.yml');
export const ruleTestPaths = () => yamlFiles(RULE_TESTS_DIR, '.test.yml');

export function loadRuleFiles(paths = ruleFilePaths()): RuleFile[] {
  return paths.map((file) => ({ file, groups: readYaml<{ groups: RuleGroup[] }>(file).groups }));
}

export function loadRuleTests(paths = ruleTestPaths()): RuleTestFile[] {
  return paths.map((file) => ({ file, ...readYaml<Omit<RuleTestFile, 'file'>>(file) }));
}

const allRules = (files: RuleFile[]) => files.flatMap((f) => f.groups.flatMap((g) => g.rules));
export const alertRules = (files: RuleFile[]) => allRules(files).filter(isAlert);
export const recordingRules = (files: RuleFile[]) => allRules(files).filter(isRecording);

/** The names the recording rules define: the only `level:rustydb_...:operations` names the project may use. */
export const recordedNames = (files = loadRuleFiles()) => new Set(recordingRules(files).map((r) => r.record));
