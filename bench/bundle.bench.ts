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
  const rows = jsFiles(DIST).map((file) => {
    const body = fs.readFileSync(file);
    return {
      metric: path.relative(DIST, file),
      value: kib(body.length),
      note: `gzip ${kib(zlib.gzipSync(body, { level: 9 }).length)}`,
    };
  });
  return rows.sort((a, b) => a.metric.localeCompare(b.metric));
}
