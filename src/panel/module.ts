import { PanelPlugin } from '@grafana/data';
import { PoolStatsOptions } from './types';
import { PoolStatsPanel } from './view/PoolStatsPanel';

export const plugin = new PanelPlugin<PoolStatsOptions>(PoolStatsPanel);
