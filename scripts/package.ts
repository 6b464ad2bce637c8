/**
 * `npm run package`: zips the built plugin the way Grafana's installer (`grafana cli --pluginUrl`) and the plugin
 * validator expect it: `<plugin id>-<version>.zip` holding one top folder named after the plugin id with dist/ inside.
 * The catalog shows the zip's README.md away from the repository, so its relative links point into the repository.
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

/**
 * README.md with its relative links made absolute: pages to `<repository>/blob/main/…`, images to `…/raw/main/…`.
 * The plugin validator's `brokenlinks` analyzer refuses relative links, which do not work in the plugin catalog.
 */
export function absoluteReadmeLinks(markdown: string, repositoryUrl: string): string {
  const repo = repositoryUrl.replace(/^git\+/, '').replace(/\.git$/, '');
  return markdown.replace(/(!?)\[([^\]]*)\]\(([^)\s]+)\)/g, (link, image: string, text: string, target: string) => {
    if (/^([a-z][a-z0-9+.-]*:|#)/i.test(target)) {
      return link;
    }
    return `${image}[${text}](${repo}/${image ? 'raw' : 'blob'}/main/${target.replace(/^\.\//, '')})`;
  });
}

/** dist/ as fflate's nested tree: folders become directory entries, so the archive lists `<id>/` first. */
function tree(dir: string, transform: (file: string, content: Uint8Array) => Uint8Array): Zippable {
  return Object.fromEntries(
    fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          return [entry.name, tree(full, transform)];
        }
        return [
          entry.name,
          [transform(full, new Uint8Array(fs.readFileSync(full))), { mtime: fs.statSync(full).mtime }],
        ];
      })
  );
}

export function zipFileName(id: string, version: string): string {
  return `${id}-${version}.zip`;
}

/** `repositoryUrl` (package.json's repository) makes the README's relative links absolute. */
export function packagePlugin(distDir: string, outDir: string, repositoryUrl?: string): PackageResult {
  const { id, version } = readPluginJson(distDir);
  const readme = path.join(distDir, 'README.md');
  const transform = (file: string, content: Uint8Array) =>
    repositoryUrl && file === readme
      ? new TextEncoder().encode(absoluteReadmeLinks(Buffer.from(content).toString('utf8'), repositoryUrl))
      : content;
  const archive = zipSync({ [id]: tree(distDir, transform) }, { level: 9 });
  const file = path.join(outDir, zipFileName(id, version));
  fs.writeFileSync(file, archive);
  return { file, id, version, bytes: archive.length, sha256: createHash('sha256').update(archive).digest('hex') };
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const result = packagePlugin(path.join(root, 'dist'), root, pkg.repository?.url);
    console.log(`${path.relative(process.cwd(), result.file)}  ${result.bytes} bytes  sha256 ${result.sha256}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
