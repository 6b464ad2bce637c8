/**
 * Grafana's variable syntax (`$name`, `${name}`, `${name:format}`, `[[name]]`) replaced by fixed values, as Grafana
 * would before sending a query. Unknown variables are left in place, so a parse check then reports them.
 */
export function interpolate(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)|\[\[(\w+)\]\]/g, (whole, braced, bare, bracketed) => {
    const name = braced ?? bare ?? bracketed;
    return name in values ? values[name] : whole;
  });
}

/** `label_values(<selector>, <label>)` of a Prometheus query variable; the selector must itself be PromQL. */
export function parseLabelValues(query: string): { selector: string; label: string } | undefined {
  const match = /^\s*label_values\((.*),\s*(\w+)\s*\)\s*$/s.exec(query);
  return match ? { selector: match[1], label: match[2] } : undefined;
}
