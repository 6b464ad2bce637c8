import fs from 'fs';
import os from 'os';
import path from 'path';
import { unzipSync } from 'fflate';
import { packagePlugin } from './package';

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
