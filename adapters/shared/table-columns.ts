// A reply's table as aligned columns of plain text, for platforms without tables (Slack's mrkdwn,
// Discord's embeds) to put in a code block. Padding is done on the text as typed; each platform
// escapes a line after, so an escape (`&amp;`, a zero-width space) never widens a column.

import type { Block } from '../../src/replies/reply.ts';

export type Table = Extract<Block, { type: 'table' }>;

/** A column is padded to at most this width, so one long cell does not widen every row. */
export const PAD_MAX = 40;
const GAP = '  ';

function cellsOf(row: readonly string[]): string[] {
  return row.map((cell) => cell.replace(/\s*[\r\n]+\s*/g, ' '));
}

export interface AlignedTable {
  /** The header row; null when the table has no columns. */
  header: string | null;
  rows: string[];
}

/** The header row and the rows, each on one line with its columns padded; null for a table with neither. */
export function alignedTable(table: Table): AlignedTable | null {
  const columns = cellsOf(table.columns);
  const rows = table.rows.map(cellsOf);
  if (columns.length === 0 && rows.length === 0) return null;
  const widths: number[] = [];
  for (const row of [columns, ...rows])
    row.forEach((cell, i) => (widths[i] = Math.min(PAD_MAX, Math.max(widths[i] ?? 0, cell.length))));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join(GAP)
      .trimEnd();
  return { header: columns.length === 0 ? null : line(columns), rows: rows.map(line) };
}
