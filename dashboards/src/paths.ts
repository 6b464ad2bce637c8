import path from 'path';

/** Where Grafana's dashboards live (the build copies `dashboards/*.json` into `dist/dashboards/`). */
export const DASHBOARD_DIR = path.resolve(__dirname, '..');
/**
 * Revision and content hash per dashboard (see lib/revisions.ts); JSON, but not named `.json`, so Grafana's file
 * provisioning (which reads every .json below dashboards/) never mistakes it for a dashboard.
 */
export const LOCK_FILE = path.join(__dirname, 'revisions.lock');
export const PROJECT_ROOT = path.resolve(DASHBOARD_DIR, '..');
/** Panel ids per dashboard (see lib/panelIds.ts); not `.json` for the same reason. */
export const PANEL_ID_LOCK = path.join(__dirname, 'panelIds.lock');
