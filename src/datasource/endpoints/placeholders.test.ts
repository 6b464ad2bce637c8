import { fixture } from '../testing/fixtures';
import { PlaceholderKey, placeholderNotices } from './placeholders';

describe('v0.6.5 placeholders', () => {
  it.each<[PlaceholderKey, string, string, RegExp]>([
    [
      'performance',
      'stats-performance.json',
      'cache_hit_ratio',
      /cache hit ratio 0\.95, disk I\/O, locks and deadlocks are constants/,
    ],
    ['poolStats', 'pool-default-stats.json', 'active_connections', /constants RustyDB v0\.6\.5 answers for every pool/],
    ['health', 'admin-health.json', 'uptime_seconds', /hard-codes this answer .* it proves the server answers/],
    ['memory', 'memory-status.json', 'total_bytes', /handler-local 8 GiB memory manager/],
    ['bufferPool', 'buffer-stats.json', 'hit_ratio', /constants of RustyDB v0\.6\.5/],
  ])("%s: recognised in v0.6.5's answer, not once a value moves", (key, name, moving, text) => {
    const body = fixture(name) as Record<string, unknown>;
    expect(placeholderNotices(key, body)).toEqual([{ severity: 'info', text: expect.stringMatching(text) }]);
    expect(placeholderNotices(key, { ...body, [moving]: 0.5 })).toEqual([]);
  });

  it('names its subject', () => {
    expect(
      placeholderNotices('poolStats', fixture('pool-default-stats.json') as Record<string, unknown>, 'Pool "x"')[0].text
    ).toMatch(/^Pool "x": 25 active/);
  });
});
