// A table as aligned columns in a ``` code block (embeds have no tables). The layout closes the
// block at the end of an embed and opens it again, header row first, in the next one.

import type { Block } from '../../../src/replies/reply.ts';
import { escapeCodeBlock, truncate } from './escape.ts';

type Table = Extract<Block, { type: 'table' }>;

/** What every part of one table's code block starts with; the layout tells tables apart by identity. */
export interface TableFrame {
  /** The header row, escaped; null when the table has no columns. */
  header: string | null;
}

export interface TableLines {
  frame: TableFrame;
  rows: string[];
}

/** A column is padded to at most this width, so one long cell does not widen every row. */
const PAD_MAX = 40;
/** Rows and the header row are cut here: with the fences they always fit in one description. */
export const TABLE_LINE_MAX = 1000;
const GAP = '  ';

function cellsOf(row: readonly string[]): string[] {
  return row.map((cell) => cell.replace(/\s*[\r\n]+\s*/g, ' '));
}

/**
 * The header row and the rows, aligned and escaped for a code block. A blank line becomes a
 * space: a code block whose text is only blank lines is not a code block to Discord.
 */
export function tableLines(table: Table): TableLines | null {
  const columns = cellsOf(table.columns);
  const rows = table.rows.map(cellsOf);
  if (columns.length === 0 && rows.length === 0) return null;
  const widths: number[] = [];
  for (const row of [columns, ...rows]) row.forEach((cell, i) => (widths[i] = Math.min(PAD_MAX, Math.max(widths[i] ?? 0, cell.length))));
  // Padding is done on the text as typed, escaping after it: the zero-width spaces take no column.
  const line = (row: string[]) => truncate(escapeCodeBlock(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join(GAP).trimEnd()), TABLE_LINE_MAX) || ' ';
  return { frame: { header: columns.length === 0 ? null : line(columns) }, rows: rows.map(line) };
}
