/**
 * The app's JavaScript in dist/ (module.js and the chunks it loads lazily) holds no copy of the datasource's query
 * engine: the app reads through the instances Grafana loaded (src/components/rustydbReader.ts). Each marker is text
 * only the engine has; the datasource's own module must hold it, so a reworded marker fails here instead of passing
 * for the wrong reason.
 */
import fs from 'fs';
import path from 'path';

const DIST = path.resolve(__dirname, '../../dist');

const ENGINE_MARKERS = [
  // src/datasource/transport/errors.ts: how a throttled request is worded.
  'is throttling requests',
  // src/datasource/endpoints/performance.ts: a field title of the performance frame.
  'Transactions per second',
  // src/datasource/transport/errors.ts: a request Grafana cancelled.
  'before it was answered',
];

/** The app's own files: every .js at the top of dist/ (the datasource and panel are in their own folders). */
const appFiles = () =>
  fs
    .readdirSync(DIST)
    .filter((name) => name.endsWith('.js'))
    .map((name) => path.join(DIST, name));

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'module.js'))) {
    throw new Error('dist/ has no build: run npm run build first (npm run test:ci does).');
  }
});

describe("the app's bundle", () => {
  it.each(ENGINE_MARKERS)('marker "%s" is in the datasource module', (marker) => {
    expect(fs.readFileSync(path.join(DIST, 'datasource/module.js'), 'utf8')).toContain(marker);
  });

  it('has lazy chunks besides module.js', () => {
    expect(appFiles().length).toBeGreaterThan(1);
  });

  it.each(ENGINE_MARKERS)('holds no copy of the query engine (marker "%s")', (marker) => {
    const holding = appFiles().filter((file) => fs.readFileSync(file, 'utf8').includes(marker));
    expect(holding.map((file) => path.basename(file))).toEqual([]);
  });
});
