/**
 * The connection-pool panel's render times in Chromium; the measuring runs in bench/panel.timings.ts, in a child tsx
 * process with tests/browser/harness/tsconfig.json (see there why the root tsconfig cannot load Playwright).
 */
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import type { Row } from './run';

export const title = 'Connection-pool panel (Chromium, production React; median of 5 runs after a warm-up)';

export async function run(): Promise<Row[]> {
  const root = path.resolve(__dirname, '..');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [require.resolve('tsx/cli'), path.join(__dirname, 'panel.timings.ts')],
    {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tests/browser/harness/tsconfig.json') },
      maxBuffer: 1 << 20,
    }
  );
  return JSON.parse(stdout) as Row[];
}
