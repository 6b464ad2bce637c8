import { parseArgs } from 'util';
import { healthCheck } from './checks/health';
import { performanceCheck } from './checks/performance';
import { poolsCheck } from './checks/pools';
import { CheckResult } from './checks/result';
import { CheckFailure, Client, createClient } from './client';
import { EXIT_CODE } from './nagios';
import { Format, FORMATS, print, Printed } from './output';

/** `rustydb-check`: parses the command line, runs one check against RustyDB's REST API, prints, returns the exit code. */

const CHECKS = {
  health: (client: Client) => healthCheck(client),
  performance: (client: Client) => performanceCheck(client),
  pools: (client: Client, pools: string[]) => poolsCheck(client, pools),
};
type CheckName = keyof typeof CHECKS;

export const USAGE = `usage: rustydb-check <health|performance|pools> [--url URL] [--format text|json|csv] [--timeout SECONDS] [--pool ID]...

  health        GET /api/v1/admin/health: healthy 0, degraded 1, unhealthy 2
  performance   GET /api/v1/stats/performance: CPU, memory, cache hit ratio, TPS, locks, deadlocks
  pools         GET /api/v1/pools/{id}/stats for every pool (or each --pool): utilisation, waiting requests

  --url URL          RustyDB's REST address (default $RUSTYDB_URL or http://localhost:8080)
  --format FORMAT    text: a Nagios line with performance data (default); json; csv: the guide's CSV line(s)
  --timeout SECONDS  give up after this long, as CRITICAL (default 10)
  RUSTYDB_TOKEN      if set, sent as "Authorization: Bearer <token>"

Exit codes (Nagios): 0 OK, 1 WARNING, 2 CRITICAL (also unreachable, timeout, HTTP error), 3 UNKNOWN.
`;

export interface Outcome extends Printed {
  code: number;
}

interface Options {
  check: CheckName;
  url: string;
  format: Format;
  timeoutSeconds: number;
  pools: string[];
}

class UsageError extends Error {}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        format: { type: 'string', default: 'text' },
        timeout: { type: 'string', default: '10' },
        pool: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return 'help';
  }
  if (positionals.length !== 1 || !(positionals[0] in CHECKS)) {
    throw new UsageError(positionals.length === 0 ? 'name a check' : `unknown check: ${positionals.join(' ')}`);
  }
  if (!(FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`unknown format: ${values.format}`);
  }
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new UsageError(`--timeout must be a positive number of seconds, not ${values.timeout}`);
  }
  const url = values.url ?? env.RUSTYDB_URL ?? 'http://localhost:8080';
  if (!/^https?:\/\/[^/]/.test(url)) {
    throw new UsageError(`--url must be an http(s) URL, not ${url}`);
  }
  return { check: positionals[0] as CheckName, url, format: values.format as Format, timeoutSeconds, pools: values.pool };
}

export async function runCheck(argv: string[], env: NodeJS.ProcessEnv, now = () => new Date()): Promise<Outcome> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv, env);
  } catch (error) {
    return { code: EXIT_CODE.UNKNOWN, stdout: '', stderr: `rustydb-check: ${(error as Error).message}\n\n${USAGE}` };
  }
  if (options === 'help') {
    return { code: EXIT_CODE.OK, stdout: USAGE, stderr: '' };
  }
  const { check, url, format, timeoutSeconds, pools } = options;
  const signal = AbortSignal.timeout(timeoutSeconds * 1000);
  const client = createClient({ baseUrl: url, token: env.RUSTYDB_TOKEN, signal, timeoutSeconds });
  let result: CheckResult;
  try {
    result = await CHECKS[check](client, pools);
  } catch (error) {
    if (!(error instanceof CheckFailure)) {
      throw error;
    }
    result = { status: error.status, summary: error.message, measurements: [], csv: [] };
  }
  const printed = print({ ...result, check, url, checkedAt: now() }, format);
  return { ...printed, code: EXIT_CODE[result.status] };
}
