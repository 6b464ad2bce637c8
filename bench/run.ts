/**
 * `npm run bench`: prints performance figures. Each area adds a `bench/<area>.bench.ts` module exporting
 * `title` and `run(): Promise<Row[]>`; this runner finds them, runs them in name order and prints one table each.
 * Benchmarks report numbers; they assert nothing (tests check behaviour).
 */
import fs from 'fs';
import path from 'path';

export interface Row {
  metric: string;
  value: string;
  note?: string;
}

export interface BenchModule {
  title: string;
  run(): Promise<Row[]>;
}

function printTable(title: string, rows: Row[]): void {
  const width = (pick: (r: Row) => string, header: string) =>
    Math.max(header.length, ...rows.map((r) => pick(r).length));
  const w1 = width((r) => r.metric, 'metric');
  const w2 = width((r) => r.value, 'value');
  console.log(`\n## ${title}\n`);
  console.log(`${'metric'.padEnd(w1)}  ${'value'.padStart(w2)}  note`);
  for (const r of rows) {
    console.log(`${r.metric.padEnd(w1)}  ${r.value.padStart(w2)}  ${r.note ?? ''}`);
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') && (!only || f.startsWith(only)))
    .sort();
  for (const file of files) {
    const mod: BenchModule = await import(path.join(__dirname, file));
    printTable(mod.title, await mod.run());
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
