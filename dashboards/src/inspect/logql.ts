/**
 * LogQL checked with Grafana's own LogQL grammar (`@grafana/lezer-logql`, what Grafana's Loki query editor parses
 * with), since no Loki runs here: syntax errors, the stream selectors' matchers, and the range windows.
 */
import { parser } from '@grafana/lezer-logql';

export interface LogqlAnalysis {
  errors: string[];
  /** Each stream selector's matchers: label → `op value`. */
  selectors: Array<Record<string, string>>;
  ranges: string[];
}

export function analyseLogql(expr: string): LogqlAnalysis {
  const tree = parser.parse(expr);
  const errors: string[] = [];
  const selectors: Array<Record<string, string>> = [];
  const ranges: string[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) {
        errors.push(`syntax error at ${node.from}: "${expr.slice(Math.max(0, node.from - 10), node.to + 10)}"`);
      }
      if (node.name === 'Selector') {
        const matchers: Record<string, string> = {};
        const text = expr.slice(node.from, node.to);
        for (const m of text.matchAll(/(\w+)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)) {
          matchers[m[1]] = `${m[2]} ${m[3]}`;
        }
        selectors.push(matchers);
      }
      if (node.name === 'Range') {
        ranges.push(expr.slice(node.from, node.to));
      }
    },
  });
  return { errors, selectors, ranges };
}
