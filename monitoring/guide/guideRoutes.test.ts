import path from 'path';
import { runTool } from '../promTools';
import { alertRules, loadRuleFiles } from '../ruleModel';

/** The guide's routes match on `component`: copied as printed, they must send each of our alerts where it says. */
const GUIDE_CONFIG = path.join(__dirname, 'rustydb-guide-alertmanager.yml');

function guideReceivers(severity: string, component: string): string[] {
  const receivers = [
    ...(severity === 'critical' ? ['team-dba-pagerduty'] : []),
    ...(component === 'security' ? ['team-security'] : []),
    ...(severity === 'warning' ? ['team-dba-email'] : []),
  ];
  return receivers.length > 0 ? receivers : ['team-dba'];
}

const kinds = [
  ...new Map(
    alertRules(loadRuleFiles()).map((r) => [`${r.labels!.severity}/${r.labels!.component}`, r.labels!] as const)
  ).values(),
];

describe("the RustyDB guide's Alertmanager routes", () => {
  it('see security alerts among ours', () => {
    expect(kinds.filter((l) => l.component === 'security').length).toBeGreaterThan(0);
  });

  it.each(kinds.map((l) => [l.severity, l.component]))(
    'route severity=%s component=%s as the guide means',
    (severity, component) => {
      const expected = guideReceivers(severity, component).join(',');
      const result = runTool('amtool', [
        'config',
        'routes',
        'test',
        `--config.file=${GUIDE_CONFIG}`,
        `--verify.receivers=${expected}`,
        'alertname=RustyDBTest',
        `severity=${severity}`,
        `component=${component}`,
        'instance=db-1:9100',
      ]);
      expect(result.stdout.trim()).toBe(expected);
      expect(result.code).toBe(0);
    }
  );
});
