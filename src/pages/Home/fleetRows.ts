import { InstanceLevel, InstanceReport, LEVEL_RANK } from './instanceReport';

/** One line of the fleet table; the sortable values are named by the columns that sort on them. */
export interface FleetRow {
  uid: string;
  name: string;
  /** Undefined while the first round of reads is still running. */
  report?: InstanceReport;
  /** How bad the level is (`LEVEL_RANK`); -1 while still being checked. */
  status: number;
  /** The worst problem, or nothing when healthy. */
  problem: string;
  cpu: number | null;
  memory: number | null;
  tps: number | null;
  pool: number | null;
}

/** The report figure each numeric column shows (labels as `reportInstance` names them). */
export const FIGURE_OF_COLUMN = { cpu: 'CPU', memory: 'Memory', tps: 'TPS', pool: 'Pool pressure' } as const;
export type FigureColumn = keyof typeof FIGURE_OF_COLUMN;

const figureValue = (report: InstanceReport, column: FigureColumn) =>
  report.figures.find((f) => f.label === FIGURE_OF_COLUMN[column])?.value ?? null;

/** Rows in the order given (reports worst first, as `compareReports` sorts them), then those still being checked. */
export function fleetRows(reports: InstanceReport[], checking: Array<{ uid: string; name: string }>): FleetRow[] {
  return [
    ...reports.map((report) => ({
      uid: report.uid,
      name: report.name,
      report,
      status: LEVEL_RANK[report.level],
      problem: report.problems[0] ?? '',
      cpu: figureValue(report, 'cpu'),
      memory: figureValue(report, 'memory'),
      tps: figureValue(report, 'tps'),
      pool: figureValue(report, 'pool'),
    })),
    ...checking.map(({ uid, name }) => ({
      uid,
      name,
      status: -1,
      problem: '',
      cpu: null,
      memory: null,
      tps: null,
      pool: null,
    })),
  ];
}

export type LevelFilter = 'all' | 'problems' | InstanceLevel;

/** Rows at the chosen level (`problems`: anything but healthy) whose name or worst problem contains `text`. */
export function filterRows(rows: FleetRow[], text: string, level: LevelFilter): FleetRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter((row) => {
    const rowLevel = row.report?.level;
    const levelMatches =
      level === 'all' || (level === 'problems' ? rowLevel !== undefined && rowLevel !== 'ok' : rowLevel === level);
    return levelMatches && (!needle || `${row.name}\n${row.problem}`.toLowerCase().includes(needle));
  });
}

/**
 * Ascending order of two column values for the table's sort: numbers by value, text by name order; a missing value
 * sorts as the smallest, so a descending sort (worst first) puts it last.
 */
export function compareValues(a: number | string | null, b: number | string | null): number {
  if (a === null || b === null) {
    return a === b ? 0 : a === null ? -1 : 1;
  }
  return typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a).localeCompare(String(b), undefined, { sensitivity: 'base' });
}
