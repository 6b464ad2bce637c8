import esbuild from 'esbuild';
import fs from 'fs';
import path from 'path';

export interface BundleOptions {
  /** Absolute path of a module whose default export is the React component to show. */
  entry: string;
  /** Output directory (created by the caller). */
  outDir: string;
  /** Module aliases, e.g. `{ '@grafana/runtime': '/abs/stub.ts' }`. */
  alias: Record<string, string>;
  mode: 'development' | 'production';
}

/**
 * Bundles the host page (harness/host.tsx) around the entry, the way @grafana/ui builds for a browser: SVG as text,
 * fonts and images as files, emitted CSS linked from index.html.
 */
export async function bundlePage({ entry, outDir, alias, mode }: BundleOptions): Promise<void> {
  const host = path.join(__dirname, 'host.tsx');
  await esbuild.build({
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
    define: { 'process.env.NODE_ENV': JSON.stringify(mode), global: 'window' },
    alias,
    minify: mode === 'production',
    logLevel: 'silent',
  });
  const css = fs.existsSync(path.join(outDir, 'page.css')) ? '<link rel="stylesheet" href="page.css">' : '';
  fs.writeFileSync(
    path.join(outDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>harness</title><link rel="icon" href="data:,">${css}</head>` +
      `<body><div id="root"></div><script src="page.js"></script></body></html>`
  );
}
