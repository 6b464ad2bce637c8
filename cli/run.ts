import { parseArgs } from 'util';
import { healthCheck } from './checks/health';
import { PERFORMANCE_MEASURES, performanceCheck } from './checks/performance';
import { POOL_MEASURES, poolsCheck } from './checks/pools';
import { CheckResult, Ignored } from './checks/result';
import { CheckFailure, Client, createClient } from './client';
import { EXIT_CODE } from './nagios';
import { Format, FORMATS, print, Printed } from './output';
import { runSummary } from './summary/run';

/** `rustydb-check`: parses the command line, runs one check against RustyDB's REST API, prints, returns the exit code. */

interface CheckSpec {
  run(client: Client, o: { pools: string[]; ignored: Ignored }): Promise<CheckResult>;
  /** What `--ignore` may name. */
  measures: readonly string[];
}

type CheckName = 'health' | 'performance' | 'pools';

const CHECKS: Record<CheckName, CheckSpec> = {
  health: { run: (client) => healthCheck(client), measures: [] },
  performance: { run: (client, o) => performanceCheck(client, o.ignored), measures: PERFORMANCE_MEASURES },
  pools: { run: (client, o) => poolsCheck(client, o.pools, o.ignored), measures: POOL_MEASURES },
};

export const USAGE = `usage: rustydb-check <health|performance|pools> [--url URL] [--format text|json|csv] [--timeout SECONDS] [--pool ID]... [--ignore MEASURE[,MEASURE]]...

  health        GET /api/v1/admin/health: healthy 0, degraded 1, unhealthy 2
  performance   GET /api/v1/stats/performance: CPU, memory, cache hit ratio, TPS, locks, deadlocks
  pools         GET /api/v1/pools/{id}/stats for every pool (or each --pool): utilisation, waiting requests

  --url URL          RustyDB's REST address (default $RUSTYDB_URL or http://localhost:8080)
  --format FORMAT    text: a Nagios line with performance data (default); json; csv: the guide's CSV line(s)
  --timeout SECONDS  give up after this long, as CRITICAL (default 10)
  --pool ID          check this pool (repeatable); UNKNOWN if the server answers with another pool's figures
  --ignore MEASURES  report these measures but judge them by no level, e.g. tps on RustyDB v0.6.5
                     (performance: ${PERFORMANCE_MEASURES.join(', ')}; pools: ${POOL_MEASURES.join(', ')})
  RUSTYDB_TOKEN      if set, sent as "Authorization: Bearer <token>"

Exit codes (Nagios): 0 OK, 1 WARNING, 2 CRITICAL (also unreachable, timeout, HTTP error), 3 UNKNOWN.

rustydb-check summary [options]: the last 24 hours from Prometheus (rustydb-check summary --help).
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
  ignored: Ignored;
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
        ignore: { type: 'string', multiple: true, default: [] },
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
  const check = positionals[0] as CheckName;
  return {
    check,
    url,
    format: values.format as Format,
    timeoutSeconds,
    pools: values.pool,
    ignored: ignoredMeasures(check, values.ignore),
  };
}

/** `--ignore tps,locks` and `--ignore tps --ignore locks` alike; only measures the check has. */
function ignoredMeasures(check: CheckName, values: string[]): Ignored {
  const named = values.flatMap((v) => v.split(',')).map((m) => m.trim());
  const { measures } = CHECKS[check];
  const unknown = named.filter((m) => !measures.includes(m));
  if (unknown.length > 0) {
    const known =
      measures.length > 0 ? `: ${check} has ${measures.join(', ')}` : `: ${check} has no measures to ignore`;
    throw new UsageError(`--ignore ${unknown.map((m) => `'${m}'`).join(', ')} is not a measure of ${check}${known}`);
  }
  return new Set(named);
}

export async function runCheck(argv: string[], env: NodeJS.ProcessEnv, now = () => new Date()): Promise<Outcome> {
  // Not a Nagios check: it reads Prometheus, not RustyDB, and has its own options and exit codes.
  if (argv[0] === 'summary') {
    return runSummary(argv.slice(1), env, now);
  }
  let options: Options | 'help';
  try {
    options = parseOptions(argv, env);
  } catch (error) {
    return { code: EXIT_CODE.UNKNOWN, stdout: '', stderr: `rustydb-check: ${(error as Error).message}\n\n${USAGE}` };
  }
  if (options === 'help') {
    return { code: EXIT_CODE.OK, stdout: USAGE, stderr: '' };
  }
  const { check, url, format, timeoutSeconds, pools, ignored } = options;
  const signal = AbortSignal.timeout(timeoutSeconds * 1000);
  const client = createClient({ baseUrl: url, token: env.RUSTYDB_TOKEN, signal, timeoutSeconds });
  let result: CheckResult;
  try {
    result = await CHECKS[check].run(client, { pools, ignored });
  } catch (error) {
    if (!(error instanceof CheckFailure)) {
      throw error;
    }
    result = { status: error.status, summary: error.message, measurements: [], csv: [] };
  }
  const printed = print({ ...result, check, url, checkedAt: now() }, format);
  return { ...printed, code: EXIT_CODE[result.status] };
}
