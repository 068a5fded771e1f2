// A table as aligned columns in a ``` code block (mrkdwn has no tables). Long tables become
// several sections, each within SECTION_TEXT_MAX with its fences and the header row repeated.

import { alignedTable, type Table } from '../../shared/table-columns.ts';
import { escapeMrkdwn, truncate } from './escape.ts';
import { SECTION_TEXT_MAX } from './limits.ts';
import { boldTitle, section } from './text.ts';
import type { SectionBlock } from './types.ts';

const FENCE_OPEN = '```\n';
const FENCE_CLOSE = '\n```';
const FENCES = FENCE_OPEN.length + FENCE_CLOSE.length;
/** The title and the header row are cut so that every part still holds rows of ~1,500 characters. */
const TITLE_MAX = 500;
const HEADER_MAX = 1000;

export function tableSections(table: Table): SectionBlock[] {
  const title = boldTitle(table.title, TITLE_MAX);
  const head = title === '' ? '' : `${title}\n`;
  // Aligned on the text as typed (shared), escaped after it, so `&` counts one column wide.
  const aligned = alignedTable(table);
  if (aligned === null) return title === '' ? [] : [section(title)];
  const header = aligned.header === null ? null : truncate(escapeMrkdwn(aligned.header), HEADER_MAX);
  // The worst case (the first part, with the title) decides how long one row may be.
  const rowMax = SECTION_TEXT_MAX - FENCES - (header === null ? 0 : header.length + 1) - head.length;
  const lines = aligned.rows.map((row) => truncate(escapeMrkdwn(row), rowMax));

  // Each part: [title] + fences + header + rows, one per line; `joined` is the lines' length so far.
  const empty = header === null ? -1 : header.length;
  const room = (first: boolean) => SECTION_TEXT_MAX - FENCES - (first ? head.length : 0);
  const parts: string[][] = [];
  let current: string[] = [];
  let joined = empty;
  for (const row of lines) {
    if (current.length > 0 && joined + 1 + row.length > room(parts.length === 0)) {
      parts.push(current);
      current = [];
      joined = empty;
    }
    current.push(row);
    joined += 1 + row.length;
  }
  if (current.length > 0 || parts.length === 0) parts.push(current);

  return parts.map((part, index) => {
    const body = header === null ? part : [header, ...part];
    return section(`${index === 0 ? head : ''}${FENCE_OPEN}${body.join('\n')}${FENCE_CLOSE}`);
  });
}
