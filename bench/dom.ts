/** @grafana/data needs a DOM to load: a bench's child process (see child.ts) installs jsdom's window as its globals. */
export function installDom(): void {
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'http://localhost/' });
  const g = globalThis as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(dom.window)) {
    if (!(key in g)) {
      g[key] = dom.window[key];
    }
  }
  g.window = dom.window;
}
