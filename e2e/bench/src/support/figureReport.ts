import { writeFileSync } from 'node:fs';

/** One measured figure: its value, the baseline it is compared with in the same run, the ratio and the goal. */
export interface FigureRow {
  /** What was measured, e.g. `throughput, wxvoip CLI (plain node)`. */
  readonly figure: string;
  /** The value, formatted with its unit (`6,512 req/s`). */
  readonly value: string;
  /** The baseline's name and value from the same run, formatted (`bare fastify: 17,800 req/s`); empty when none. */
  readonly baseline: string;
  /** value ÷ baseline (or the quantity the goal is stated in), formatted (`0.37 ×`); empty when none. */
  readonly ratio: string;
  /** The goal of issue 19 beside it (`≥ 0.6 ×`); empty when the figure has none. */
  readonly goal: string;
  /** Whether the goal is met: true, false, or null when the figure has no goal. */
  readonly met: boolean | null;
}

/** What one figure script produced: a section of `pnpm bench`'s output and of docs/performance.md. */
export interface FigureReport {
  /** Stable id, the script's file name (`throughput`). */
  readonly id: string;
  /** Section title. */
  readonly title: string;
  /** How it was measured, one paragraph. */
  readonly method: string;
  /** The figures. */
  readonly rows: readonly FigureRow[];
  /** Extra lines (raw numbers, caveats), printed under the table. */
  readonly notes: readonly string[];
}

/** Environment variable through which the bench runner asks a figure script for its JSON report. */
export const REPORT_ENV = 'WXVOIP_BENCH_REPORT';

/** Formats a number with thousands separators and `digits` decimals. */
export function num(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A ratio as `0.37 ×`. */
export function times(value: number): string {
  return `${value.toFixed(2)} ×`;
}

/** The markdown table of a report's rows. */
export function renderRows(rows: readonly FigureRow[]): string {
  const lines = ['| figure | value | baseline (same run) | ratio | goal | met |', '|---|---:|---|---:|---|:---:|'];
  for (const r of rows) lines.push(`| ${r.figure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.goal} | ${r.met === null ? '' : r.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

/** The markdown section of one report. */
export function renderReport(report: FigureReport): string {
  return [`### ${report.title}`, '', report.method, '', renderRows(report.rows), ...(report.notes.length === 0 ? [] : ['', ...report.notes.map((n) => `- ${n}`)])].join('\n');
}

/** Prints a figure's section and, when the runner asked for it, writes the JSON report it collects. */
export function publish(report: FigureReport): void {
  console.log(`\n${renderReport(report)}\n`);
  const path = process.env[REPORT_ENV];
  if (path) writeFileSync(path, JSON.stringify(report));
}
