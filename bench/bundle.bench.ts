import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import type { Row } from './run';

export const title = 'Bundle sizes (dist/, run `npm run build` first)';

const DIST = path.resolve(__dirname, '..', 'dist');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? jsFiles(full) : e.name.endsWith('.js') ? [full] : [];
  });
}

export async function run(): Promise<Row[]> {
  if (!fs.existsSync(DIST)) {
    return [{ metric: 'dist/', value: 'missing', note: 'run `npm run build`' }];
  }
  const files = jsFiles(DIST).map((file) => {
    const body = fs.readFileSync(file);
    return { name: path.relative(DIST, file), bytes: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
  });
  const row = (metric: string, of: typeof files) => ({
    metric,
    value: kib(of.reduce((sum, f) => sum + f.bytes, 0)),
    note: `gzip ${kib(of.reduce((sum, f) => sum + f.gzip, 0))}`,
  });
  return [
    ...files.sort((a, b) => a.name.localeCompare(b.name)).map((f) => row(f.name, [f])),
    // The app is module.js and the chunks it loads lazily: every .js at the top of dist/.
    row(
      'app (module.js + its chunks)',
      files.filter((f) => !f.name.includes(path.sep))
    ),
    row('all plugin JavaScript', files),
  ];
}
