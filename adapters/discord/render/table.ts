// A table as aligned columns in a ``` code block (embeds have no tables). The layout closes the
// block at the end of an embed and opens it again, header row first, in the next one.

import { alignedTable, type Table } from '../../shared/table-columns.ts';
import { escapeCodeBlock, truncate } from './escape.ts';

/** What every part of one table's code block starts with; the layout tells tables apart by identity. */
export interface TableFrame {
  /** The header row, escaped; null when the table has no columns. */
  header: string | null;
}

export interface TableLines {
  frame: TableFrame;
  rows: string[];
}

/** Rows and the header row are cut here: with the fences they always fit in one description. */
const TABLE_LINE_MAX = 1000;

/**
 * The header row and the rows, aligned and escaped for a code block. A blank line becomes a
 * space: a code block whose text is only blank lines is not a code block to Discord.
 */
export function tableLines(table: Table): TableLines | null {
  // Aligned on the text as typed (shared), escaped after it: the zero-width spaces take no column.
  const aligned = alignedTable(table);
  if (aligned === null) return null;
  const line = (row: string) => truncate(escapeCodeBlock(row), TABLE_LINE_MAX) || ' ';
  return { frame: { header: aligned.header === null ? null : line(aligned.header) }, rows: aligned.rows.map(line) };
}
