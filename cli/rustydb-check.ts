/**
 * The guide's cron and Nagios scripts as one command: `rustydb-check health|performance|pools`.
 * Run it with `npm run -s check -- health --url http://host:8080`, or the `cli/rustydb-check` wrapper from cron or NRPE.
 */
import { runCheck } from './run';

runCheck(process.argv.slice(2), process.env).then(
  ({ code, stdout, stderr }) => {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`RUSTYDB UNKNOWN - ${(error as Error).message}\n`);
    process.exitCode = 3;
  }
);
