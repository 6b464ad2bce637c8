/** monitoring/RUNBOOKS.md split into its introduction and one section per alert (`## AlertName`). Pure. */

export interface RunbookSection {
  /** The alert's name, as the heading writes it. */
  alert: string;
  /** The anchor every alert's `runbook_url` ends with: the alert's name in lower case. */
  anchor: string;
  /** The section's markdown, without its heading. */
  body: string;
}

export interface Runbooks {
  intro: string;
  sections: RunbookSection[];
}

const HEADING = /^## (\S+)[ \t]*$/gm;

/** The anchor of an alert's section, as the rules' `runbook_url` writes it. */
export const runbookAnchor = (alert: string) => alert.toLowerCase();

export function parseRunbooks(markdown: string): Runbooks {
  const headings = [...markdown.matchAll(HEADING)];
  const intro = markdown.slice(0, headings[0]?.index ?? markdown.length).replace(/^# .*\n/, '');
  const sections = headings.map((h, k) => ({
    alert: h[1],
    anchor: runbookAnchor(h[1]),
    body: markdown.slice(h.index! + h[0].length, headings[k + 1]?.index ?? markdown.length).trim(),
  }));
  return { intro: intro.trim(), sections };
}
