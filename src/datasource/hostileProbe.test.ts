import { DataFrame, DataQueryResponse } from '@grafana/data';
import { UpstreamAnswer } from '../../tests/grafana/backendSrv';
import { MAX_REQUESTS_PER_QUERY } from './runTarget';
import { QUERY_TYPES } from './queryTypes';
import { request } from './testing/fakes';
import { fixtureFor } from './testing/fixtures';
import { grafanaClient } from './testing/grafana';
import { QueryType, RustyDBQuery } from './types';

/**
 * The hostile-answers probe: seeded, generated RustyDB answers (statuses, content types, broken, truncated, huge and
 * mutated bodies, slow answers, faults) for every query type and view, delivered through the model of Grafana's
 * data-source proxy and backendSrv. Whatever comes back, the panel must show an error or a notice rather than nothing,
 * no garbage, and the query must stay within its request budget, Grafana's 5 requests in flight, and its timeout.
 */

const CASES = 400;
const TIMEOUT_S = 2;
const RETRIES = 3;

/** mulberry32: a small seeded PRNG, so every run probes the same answers. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

const HOSTILE_VALUES: unknown[] = [
  null,
  '',
  ' ',
  {},
  [],
  { a: { b: [1, { c: 2 }] } },
  [null, {}],
  1e308,
  -1e308,
  12345678901234567890,
  -1,
  0,
  true,
  '1e999',
  '42',
  'x'.repeat(3000),
  '<script>alert(1)</script>',
  '../..',
  '%2F',
];

/** A copy of a JSON value with some leaves (and some list entries) replaced by hostile values. */
function mutate(value: unknown, rand: Rand, depth = 0): unknown {
  if (rand() < 0.15) {
    return pick(rand, HOSTILE_VALUES);
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => mutate(v, rand, depth + 1));
    if (rand() < 0.1 && items.length) {
      return Array.from({ length: 12_000 }, (_, i) => items[i % items.length]);
    }
    return rand() < 0.2 ? [...items, pick(rand, HOSTILE_VALUES)] : items;
  }
  if (value && typeof value === 'object' && depth < 6) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(() => rand() > 0.05)
        .map(([k, v]) => [k, mutate(v, rand, depth + 1)])
    );
  }
  return value;
}

const STATUSES = [200, 200, 200, 200, 200, 201, 204, 400, 401, 403, 404, 405, 408, 413, 418, 429, 500, 500, 503];
const TYPES = ['application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'text/html'];

function hostileAnswer(path: string, rand: Rand): UpstreamAnswer {
  const delayMs = pick(rand, [0, 0, 0, 20, 400, 5000]);
  const roll = rand();
  if (roll < 0.04) {
    return { fault: pick(rand, ['unreachable', 'timeout', 'cut'] as const) };
  }
  let base: unknown;
  try {
    base = fixtureFor(path.split('?')[0], rand() < 0.5 ? 'populated' : 'plain');
  } catch {
    base = { value: 1 };
  }
  const status = pick(rand, STATUSES);
  let body: string;
  const shape = rand();
  if (status === 500 && shape < 0.3) {
    body = JSON.stringify({ code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded', details: null });
  } else if (shape < 0.08) {
    body = '<!DOCTYPE html><html><body>' + '<p>error</p>'.repeat(Math.floor(rand() * 2000)) + '</body></html>';
  } else if (shape < 0.14) {
    body = '';
  } else if (shape < 0.2) {
    body = pick(rand, ['OK', 'Internal Server Error', 'length limit exceeded', 'x'.repeat(10_000)]);
  } else {
    body = JSON.stringify(mutate(base, rand));
    if (rand() < 0.1) {
      body = body.replace(/(:\s*)-?\d+(\.\d+)?/, '$11e999');
    }
    if (rand() < 0.1) {
      body = body.slice(0, Math.floor(rand() * body.length));
    }
  }
  return { status, headers: rand() < 0.1 ? {} : { 'content-type': pick(rand, TYPES) }, body, delayMs };
}

/** Every query type and view a panel can ask. */
const QUERIES: Array<Partial<RustyDBQuery>> = QUERY_TYPES.flatMap((info) =>
  (info.views?.map((v) => v.value) ?? [undefined]).map((view) => ({
    queryType: info.value,
    view,
    ...(info.value === QueryType.Raw ? { path: '/api/v1/network/stats' } : {}),
  }))
);

const ARTEFACT = /undefined|\[object Object\]|NaN|Infinity/;
const REMEDY = /\b(Check|Set|Retry|Select|Pick|Use|Refresh|raise|Shorten|Enter|choose|look at)\b/i;

function texts(frames: DataFrame[]) {
  const labels = frames.flatMap((frame) => [
    frame.name ?? '',
    ...frame.fields.flatMap((field) => [field.config.displayNameFromDS ?? '', ...Object.values(field.labels ?? {})]),
  ]);
  const notices = frames.flatMap((f) => f.meta?.notices ?? []).map((n) => n.text);
  const cells = frames.flatMap((frame) =>
    frame.fields.filter((f) => f.type === 'string').flatMap((f) => Array.from(f.values as unknown[]))
  );
  const numbers = frames.flatMap((frame) =>
    frame.fields.filter((f) => f.type === 'number' || f.type === 'time').flatMap((f) => Array.from(f.values))
  );
  return { labels, notices, cells, numbers };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** The same seeded cases every run, drawn up front so they can be probed in batches. */
const PROBES = (() => {
  const rand = prng(13);
  return Array.from({ length: CASES }, (_, n) => {
    const query = pick(rand, QUERIES);
    return { n, query, caseSeed: Math.floor(rand() * 2 ** 31) };
  });
})();

/** Each batch is its own test, so a machine busy enough to slow every case cannot push one test past its timeout. */
const BATCH = 20;
const BATCHES = Array.from({ length: CASES / BATCH }, (_, b) => PROBES.slice(b * BATCH, (b + 1) * BATCH));

it.each(BATCHES.map((probes) => [probes[0].n, probes[probes.length - 1].n, probes] as const))(
  'survives hostile answers %i–%i as Grafana delivers them',
  async (_first, _last, probes) => {
    const problems: string[] = [];
    for (const { n, query, caseSeed } of probes) {
      const answerRand = prng(caseSeed);
      const { client, grafana } = grafanaClient((path) => hostileAnswer(path, answerRand), {
        timeoutSeconds: TIMEOUT_S,
      });
      const packets: DataQueryResponse[] = [];
      const subscription = client
        .query(request([{ refId: 'A', ...query }]))
        .subscribe({ next: (p) => packets.push(p), error: (e) => problems.push(`case ${n}: crashed: ${String(e)}`) });
      let elapsed = 0;
      while (packets.length === 0 && elapsed <= TIMEOUT_S * 1000) {
        await jest.advanceTimersByTimeAsync(100);
        elapsed += 100;
      }
      subscription.unsubscribe();
      const where = `case ${n} (seed ${caseSeed}, ${query.queryType}/${query.view ?? '-'})`;
      if (packets.length === 0) {
        problems.push(`${where}: no answer within the ${TIMEOUT_S} s timeout`);
        continue;
      }
      const { data, errors = [] } = packets[0];
      const frames = data as DataFrame[];
      const { labels, notices, cells, numbers } = texts(frames);
      if (errors.length === 0 && frames.every((f) => f.length === 0) && notices.length === 0) {
        problems.push(`${where}: an empty panel with neither an error nor a notice`);
      }
      if (numbers.some((v) => v !== null && !Number.isFinite(v))) {
        problems.push(`${where}: a non-finite number in a frame`);
      }
      // A filter per list rather than `labels.includes` per text: a 12,000-field frame made that quadratic.
      const garbage = [
        ...labels.filter((text) => ARTEFACT.test(text) || /\bnull\b/.test(text)),
        ...[...notices, ...errors.map((e) => e.message ?? '')].filter((text) => ARTEFACT.test(text)),
      ];
      for (const text of garbage) {
        problems.push(`${where}: garbage in "${text.slice(0, 120)}"`);
      }
      if (cells.some((v) => typeof v === 'string' && v.includes('[object Object]'))) {
        problems.push(`${where}: "[object Object]" in a text cell`);
      }
      for (const message of errors.map((e) => e.message ?? '')) {
        if (message.length > 600 || !REMEDY.test(message)) {
          problems.push(`${where}: unclear error "${message.slice(0, 200)}"`);
        }
      }
      if (grafana.requests.length > MAX_REQUESTS_PER_QUERY + RETRIES || grafana.queue.maxInFlight > 5) {
        problems.push(`${where}: ${grafana.requests.length} requests, ${grafana.queue.maxInFlight} in flight at once`);
      }
      await jest.advanceTimersByTimeAsync(60_000);
      if (jest.getTimerCount() !== 0) {
        problems.push(`${where}: ${jest.getTimerCount()} timers left after the query ended`);
        jest.clearAllTimers();
      }
    }
    expect(problems).toEqual([]);
  }
);
