import { parser } from '@prometheus-io/lezer-promql';

interface Selector {
  /** Metric name, or `''` for a selector by `{__name__=...}` only. */
  name: string;
  /** Label matchers as written: `job` → `=~ "$job"`. */
  matchers: Record<string, { op: string; value: string }>;
}

export interface PromqlAnalysis {
  /** Syntax errors, each with the text around it. */
  errors: string[];
  selectors: Selector[];
  /** The range of every range vector (`[5m]`) or subquery. */
  ranges: string[];
}

const unquote = (literal: string) =>
  literal.startsWith('`') ? literal.slice(1, -1) : (JSON.parse(literal.replace(/^'|'$/g, '"')) as string);

/**
 * Parses one expression with Prometheus' own (lezer) grammar. Grafana variables must be substituted first: `$job`
 * inside a string is fine, but `[$__rate_interval]` is not PromQL.
 */
export function analysePromql(expr: string): PromqlAnalysis {
  const tree = parser.parse(expr);
  const errors: string[] = [];
  const selectors: Selector[] = [];
  const ranges: string[] = [];
  const text = (from: number, to: number) => expr.slice(from, to);

  tree.iterate({
    enter: (node) => {
      if (node.type.isError) {
        errors.push(`syntax error at ${node.from}: …${text(Math.max(0, node.from - 20), node.to + 20)}…`);
        return;
      }
      if (node.name === 'MatrixSelector' || node.name === 'SubqueryExpr') {
        const duration =
          node.node.getChild('DurationExpr') ?? node.node.getChild('NumberDurationLiteralInDurationContext');
        if (duration) {
          ranges.push(text(duration.from, duration.to));
        }
      }
      if (node.name === 'VectorSelector') {
        const identifier = node.node.getChild('Identifier');
        const matchers: Selector['matchers'] = {};
        const list = node.node.getChild('LabelMatchers');
        for (let m = list?.firstChild; m; m = m.nextSibling) {
          const label = m.getChild('LabelName');
          const op = m.getChild('MatchOp');
          const value = m.getChild('StringLiteral');
          if (label && op && value) {
            matchers[text(label.from, label.to)] = {
              op: text(op.from, op.to),
              value: unquote(text(value.from, value.to)),
            };
          }
        }
        selectors.push({
          name: identifier ? text(identifier.from, identifier.to) : (matchers.__name__?.value ?? ''),
          matchers,
        });
      }
    },
  });
  return { errors, selectors, ranges };
}
