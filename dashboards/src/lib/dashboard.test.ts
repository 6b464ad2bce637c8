import { QueryType } from '../../../src/datasource/types';
import { dashboardJson, DashboardSpec } from './dashboard';
import { PanelSpec } from './panels';
import { prom } from './targets';

const stat = (title: string, extra: Partial<PanelSpec> = {}): PanelSpec => ({
  type: 'stat',
  title,
  description: 'd',
  unit: 'short',
  targets: [prom('up')],
  ...extra,
});
const spec = (rows: DashboardSpec['rows']): DashboardSpec => ({
  uid: 'u',
  title: 'T',
  description: 'D',
  tag: 't',
  refresh: '30s',
  rows,
});

describe('dashboard builder', () => {
  it('flows panels left to right, wraps at 24 columns and starts each row on a new line', () => {
    const json = dashboardJson(
      spec([
        {
          section: 'Health',
          panels: [stat('a', { width: 12 }), stat('b', { width: 12 }), stat('c', { width: 8, height: 2 })],
        },
        { section: 'Problems', panels: [stat('d')] },
      ])
    );
    const grid = (json.panels as Array<{ title: string; gridPos: object; id: number }>).map((p) => [
      p.id,
      p.title,
      p.gridPos,
    ]);
    expect(grid).toEqual([
      [1, 'Health', { x: 0, y: 0, w: 24, h: 1 }],
      [2, 'a', { x: 0, y: 1, w: 12, h: 4 }],
      [3, 'b', { x: 12, y: 1, w: 12, h: 4 }],
      [4, 'c', { x: 0, y: 5, w: 8, h: 2 }],
      [5, 'Problems', { x: 0, y: 7, w: 24, h: 1 }],
      [6, 'd', { x: 0, y: 8, w: 4, h: 4 }],
    ]);
  });

  it('rejects rows out of the health → problems → performance → resources order', () => {
    expect(() =>
      dashboardJson(
        spec([
          { section: 'Resources', panels: [] },
          { section: 'Health', panels: [] },
        ])
      )
    ).toThrow(/rows must run/);
  });

  it('rejects guide levels on a panel whose unit is not theirs', () => {
    expect(() =>
      dashboardJson(spec([{ section: 'Health', panels: [stat('cpu', { levels: 'cpuPercent', unit: 'percentunit' })] }]))
    ).toThrow(/shows percentunit but the cpuPercent levels are in percent/);
  });

  it('rejects a panel without queries or mixing datasources', () => {
    expect(() => dashboardJson(spec([{ section: 'Health', panels: [stat('empty', { targets: [] })] }]))).toThrow(
      /has no queries/
    );
    const mixed = stat('mixed', {
      targets: [prom('up'), { kind: 'rustydb', query: { queryType: QueryType.Performance } }],
    });
    expect(() => dashboardJson(spec([{ section: 'Health', panels: [mixed] }]))).toThrow(/mixes datasources/);
  });

  it('pins a public dashboard to one Prometheus, without variables, and rejects what sharing cannot serve', () => {
    const shared = { ...spec([{ section: 'Health', panels: [stat('up', { targets: [prom('sum(up)')] })] }]) };
    const json = dashboardJson({ ...shared, public: { prometheusUid: 'prom-1' } });
    const pinned = { type: 'prometheus', uid: 'prom-1' };
    expect(json.templating).toEqual({ list: [] });
    expect(json.links).toEqual([]);
    const [, panel] = json.panels as Array<{ datasource: unknown; targets: Array<{ datasource: unknown }> }>;
    expect([panel.datasource, panel.targets[0].datasource]).toEqual([pinned, pinned]);

    const withVariable = spec([{ section: 'Health', panels: [stat('up', { targets: [prom('up{job=~"$job"}')] })] }]);
    expect(() => dashboardJson({ ...withVariable, public: { prometheusUid: 'p' } })).toThrow(
      /uses a template variable/
    );
    const live = stat('live', { targets: [{ kind: 'rustydb', query: { queryType: QueryType.Performance } }] });
    expect(() =>
      dashboardJson({ ...spec([{ section: 'Health', panels: [live] }]), public: { prometheusUid: 'p' } })
    ).toThrow(/reads Prometheus only/);
  });
});
