/**
 * Test helpers: simulators on free ports with a controllable clock (all closed by `closeAll`), plain HTTP reads,
 * the contract fixtures, and the exposition parsed with parse-prometheus-text-format.
 */
import fs from 'fs';
import path from 'path';
import parsePrometheusTextFormat, { ParsedFamily } from 'parse-prometheus-text-format';
import { FIXTURE_EPOCH_SEC } from '../fixtures';
import { RunningSimulator, SimulatorOptions, startSimulator } from '../index';

export const FIXTURE_DIR = path.join(__dirname, '../../fixtures');
export const FIXTURE_MS = FIXTURE_EPOCH_SEC * 1000;
/** 2025-12-29 15:00 UTC: the documented model's busiest hour. */
export const AFTERNOON_MS = Date.UTC(2025, 11, 29, 15, 0, 0);

export class Clock {
  constructor(public ms: number) {}
  readonly now = () => this.ms;
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

const running: RunningSimulator[] = [];

export async function start(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const sim = await startSimulator(opts);
  running.push(sim);
  return sim;
}

export async function closeAll(): Promise<void> {
  await Promise.all(running.splice(0).map((s) => s.close()));
}

export interface Response {
  status: number;
  headers: Headers;
  text: string;
}

export async function get(base: string, urlPath = '', init?: RequestInit): Promise<Response> {
  const r = await fetch(base + urlPath, init);
  return { status: r.status, headers: r.headers, text: await r.text() };
}

export async function getJson<T = unknown>(base: string, urlPath: string): Promise<T> {
  const r = await get(base, urlPath);
  if (r.status !== 200) {
    throw new Error(`GET ${urlPath}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
  }
  return JSON.parse(r.text) as T;
}

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8');
}

export function fixture(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

export function parseExposition(text: string): Map<string, ParsedFamily> {
  return new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
}

/** The value of one sample; throws if the family or the labelled sample is missing. */
export function sampleValue(
  families: Map<string, ParsedFamily>,
  name: string,
  labels: Record<string, string> = {}
): number {
  const family = families.get(name);
  const sample = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  if (!sample || sample.value === undefined) {
    throw new Error(`no sample ${name}${JSON.stringify(labels)}`);
  }
  return Number(sample.value);
}

export async function scrape(url: string): Promise<Map<string, ParsedFamily>> {
  const r = await get(url);
  if (r.status !== 200) {
    throw new Error(`scrape ${url}: HTTP ${r.status}`);
  }
  return parseExposition(r.text);
}
