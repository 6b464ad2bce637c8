/**
 * The Grafana lines the browser tests run on: each folder pins one line's run-time packages, the lines cover what
 * plugin.json claims, and docs/testing.md lists each line with its result.
 */
import fs from 'fs';
import path from 'path';
import pluginJson from '../../../src/plugin.json';
import { grafanaLine, lineFolders, LINES_DIR, RUNTIME_PACKAGES } from './grafanaLine';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const minor = (v: string) => v.split('.').slice(0, 2).join('.');
const own = read(path.join(ROOT, 'package.json')).dependencies['@grafana/data'];

describe.each(lineFolders())('tests/browser/grafana-lines/%s', (version) => {
  const dir = path.join(LINES_DIR, version);
  const pkg = read(path.join(dir, 'package.json'));
  const lock = read(path.join(dir, 'package-lock.json'));

  it("pins the line's run-time packages and nothing else, with the React that line runs plugins on", () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...RUNTIME_PACKAGES].sort());
    for (const name of RUNTIME_PACKAGES.filter((n) => n.startsWith('@grafana/'))) {
      expect([name, pkg.dependencies[name]]).toEqual([name, version]);
    }
    // Grafana 13.2 moved plugins to React 19 (@grafana/* 13.2 declare react >=19).
    const react = Number(version.split('.')[0]) * 100 + Number(version.split('.')[1]) >= 1302 ? /^19\.2\./ : /^18\./;
    expect(pkg.dependencies.react).toMatch(react);
    expect(pkg.dependencies['react-dom']).toBe(pkg.dependencies.react);
  });

  it('has a lock that installs those versions (npm ci)', () => {
    for (const name of RUNTIME_PACKAGES) {
      expect([name, lock.packages[`node_modules/${name}`]?.version]).toEqual([name, pkg.dependencies[name]]);
    }
    // @grafana/ui before 13.1 points react-data-grid at a git commit; the published fork stands in for it.
    const grid = lock.packages['node_modules/react-data-grid'];
    if (grid) {
      expect([grid.name, grid.version]).toEqual(['@grafana/react-data-grid', expect.stringMatching(/^7\.0\.0-beta\./)]);
    }
  });
});

describe('the Grafana lines', () => {
  const lines = [...lineFolders(), own].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

  it("start at plugin.json's grafanaDependency minimum and include the project's own packages", () => {
    const minimum = /^>=(\d+\.\d+)\.\d+$/.exec(pluginJson.dependencies.grafanaDependency)![1];
    expect(minor(lines[0])).toBe(minimum);
    expect(lineFolders()).not.toContain(own);
    expect(new Set(lines.map(minor)).size).toBe(lines.length);
  });

  it('are each listed in docs/testing.md', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/testing.md'), 'utf8');
    for (const line of lines) {
      expect([line, doc.includes(`| ${line} `)]).toEqual([line, true]);
    }
  });

  it('name an unknown line clearly', () => {
    expect(() => grafanaLine('9.9.9')).toThrow(
      /GRAFANA_LINE=9\.9\.9: no tests\/browser\/grafana-lines\/9\.9\.9\/package\.json/
    );
    expect(grafanaLine(own)).toMatchObject({ version: own, own: true });
  });
});
