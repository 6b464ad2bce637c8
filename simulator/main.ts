/**
 * `npm run simulator -- --profile documented|v0.6.5 --port 8080 --metrics-port 9100 --host 127.0.0.1 --seed 1`
 * Starts the simulator, prints its URLs and stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'util';
import { PROFILES, Profile, startSimulator, SimulatorOptions } from './index';

const USAGE = `usage: npm run simulator -- [--profile documented|v0.6.5] [--port 8080] [--metrics-port 9100|none]
                             [--host 127.0.0.1] [--seed 1] [--rate-limit N] [--log-dir DIR]`;

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

export function parseCli(argv: string[]): SimulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      profile: { type: 'string', default: 'documented' },
      port: { type: 'string', default: '8080' },
      'metrics-port': { type: 'string', default: '9100' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      'rate-limit': { type: 'string' },
      'log-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!PROFILES.includes(values.profile as Profile)) {
    throw new Error(`--profile must be one of ${PROFILES.join(', ')}, got '${values.profile}'`);
  }
  const metricsPort = values['metrics-port']!;
  return {
    profile: values.profile as Profile,
    port: integer('port', values.port!, 0, 65535),
    metricsPort: metricsPort === 'none' ? null : integer('metrics-port', metricsPort, 0, 65535),
    host: values.host,
    seed: integer('seed', values.seed!, 0, 2 ** 32 - 1),
    rateLimitPerSecond:
      values['rate-limit'] === undefined ? undefined : integer('rate-limit', values['rate-limit'], 1, 1_000_000),
    logDir: values['log-dir'] || undefined,
  };
}

async function main(): Promise<void> {
  let options: SimulatorOptions;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const sim = await startSimulator(options);
  console.log(`RustyDB simulator (profile ${options.profile}, seed ${options.seed})`);
  console.log(`REST     ${sim.url}   (faults: ${sim.url}/__sim/faults)`);
  const noExporter = options.profile === 'v0.6.5' ? 'none (v0.6.5 serves only /api/v1/metrics/prometheus)' : 'none';
  console.log(`metrics  ${sim.metricsUrl ?? noExporter}`);
  if (options.logDir) {
    console.log(`logs     ${options.logDir} (rustydb.log, audit.log, slow-query.log)`);
  }
  const stop = (signal: string) => {
    console.log(`${signal}: stopping`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(`simulator failed to start: ${e.message}`);
    process.exit(1);
  });
}
