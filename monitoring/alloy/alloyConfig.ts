/**
 * Reads a Grafana Alloy configuration file into blocks and attributes, enough to check a pipeline's components and
 * wiring without running Alloy: `name "label" { ... }` blocks (nested as in `stage.replace { ... }`), `key = value`
 * attributes kept as their source text, `//` comments dropped, strings and raw (backtick) strings respected.
 */
export interface AlloyBlock {
  name: string;
  label?: string;
  attrs: Record<string, string>;
  blocks: AlloyBlock[];
}

const OPEN = '([{';
const CLOSE = ')]}';

/** Index just past the end of the string or balanced expression starting at `i`, stopping at `stop` at depth 0. */
function scan(text: string, i: number, stop: (c: string) => boolean): number {
  let depth = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === '`') {
      i = stringEnd(text, i);
    } else if (OPEN.includes(c)) {
      depth++;
    } else if (CLOSE.includes(c)) {
      if (depth === 0) {
        return i;
      }
      depth--;
    } else if (depth === 0 && stop(c)) {
      return i;
    }
    i++;
  }
  return i;
}

/** Index of the quote closing the string that opens at `i`. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== text[i]) {
    j += text[i] === '"' && text[j] === '\\' ? 2 : 1;
  }
  return j;
}

function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' || text[i] === '`') {
      const end = stringEnd(text, i);
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (text.startsWith('//', i)) {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline;
    } else {
      out += text[i++];
    }
  }
  return out;
}

const HEADER = /^\s*([A-Za-z_][\w.]*)\s*(?:"([^"]*)")?\s*\{/;
const ATTRIBUTE = /^\s*([A-Za-z_]\w*)\s*=\s*/;

function parseBody(text: string): { attrs: Record<string, string>; blocks: AlloyBlock[] } {
  const attrs: Record<string, string> = {};
  const blocks: AlloyBlock[] = [];
  let rest = text;
  while (rest.trim()) {
    const header = HEADER.exec(rest);
    const attribute = ATTRIBUTE.exec(rest);
    if (attribute && (!header || attribute[0].length <= header[0].length)) {
      const start = attribute[0].length;
      const end = scan(rest, start, (c) => c === '\n');
      attrs[attribute[1]] = rest.slice(start, end).trim();
      rest = rest.slice(end);
    } else if (header) {
      const start = header[0].length;
      const end = scan(rest, start, () => false);
      blocks.push({ name: header[1], label: header[2], ...parseBody(rest.slice(start, end)) });
      rest = rest.slice(end + 1);
    } else {
      throw new Error(`Cannot read the Alloy configuration at: ${rest.trim().slice(0, 60)}`);
    }
  }
  return { attrs, blocks };
}

export function parseAlloy(text: string): AlloyBlock[] {
  const { attrs, blocks } = parseBody(stripComments(text));
  if (Object.keys(attrs).length) {
    throw new Error(`Top-level attributes are not components: ${Object.keys(attrs).join(', ')}`);
  }
  return blocks;
}

/** The text of a string or raw-string attribute value. */
export function stringValue(raw: string): string {
  if (raw.startsWith('`')) {
    return raw.slice(1, -1);
  }
  return JSON.parse(raw) as string;
}

/** `{"a" = "x", b = "y"}` (and lists of them) as objects; values that are not plain strings stay as source text. */
export function objectValues(raw: string): Array<Record<string, string>> {
  return [...raw.matchAll(/\{([^{}]*)\}/g)].map((m) =>
    Object.fromEntries(
      [...m[1].matchAll(/"?([\w]+)"?\s*=\s*("(?:[^"\\]|\\.)*"|[^,}]+)/g)].map(([, key, value]) => [
        key,
        value.trim().startsWith('"') ? (JSON.parse(value.trim()) as string) : value.trim(),
      ])
    )
  );
}
