/**
 * Which Grafana's run-time packages the harness bundles pages with. Grafana gives a plugin its own copies of React,
 * @grafana/* and rxjs, so the built dist/ must work with those of every Grafana line plugin.json claims. The project's
 * own line is the root node_modules; each other line is a folder tests/browser/grafana-lines/<version>/ with its own
 * package.json and package-lock.json (installed by `bash .ci/run`). `GRAFANA_LINE=<version>` picks one.
 */
import type { Plugin } from 'esbuild';
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
export const LINES_DIR = path.resolve(__dirname, '../grafana-lines');

/** What Grafana supplies to a plugin at run time: these resolve from the line's folder, whoever imports them. */
export const RUNTIME_PACKAGES = [
  '@grafana/data',
  '@grafana/ui',
  '@grafana/runtime',
  '@grafana/schema',
  '@grafana/e2e-selectors',
  '@grafana/i18n',
  'react',
  'react-dom',
  'rxjs',
];
// The package itself or a file of it (react/jsx-runtime, react-dom/client), not react-router or rxjs-like names.
const RUNTIME_IMPORT = new RegExp(`^(${RUNTIME_PACKAGES.join('|')})(/.*)?$`);

export interface GrafanaLine {
  version: string;
  /** The directory whose node_modules holds the line's packages. */
  dir: string;
  /** True for the project's own packages (root node_modules). */
  own: boolean;
}

function installedVersion(dir: string, name: string): string {
  return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** The versions with a folder of their own, oldest first. */
export function lineFolders(): string[] {
  return fs
    .readdirSync(LINES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(LINES_DIR, e.name, 'package.json')))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The line named by `version` (default: `GRAFANA_LINE`, else the project's own), checked to be installed. */
export function grafanaLine(version = process.env.GRAFANA_LINE): GrafanaLine {
  const own = installedVersion(ROOT, '@grafana/data');
  if (!version || version === own) {
    return { version: own, dir: ROOT, own: true };
  }
  const dir = path.join(LINES_DIR, version);
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    throw new Error(
      `GRAFANA_LINE=${version}: no ${path.relative(ROOT, dir)}/package.json (lines: ${own}, ${lineFolders().join(', ')})`
    );
  }
  if (!fs.existsSync(path.join(dir, 'node_modules'))) {
    throw new Error(`GRAFANA_LINE=${version} is not installed: npm ci --prefix ${path.relative(ROOT, dir)}`);
  }
  const installed = installedVersion(dir, '@grafana/data');
  if (installed !== version) {
    throw new Error(`${path.relative(ROOT, dir)} has @grafana/data ${installed}, not ${version}: run npm ci there`);
  }
  return { version, dir, own: false };
}

/** The directory of one of the line's packages (each line installs them at the top of its node_modules). */
export function linePackage(line: GrafanaLine, name: string): string {
  const dir = path.join(line.dir, 'node_modules', name);
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    throw new Error(
      `Grafana line ${line.version} has no ${name} in ${path.relative(ROOT, line.dir) || '.'}/node_modules`
    );
  }
  return dir;
}

/**
 * An esbuild plugin that resolves the run-time packages from the line's folder for every importer (the page, the
 * project's source, and packages such as react-router), so the bundle holds one copy of each, the line's, as a
 * plugin inside that Grafana sees. Imports named in `aliased` are left to esbuild's alias option.
 */
export function grafanaLinePlugin(line: GrafanaLine, aliased: string[]): Plugin {
  const skip = Symbol('grafana-line');
  return {
    name: 'grafana-line',
    setup(build) {
      build.onResolve({ filter: RUNTIME_IMPORT }, async (args) => {
        if (args.pluginData === skip || aliased.includes(args.path)) {
          return undefined;
        }
        const {
          errors,
          warnings,
          path: resolved,
          external,
          sideEffects,
          namespace,
          suffix,
        } = await build.resolve(args.path, { kind: args.kind, resolveDir: line.dir, pluginData: skip });
        return { errors, warnings, path: resolved, external, sideEffects, namespace, suffix };
      });
    },
  };
}

/** What a page bundled with `line` must hold: each run-time package the line has, at the line's version, once. */
export function expectedPackages(line: GrafanaLine, names: string[]): Record<string, string[]> {
  return Object.fromEntries(
    names.map((name) => [
      name,
      [JSON.parse(fs.readFileSync(path.join(linePackage(line, name), 'package.json'), 'utf8')).version],
    ])
  );
}
