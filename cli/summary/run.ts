import { parseArgs } from 'util';
import { formatSummary, slackMessage, SUMMARY_FORMATS, SummaryFormat } from './format';
import { prometheusClient, SummaryFailure } from './prometheus';
import { dailySummary } from './summary';
import { postJson, WEBHOOK_ENV, webhookUrl } from './webhook';

/** `rustydb-check summary`: the last 24 hours from Prometheus, printed, and posted to a webhook with --post. */

export const SUMMARY_USAGE = `usage: rustydb-check summary [--prometheus URL] [--job JOB] [--instance REGEX] [--format text|json|slack] [--timeout SECONDS] [--post [--webhook-url-file FILE]]

  The last 24 hours of RustyDB from Prometheus: availability (scrapes that reached the server), error rate (failed
  HTTP requests), p95 query latency, queries per second, the availability error budget left, and the resource
  closest to its limit (days until full). Reads the project's recording rules (monitoring/rules).

  --prometheus URL        Prometheus' address (default $PROMETHEUS_URL or http://localhost:9090)
  --job JOB               the RustyDB scrape job (default rustydb)
  --instance REGEX        instances to include (default: all)
  --format FORMAT         text (default), json, or slack: the Slack message body
  --timeout SECONDS       give up after this long (default 10)
  --post                  also post the Slack message to the webhook whose URL is in
                          --webhook-url-file FILE or $${WEBHOOK_ENV} (never on the command line)

Exit codes: 0 done, 1 Prometheus or the webhook failed, 3 bad arguments.
`;

export const SUMMARY_EXIT = { OK: 0, FAILED: 1, USAGE: 3 } as const;

export interface SummaryOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

interface Options {
  prometheus: string;
  job: string;
  instance: string;
  format: SummaryFormat;
  timeoutSeconds: number;
  post: boolean;
  webhookFile?: string;
}

class UsageError extends Error {}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        prometheus: { type: 'string' },
        job: { type: 'string', default: 'rustydb' },
        instance: { type: 'string', default: '.+' },
        format: { type: 'string', default: 'text' },
        timeout: { type: 'string', default: '10' },
        post: { type: 'boolean', default: false },
        'webhook-url-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    return 'help';
  }
  if (!(SUMMARY_FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`unknown format: ${values.format}`);
  }
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new UsageError(`--timeout must be a positive number of seconds, not ${values.timeout}`);
  }
  const prometheus = values.prometheus ?? env.PROMETHEUS_URL ?? 'http://localhost:9090';
  if (!/^https?:\/\/[^/]/.test(prometheus)) {
    throw new UsageError(`--prometheus must be an http(s) URL, not ${prometheus}`);
  }
  if (values['webhook-url-file'] !== undefined && !values.post) {
    throw new UsageError('--webhook-url-file is only used with --post');
  }
  return {
    prometheus,
    job: values.job,
    instance: values.instance,
    format: values.format as SummaryFormat,
    timeoutSeconds,
    post: values.post,
    webhookFile: values['webhook-url-file'],
  };
}

export async function runSummary(
  argv: string[],
  env: NodeJS.ProcessEnv,
  now = () => new Date()
): Promise<SummaryOutcome> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv, env);
  } catch (error) {
    const message = `rustydb-check summary: ${(error as Error).message}\n\n${SUMMARY_USAGE}`;
    return { code: SUMMARY_EXIT.USAGE, stdout: '', stderr: message };
  }
  if (options === 'help') {
    return { code: SUMMARY_EXIT.OK, stdout: SUMMARY_USAGE, stderr: '' };
  }
  const { prometheus, job, instance, format, timeoutSeconds, post, webhookFile } = options;
  const signal = AbortSignal.timeout(timeoutSeconds * 1000);
  try {
    // Read the URL first: a summary that cannot be posted should not wait for Prometheus to say so.
    const url = post ? webhookUrl(webhookFile, env) : undefined;
    const summary = await dailySummary(prometheusClient(prometheus, signal, timeoutSeconds), { job, instance }, now());
    const stdout = formatSummary(summary, format);
    if (url) {
      await postJson(url, slackMessage(summary), signal, timeoutSeconds);
      return { code: SUMMARY_EXIT.OK, stdout, stderr: 'rustydb-check summary: posted to the webhook\n' };
    }
    return { code: SUMMARY_EXIT.OK, stdout, stderr: '' };
  } catch (error) {
    if (!(error instanceof SummaryFailure)) {
      throw error;
    }
    return { code: SUMMARY_EXIT.FAILED, stdout: '', stderr: `rustydb-check summary: ${error.message}\n` };
  }
}
