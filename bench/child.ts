/**
 * Benches whose measuring needs a process of its own (a DOM installed from jsdom, Playwright under another tsconfig)
 * run a file with tsx in a child process, which prints its result as JSON on stdout.
 */
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';

const ROOT = path.resolve(__dirname, '..');

/** Runs `file` in a child tsx process and returns what it printed; `tsconfig` replaces the root tsconfig there. */
export async function resultOfChild<T>(file: string, tsconfig?: string): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), file], {
    cwd: ROOT,
    env: tsconfig ? { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, tsconfig) } : process.env,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as T;
}

/** The child's side: prints what `measure` gives as JSON, or the error and exit code 1. */
export function printResult(measure: () => Promise<unknown>): void {
  measure().then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (err) => {
      console.error(err);
      process.exit(1);
    }
  );
}
