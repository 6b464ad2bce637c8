import { ENDPOINTS, endpointPath, EndpointKey } from './endpoints';

describe('endpointPath', () => {
  it('returns fixed paths unchanged', () => {
    expect(endpointPath('statsPerformance')).toBe('/api/v1/stats/performance');
  });

  it.each([
    ['default', '/api/v1/pools/default/stats'],
    ['../admin', '/api/v1/pools/..%2Fadmin/stats'],
    ['%2F', '/api/v1/pools/%252F/stats'],
    ['a"b\'c', "/api/v1/pools/a%22b'c/stats"],
    ['<script>', '/api/v1/pools/%3Cscript%3E/stats'],
    ['池?x=1#y', '/api/v1/pools/%E6%B1%A0%3Fx%3D1%23y/stats'],
  ])('keeps the id %s inside its own path segment', (id, path) => {
    expect(endpointPath('poolStats', id)).toBe(path);
    expect(new URL(path, 'http://rustydb').pathname).toBe(path);
  });

  it.each(['.', '..'])('refuses %s, which any URL parser would resolve as a dot segment', (id) => {
    expect(() => endpointPath('poolStats', id)).toThrow(/not a valid id/);
  });

  it('refuses a missing id', () => {
    expect(() => endpointPath('pool')).toThrow(/needs an id/);
  });

  it('lists every monitoring path once, below /api/v1', () => {
    const paths = Object.keys(ENDPOINTS).map((k) => ENDPOINTS[k as EndpointKey].path);
    expect(paths.every((p) => p.startsWith('/api/v1/'))).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
