import fs from 'fs';
import path from 'path';
import { contentPanels, DashboardJson } from '../../../dashboards/src/inspect/dashboardModel';
import { DASHBOARD_DIR } from '../../../dashboards/src/paths';
import { plugin } from '../module';
import { DEFAULT_OPTIONS, PoolStatsOptions } from '../types';
import { migratePoolOptions } from './migrations';

// As Grafana hands it over: the options exactly as the dashboard saved them, whatever their shape.
const panel = (options: unknown) => ({
  id: 1,
  type: 'rustydb-poolstats-panel',
  options: options as PoolStatsOptions,
  fieldConfig: { defaults: {}, overrides: [] },
});

describe('pool panel options migration', () => {
  it('is the handler Grafana runs on a panel saved with another version', async () => {
    expect(await plugin.onPanelMigration?.(panel({ poolField: 'name' }))).toEqual({ fields: { poolId: 'name' } });
  });

  it("moves the first panel's poolField to fields.poolId", () => {
    expect(migratePoolOptions({ poolField: 'pool_name' })).toEqual({ fields: { poolId: 'pool_name' } });
  });

  it('keeps a pool field chosen under the new name over the old option', () => {
    expect(migratePoolOptions({ poolField: 'old', fields: { poolId: 'new', active: 'busy' } })).toEqual({
      fields: { poolId: 'new', active: 'busy' },
    });
  });

  it('drops an empty old option', () => {
    expect(migratePoolOptions({ poolField: '', sortBy: 'name' })).toEqual({ sortBy: 'name', fields: {} });
  });

  it("is the identity on today's options", () => {
    const today = { ...DEFAULT_OPTIONS, fields: { waiting: 'pending' }, filter: '$pool', layout: 'list' as const };
    expect(migratePoolOptions(today)).toEqual(today);
    expect(migratePoolOptions(DEFAULT_OPTIONS)).toEqual(DEFAULT_OPTIONS);
  });

  it("leaves the bundled dashboards' pool panels as they are", () => {
    const options = fs
      .readdirSync(DASHBOARD_DIR)
      .filter((file) => file.endsWith('.json'))
      .flatMap((file) =>
        contentPanels(JSON.parse(fs.readFileSync(path.join(DASHBOARD_DIR, file), 'utf8')) as DashboardJson)
      )
      .filter((p) => p.type === 'rustydb-poolstats-panel')
      .map((p) => p.options);
    expect(options.length).toBeGreaterThan(0);
    options.forEach((saved) => expect(migratePoolOptions(saved)).toEqual(saved));
  });

  it.each([undefined, null, 'cards', 42, ['poolField']])('starts from no options when they are %j', (saved) => {
    expect(migratePoolOptions(saved)).toEqual({ fields: {} });
  });

  it('keeps only known roles mapped to field names', () => {
    expect(migratePoolOptions({ fields: { active: 3, bogus: 'x', idle: 'idle_conns', max: '' } })).toEqual({
      fields: { idle: 'idle_conns' },
    });
    expect(migratePoolOptions({ fields: 'poolId' })).toEqual({ fields: {} });
  });

  it('does not change the options it was given', () => {
    const saved = { poolField: 'name' };
    migratePoolOptions(saved);
    expect(saved).toEqual({ poolField: 'name' });
  });
});
