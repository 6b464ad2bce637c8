/**
 * The offline checks of Grafana's plugin validator (github.com/grafana/plugin-validator, pkg/analysis/passes/*), run
 * over the zip `npm run package` writes, so a catalog submission does not fail on them. The validator itself downloads
 * a Go binary at run time and cannot run here (CI runs it in the `validate` job). Each finding names the validator's
 * analyzer it stands for; `catalog` marks what the catalog needs beyond the validator (screenshots in every plugin,
 * info.links, a dated changelog, no dev-only package in the bundle).
 */
import path from 'path';
import { unzipSync } from 'fflate';

export type ZipEntries = Record<string, Uint8Array>;

interface PluginInfo {
  id?: string;
  type?: string;
  info?: {
    version?: string;
    logos?: { small?: string; large?: string };
    screenshots?: Array<{ name?: string; path?: string }>;
    links?: Array<{ name?: string; url?: string }>;
  };
  includes?: Array<{ type?: string; path?: string }>;
  dependencies?: { grafanaDependency?: string };
}

export interface PackageJson {
  devDependencies?: Record<string, string>;
  repository?: { url?: string };
  homepage?: string;
  bugs?: { url?: string };
}

// pkg/svgvalidate/svgvalidate.go: elements an SVG in a plugin may not contain; any `on*` attribute is refused too.
const SVG_FORBIDDEN_ELEMENTS = [
  'annotation-xml',
  'audio',
  'colgroup',
  'iframe',
  'math',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'script',
  'template',
  'thead',
  'xmp',
];
// templatereadme.go: the README of create-plugin's templates.
const TEMPLATE_README = /^# Grafana (Panel|Data Source|Data Source Backend) Plugin Template/;
const TYPE_SUFFIX: Record<string, string> = { app: '-app', datasource: '-datasource', panel: '-panel' };
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const IMAGE = /\.(png|jpe?g|gif|svg|webp)$/i;
/** The catalog entry's links: where to read, under what terms, where to report. */
export const REQUIRED_LINKS = ['Documentation', 'License', 'Issues'];

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** Everything the checklist finds wrong with the zip `file` (empty when it would pass). */
export function checkPackage(file: string, zip: Uint8Array, pkg: PackageJson): string[] {
  let entries: ZipEntries;
  try {
    entries = unzipSync(zip);
  } catch (err) {
    return [`archive: ${path.basename(file)} is not a zip (${err instanceof Error ? err.message : err})`];
  }
  return checkEntries(path.basename(file), entries, pkg);
}

export function checkEntries(zipName: string, entries: ZipEntries, pkg: PackageJson): string[] {
  const findings: string[] = [];
  const names = Object.keys(entries);
  const files = names.filter((n) => !n.endsWith('/'));
  if (files.length === 0) {
    return ['archive: the archive is empty'];
  }
  // archive.go: one directory at the top, and no dist/ left inside it.
  const tops = [...new Set(names.map((n) => n.split('/')[0]))];
  if (tops.length !== 1 || files.some((f) => !f.includes('/'))) {
    return [`archive: the archive must hold one directory named after the plugin id, found ${tops.join(', ')}`];
  }
  const root = `${tops[0]}/`;
  if (files.some((f) => f.startsWith(`${root}dist/`))) {
    findings.push('archive: dist/ should be renamed to the plugin id and moved to the root');
  }
  const has = (rel: string) => files.includes(`${root}${rel}`);
  const read = (rel: string) => text(entries[`${root}${rel}`]);

  // metadata.go
  if (!has('plugin.json')) {
    return [...findings, 'metadata: missing plugin.json'];
  }
  let rootPlugin: PluginInfo;
  try {
    rootPlugin = JSON.parse(read('plugin.json'));
  } catch {
    return [...findings, 'metadata: plugin.json is not valid JSON'];
  }
  // archivename.go: the top directory and the zip are named after the plugin id.
  if (tops[0] !== rootPlugin.id) {
    findings.push(`archivename: the top directory is ${tops[0]}, not the plugin id ${rootPlugin.id}`);
  }
  if (!zipName.startsWith(`${rootPlugin.id}-`)) {
    findings.push(`archivename: ${zipName} does not start with the plugin id ${rootPlugin.id}`);
  }
  // version.go
  const version = rootPlugin.info?.version ?? '';
  if (!SEMVER.test(version)) {
    findings.push(`version: plugin.json info.version "${version}" is not a release version`);
  } else if (!zipName.endsWith(`-${version}.zip`)) {
    findings.push(`version: ${zipName} does not carry info.version ${version}`);
  }
  // restrictivedep.go / grafanadependency.go: a lower bound Grafana can satisfy.
  const dependency = rootPlugin.dependencies?.grafanaDependency ?? '';
  if (!/^>=\s*\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(dependency)) {
    findings.push(`grafanadependency: grafanaDependency "${dependency}" should be an open lower bound (>=x.y.z)`);
  }

  // readme.go, templatereadme.go, changelog.go, license.go
  if (!has('README.md')) {
    findings.push('readme: missing README.md');
  } else {
    if (TEMPLATE_README.test(read('README.md'))) {
      findings.push("templatereadme: README.md is create-plugin's template");
    }
    // brokenlinks.go: relative links do not work in the catalog (whether absolute ones answer needs the network).
    for (const [, target] of read('README.md').matchAll(/\[.+?\]\((.+?)\)/g)) {
      const url = target.split(/\s+/)[0];
      if (!/^(https?:\/\/|mailto:|#)/.test(url)) {
        findings.push(`brokenlinks: README.md has a relative link ${url}`);
      }
    }
  }
  if (!has('CHANGELOG.md') || read('CHANGELOG.md').trim() === '') {
    findings.push('changelog: missing or empty CHANGELOG.md');
  } else if (
    !new RegExp(`^## ${version.replace(/\./g, '\\.')} \\(\\d{4}-\\d{2}-\\d{2}\\)$`, 'm').test(read('CHANGELOG.md'))
  ) {
    findings.push(`catalog: CHANGELOG.md has no dated entry "## ${version} (YYYY-MM-DD)"`);
  }
  if (!has('LICENSE') || read('LICENSE').trim() === '') {
    findings.push('license: missing LICENSE');
  }

  // Every plugin in the archive: the root and the nested ones (nestedmetadata.go, includesnested.go).
  const pluginFiles = files.filter((f) => f.endsWith('/plugin.json')).map((f) => f.slice(root.length));
  for (const rel of pluginFiles) {
    const dir = path.posix.dirname(rel) === '.' ? '' : `${path.posix.dirname(rel)}/`;
    let plugin: PluginInfo;
    try {
      plugin = JSON.parse(read(rel));
    } catch {
      findings.push(`nestedmetadata: ${rel} is not valid JSON`);
      continue;
    }
    findings.push(...checkPlugin(rel, dir, plugin, has), ...linkFindings(rel, plugin, pkg));
    if (dir !== '') {
      const include = rootPlugin.includes?.find((i) => i.path === rel);
      if (!include || include.type !== plugin.type) {
        findings.push(`includesnested: ${rel} (${plugin.type}) is not in the app's includes as a ${plugin.type}`);
      }
    }
  }

  // unsafesvg.go
  for (const svg of files.filter((f) => f.endsWith('.svg'))) {
    const problem = unsafeSvg(text(entries[svg]));
    if (problem) {
      findings.push(`unsafesvg: ${svg.slice(root.length)} ${problem}`);
    }
  }
  // jssourcemap.go: each module.js ships with its source map.
  for (const js of files.filter((f) => f.endsWith('/module.js'))) {
    if (!files.includes(`${js}.map`)) {
      findings.push(`jssourcemap: ${js.slice(root.length)} has no source map`);
    }
  }
  findings.push(...bundledDevDependencies(entries, files, pkg));
  return findings;
}

function checkPlugin(rel: string, dir: string, plugin: PluginInfo, has: (rel: string) => boolean): string[] {
  const findings: string[] = [];
  // typesuffix.go
  const suffix = TYPE_SUFFIX[plugin.type ?? ''];
  if (!suffix || !plugin.id?.endsWith(suffix)) {
    findings.push(
      `typesuffix: ${rel}: id ${plugin.id} does not end in the type's suffix ${suffix ?? '(unknown type)'}`
    );
  }
  // modulejs.go
  if (!has(`${dir}module.js`)) {
    findings.push(`modulejs: ${rel}: missing ${dir}module.js`);
  }
  // logos.go, screenshots.go, metadatapaths.go: set, relative, present in the archive, images.
  const logos = plugin.info?.logos ?? {};
  const screenshots = plugin.info?.screenshots ?? [];
  if (screenshots.length === 0) {
    findings.push(`screenshots: ${rel}: no screenshots for the plugin catalog`);
  }
  const paths: Array<[string, string | undefined]> = [
    ['small logo', logos.small],
    ['large logo', logos.large],
    ...screenshots.map((s): [string, string | undefined] => [`screenshot "${s.name ?? ''}"`, s.path]),
  ];
  for (const [what, p] of paths) {
    if (!p || p.trim() === '') {
      findings.push(`logos/screenshots: ${rel}: empty ${what} path`);
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('.') || p.startsWith('/')) {
      findings.push(`metadatapaths: ${rel}: ${what} path ${p} must be relative to plugin.json`);
    } else if (!IMAGE.test(p)) {
      findings.push(`metadatapaths: ${rel}: ${what} ${p} is not an image`);
    } else if (!has(`${dir}${p}`)) {
      findings.push(`metadatapaths: ${rel}: ${what} ${dir}${p} is not in the archive`);
    }
  }
  return findings;
}

/** Why an SVG would be refused, or undefined: a forbidden element, or an event-handler attribute. */
export function unsafeSvg(svg: string): string | undefined {
  for (const tag of svg.matchAll(/<\s*\/?\s*([a-zA-Z][\w:.-]*)([^>]*)>/g)) {
    const element = tag[1].split(':').pop()!.toLowerCase();
    if (SVG_FORBIDDEN_ELEMENTS.includes(element)) {
      return `has a forbidden <${element}> element`;
    }
    const handler = /(?:^|\s)(on[a-z]+)\s*=/i.exec(tag[2]);
    if (handler) {
      return `has an event-handler attribute ${handler[1]}`;
    }
  }
  return undefined;
}

/** Packages the bundles' source maps list from node_modules that package.json declares as dev-only. */
function bundledDevDependencies(entries: ZipEntries, files: string[], pkg: PackageJson): string[] {
  const dev = new Set(Object.keys(pkg.devDependencies ?? {}));
  const found = new Set<string>();
  for (const map of files.filter((f) => f.endsWith('.js.map'))) {
    const sources: string[] = JSON.parse(text(entries[map])).sources ?? [];
    for (const source of sources) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
      if (match && dev.has(match[1])) {
        found.add(match[1]);
      }
    }
  }
  return [...found].map((name) => `catalog: the bundle holds ${name}, a devDependency`);
}

/** info.links: documentation, license and issues, pointing where package.json says the project lives. */
function linkFindings(rel: string, plugin: PluginInfo, pkg: PackageJson): string[] {
  const links = plugin.info?.links ?? [];
  const findings = REQUIRED_LINKS.filter((name) => !links.some((l) => l.name === name && l.url)).map(
    (name) => `catalog: ${rel}: info.links has no "${name}" link`
  );
  const expected: Record<string, string | undefined> = {
    Documentation: pkg.homepage,
    Issues: pkg.bugs?.url,
  };
  for (const link of links) {
    const want = expected[link.name ?? ''];
    if (want && link.url !== want) {
      findings.push(`catalog: ${rel}: info.links "${link.name}" is ${link.url}, but package.json says ${want}`);
    }
    if (!/^https:\/\//.test(link.url ?? '')) {
      findings.push(`catalog: ${rel}: info.links "${link.name}" is not an https URL: ${link.url}`);
    }
  }
  return findings;
}
