import esbuild from 'esbuild';
import fs from 'fs';
import path from 'path';
import { GrafanaLine, grafanaLinePlugin, RUNTIME_PACKAGES } from './grafanaLine';

export interface BundleOptions {
  /** Absolute path of a module whose default export is the React component to show. */
  entry: string;
  /** Output directory (created by the caller). */
  outDir: string;
  /** Module aliases, e.g. `{ '@grafana/runtime': '/abs/stub.ts' }`. */
  alias: Record<string, string>;
  mode: 'development' | 'production';
  /** Whose React, @grafana/* and rxjs the page runs on. */
  line: GrafanaLine;
}

/** Run-time package name → the versions of it in a bundle (one, when the page runs on one copy as in Grafana). */
export type BundledPackages = Record<string, string[]>;

function bundledPackages(inputs: string[]): BundledPackages {
  const found: Record<string, Set<string>> = {};
  for (const input of inputs) {
    const match = /^(.*node_modules\/)(@[^/]+\/[^/]+|[^@/][^/]*)\//.exec(path.resolve(input));
    if (match && RUNTIME_PACKAGES.includes(match[2])) {
      const pkg = JSON.parse(fs.readFileSync(path.join(match[1], match[2], 'package.json'), 'utf8'));
      (found[match[2]] ??= new Set()).add(pkg.version);
    }
  }
  return Object.fromEntries(Object.entries(found).map(([name, versions]) => [name, [...versions].sort()]));
}

/**
 * Bundles the host page (harness/host.tsx) around the entry, the way @grafana/ui builds for a browser: SVG as text,
 * fonts and images as files, emitted CSS linked from index.html.
 */
export async function bundlePage({ entry, outDir, alias, mode, line }: BundleOptions): Promise<BundledPackages> {
  const host = path.join(__dirname, 'host.tsx');
  const { metafile } = await esbuild.build({
    stdin: {
      contents: `import Entry from ${JSON.stringify(entry)};\nimport { mount } from ${JSON.stringify(host)};\nmount(Entry);\n`,
      resolveDir: __dirname,
      loader: 'tsx',
      sourcefile: 'harness-entry.tsx',
    },
    bundle: true,
    outfile: path.join(outDir, 'page.js'),
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    loader: { '.svg': 'text', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.png': 'file' },
    define: {
      'process.env.NODE_ENV': JSON.stringify(mode),
      'process.env.GRAFANA_VERSION': JSON.stringify(line.version),
      global: 'window',
    },
    alias,
    plugins: line.own ? [] : [grafanaLinePlugin(line, Object.keys(alias))],
    minify: mode === 'production',
    logLevel: 'silent',
    metafile: true,
  });
  const css = fs.existsSync(path.join(outDir, 'page.css')) ? '<link rel="stylesheet" href="page.css">' : '';
  fs.writeFileSync(
    path.join(outDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>harness</title><link rel="icon" href="data:,">${css}</head>` +
      `<body><div id="root"></div><script src="page.js"></script></body></html>`
  );
  return bundledPackages(Object.keys(metafile.inputs));
}
