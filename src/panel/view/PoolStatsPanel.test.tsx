import React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDataFrame, createTheme, FieldType, LoadingState, ThresholdsMode } from '@grafana/data';
import { ThemeContext } from '@grafana/ui';
import { stubCanvas } from '../testing/canvas';
import {
  configTable,
  FIXTURE_STATS,
  liveFrame,
  manyPools,
  promInstant,
  promSeries,
  stats,
  statsFrames,
  statsTable,
} from '../testing/frames';
import { PanelSetup, panelProps } from '../testing/panelProps';
import { PoolStatsPanel } from './PoolStatsPanel';

beforeAll(stubCanvas);

function renderPanel(setup: PanelSetup) {
  const theme = setup.theme ?? createTheme();
  return render(
    <ThemeContext.Provider value={theme}>
      <PoolStatsPanel {...panelProps({ ...setup, theme })} />
    </ThemeContext.Provider>
  );
}

const entries = () => screen.queryAllByTestId('pool-entry');
const entryFor = (id: string) => {
  const found = entries().find((e) => within(e).queryByText(id, { selector: 'bdi' }));
  if (!found) {
    throw new Error(`no entry for ${id}`);
  }
  return found;
};
const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent!.replace(/[▲▼]/g, '').trim());
/** The list cell of a pool under a column header. */
const cell = (id: string, header: string) =>
  entryFor(id).querySelectorAll('[role=cell],[role=rowheader]')[headers().indexOf(header)];
/** A figure on a pool's card, by its name ("Waiting" → "21 critical"). */
const stat = (id: string, name: string) =>
  within(entryFor(id)).getByText(name, { selector: 'dt' }).nextElementSibling!.textContent;
const utilisationText = (id: string) => within(entryFor(id)).getByRole('meter').getAttribute('aria-valuetext');

const two = [stats('default', 25, 15, 2), stats('readonly', 48, 2, 21)];

describe('data sources', () => {
  it.each([
    ['RustyDB stats table', [statsTable(two)]],
    ['RustyDB frame per pool', statsFrames(two)],
    ['Prometheus instant series', promInstant(two)],
  ])('%s: one entry per pool with utilisation and levels as text', (_, series) => {
    renderPanel({ series });
    expect(entries()).toHaveLength(2);
    expect(utilisationText('default')).toBe('62.5%, ok');
    expect(utilisationText('readonly')).toBe('96.0%, critical');
    expect(within(entryFor('readonly')).getAllByText('critical')).toHaveLength(2); // the pool's level and its waiting
    expect(stat('readonly', 'Waiting')).toBe('21 critical');
    expect(stat('default', 'Waiting')).toBe('2');
    expect(stat('readonly', 'Idle')).toBe('2');
  });

  it('shows lifetime counters with churn, and max with headroom from the pools config', () => {
    renderPanel({ series: [statsTable([FIXTURE_STATS]), configTable()] });
    const entry = entryFor('default');
    expect(entry).toHaveTextContent('Lifetime: acquired 5,000 · created 50 · destroyed 10 · churn 1%');
    expect(within(entry).getByText('Max 100, headroom 60 (25% in use)')).toBeInTheDocument();
  });

  it('draws utilisation and waiting trends for a time series (live mode)', () => {
    const points = [0, 1, 2].map((i) => ({ time: i * 60_000, active: 10 * (i + 1), idle: 10, waiting: i }));
    renderPanel({ series: [liveFrame('default', points)] });
    expect(screen.getByRole('img', { name: 'Utilisation trend from 50% to 75%, highest 75%' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Waiting requests trend from 0 to 2, highest 2' })).toBeInTheDocument();
  });

  it('draws trends for Prometheus range queries, and none when trends are off', () => {
    const range = (v: number[]) => v.map((x, i): [number, number] => [i * 60_000, x]);
    const series = [promSeries('active', 'p', range([1, 3])), promSeries('idle', 'p', range([3, 1]))];
    const { unmount } = renderPanel({ series });
    expect(screen.getByRole('img', { name: /Utilisation trend from 25% to 75%/ })).toBeInTheDocument();
    unmount();
    renderPanel({ series, options: { showTrend: false } });
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('reads any table once its fields are mapped', () => {
    const table = createDataFrame({
      fields: [
        { name: 'Pool name', type: FieldType.string, values: ['a'] },
        { name: 'busy', type: FieldType.number, values: [9] },
        { name: 'free', type: FieldType.number, values: [1] },
      ],
    });
    renderPanel({ series: [table], options: { fields: { active: 'busy', idle: 'free' } } });
    expect(utilisationText('a')).toBe('90.0%, warning');
  });
});

describe('missing fields', () => {
  it('names the missing roles, the fields found, and how to map them', () => {
    const table = createDataFrame({
      fields: [
        { name: 'pool', type: FieldType.string, values: ['a'] },
        { name: 'active', type: FieldType.number, values: [1] },
        { name: 'spare', type: FieldType.number, values: [1] },
      ],
    });
    renderPanel({ series: [table] });
    const message = screen.getByTestId('pool-panel-message');
    expect(message).toHaveTextContent('Connection counts not found');
    expect(message).toHaveTextContent('Missing: Idle connections.');
    expect(message).toHaveTextContent('Fields in the data: spare.');
    expect(message).toHaveTextContent(
      'Panel options › Field mapping (Idle connections), or name them idle_connections.'
    );
  });
});

describe('threshold edges, as the user reads them', () => {
  it.each([
    [80, 20, '80.0%, ok'],
    [81, 19, '81.0%, warning'],
    [95, 5, '95.0%, warning'],
    [96, 4, '96.0%, critical'],
  ])('active %p idle %p reads %p', (active, idle, text) => {
    renderPanel({ series: [statsTable([stats('p', active, idle)])] });
    expect(utilisationText('p')).toBe(text);
  });

  it.each([
    [5, null],
    [6, 'warning'],
    [20, 'warning'],
    [21, 'critical'],
  ])('%p waiting requests are tagged %p', (waiting, tag) => {
    renderPanel({ series: [statsTable([stats('p', 1, 9, waiting)])], options: { layout: 'list' } });
    expect(cell('p', 'Waiting').textContent).toBe(tag ? `${waiting} ${tag}` : String(waiting));
  });

  it('uses thresholds the user set in the field config', () => {
    renderPanel({
      series: [statsTable([stats('p', 50, 50, 2)])],
      defaults: {
        thresholds: {
          mode: ThresholdsMode.Absolute,
          steps: [
            { value: -Infinity, color: 'green' },
            { value: 0.4, color: 'red' },
          ],
        },
        custom: {
          waitingThresholds: {
            mode: ThresholdsMode.Absolute,
            steps: [
              { value: -Infinity, color: 'green' },
              { value: 1, color: 'purple' },
            ],
          },
        },
      },
    });
    expect(utilisationText('p')).toBe('50.0%, critical');
    expect(stat('p', 'Waiting')).toBe('2 critical');
  });

  it('applies the unit and decimals options to utilisation', () => {
    renderPanel({ series: [statsTable([stats('p', 1, 2)])], defaults: { decimals: 2 } });
    expect(utilisationText('p')).toBe('33.33%, ok');
  });
});

describe('colours come from the theme', () => {
  it.each(['light', 'dark'] as const)('%s: ok and critical bars differ and use the theme colours', (mode) => {
    const theme = createTheme({ colors: { mode } });
    renderPanel({ series: [statsTable([stats('fine', 1, 9), stats('full', 99, 1)])], theme });
    const fill = (id: string) => within(entryFor(id)).getByTestId('utilisation-fill').style.background;
    const css = (name: string) => {
      const probe = document.createElement('div');
      probe.style.background = theme.visualization.getColorByName(name);
      return probe.style.background;
    };
    expect(fill('fine')).toBe(css('green'));
    expect(fill('full')).toBe(css('red'));
    expect(fill('fine')).not.toBe(fill('full'));
  });
});

describe('zero connections', () => {
  it('says "no connections" and never shows NaN or Infinity', () => {
    renderPanel({ series: [statsTable([stats('empty', 0, 0)])] });
    expect(utilisationText('empty')).toBe('no connections');
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });
});

describe('hostile pool ids are text', () => {
  const script = '<script>alert(1)</script>';
  const long = 'x'.repeat(10_000);
  const rtl = 'מאגר-ראשי ‮evil';
  const emoji = '池👩‍💻\u0000end';

  it('renders markup, very long, right-to-left and odd unicode ids as text', () => {
    renderPanel({
      series: [statsTable([stats(script, 1, 1), stats(long, 1, 1), stats(rtl, 1, 1), stats(emoji, 1, 1)])],
    });
    expect(document.querySelector('script')).toBeNull();
    for (const id of [script, long, rtl, emoji]) {
      expect(screen.getByText(id, { selector: 'bdi' })).toBeInTheDocument();
    }
    expect(screen.getByTitle(long)).toBeInTheDocument();
  });

  it('encodes them in links and neutralises javascript: URLs', () => {
    renderPanel({
      series: [statsTable([stats(script, 1, 1), stats('x', 1, 1)])],
      options: { poolLinkUrl: '/d/pool?var-pool=${pool}' },
    });
    expect(screen.getByRole('link', { name: script })).toHaveAttribute(
      'href',
      `/d/pool?var-pool=${encodeURIComponent(script)}`
    );
  });

  it('does not turn a javascript: template into a live link', () => {
    renderPanel({ series: [statsTable([stats('x', 1, 1)])], options: { poolLinkUrl: 'javascript:alert(${pool})' } });
    expect(screen.getByRole('link', { name: 'x' }).getAttribute('href')).not.toMatch(/^javascript:/);
  });
});

describe('data links', () => {
  it('links the pool name to the pool link URL, reachable by keyboard', async () => {
    renderPanel({ series: [statsTable(two)], options: { poolLinkUrl: '/d/rustydb-pool?var-pool=${pool}' } });
    await userEvent.tab(); // the level filter buttons come first
    const link = screen.getByRole('link', { name: 'readonly' });
    expect(link).toHaveAttribute('href', '/d/rustydb-pool?var-pool=readonly');
    for (let i = 0; i < 10 && document.activeElement !== link; i++) {
      await userEvent.tab();
    }
    expect(link).toHaveFocus();
  });

  it('uses field-config data links, interpolated by Grafana for the pool row', () => {
    renderPanel({
      series: [statsTable(two)],
      defaults: { links: [{ title: 'Pool dashboard', url: '/d/pool?var-pool=${__data.fields.pool_id}' }] },
    });
    expect(screen.getByRole('link', { name: 'default' })).toHaveAttribute('href', '/d/pool?var-pool=default');
  });

  it('uses field-config data links with series labels for Prometheus', () => {
    renderPanel({
      series: promInstant(two),
      defaults: { links: [{ title: 'Pool', url: '/d/pool?var-pool=${__field.labels.pool}' }] },
    });
    expect(screen.getByRole('link', { name: 'readonly' })).toHaveAttribute('href', '/d/pool?var-pool=readonly');
  });

  it('shows plain text when no link is configured', () => {
    renderPanel({ series: [statsTable(two)] });
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});

describe('sorting and filtering', () => {
  const rows = [stats('b-warn', 90, 10), stats('a-ok', 1, 9), stats('c-crit', 99, 1), stats('d-wait', 1, 9, 30)];
  const order = () => entries().map((e) => e.querySelector('bdi')!.textContent);

  it('shows the worst first by default', () => {
    renderPanel({ series: [statsTable(rows)] });
    expect(order()).toEqual(['d-wait', 'c-crit', 'b-warn', 'a-ok']);
  });

  it('sorts from the list header and from the sort buttons', async () => {
    const { unmount } = renderPanel({ series: [statsTable(rows)], options: { layout: 'list' } });
    await userEvent.click(screen.getByRole('button', { name: 'Pool' }));
    expect(order()).toEqual(['a-ok', 'b-warn', 'c-crit', 'd-wait']);
    expect(screen.getByRole('columnheader', { name: /Pool/ })).toHaveAttribute('aria-sort', 'ascending');
    unmount();
    renderPanel({ series: [statsTable(rows)], width: 1200, options: { layout: 'cards' } });
    await userEvent.click(screen.getByRole('radio', { name: 'Utilisation' }));
    expect(order()).toEqual(['c-crit', 'b-warn', 'a-ok', 'd-wait']);
  });

  it('filters by the filter box, starting from the option (with dashboard variables)', async () => {
    renderPanel({ series: [statsTable(rows)], options: { filter: '$sel' }, variables: { sel: 'crit' } });
    expect(order()).toEqual(['c-crit']);
    const box = screen.getByRole('textbox', { name: 'Filter pools' });
    await userEvent.clear(box);
    await userEvent.type(box, 'a-');
    expect(order()).toEqual(['a-ok']);
    await userEvent.clear(box);
    await userEvent.type(box, 'zzz');
    expect(screen.getByText('No pool matches the filter.')).toBeInTheDocument();
  });

  it('follows a new filter from the options (a dashboard variable changed) after the user typed one', async () => {
    const setup = { series: [statsTable(rows)], options: { filter: 'crit' } };
    const { rerender } = renderPanel(setup);
    await userEvent.type(screen.getByRole('textbox', { name: 'Filter pools' }), 'x');
    expect(order()).toEqual([]);
    rerender(
      <ThemeContext.Provider value={createTheme()}>
        <PoolStatsPanel {...panelProps({ ...setup, options: { filter: 'wait' } })} />
      </ThemeContext.Provider>
    );
    expect(order()).toEqual(['d-wait']);
  });

  it('shows only one level when its count is pressed', async () => {
    renderPanel({ series: [statsTable(rows)] });
    const critical = screen.getByRole('button', { name: '2 critical' });
    await userEvent.click(critical);
    expect(critical).toHaveAttribute('aria-pressed', 'true');
    expect(order()).toEqual(['d-wait', 'c-crit']);
    await userEvent.click(critical);
    expect(order()).toHaveLength(4);
  });

  it('hides the filter box when the option says so', () => {
    renderPanel({ series: [statsTable(rows)], options: { showFilter: false } });
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});

describe('layouts', () => {
  it('uses cards for a few pools', () => {
    renderPanel({ series: [statsTable(two)] });
    expect(screen.getByRole('list', { name: 'Connection pools' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('uses a dense table when the cards would not fit', () => {
    renderPanel({ series: [statsTable(manyPools(40))], width: 800, height: 400 });
    const table = screen.getByRole('table', { name: 'Connection pools' });
    expect(table).toHaveAttribute('aria-rowcount', '41');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent)
    ).toContain('Utilisation');
  });

  it('follows an explicit choice', () => {
    renderPanel({ series: [statsTable(two)], options: { layout: 'list' } });
    expect(screen.getByRole('table')).toBeInTheDocument();
  });

  it('drops columns that do not fit a narrow panel but keeps pool, utilisation and level', () => {
    renderPanel({ series: [statsTable(two)], options: { layout: 'list' }, width: 380 });
    expect(headers()).toEqual(['Pool', 'Utilisation', 'Level']);
  });

  it('renders only a window of 1,000 pools and follows the scroll', () => {
    renderPanel({ series: [statsTable(manyPools(1000))], options: { sortBy: 'name' }, height: 600 });
    const rendered = entries();
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(40);
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '1001');
    const scroller = screen.getByRole('rowgroup');
    // jsdom has no layout: give the scroller the sizes a browser would before scrolling it.
    Object.defineProperty(scroller, 'scrollHeight', { value: 36 * 1000 });
    Object.defineProperty(scroller, 'clientHeight', { value: 500 });
    act(() => {
      scroller.scrollTop = 36 * 900;
      fireEvent.scroll(scroller);
    });
    expect(screen.getByText('pool-0900', { selector: 'bdi' })).toBeInTheDocument();
    expect(screen.queryByText('pool-0000', { selector: 'bdi' })).not.toBeInTheDocument();
  });
});

describe('refreshes', () => {
  it('draws again only the rows whose pool reads differently', () => {
    const rows = manyPools(1000);
    const setup = { options: { sortBy: 'name' as const, poolLinkUrl: '/d/pool?var-pool=${pool}' }, height: 600 };
    const props = panelProps({ ...setup, series: [statsTable(rows)] });
    // Each drawn row asks for its pool's link, so the calls with a pool say which rows were drawn.
    const drawn = jest.fn();
    const replaceVariables: typeof props.replaceVariables = (value, scopedVars) => {
      if (scopedVars?.pool) {
        drawn(scopedVars.pool.text);
      }
      return props.replaceVariables(value, scopedVars);
    };
    const theme = createTheme();
    const show = (series: typeof props.data.series) => (
      <ThemeContext.Provider value={theme}>
        <PoolStatsPanel {...props} replaceVariables={replaceVariables} data={{ ...props.data, series }} />
      </ThemeContext.Provider>
    );
    const { rerender } = render(show(props.data.series));
    expect(drawn.mock.calls.length).toBeGreaterThan(10);
    drawn.mockClear();

    const changed = rows.map((r) => (r.pool_id === 'pool-0003' ? { ...r, waiting_requests: 25 } : r));
    rerender(show(panelProps({ ...setup, series: [statsTable(changed)] }).data.series));
    expect(drawn.mock.calls).toEqual([['pool-0003']]);
    expect(cell('pool-0003', 'Waiting')).toHaveTextContent('25 critical');
  });
});

describe('states', () => {
  it('says there is no data', () => {
    renderPanel({ series: [] });
    expect(screen.getByRole('status')).toHaveTextContent('No data');
  });

  it('says it is loading before the first data', () => {
    renderPanel({ series: [], state: LoadingState.Loading });
    expect(screen.getByRole('status')).toHaveTextContent('Loading pools…');
  });

  it('shows the error when a query failed and nothing arrived', () => {
    renderPanel({ series: [], state: LoadingState.Error, errors: [{ refId: 'A', message: 'RustyDB answered 503' }] });
    expect(screen.getByRole('alert')).toHaveTextContent('The query failedQuery A: RustyDB answered 503');
  });

  it('shows partial data with the error and what is missing', () => {
    const series = [...promInstant([stats('ok-pool', 1, 1)]), promSeries('active', 'half', [[1, 3]])];
    renderPanel({ series, state: LoadingState.Error, errors: [{ refId: 'B', message: 'timeout' }] });
    expect(entries()).toHaveLength(1);
    expect(screen.getByRole('alert')).toHaveTextContent('Query B: timeout — showing the data that arrived.');
    expect(screen.getByText('Not shown, active/idle counts missing: half.')).toBeInTheDocument();
  });

  it('says when pools have no waiting requests in the data', () => {
    renderPanel({ series: [promSeries('active', 'p', [[1, 3]]), promSeries('idle', 'p', [[1, 3]])] });
    expect(screen.getByText('No waiting requests in the data for 1 of 1 pools.')).toBeInTheDocument();
    expect(within(entryFor('p')).getByText('—')).toBeInTheDocument();
  });
});
