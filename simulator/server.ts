/**
 * The HTTP side: the REST listener (RustyDB's :8080) with RustyDB's middleware order — rate limiter, then the request
 * logger that feeds the counters, then routing — plus the fault control endpoint, and the documented exporter
 * listener (:9100/metrics) when the profile has one.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import type { ContextBase, ProfileImpl } from './bodies';
import { appliesTo, applyReplyFaults, CONTROL_PREFIX, FaultError, parseFaults } from './faults';
import { apiError, bare, dropConnection, json, Reply, text } from './http/reply';
import { Router } from './http/router';
import { LogFiles } from './logFiles';
import { documentedProfile } from './profiles/documented';
import { v065Profile } from './profiles/v065';
import { clientKey, RateLimiter } from './rateLimit';
import { RequestStats } from './requestStats';
import { buildRoutes } from './routes';
import type { Faults, RunningSimulator, SimulatorOptions } from './types';
import { DOCUMENTED_METRICS_PATH } from '../src/rustydb/api/endpoints';

const V065_RATE_LIMIT = 100;
const DEFAULT_LOG_INTERVAL_MS = 5000;
const MAX_CONTROL_BODY = 64 * 1024;

interface Resolved {
  profile: 'documented' | 'v0.6.5';
  seed: number;
  now: () => number;
  host: string;
  port: number;
  metricsPort: number | null;
  rateLimitPerSecond: number;
  rateLimitClock: () => number;
  logDir?: string;
  logIntervalMs: number;
}

function resolve(opts: SimulatorOptions): Resolved {
  const profile = opts.profile ?? 'documented';
  if (profile !== 'documented' && profile !== 'v0.6.5') {
    throw new Error(`unknown profile '${String(profile)}': use 'documented' or 'v0.6.5'`);
  }
  return {
    profile,
    seed: opts.seed ?? 1,
    now: opts.now ?? Date.now,
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    metricsPort: profile === 'v0.6.5' ? null : opts.metricsPort === undefined ? 0 : opts.metricsPort,
    rateLimitPerSecond: opts.rateLimitPerSecond ?? (profile === 'v0.6.5' ? V065_RATE_LIMIT : Infinity),
    rateLimitClock: opts.rateLimitClock ?? (() => performance.now()),
    logDir: opts.logDir,
    logIntervalMs: opts.logIntervalMs ?? DEFAULT_LOG_INTERVAL_MS,
  };
}

function send(res: http.ServerResponse, reply: Reply): void {
  if (reply.drop) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_CONTROL_BODY) {
        reject(new FaultError('faults document too large'));
        req.destroy();
      }
    });
    req.on('end', () => resolveBody(body));
    req.on('error', reject);
  });
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    server.closeAllConnections();
  });
}

/**
 * v0.6.5 maps its `RATE_LIMIT_EXCEEDED` to 500 without headers (CONTRACT §2.5); the documented server answers 429
 * with `Retry-After` (REST_API.md:1451).
 */
function rateLimited(profile: Resolved['profile'], nowSec: number): Reply {
  const message = 'Too many requests. Please try again later.';
  if (profile === 'v0.6.5') {
    return apiError('RATE_LIMIT_EXCEEDED', message, nowSec);
  }
  const reply = apiError('RATE_LIMITED', message, nowSec);
  return new Reply(reply.status, { ...reply.headers, 'retry-after': '1' }, reply.body);
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function urlOf(host: string, port: number, path = ''): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}${path}`;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const o = resolve(opts);
  const startMs = o.now();
  const profile: ProfileImpl = o.profile === 'v0.6.5' ? v065Profile() : documentedProfile(o.seed, startMs);
  const router = new Router<ContextBase>(buildRoutes(profile.handlers));
  const stats = new RequestStats(o.seed);
  const limiter = new RateLimiter(o.rateLimitPerSecond, o.rateLimitClock);
  let faults: Faults = {};

  const setFaults = (next: Faults) => {
    faults = parseFaults(next);
    profile.faultsChanged?.(o.now(), faults);
  };

  const baseContext = (nowMs: number): ContextBase => ({
    nowMs,
    nowSec: Math.floor(nowMs / 1000),
    counters: stats.current(),
    faults,
  });

  async function control(req: http.IncomingMessage, nowSec: number): Promise<Reply> {
    try {
      if (req.method === 'GET') {
        return json(faults);
      }
      if (req.method === 'POST') {
        const raw = await readBody(req);
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw || '{}');
        } catch {
          throw new FaultError('body is not valid JSON');
        }
        setFaults(parsed as Faults);
        return json(faults);
      }
      if (req.method === 'DELETE') {
        setFaults({});
        return json(faults);
      }
      return bare(405, { allow: 'GET,POST,DELETE' });
    } catch (e) {
      if (e instanceof FaultError) {
        return apiError('INVALID_INPUT', e.message, nowSec);
      }
      throw e;
    }
  }

  /** Transport faults around any answer: dropped connection, latency, then status and body. */
  async function withFaults(path: string, nowSec: number, answer: () => Promise<Reply>): Promise<Reply> {
    const active = faults;
    if (!appliesTo(active, path)) {
      return answer();
    }
    if (active.down) {
      return dropConnection();
    }
    if (active.latencyMs) {
      await delay(active.latencyMs);
    }
    return applyReplyFaults(active, await answer(), path, nowSec);
  }

  async function rest(req: http.IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const nowMs = o.now();
    const nowSec = Math.floor(nowMs / 1000);
    if (url.pathname === CONTROL_PREFIX + '/faults') {
      return control(req, nowSec);
    }
    if (!limiter.allow(clientKey(req.headers['x-forwarded-for']))) {
      return rateLimited(o.profile, nowSec);
    }
    const reply = await withFaults(url.pathname, nowSec, () =>
      router.dispatch(req.method ?? 'GET', url.pathname, url.searchParams, baseContext(nowMs))
    );
    if (!reply.drop) {
      stats.record(reply.status, appliesTo(faults, url.pathname) ? (faults.latencyMs ?? 0) : 0);
    }
    return reply;
  }

  async function exporter(req: http.IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const nowMs = o.now();
    if (url.pathname !== DOCUMENTED_METRICS_PATH || !profile.exporter) {
      return bare(404);
    }
    const render = profile.exporter;
    return withFaults(url.pathname, Math.floor(nowMs / 1000), async () =>
      text(await render(baseContext(nowMs)), 200, 'text/plain; version=0.0.4; charset=utf-8')
    );
  }

  const serve =
    (handler: (req: http.IncomingMessage) => Promise<Reply>) =>
    (req: http.IncomingMessage, res: http.ServerResponse) => {
      handler(req)
        .then((reply) => send(res, reply))
        .catch((e: Error) => send(res, text(`simulator error: ${e.message}`, 500)));
    };

  const restServer = http.createServer(serve(rest));
  const restPort = await listen(restServer, o.port, o.host);
  let metricsServer: http.Server | null = null;
  let metricsPort: number | null = null;
  if (o.metricsPort !== null && profile.exporter) {
    metricsServer = http.createServer(serve(exporter));
    try {
      metricsPort = await listen(metricsServer, o.metricsPort, o.host);
    } catch (e) {
      await closeServer(restServer);
      throw e;
    }
  }

  const logFiles = o.logDir ? new LogFiles({ dir: o.logDir, handlers: profile.handlers, context: baseContext }) : null;
  const writeLogs = () => logFiles?.write(o.now());
  const logTimer = logFiles ? setInterval(writeLogs, o.logIntervalMs) : undefined;
  logTimer?.unref();

  return {
    url: urlOf(o.host, restPort),
    metricsUrl: metricsPort === null ? null : urlOf(o.host, metricsPort, DOCUMENTED_METRICS_PATH),
    setFaults,
    clearFaults: () => setFaults({}),
    ...(logFiles ? { writeLogs } : {}),
    close: async () => {
      clearInterval(logTimer);
      await Promise.all([closeServer(restServer), metricsServer ? closeServer(metricsServer) : Promise.resolve()]);
    },
  };
}
