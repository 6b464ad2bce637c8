import fs from 'fs';
import os from 'os';
import path from 'path';
import { runTool } from './promTools';
import { MONITORING_DIR, ruleFilePaths, ruleTestPaths } from './ruleModel';

const output = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;

describe('promtool', () => {
  it('accepts prometheus.yml and the rule files it loads', () => {
    const result = runTool('promtool', ['check', 'config', path.join(MONITORING_DIR, 'prometheus.yml')]);
    expect(output(result)).toContain('SUCCESS: 4 rule files found');
    expect(result.code).toBe(0);
  });

  it('accepts every rule file with lint errors fatal', () => {
    const result = runTool('promtool', ['check', 'rules', '--lint-fatal', ...ruleFilePaths()]);
    expect(output(result)).not.toMatch(/FAILED|lint error/);
    expect(result.code).toBe(0);
  });

  // One run per file: the SLO and fault-scenario files evaluate every rule over hours of samples.
  it.each(ruleTestPaths().map((file) => [path.basename(file), file]))('passes the rule unit tests in %s', (_, file) => {
    const result = runTool('promtool', ['test', 'rules', file]);
    expect(output(result)).not.toContain('FAILED');
    expect(result.code).toBe(0);
  });

  // Proves the unit tests can fail: the same tests against a RustyDBHighCPU whose warning waits 4m instead of 5m.
  it('fails the unit tests when a for: drifts from what they expect', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rustydb-rules-'));
    try {
      fs.mkdirSync(path.join(dir, 'rules'));
      fs.mkdirSync(path.join(dir, 'tests'));
      for (const file of ruleFilePaths()) {
        const text = fs.readFileSync(file, 'utf8');
        const drifted = text.replace(/(rustydb_cpu_usage_percent > 75\n\s+for: )5m/, '$14m');
        fs.writeFileSync(path.join(dir, 'rules', path.basename(file)), drifted);
      }
      const testFile = path.join(dir, 'tests', 'alerts.test.yml');
      fs.copyFileSync(path.join(MONITORING_DIR, 'tests', 'alerts.test.yml'), testFile);
      expect(fs.readFileSync(path.join(dir, 'rules', 'rustydb-alerts.yml'), 'utf8')).toContain('> 75\n        for: 4m');
      const result = runTool('promtool', ['test', 'rules', testFile]);
      expect(output(result)).toContain('alertname: RustyDBHighCPU, time: 9m');
      expect(result.code).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
