import { EmbedChoice, iframeSnippet, soloUrl } from './embedUrl';

const choice: EmbedChoice = {
  appUrl: 'https://grafana.example.com/',
  orgId: 1,
  dashboardUid: 'rustydb-pools',
  panelId: 2,
  theme: 'light',
  from: 'now-6h',
  to: 'now',
  refresh: '1m',
  variables: { rustydb: 'rustydb-simulator', prometheus: '' },
  width: 300,
  height: 150,
};

describe('soloUrl', () => {
  it('names the panel by its stable id and carries theme, time range, refresh and pinned variables', () => {
    expect(soloUrl(choice)).toBe(
      'https://grafana.example.com/d-solo/rustydb-pools?orgId=1&panelId=2&from=now-6h&to=now&theme=light&refresh=1m&var-rustydb=rustydb-simulator'
    );
  });

  it('leaves refresh and empty variables out, and keeps a sub-path without doubling its slash', () => {
    expect(soloUrl({ ...choice, appUrl: 'https://example.com/grafana', refresh: '', variables: {} })).toBe(
      'https://example.com/grafana/d-solo/rustydb-pools?orgId=1&panelId=2&from=now-6h&to=now&theme=light'
    );
  });

  it('encodes what it carries', () => {
    const url = new URL(soloUrl({ ...choice, dashboardUid: 'a b', variables: { pool: 'a&b=c' } }));
    expect(url.pathname).toBe('/d-solo/a%20b');
    expect(url.searchParams.get('var-pool')).toBe('a&b=c');
  });
});

describe('iframeSnippet', () => {
  it('is an iframe of the chosen size with the URL and a title, attributes escaped', () => {
    expect(iframeSnippet(choice, 'Pools "now" <live>')).toBe(
      '<iframe src="https://grafana.example.com/d-solo/rustydb-pools?orgId=1&amp;panelId=2&amp;from=now-6h&amp;to=now&amp;theme=light&amp;refresh=1m&amp;var-rustydb=rustydb-simulator" width="300" height="150" title="Pools &quot;now&quot; &lt;live&gt;" frameborder="0"></iframe>'
    );
  });
});
