/**
 * Secrets and card numbers masked in log text, as the Lightning guide asks (`mask_credit_cards`, `mask_passwords`).
 * Each rule is one regular expression whose capture group is the secret, written in the syntax both JavaScript and
 * RE2 (Grafana Alloy's `stage.replace`) read, so the datasource and `monitoring/alloy/config.alloy` mask the same
 * text the same way (`monitoring/alloy/alloy.test.ts` checks the Alloy file uses exactly these).
 *
 * The guide's own Promtail stage replaces a card number with `XXXX-XXXX-XXXX-${1}`, where `${1}` is the whole number,
 * so it prints the number it meant to hide; here only the last four digits stay.
 */
export interface MaskRule {
  name: string;
  /** The capture group is what is replaced. */
  expression: string;
  replace: string;
}

export const MASK_RULES: readonly MaskRule[] = [
  {
    name: 'card number (all but the last four digits)',
    expression: String.raw`\b(\d{4}[- ]?\d{4}[- ]?\d{4}[- ]?(?:\d{1,3}[- ]?)?)\d{4}\b`,
    replace: 'XXXX-XXXX-XXXX-',
  },
  {
    name: "quoted password (PASSWORD 'x', IDENTIFIED BY 'x')",
    expression: String.raw`(?i)(?:password|identified by)\s*[=:]?\s*'([^']*)'`,
    replace: '****',
  },
  {
    name: 'password, token or secret as key=value',
    expression: String.raw`(?i)\b(?:password|passwd|pwd|token|secret|api_key)=([^\s&,;"']+)`,
    replace: '****',
  },
];

/** RE2's leading `(?i)` as a JavaScript flag. */
function jsRegExp(expression: string): RegExp {
  const insensitive = expression.startsWith('(?i)');
  return new RegExp(insensitive ? expression.slice(4) : expression, insensitive ? 'gi' : 'g');
}

const COMPILED = MASK_RULES.map((rule) => ({ re: jsRegExp(rule.expression), replace: rule.replace }));

/** The text with every rule's capture group replaced, as Alloy's `stage.replace` does. */
export function maskSecrets(text: string): string {
  return COMPILED.reduce(
    (out, { re, replace }) => out.replace(re, (match: string, secret: string) => match.replace(secret, replace)),
    text
  );
}
