/**
 * Fault injection: validation of a `Faults` document, and the transport faults (latency, status, broken bodies,
 * dropped connections) applied to a reply. Value faults (CPU, pools, health …) are read by the profiles, so REST and
 * the exposition show the same forced values.
 */
import { apiError, networkError, Reply, text } from './http/reply';
import type { BodyFault, Faults, HealthStatus } from './types';

export const CONTROL_PREFIX = '/__sim';

const BODY_FAULTS: readonly BodyFault[] = ['malformed', 'truncated', 'html', 'empty', 'text'];
const HEALTH: readonly HealthStatus[] = ['healthy', 'degraded', 'unhealthy'];

export class FaultError extends Error {}

function expectNumber(f: Record<string, unknown>, key: string, min: number, max: number): void {
  const v = f[key];
  if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)) {
    throw new FaultError(`${key} must be a number from ${min} to ${max}`);
  }
}

function expectOneOf(f: Record<string, unknown>, key: string, allowed: readonly string[]): void {
  const v = f[key];
  if (v !== undefined && !allowed.includes(v as string)) {
    throw new FaultError(`${key} must be one of ${allowed.join(', ')}`);
  }
}

const KNOWN_KEYS = [
  'latencyMs',
  'status',
  'body',
  'pathPattern',
  'cpuPercent',
  'memoryPercent',
  'pool',
  'health',
  'failedLoginsPerMinute',
  'replicaLagSeconds',
  'down',
];

function validatePool(pool: unknown): void {
  if (pool === undefined) {
    return;
  }
  if (typeof pool !== 'object' || pool === null || typeof (pool as { id?: unknown }).id !== 'string') {
    throw new FaultError('pool must be an object with a string id');
  }
  const p = pool as Record<string, unknown>;
  const unknown = Object.keys(p).filter((k) => !['id', 'active', 'idle', 'waiting'].includes(k));
  if (unknown.length > 0) {
    throw new FaultError(`unknown pool fault field(s): ${unknown.join(', ')}`);
  }
  for (const key of ['active', 'idle', 'waiting']) {
    expectNumber(p, key, 0, 1_000_000);
    if (p[key] !== undefined && !Number.isInteger(p[key])) {
      throw new FaultError(`pool.${key} must be an integer`);
    }
  }
}

/** Checks an untrusted document (the control endpoint's body) and returns it typed. */
export function parseFaults(input: unknown): Faults {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FaultError('faults must be a JSON object');
  }
  const f = input as Record<string, unknown>;
  const unknown = Object.keys(f).filter((k) => !KNOWN_KEYS.includes(k));
  if (unknown.length > 0) {
    throw new FaultError(`unknown fault field(s): ${unknown.join(', ')}; known: ${KNOWN_KEYS.join(', ')}`);
  }
  expectNumber(f, 'latencyMs', 0, 120_000);
  expectNumber(f, 'status', 200, 599);
  if (f.status !== undefined && !Number.isInteger(f.status)) {
    throw new FaultError('status must be an integer');
  }
  expectOneOf(f, 'body', BODY_FAULTS);
  if (f.pathPattern !== undefined) {
    if (typeof f.pathPattern !== 'string') {
      throw new FaultError('pathPattern must be a string (a regular expression)');
    }
    try {
      new RegExp(f.pathPattern);
    } catch (e) {
      throw new FaultError(`pathPattern is not a valid regular expression: ${(e as Error).message}`);
    }
  }
  expectNumber(f, 'cpuPercent', 0, 10_000);
  expectNumber(f, 'memoryPercent', 0, 100);
  validatePool(f.pool);
  expectOneOf(f, 'health', HEALTH);
  expectNumber(f, 'failedLoginsPerMinute', 0, 1_000_000);
  expectNumber(f, 'replicaLagSeconds', 0, 10_000_000);
  if (f.down !== undefined && typeof f.down !== 'boolean') {
    throw new FaultError('down must be a boolean');
  }
  return f as Faults;
}

/** Whether the transport faults (latency, status, body, down) apply to a path. */
export function appliesTo(faults: Faults, path: string): boolean {
  if (path.startsWith(CONTROL_PREFIX)) {
    return false;
  }
  return faults.pathPattern === undefined || new RegExp(faults.pathPattern).test(path);
}

const ERROR_CODES: Record<number, string> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** The error RustyDB would answer with that status: `{error}` on the networking router, `ApiError` elsewhere. */
function faultStatusReply(status: number, path: string, nowSec: number): Reply {
  const message = `Injected fault: HTTP ${status}`;
  if (path.startsWith('/api/v1/network/')) {
    return networkError(message, status);
  }
  const code = ERROR_CODES[status] ?? 'INTERNAL_ERROR';
  return apiError(code, message, nowSec, status);
}

function brokenBody(kind: BodyFault, reply: Reply): Reply {
  switch (kind) {
    case 'malformed':
      return reply.withBody(`{"status":"healthy",${reply.body.slice(1, 20)}<<not json`);
    case 'truncated':
      return reply.withBody(reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))));
    case 'html':
      return text(
        '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
        reply.status,
        'text/html; charset=utf-8'
      );
    case 'empty':
      return reply.withBody('');
    case 'text':
      return text('Internal Server Error', reply.status);
  }
}

/** Applies the status and body faults to a reply (latency and down are applied by the server). */
export function applyReplyFaults(faults: Faults, reply: Reply, path: string, nowSec: number): Reply {
  let out = reply;
  if (faults.status !== undefined) {
    out = faults.status >= 400 ? faultStatusReply(faults.status, path, nowSec) : out.withStatus(faults.status);
  }
  return faults.body === undefined ? out : brokenBody(faults.body, out);
}
