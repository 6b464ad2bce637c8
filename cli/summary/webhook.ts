import fs from 'fs';
import { SummaryFailure } from './prometheus';

/**
 * Where the summary is posted: a webhook URL (Slack's incoming webhooks carry their secret in the URL) read from a
 * file or the environment, never from the command line (it would show in `ps` and shell history). No message here
 * ever contains the URL.
 */

export const WEBHOOK_ENV = 'RUSTYDB_SUMMARY_WEBHOOK_URL';

export function webhookUrl(file: string | undefined, env: NodeJS.ProcessEnv): string {
  let url: string | undefined;
  if (file !== undefined) {
    try {
      url = fs.readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new SummaryFailure(`cannot read the webhook URL file ${file}: ${(error as NodeJS.ErrnoException).code}`);
    }
  } else {
    url = env[WEBHOOK_ENV]?.trim();
  }
  if (!url) {
    throw new SummaryFailure(`--post needs a webhook URL: --webhook-url-file FILE or $${WEBHOOK_ENV}`);
  }
  if (!/^https?:\/\/[^/]/.test(url)) {
    throw new SummaryFailure('the webhook URL is not an http(s) URL');
  }
  return url;
}

export async function postJson(url: string, body: unknown, signal: AbortSignal, timeoutSeconds: number): Promise<void> {
  let status: number;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
    status = response.status;
    await response.arrayBuffer();
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    throw new SummaryFailure(
      signal.aborted
        ? `no answer from the webhook within ${timeoutSeconds}s`
        : `cannot reach the webhook${code ? `: ${code}` : ''}`
    );
  }
  if (status < 200 || status > 299) {
    throw new SummaryFailure(`the webhook answered HTTP ${status}`);
  }
}
