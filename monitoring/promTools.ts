import { spawnSync } from 'child_process';

/** Debian's packages (`.ci/run` installs them): promtool 2.42 and amtool 0.25. */
export type PromTool = 'promtool' | 'amtool';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

const PACKAGE: Record<PromTool, string> = { promtool: 'prometheus', amtool: 'prometheus-alertmanager' };

/** Runs promtool or amtool; a missing binary is an error that names the package to install. */
export function runTool(tool: PromTool, args: string[], cwd?: string): ToolResult {
  // Only a guard against a hung tool: hours of simulated samples take promtool tens of seconds on a busy machine.
  const result = spawnSync(tool, args, { cwd, encoding: 'utf8', timeout: 600_000 });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `${tool} is not installed: apt-get install ${PACKAGE[tool]} (bash .ci/run does)`
        : `${tool}: ${result.error.message}`
    );
  }
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
