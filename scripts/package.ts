/**
 * `npm run package`: zips the built plugin the way Grafana's installer (`grafana cli --pluginUrl`) and the plugin
 * validator expect it: `<plugin id>-<version>.zip` holding one top folder named after the plugin id with dist/ inside.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import { zipSync, Zippable } from 'fflate';

export interface PackageResult {
  file: string;
  id: string;
  version: string;
  bytes: number;
  sha256: string;
}

function readPluginJson(distDir: string): { id: string; version: string } {
  const file = path.join(distDir, 'plugin.json');
  if (!fs.existsSync(file)) {
    throw new Error(`${file} does not exist. Build the plugin first: npm run build.`);
  }
  const plugin = JSON.parse(fs.readFileSync(file, 'utf8'));
  const id = plugin?.id;
  const version = plugin?.info?.version;
  if (typeof id !== 'string' || typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) {
    throw new Error(`${file} has no plugin id or built version (found id ${String(id)}, version ${String(version)}).`);
  }
  return { id, version };
}

/** dist/ as fflate's nested tree: folders become directory entries, so the archive lists `<id>/` first. */
function tree(dir: string): Zippable {
  return Object.fromEntries(
    fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          return [entry.name, tree(full)];
        }
        return [entry.name, [new Uint8Array(fs.readFileSync(full)), { mtime: fs.statSync(full).mtime }]];
      })
  );
}

export function zipFileName(id: string, version: string): string {
  return `${id}-${version}.zip`;
}

export function packagePlugin(distDir: string, outDir: string): PackageResult {
  const { id, version } = readPluginJson(distDir);
  const archive = zipSync({ [id]: tree(distDir) }, { level: 9 });
  const file = path.join(outDir, zipFileName(id, version));
  fs.writeFileSync(file, archive);
  return { file, id, version, bytes: archive.length, sha256: createHash('sha256').update(archive).digest('hex') };
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  try {
    const result = packagePlugin(path.join(root, 'dist'), root);
    console.log(`${path.relative(process.cwd(), result.file)}  ${result.bytes} bytes  sha256 ${result.sha256}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
