import { EmbedCase, embedAdvice, GrafanaFacts } from './embedAdvice';

const facts: GrafanaFacts = {
  anonymousEnabled: false,
  jwtUrlLogin: false,
  publicDashboardsEnabled: true,
  appUrl: 'http://localhost:3000/',
  pageOrigin: 'http://localhost:3000',
};
const pools = { dashboardUid: 'rustydb-pools', readsRustyDB: true };
const titles = (f: GrafanaFacts, e: EmbedCase = pools) => embedAdvice(f, e).map((a) => `${a.severity}: ${a.title}`);

describe('embedAdvice', () => {
  it('without anonymous access or JWT: allow_embedding, and a warning that viewers must sign in (cookie_samesite)', () => {
    expect(titles(facts)).toEqual([
      'info: allow_embedding = true',
      'warning: Viewers must be signed in to Grafana',
      'info: Not for public sharing',
    ]);
    expect(embedAdvice(facts, pools)[1].text).toMatch(/cookie_samesite = none with cookie_secure = true/);
  });

  it('with anonymous access or JWT URL login, says how viewers get in', () => {
    expect(titles({ ...facts, anonymousEnabled: true })[1]).toBe('info: Anonymous access is on');
    expect(titles({ ...facts, jwtUrlLogin: true })[1]).toBe('info: JWT URL login is on');
  });

  it('warns when the preview was refused, and when root_url is not this address', () => {
    expect(titles(facts, { ...pools, previewRefused: true })[0]).toBe('warning: This Grafana refuses to be embedded');
    expect(titles({ ...facts, appUrl: 'http://grafana.internal:3000/' })).toContain(
      'warning: root_url differs from this address'
    );
  });

  it('offers public sharing for the status dashboard only, when this Grafana has it', () => {
    const status = { dashboardUid: 'rustydb-status', readsRustyDB: false };
    expect(titles(facts, status)).toContain('info: Can be shared publicly');
    expect(titles({ ...facts, publicDashboardsEnabled: false }, status)).toContain('warning: Can be shared publicly');
    expect(titles(facts, { dashboardUid: 'rustydb-overview', readsRustyDB: false })).toHaveLength(2);
  });
});
