/**
 * What a handler answers, before transport concerns (faults, rate limits) and before it is written to the socket.
 * The error shapes are RustyDB's: the flat `ApiError`, the networking router's `{error}` and axum's plain-text
 * rejections.
 */
import type { ApiError, NetworkError } from '../../src/rustydb/api/types';
import { toRustJson } from './rustJson';

export class Reply {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly body: string,
    /** Drop the connection instead of answering (RustyDB panics without a CatchPanicLayer). */
    readonly drop = false
  ) {}

  withBody(body: string): Reply {
    return new Reply(this.status, this.headers, body, this.drop);
  }

  withStatus(status: number): Reply {
    return new Reply(status, this.headers, this.body, this.drop);
  }
}

const JSON_TYPE = 'application/json';
export const TEXT_TYPE = 'text/plain; charset=utf-8';

export function json(body: unknown, status = 200): Reply {
  return new Reply(status, { 'content-type': JSON_TYPE }, toRustJson(body));
}

export function text(body: string, status = 200, contentType = TEXT_TYPE): Reply {
  return new Reply(status, { 'content-type': contentType }, body);
}

/** axum's bodiless answers: unknown path (404), wrong method (405). */
export function bare(status: number, headers: Record<string, string> = {}): Reply {
  return new Reply(status, headers, '');
}

export function dropConnection(): Reply {
  return new Reply(0, {}, '', true);
}

/** `ApiError::into_response`: NOT_FOUND→404, INVALID_INPUT/VALIDATION_ERROR→400, … and anything else →500. */
export function statusOfCode(code: string): number {
  const statuses: Record<string, number> = {
    NOT_FOUND: 404,
    INVALID_INPUT: 400,
    VALIDATION_ERROR: 400,
    UNAUTHORIZED: 401,
    FORBIDDEN: 403,
    CONFLICT: 409,
    RATE_LIMITED: 429,
  };
  return statuses[code] ?? 500;
}

export function apiErrorBody(code: string, message: string, nowSec: number): ApiError {
  return { code, message, details: null, timestamp: nowSec, request_id: null };
}

export function apiError(code: string, message: string, nowSec: number, status = statusOfCode(code)): Reply {
  return json(apiErrorBody(code, message, nowSec), status);
}

export function notFound(message: string, nowSec: number): Reply {
  return apiError('NOT_FOUND', message, nowSec);
}

export function networkError(message: string, status: number): Reply {
  const body: NetworkError = { error: message };
  return json(body, status);
}
