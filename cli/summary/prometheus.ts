/** Instant queries against Prometheus' HTTP API, with the failures the summary reports: unreachable, HTTP, API errors. */

export class SummaryFailure extends Error {}

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface PrometheusClient {
  /** The samples of an instant query at `time`; an empty vector is `[]`. */
  query(expr: string, time: Date): Promise<Sample[]>;
}

interface ApiBody {
  status?: string;
  error?: string;
  data?: { resultType?: string; result?: Array<{ metric?: Record<string, string>; value?: [number, string] }> };
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

export function prometheusClient(baseUrl: string, signal: AbortSignal, timeoutSeconds: number): PrometheusClient {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    async query(expr, time) {
      const url = `${root}/api/v1/query`;
      const form = new URLSearchParams({ query: expr, time: String(time.getTime() / 1000) });
      let status: number;
      let text: string;
      try {
        const response = await fetch(url, { method: 'POST', body: form, signal });
        status = response.status;
        text = await response.text();
      } catch (error) {
        throw new SummaryFailure(
          signal.aborted
            ? `no answer from Prometheus at ${root} within ${timeoutSeconds}s`
            : `cannot reach Prometheus at ${root}: ${reason(error)}`
        );
      }
      let body: ApiBody;
      try {
        body = JSON.parse(text);
      } catch {
        throw new SummaryFailure(`Prometheus at ${root} answered HTTP ${status} with a body that is not JSON`);
      }
      if (body.status !== 'success' || body.data?.resultType !== 'vector') {
        throw new SummaryFailure(
          `Prometheus at ${root} rejected a query (HTTP ${status}): ${body.error ?? 'no vector'}`
        );
      }
      return (body.data.result ?? []).map((r) => ({ labels: r.metric ?? {}, value: Number(r.value?.[1]) }));
    },
  };
}
