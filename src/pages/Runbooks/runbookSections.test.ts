import fs from 'fs';
import path from 'path';
import yaml from 'js-yaml';
import runbooksMarkdown from '../../../monitoring/RUNBOOKS.md';
import { parseRunbooks, runbookAnchor } from './runbookSections';

/** Every alert name and runbook_url of the shipped rules (read here as text: the app bundles no rules). */
function shippedAlerts(): Array<{ alert: string; runbook_url: string }> {
  const dir = path.join(__dirname, '../../../monitoring/rules');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .flatMap((f) => (yaml.load(fs.readFileSync(path.join(dir, f), 'utf8')) as { groups: any[] }).groups)
    .flatMap((g) => g.rules)
    .filter((r) => r.alert)
    .map((r) => ({ alert: r.alert, runbook_url: r.annotations.runbook_url }));
}

describe('parseRunbooks', () => {
  it('splits the introduction from one section per heading, anchored by the lower-case name', () => {
    const { intro, sections } = parseRunbooks(
      '# Runbooks\n\nRead me.\n\n## RustyDBDown\n**Down**: check it.\n\n## RustyDBHighCPU\n- Look.\n'
    );
    expect(intro).toBe('Read me.');
    expect(sections).toEqual([
      { alert: 'RustyDBDown', anchor: 'rustydbdown', body: '**Down**: check it.' },
      { alert: 'RustyDBHighCPU', anchor: 'rustydbhighcpu', body: '- Look.' },
    ]);
  });

  it('serves a section for every shipped alert, at the anchor its runbook_url names', () => {
    const anchors = new Set(parseRunbooks(runbooksMarkdown).sections.map((s) => s.anchor));
    const alerts = shippedAlerts();
    expect(alerts.length).toBeGreaterThan(20);
    for (const { alert, runbook_url } of alerts) {
      expect(runbook_url).toBe(
        `{{ $externalLabels.grafana_url }}/a/rustydb-monitoring-app/runbooks#${runbookAnchor(alert)}`
      );
      expect(anchors).toContain(runbookAnchor(alert));
    }
  });
});
