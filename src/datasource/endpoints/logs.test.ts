import { DataFrame, DataFrameType, FieldType } from '@grafana/data';
import logsPopulated from '../../../fixtures/logs.populated.json';
import auditPopulated from '../../../fixtures/security-audit-logs.populated.json';
import { fakeClient, fakeReplace, NOW } from '../testing/fakes';
import { QueryType, RustyDBQuery } from '../types';

const RANGE = { from: NOW - 3600_000, to: NOW };
const SEC = NOW / 1000;

const column = (frame: DataFrame, name: string) => Array.from(frame.fields.find((f) => f.name === name)!.values);
const notices = (frame: DataFrame) => (frame.meta?.notices ?? []).map((n) => n.text).join('\n');

async function run(body: unknown, query: Partial<RustyDBQuery>, variables: Record<string, string | string[]> = {}) {
  const { client, calls } = fakeClient(() => ({ data: body }), { replace: fakeReplace(variables) });
  const { frames, errors } = await client.run([{ refId: 'A', ...query }], { range: RANGE });
  return { frames, errors, calls };
}

const logsBody = (entries: unknown[], extra = {}) => ({
  entries,
  total_count: entries.length,
  has_more: false,
  ...extra,
});
const entry = (offsetSec: number, level: string, message: string, context: Record<string, unknown> = {}) => ({
  timestamp: SEC - offsetSec,
  level,
  message,
  context,
});

describe('/api/v1/logs as a Grafana log-lines frame', () => {
  it("follows the data-plane logs contract Grafana's Explore and Logs panel read", async () => {
    const { frames, errors } = await run(logsPopulated, { queryType: QueryType.Logs });
    expect(errors).toEqual([]);
    const [frame] = frames;
    expect(frame.meta).toMatchObject({ type: DataFrameType.LogLines, preferredVisualisationType: 'logs' });
    expect(frame.fields.map((f) => [f.name, f.type])).toEqual([
      ['timestamp', FieldType.time],
      ['body', FieldType.string],
      ['severity', FieldType.string],
      ['id', FieldType.string],
      ['labels', FieldType.other],
    ]);
    expect(column(frame, 'timestamp')).toEqual([1767002388_000]);
    expect(column(frame, 'severity')).toEqual(['warning']);
    expect(column(frame, 'labels')).toEqual([{ log: 'rustydb', duration_ms: '2140', pages_written: '1500' }]);
  });

  it("maps RustyDB's levels to Grafana's, newest first, with unique ids even for identical lines", async () => {
    const body = logsBody([
      entry(300, 'INFO', 'Checkpoint complete'),
      entry(10, 'ERROR', 'Deadlock detected'),
      entry(10, 'ERROR', 'Deadlock detected'),
      entry(60, 'FATAL', 'Out of disk'),
      entry(30, 'shouting', 'odd level'),
      entry(20, 'DEBUG', 'detail'),
    ]);
    const [frame] = (await run(body, { queryType: QueryType.Logs })).frames;
    const times = column(frame, 'timestamp') as number[];
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(column(frame, 'severity')).toEqual(['error', 'error', 'debug', 'unknown', 'critical', 'info']);
    expect(new Set(column(frame, 'id')).size).toBe(6);
  });

  it('keeps only the chosen levels, whether named as RustyDB or as Grafana does', async () => {
    const body = logsBody([entry(10, 'ERROR', 'a'), entry(20, 'WARN', 'b'), entry(30, 'INFO', 'c')]);
    const { frames } = await run(body, { queryType: QueryType.Logs, levels: ['error', 'warning'] });
    expect(column(frames[0], 'body')).toEqual(['a', 'b']);
  });

  it('drops lines outside the time range and says why the frame is empty', async () => {
    const { frames } = await run(logsBody([entry(7200, 'ERROR', 'old')]), { queryType: QueryType.Logs });
    expect(frames[0].length).toBe(0);
    expect(notices(frames[0])).toMatch(/None of the 1 entries/);
  });

  it('says when the server holds more lines than it answered', async () => {
    const body = logsBody([entry(10, 'ERROR', 'a')], { total_count: 250, has_more: true });
    const [frame] = (await run(body, { queryType: QueryType.Logs })).frames;
    expect(notices(frame)).toMatch(/holds 250 entries and answered 1/);
    expect(frame.meta?.limit).toBe(1);
  });

  it('keeps hostile text as text: markup, escapes and control characters reach the body unchanged', async () => {
    const hostile = '<img src=x onerror=alert(1)> \u001b[31mred\u001b[0m {{7*7}} ${jndi:ldap://x} \n second line';
    const body = logsBody([entry(10, 'ERROR', hostile, { query: '<script>alert(1)</script>', n: { deep: [1] } })]);
    const [frame] = (await run(body, { queryType: QueryType.Logs })).frames;
    expect(column(frame, 'body')).toEqual([hostile]);
    expect(column(frame, 'labels')).toEqual([
      { log: 'rustydb', query: '<script>alert(1)</script>', n: '{"deep":[1]}' },
    ]);
  });

  it('masks card numbers and passwords as Alloy does on the way to Loki', async () => {
    const body = logsBody([entry(10, 'WARN', "payment 4111 1111 1111 1111 by bob, PASSWORD 'hunter2'")]);
    const [frame] = (await run(body, { queryType: QueryType.Logs })).frames;
    expect(column(frame, 'body')).toEqual(["payment XXXX-XXXX-XXXX-1111 by bob, PASSWORD '****'"]);
  });

  it('shows what it can of a malformed answer and says what was wrong', async () => {
    const body = logsBody([{ timestamp: SEC - 5, message: 'no level' }, 'not an entry', entry(10, 'INFO', 'fine')]);
    const { frames, errors } = await run(body, { queryType: QueryType.Logs });
    expect(errors).toEqual([]);
    expect(column(frames[0], 'body')).toEqual(['no level', 'fine']);
    expect(notices(frames[0])).toMatch(/"level" is missing/);
    expect(notices(frames[0])).toMatch(/not objects/);
  });

  it('refuses a body that is not RustyDB logs with a clear error', async () => {
    const { frames, errors } = await run([1, 2], { queryType: QueryType.Logs });
    expect(frames).toEqual([]);
    expect(errors[0].message).toMatch(/JSON object/);
  });
});

const audit = (
  id: number,
  offsetSec: number,
  action: string,
  success: boolean,
  extra: Record<string, unknown> = {}
) => ({
  id,
  timestamp: SEC - offsetSec,
  user_id: 'app_user',
  session_id: `sess-${id}`,
  client_ip: '10.0.4.17',
  action,
  object_name: null,
  statement: null,
  success,
  error_message: success ? null : 'denied',
  execution_time_ms: null,
  ...extra,
});

const MIXED = [
  audit(1, 10, 'AuthFailure', false, {
    user_id: 'mallory',
    client_ip: '203.0.113.9',
    error_message: 'invalid password',
  }),
  audit(2, 20, 'Select', false, { object_name: 'salaries', error_message: 'permission denied' }),
  audit(3, 30, 'Create', true, { statement: 'CREATE USER bob' }),
  audit(4, 40, 'Grant', true, { statement: 'GRANT SELECT ON orders TO bob' }),
  audit(5, 50, 'Select', true, { object_name: 'orders' }),
];

describe('/api/v1/security/audit/logs as log lines', () => {
  it('labels each entry with who, what and how it ended, and colours the security signals', async () => {
    const [frame] = (await run(auditPopulated, { queryType: QueryType.Security, view: 'auditLogs' })).frames;
    expect(frame.meta?.type).toBe(DataFrameType.LogLines);
    expect(column(frame, 'id')).toEqual(['audit-9002', 'audit-9001']);
    expect(column(frame, 'severity')).toEqual(['info', 'warning']);
    expect(column(frame, 'body')[1]).toBe('AuthFailure by mallory from 203.0.113.9 — FAILED (invalid password)');
    expect(column(frame, 'labels')[1]).toEqual({
      log: 'audit',
      user: 'mallory',
      action: 'AuthFailure',
      result: 'failure',
      client_ip: '203.0.113.9',
      session: 'sess-5521',
      signal: 'failedLogin',
    });
  });

  it('writes DENIED for a refused statement, as the guide greps for it', async () => {
    const [frame] = (await run(MIXED, { queryType: QueryType.Security, view: 'auditLogs' })).frames;
    expect(column(frame, 'body')[1]).toBe('Select by app_user from 10.0.4.17 on salaries — DENIED (permission denied)');
    expect(column(frame, 'severity')[1]).toBe('error');
  });

  it.each([
    [{ action: 'select' }, ['audit-2', 'audit-5']],
    [{ result: 'failure' }, ['audit-1', 'audit-2']],
    [{ signal: 'adminAction' }, ['audit-3', 'audit-4']],
    [{ signal: '$signal' }, ['audit-2', 'audit-3', 'audit-4']],
    [{ action: '$action', result: 'success' }, ['audit-4', 'audit-5']],
    [{ action: '*' }, ['audit-1', 'audit-2', 'audit-3', 'audit-4', 'audit-5']],
  ])('filters by action, result and signal (%j), which RustyDB does not', async (filter, ids) => {
    const variables = { signal: ['permissionViolation', 'adminAction'], action: ['Grant', 'Select'] };
    const { frames } = await run(MIXED, { queryType: QueryType.Security, view: 'auditLogs', audit: filter }, variables);
    expect(column(frames[0], 'id')).toEqual(ids);
  });

  it('refuses an unknown signal with the names it knows', async () => {
    const { errors } = await run(MIXED, { queryType: QueryType.Security, view: 'auditLogs', audit: { signal: 'x' } });
    expect(errors[0].message).toMatch(/Unknown audit signal "x"; use one of failedLogin, permissionViolation/);
  });

  it('says when RustyDB stopped at its limit, and from when the entries are complete', async () => {
    const { frames, calls } = await run(MIXED, {
      queryType: QueryType.Security,
      view: 'auditLogs',
      audit: { limit: 5, result: 'failure' },
    });
    expect(calls[0]).toMatch(/limit=5/);
    expect(frames[0].length).toBe(2);
    expect(frames[0].meta?.limit).toBe(5);
    expect(notices(frames[0])).toMatch(/answered its limit of 5 entries .* cover only 2025-12-29 09:59–now/);
  });
});

describe('errors over time and failed logins by client', () => {
  it('counts lines per level in 5-minute buckets over the range, as the guide histogram does', async () => {
    const body = logsBody([
      entry(10, 'ERROR', 'a'),
      entry(20, 'ERROR', 'b'),
      entry(400, 'WARN', 'c'),
      entry(30, 'INFO', 'd'),
    ]);
    const [frame] = (await run(body, { queryType: QueryType.Logs, view: 'volume' })).frames;
    expect(frame.length).toBe(12);
    const byName = Object.fromEntries(frame.fields.map((f) => [f.name, Array.from(f.values)]));
    expect(byName.error.slice(-1)).toEqual([2]);
    expect(byName.warning.slice(-2)).toEqual([1, 0]);
    expect(byName.info.reduce((a: number, b: number) => a + b)).toBe(1);
    expect(byName.time[1] - byName.time[0]).toBe(300_000);
  });

  it('ranks the addresses with the most failed logins, at most 10', async () => {
    const failures = Array.from({ length: 30 }, (_, i) =>
      audit(100 + i, 10 + i, 'AuthFailure', false, { client_ip: i < 15 ? '203.0.113.9' : `10.0.0.${i % 12}` })
    );
    const { frames } = await run([...failures, ...MIXED], {
      queryType: QueryType.Security,
      view: 'failedLoginsByClient',
    });
    expect(frames[0].length).toBe(10);
    expect(column(frames[0], 'client_ip')[0]).toBe('203.0.113.9');
    expect(column(frames[0], 'failed_logins')[0]).toBe(16);
  });
});

describe('audit signals (failed logins, permission violations, administrative actions)', () => {
  const signals = (frame: DataFrame) => Object.fromEntries(frame.fields.slice(1).map((f) => [f.name, f.values[0]]));

  it('count over the whole range when RustyDB answered everything', async () => {
    const { frames, calls } = await run(MIXED, { queryType: QueryType.Security, view: 'failedLogins' });
    expect(calls[0]).toMatch(/limit=1000/);
    expect(signals(frames[0])).toEqual({
      failed_logins: 1,
      failed_logins_per_minute: 1 / 60,
      permission_violations: 1,
      admin_actions: 2,
      minutes_covered: 60,
    });
    expect(frames[0].meta?.notices).toBeUndefined();
  });

  it('rate over the span the entries cover when RustyDB capped them, so a burst reaches the alert level', async () => {
    // 100 failures in the last 5 minutes: capped at 100, they cover 5 minutes, not the hour asked for.
    const burst = Array.from({ length: 100 }, (_, i) =>
      audit(1000 + i, 300 - i * 3, 'AuthFailure', false, { client_ip: '203.0.113.9' })
    );
    const { frames } = await run(burst, {
      queryType: QueryType.Security,
      view: 'failedLogins',
      audit: { limit: 100 },
    });
    const s = signals(frames[0]);
    expect(s.failed_logins).toBe(100);
    expect(s.minutes_covered).toBe(5);
    expect(s.failed_logins_per_minute).toBe(20);
    expect(notices(frames[0])).toMatch(/limit of 100 entries .* the counts and the rate cover only/);
  });
});
