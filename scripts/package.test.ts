import fs from 'fs';
import os from 'os';
import path from 'path';
import { unzipSync } from 'fflate';
import { absoluteReadmeLinks, packagePlugin } from './package';

const ROOT = path.resolve(__dirname, '..');

function write(dir: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]
    );
}

describe('npm run package', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rustydb-package-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('zips dist/ under one folder named after the plugin id, as <id>-<version>.zip', () => {
    const dist = path.join(tmp, 'dist');
    const files = {
      'plugin.json': JSON.stringify({ id: 'rustydb-monitoring-app', info: { version: '1.2.3' } }),
      'module.js': 'define([],function(){})',
      'datasource/plugin.json': '{"id":"rustydb-stats-datasource"}',
      'img/logo.svg': '<svg/>',
    };
    write(dist, files);
    const result = packagePlugin(dist, tmp);
    expect(path.basename(result.file)).toBe('rustydb-monitoring-app-1.2.3.zip');
    expect(result).toMatchObject({
      id: 'rustydb-monitoring-app',
      version: '1.2.3',
      bytes: fs.statSync(result.file).size,
    });
    const entries = unzipSync(new Uint8Array(fs.readFileSync(result.file)));
    expect(Object.keys(entries)).toEqual([
      'rustydb-monitoring-app/',
      'rustydb-monitoring-app/datasource/',
      'rustydb-monitoring-app/datasource/plugin.json',
      'rustydb-monitoring-app/img/',
      'rustydb-monitoring-app/img/logo.svg',
      'rustydb-monitoring-app/module.js',
      'rustydb-monitoring-app/plugin.json',
    ]);
    for (const [name, content] of Object.entries(files)) {
      expect(Buffer.from(entries[`rustydb-monitoring-app/${name}`]).toString()).toBe(content);
    }
  });

  it.each([
    ['there is no build', {}, /Build the plugin first/],
    [
      'the version was not filled in by the build',
      { 'plugin.json': '{"id":"x-y-app","info":{"version":"%VERSION%"}}' },
      /no plugin id or built version/,
    ],
  ])('refuses when %s', (_, files, message) => {
    write(path.join(tmp, 'dist'), files);
    fs.mkdirSync(path.join(tmp, 'dist'), { recursive: true });
    expect(() => packagePlugin(path.join(tmp, 'dist'), tmp)).toThrow(message);
    expect(fs.readdirSync(tmp)).toEqual(['dist']);
  });

  it('packages the real build with every file of dist/, the three plugins and the dashboards', () => {
    const dist = path.join(ROOT, 'dist');
    const result = packagePlugin(dist, tmp);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(path.basename(result.file)).toBe(`rustydb-monitoring-app-${pkg.version}.zip`);
    const names = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(result.file)))).filter((n) => !n.endsWith('/'));
    expect(names.sort()).toEqual(
      listFiles(dist)
        .map((f) => `rustydb-monitoring-app/${f}`)
        .sort()
    );
    expect(names).toEqual(
      expect.arrayContaining(
        [
          'module.js',
          'module.js.map',
          'plugin.json',
          'img/logo.svg',
          'datasource/module.js',
          'datasource/plugin.json',
          'panel/module.js',
          'panel/plugin.json',
          'README.md',
          'LICENSE',
          'CHANGELOG.md',
        ].map((f) => `rustydb-monitoring-app/${f}`)
      )
    );
    expect(names.filter((n) => /\/dashboards\/[^/]+\.json$/.test(n)).length).toBeGreaterThanOrEqual(7);
  });
});

describe('the README in the zip', () => {
  const REPO = 'git+https://github.com/acme/pools.git';

  it('points its relative links into the repository: pages to blob/main, images to raw/main', () => {
    const readme = [
      '![Home](docs/img/home.png) [docs/app.md](docs/app.md) [run](./docs/development.md#commands)',
      '[anchor](#layout) [site](https://grafana.com) [mail](mailto:a@b.c)',
    ].join('\n');
    expect(absoluteReadmeLinks(readme, REPO)).toBe(
      [
        '![Home](https://github.com/acme/pools/raw/main/docs/img/home.png)' +
          ' [docs/app.md](https://github.com/acme/pools/blob/main/docs/app.md)' +
          ' [run](https://github.com/acme/pools/blob/main/docs/development.md#commands)',
        '[anchor](#layout) [site](https://grafana.com) [mail](mailto:a@b.c)',
      ].join('\n')
    );
  });

  it('is rewritten in the zip only, and only when a repository is given', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rustydb-package-'));
    try {
      const dist = path.join(tmp, 'dist');
      write(dist, {
        'plugin.json': JSON.stringify({ id: 'acme-pools-app', info: { version: '1.0.0' } }),
        'README.md': 'See [the docs](docs/app.md).',
      });
      const readmeIn = (file: string) =>
        Buffer.from(unzipSync(new Uint8Array(fs.readFileSync(file)))['acme-pools-app/README.md']).toString();
      expect(readmeIn(packagePlugin(dist, tmp).file)).toBe('See [the docs](docs/app.md).');
      expect(readmeIn(packagePlugin(dist, tmp, REPO).file)).toBe(
        'See [the docs](https://github.com/acme/pools/blob/main/docs/app.md).'
      );
      expect(fs.readFileSync(path.join(dist, 'README.md'), 'utf8')).toBe('See [the docs](docs/app.md).');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
