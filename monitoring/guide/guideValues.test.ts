import fs from 'fs';
import path from 'path';
import { GUIDE_VALUES } from './guideValues';

/**
 * docs/differences.md has ONE table, "Where we differ from the guides": for every guide value the project does not
 * follow, a row quoting the guide's words, what the project does, and why. A value the project follows has no row.
 */
const DOC = path.join(__dirname, '..', '..', 'docs', 'differences.md');
const HEADING = '## Where we differ from the guides';

function tableRows(markdown: string): string[][] {
  const section = markdown.slice(markdown.indexOf(HEADING));
  const lines = section.split('\n').slice(1);
  const start = lines.findIndex((l) => l.startsWith('|'));
  const table = lines.slice(
    start,
    lines.findIndex((l, k) => k > start && !l.startsWith('|'))
  );
  return table.slice(2).map((l) =>
    l
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim())
  );
}

const markdown = fs.readFileSync(DOC, 'utf8');
const rows = tableRows(markdown);
const quotes = (words: string) => rows.some((r) => r[0].includes(words));

describe('docs/differences.md', () => {
  it('has one table of differences, each row with the guide, what we do, and why', () => {
    expect(markdown.split(HEADING).length).toBe(2);
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect({ row: row[0], cells: row.length, empty: row.some((c) => c === '') }).toEqual({
        row: row[0],
        cells: 3,
        empty: false,
      });
    }
  });

  it.each(GUIDE_VALUES.map((v) => [`${v.guide}: ${v.words}`, v]))(
    '%s: the project follows it, or the table says why not',
    (_, value) => {
      const follows = JSON.stringify(value.actual()) === JSON.stringify(value.expected);
      expect({ words: value.words, follows, row: quotes(value.words) }).toEqual({
        words: value.words,
        follows,
        row: !follows,
      });
    }
  );
});
