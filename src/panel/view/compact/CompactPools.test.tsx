import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { createDataFrame, createTheme, FieldType } from '@grafana/data';
import { ThemeContext } from '@grafana/ui';
import { manyPools, SEVEN_POOLS_EVERY_LEVEL, stats, statsTable } from '../../testing/frames';
import { PanelSetup, panelProps } from '../../testing/panelProps';
import { PoolStatsPanel } from '../PoolStatsPanel';

function renderPanel(setup: PanelSetup) {
  const theme = createTheme();
  return render(
    <ThemeContext.Provider value={theme}>
      <PoolStatsPanel {...panelProps({ ...setup, theme })} />
    </ThemeContext.Provider>
  );
}

const counts = () => screen.getByRole('group', { name: 'Pools by level' }).textContent;
const worstNames = () => screen.queryAllByTestId('pool-worst').map((li) => within(li).getByTitle(/./).title);

describe('compact layout', () => {
  it('at an iframe of 300×150: counts by level and the five worst pools, levels in words', () => {
    renderPanel({ series: [statsTable(SEVEN_POOLS_EVERY_LEVEL)], width: 284, height: 110 });
    expect(screen.getByTestId('pool-compact')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Filter pools' })).not.toBeInTheDocument();
    expect(counts()).toBe('2 critical1 warning4 ok');
    expect(worstNames()).toEqual(['orders', 'readonly', 'batch', 'default', 'cache']);
    const orders = screen.getAllByTestId('pool-worst')[0];
    expect(orders).toHaveAttribute('title', 'orders: 80.0% in use, 24 waiting, critical');
    expect(within(orders).getByText('critical')).toBeInTheDocument();
    expect(within(orders).getByText('24 waiting')).toBeInTheDocument();
    expect(within(screen.getAllByTestId('pool-worst')[1]).getByText('96.0%')).toBeInTheDocument();
  });

  it('at 200×100: the counts and the two worst pools', () => {
    renderPanel({ series: [statsTable(SEVEN_POOLS_EVERY_LEVEL)], width: 184, height: 60 });
    expect(counts()).toBe('2 critical1 warning4 ok');
    expect(worstNames()).toEqual(['orders', 'readonly']);
  });

  it('counts every pool, even when only a few lines fit', () => {
    renderPanel({ series: [statsTable(manyPools(1000))], width: 184, height: 60 });
    const total = counts()!
      .match(/\d+/g)!
      .reduce((sum, n) => sum + Number(n), 0);
    expect(total).toBe(1000);
    expect(screen.getAllByTestId('pool-worst')).toHaveLength(2);
  });

  it('puts a failed query on the first line and keeps the data that arrived', () => {
    renderPanel({
      series: [statsTable(SEVEN_POOLS_EVERY_LEVEL)],
      errors: [{ message: 'RustyDB answered 503' }],
      width: 284,
      height: 110,
    });
    expect(screen.getByRole('alert')).toHaveTextContent('RustyDB answered 503');
    expect(worstNames()).toHaveLength(4);
  });

  it('names pools that have no connections', () => {
    renderPanel({ series: [statsTable([stats('idle', 0, 0, 0)])], width: 184, height: 60 });
    expect(screen.getByTestId('pool-worst')).toHaveAttribute('title', 'idle: no connections, 0 waiting, ok');
  });

  it('keeps the messages of the full panel for missing fields', () => {
    const frame = createDataFrame({ fields: [{ name: 'pool_id', type: FieldType.string, values: ['a'] }] });
    renderPanel({ series: [frame], width: 184, height: 60 });
    expect(screen.queryByTestId('pool-compact')).not.toBeInTheDocument();
  });

  it('is not used when the layout option names cards or list', () => {
    renderPanel({
      series: [statsTable(SEVEN_POOLS_EVERY_LEVEL)],
      width: 284,
      height: 110,
      options: { layout: 'list' },
    });
    expect(screen.queryByTestId('pool-compact')).not.toBeInTheDocument();
  });
});
