import fs from 'fs';
import path from 'path';
import yaml from 'js-yaml';

interface RuleFile {
  groups?: Array<{ rules?: Array<{ record?: string }> }>;
}

/** Every recording rule name in the project's Prometheus rule files (`monitoring/rules/*.yml`). */
export function recordingRuleNames(rulesDir: string): Set<string> {
  if (!fs.existsSync(rulesDir)) {
    return new Set();
  }
  const files = fs.readdirSync(rulesDir).filter((f) => /\.ya?ml$/.test(f));
  return new Set(
    files.flatMap((f) => {
      const doc = yaml.load(fs.readFileSync(path.join(rulesDir, f), 'utf8')) as RuleFile | undefined;
      return (doc?.groups ?? []).flatMap((g) => (g.rules ?? []).flatMap((r) => (r.record ? [r.record] : [])));
    })
  );
}
