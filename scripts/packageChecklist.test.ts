/**
 * The plugin validator's offline checks (scripts/packageChecklist.ts) over the zip `npm run package` writes from the
 * real build, and over small zips that each break one rule, so every check is seen to fail when it should.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { zipSync, Zippable } from 'fflate';
import { checkPackage, PackageJson, unsafeSvg } from './packageChecklist';
import { packagePlugin } from './package';

const ROOT = path.resolve(__dirname, '..');
const PKG: PackageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('the zip npm run package writes from the build', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rustydb-checklist-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("passes the plugin validator's offline checks and the catalog's", () => {
    const { file } = packagePlugin(path.join(ROOT, 'dist'), tmp, PKG.repository?.url);
    expect(checkPackage(file, new Uint8Array(fs.readFileSync(file)), PKG)).toEqual([]);
  });

  it('has a logo of its own for each plugin, not the scaffold one', () => {
    const logos = ['src/img/logo.svg', 'src/datasource/img/logo.svg', 'src/panel/img/logo.svg'].map((f) =>
      fs.readFileSync(path.join(ROOT, f), 'utf8')
    );
    expect(new Set(logos).size).toBe(3);
    // The scaffold's logo (create-plugin's template) draws four dashboard tiles with these classes.
    expect(logos.filter((svg) => svg.includes('.cls-1{fill:#84aff1;}'))).toEqual([]);
  });
});

const REPO = 'https://example.com/acme';
const PACKAGE: PackageJson = {
  homepage: `${REPO}#readme`,
  bugs: { url: `${REPO}/issues` },
  devDependencies: { 'prom-client': '^15.0.0' },
};
const LINKS = [
  { name: 'Documentation', url: `${REPO}#readme` },
  { name: 'License', url: `${REPO}/LICENSE` },
  { name: 'Issues', url: `${REPO}/issues` },
];
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>';

/** A zip that passes: an app with a nested panel, each with logos, screenshots, links, a module and its map. */
function goodFiles(): Record<string, string> {
  const plugin = (id: string, type: string, extra: object = {}) =>
    JSON.stringify({
      id,
      type,
      info: {
        version: '1.2.3',
        logos: { small: 'img/logo.svg', large: 'img/logo.svg' },
        screenshots: [{ name: 'Shot', path: 'img/shot.png' }],
        links: LINKS,
      },
      dependencies: { grafanaDependency: '>=12.3.0' },
      ...extra,
    });
  const map = JSON.stringify({ sources: ['webpack://acme/./node_modules/react-window/dist/index.esm.js'] });
  return {
    'plugin.json': plugin('acme-pools-app', 'app', { includes: [{ type: 'panel', path: 'panel/plugin.json' }] }),
    'module.js': 'define([],function(){})',
    'module.js.map': map,
    'img/logo.svg': SVG,
    'img/shot.png': 'png',
    'panel/plugin.json': plugin('acme-pools-panel', 'panel'),
    'panel/module.js': 'define([],function(){})',
    'panel/module.js.map': map,
    'panel/img/logo.svg': SVG,
    'panel/img/shot.png': 'png',
    'README.md': '# Acme pools\n',
    'CHANGELOG.md': '# Changelog\n\n## 1.2.3 (2026-12-02)\n\nFirst release.\n',
    LICENSE: 'Apache License 2.0',
  };
}

function zip(files: Record<string, string>, top = 'acme-pools-app'): Uint8Array {
  const tree: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    tree[`${top}/${name}`] = new TextEncoder().encode(content);
  }
  return zipSync(tree);
}

const check = (files: Record<string, string>, name = 'acme-pools-app-1.2.3.zip', top?: string) =>
  checkPackage(name, zip(files, top), PACKAGE);

function withPlugin(rel: string, change: (plugin: Record<string, any>) => void): Record<string, string> {
  const files = goodFiles();
  const plugin = JSON.parse(files[rel]);
  change(plugin);
  files[rel] = JSON.stringify(plugin);
  return files;
}

describe('the checklist', () => {
  it('passes a well-formed zip', () => {
    expect(check(goodFiles())).toEqual([]);
  });

  it.each<[string, () => string[], RegExp]>([
    ['a top directory not named after the plugin id', () => check(goodFiles(), undefined, 'pools'), /^archivename: /],
    ['a zip not named after the plugin id', () => check(goodFiles(), 'plugin.zip'), /^archivename: .*plugin\.zip/],
    ['a zip of another version', () => check(goodFiles(), 'acme-pools-app-1.2.2.zip'), /^version: /],
    [
      'an unbuilt version',
      () => check(withPlugin('plugin.json', (p) => (p.info.version = '%VERSION%'))),
      /^version: .*%VERSION%/,
    ],
    [
      'a plugin without screenshots',
      () => check(withPlugin('panel/plugin.json', (p) => (p.info.screenshots = []))),
      /^screenshots: panel\/plugin\.json/,
    ],
    [
      'a screenshot that is not in the archive',
      () => {
        const files = goodFiles();
        delete files['panel/img/shot.png'];
        return check(files);
      },
      /^metadatapaths: panel\/plugin\.json: screenshot "Shot" panel\/img\/shot\.png is not in the archive/,
    ],
    [
      'an absolute logo path',
      () => check(withPlugin('plugin.json', (p) => (p.info.logos.small = '/img/logo.svg'))),
      /^metadatapaths: .*must be relative/,
    ],
    [
      'an empty logo path',
      () => check(withPlugin('plugin.json', (p) => (p.info.logos.large = ' '))),
      /^logos\/screenshots: .*large logo/,
    ],
    [
      'a nested plugin the app does not include',
      () => check(withPlugin('plugin.json', (p) => (p.includes = []))),
      /^includesnested: panel\/plugin\.json/,
    ],
    [
      'an id without its type suffix',
      () => check(withPlugin('panel/plugin.json', (p) => (p.id = 'acme-pools'))),
      /^typesuffix: /,
    ],
    [
      'a nested plugin without module.js',
      () => {
        const files = goodFiles();
        delete files['panel/module.js'];
        delete files['panel/module.js.map'];
        return check(files);
      },
      /^modulejs: panel\/plugin\.json/,
    ],
    [
      'a module without its source map',
      () => {
        const files = goodFiles();
        delete files['module.js.map'];
        return check(files);
      },
      /^jssourcemap: module\.js/,
    ],
    [
      'no README',
      () => {
        const f = goodFiles();
        delete f['README.md'];
        return check(f);
      },
      /^readme: /,
    ],
    [
      'a relative link in the README',
      () =>
        check({
          ...goodFiles(),
          'README.md': '# Acme\n\nSee [the docs](docs/app.md) and [home](https://acme.example).\n',
        }),
      /^brokenlinks: README\.md has a relative link docs\/app\.md$/,
    ],
    [
      "create-plugin's README",
      () => check({ ...goodFiles(), 'README.md': '# Grafana Panel Plugin Template\n' }),
      /^templatereadme: /,
    ],
    [
      'no CHANGELOG',
      () => {
        const f = goodFiles();
        delete f['CHANGELOG.md'];
        return check(f);
      },
      /^changelog: /,
    ],
    [
      'a changelog without a dated entry for the version',
      () => check({ ...goodFiles(), 'CHANGELOG.md': '## 1.2.3 (Unreleased)\n' }),
      /^catalog: CHANGELOG\.md has no dated entry "## 1\.2\.3/,
    ],
    [
      'no LICENSE',
      () => {
        const f = goodFiles();
        delete f.LICENSE;
        return check(f);
      },
      /^license: /,
    ],
    [
      'an SVG with a script',
      () => check({ ...goodFiles(), 'img/logo.svg': '<svg><script>alert(1)</script></svg>' }),
      /^unsafesvg: img\/logo\.svg has a forbidden <script>/,
    ],
    [
      'a devDependency in the bundle',
      () =>
        check({
          ...goodFiles(),
          'module.js.map': JSON.stringify({ sources: ['webpack://acme/./node_modules/prom-client/lib/registry.js'] }),
        }),
      /^catalog: the bundle holds prom-client, a devDependency/,
    ],
    [
      'a missing Issues link',
      () => check(withPlugin('plugin.json', (p) => (p.info.links = LINKS.slice(0, 2)))),
      /^catalog: plugin\.json: info\.links has no "Issues" link/,
    ],
    [
      "a documentation link that is not package.json's homepage",
      () =>
        check(
          withPlugin(
            'plugin.json',
            (p) => (p.info.links = [{ ...LINKS[0], url: 'https://elsewhere.example' }, ...LINKS.slice(1)])
          )
        ),
      /^catalog: plugin\.json: info\.links "Documentation" is https:\/\/elsewhere\.example/,
    ],
    [
      'a grafanaDependency that is not a lower bound',
      () => check(withPlugin('plugin.json', (p) => (p.dependencies.grafanaDependency = '12.3.0'))),
      /^grafanadependency: /,
    ],
  ])('refuses %s', (_, run, finding) => {
    const findings = run();
    expect(findings).toEqual(expect.arrayContaining([expect.stringMatching(finding)]));
  });

  it('refuses an archive with files at the top, or with dist/ left inside', () => {
    expect(checkPackage('x.zip', zipSync({ 'plugin.json': new Uint8Array([123, 125]) }), PACKAGE)).toEqual([
      expect.stringMatching(/^archive: /),
    ]);
    const withDist = Object.fromEntries(Object.entries(goodFiles()).map(([k, v]) => [`dist/${k}`, v]));
    expect(check({ ...goodFiles(), ...withDist })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^archive: dist\//)])
    );
  });

  it('refuses something that is not a zip', () => {
    expect(checkPackage('x.zip', new TextEncoder().encode('not a zip'), PACKAGE)).toEqual([
      expect.stringMatching(/^archive: x\.zip is not a zip/),
    ]);
  });

  it.each([
    ['<svg><foreignObject/><iframe src="x"/></svg>', 'has a forbidden <iframe> element'],
    ['<svg><rect onload="alert(1)"/></svg>', 'has an event-handler attribute onload'],
    ['<svg><svg:script/></svg>', 'has a forbidden <script> element'],
    [SVG, undefined],
  ])('unsafeSvg(%s)', (svg, problem) => {
    expect(unsafeSvg(svg)).toBe(problem);
  });
});
