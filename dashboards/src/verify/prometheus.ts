import fs from 'fs';
import http from 'http';
import yaml from 'js-yaml';
import path from 'path';
import { loadRuleFiles } from '../../../monitoring/ruleModel';
import { shortenOffsets, shortenRules } from '../../../monitoring/stack/overrides';
import { Service, startService } from '../../../monitoring/stack/services';

/**
 * Debian's Prometheus (installed by .ci/run) scraping RustyDB metrics endpoints (one job) every `interval`, with the
 * project's rule files loaded (alert `for:` cut to the same interval), on a free loopback port.
 */
export const PROMETHEUS_BINARY = '/usr/bin/prometheus';

export async function startPrometheus(metricsUrl: string | string[], dir: string, interval: string): Promise<Service> {
  const urls = (Array.isArray(metricsUrl) ? metricsUrl : [metricsUrl]).map((u) => new URL(u));
  if (new Set(urls.map((u) => u.pathname)).size !== 1) {
    throw new Error('One scrape job: every metrics URL must have the same path.');
  }
  fs.mkdirSync(path.join(dir, 'rules'), { recursive: true });
  for (const { file, groups } of loadRuleFiles()) {
    const fast = shortenRules(shortenOffsets(groups, '5s'), interval).map(
      ({ interval: _groupInterval, ...group }) => group
    );
    fs.writeFileSync(path.join(dir, 'rules', path.basename(file)), yaml.dump({ groups: fast }));
  }
  const config = {
    global: { scrape_interval: interval, evaluation_interval: interval },
    rule_files: [path.join(dir, 'rules', '*.yml')],
    scrape_configs: [
      { job_name: 'rustydb', metrics_path: urls[0].pathname, static_configs: [{ targets: urls.map((u) => u.host) }] },
    ],
  };
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), yaml.dump(config));
  return startService(PROMETHEUS_BINARY, [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    '--web.listen-address=127.0.0.1:0',
  ]);
}

export interface PromAnswer {
  /** Series (or the scalar) returned. */
  series: number;
  /** Samples that are numbers (not NaN or ±Inf). */
  finiteSamples: number;
  /** The labels of each series that has a finite sample. */
  labels: Array<Record<string, string>>;
  error?: string;
}

interface ApiBody {
  status: 'success' | 'error';
  error?: string;
  data?: {
    resultType: string;
    result: Series[] | [number, string];
  };
}

interface Series {
  metric?: Record<string, string>;
  value?: [number, string];
  values?: Array<[number, string]>;
}

const finite = (v: string) => Number.isFinite(Number(v));
const samplesOf = (s: Series) => (s.values ? s.values.map((v) => v[1]) : s.value ? [s.value[1]] : []);

function count(body: ApiBody): PromAnswer {
  if (body.status !== 'success' || !body.data) {
    return { series: 0, finiteSamples: 0, labels: [], error: body.error ?? 'no data' };
  }
  const { resultType, result } = body.data;
  if (resultType === 'scalar') {
    return { series: 1, finiteSamples: finite((result as [number, string])[1]) ? 1 : 0, labels: [] };
  }
  const series = result as Series[];
  const withData = series.filter((s) => samplesOf(s).some(finite));
  return {
    series: series.length,
    finiteSamples: series.flatMap(samplesOf).filter(finite).length,
    labels: withData.map((s) => s.metric ?? {}),
  };
}

export interface QueryWindow {
  /** Epoch seconds. */
  start: number;
  end: number;
  stepSeconds: number;
}

/**
 * A JSON answer over Node's http (not `fetch`, which the jsdom test environment lacks); the API's error bodies
 * (400/422 with `status: "error"`) are answers too.
 */
function requestJson(url: string, form?: URLSearchParams): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const body = form?.toString();
    const req = http.request(
      url,
      { method: body ? 'POST' : 'GET', headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(new Error(`${url} answered ${res.statusCode} with: ${text.slice(0, 200)}`));
          }
        });
      }
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** One query as Grafana's Prometheus datasource sends it: an instant query at the end, or a range query. */
export async function queryPrometheus(
  address: string,
  expr: string,
  instant: boolean,
  w: QueryWindow
): Promise<PromAnswer> {
  const params = instant
    ? new URLSearchParams({ query: expr, time: String(w.end) })
    : new URLSearchParams({ query: expr, start: String(w.start), end: String(w.end), step: String(w.stepSeconds) });
  return count((await requestJson(`http://${address}/api/v1/${instant ? 'query' : 'query_range'}`, params)) as ApiBody);
}

/** The values a `label_values(<selector>, <label>)` variable would offer. */
export async function labelValues(address: string, selector: string, label: string, w: QueryWindow): Promise<string[]> {
  const params = new URLSearchParams({ 'match[]': selector, start: String(w.start), end: String(w.end) });
  const url = `http://${address}/api/v1/label/${encodeURIComponent(label)}/values?${params.toString()}`;
  const body = (await requestJson(url)) as { status: string; data?: string[]; error?: string };
  if (body.status !== 'success') {
    throw new Error(`label_values(${selector}, ${label}): ${body.error}`);
  }
  return body.data ?? [];
}
