// Fitting member text to a limit after it is escaped. Cuts are made in the text as typed and the
// piece escaped on its own, so a cut never separates a backslash from what it escapes and a piece
// that starts a new embed gets the escapes its new line start needs.

import { cutIndex, ELLIPSIS } from '../../shared/cut-text.ts';
import { oneLine } from '../../shared/lines.ts';
import { escapeMarkdown } from './escape.ts';

export type Render = (raw: string) => string;

/**
 * The longest beginning of `raw` (never half an emoji) whose rendering has at most `room`
 * characters. Binary search: rendering grows with the text it is given, and is never shorter.
 */
export function prefixWithin(raw: string, room: number, render: Render = escapeMarkdown): number {
  if (room <= 0) return 0;
  // Rendering never shortens text, so no more than `room` characters of it can fit.
  let low = 0;
  let high = Math.min(raw.length, room);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(raw.slice(0, mid)).length <= room) low = mid;
    else high = mid - 1;
  }
  let cut = cutIndex(raw, low);
  while (cut > 0 && render(raw.slice(0, cut)).length > room) cut = cutIndex(raw, cut - 1);
  return cut;
}

/** `render(raw)` if it fits in `max`, else the rendering of its longest beginning that fits with `…` after it. */
export function fitRendered(raw: string, max: number, render: Render = escapeMarkdown): string {
  if (raw.length <= max) {
    const full = render(raw);
    if (full.length <= max) return full;
  }
  if (max < ELLIPSIS.length) return '';
  return render(raw.slice(0, prefixWithin(raw, max - ELLIPSIS.length, render))) + ELLIPSIS;
}

/** A heading in bold: escaped, on one line, at most `max` characters with its asterisks; '' if blank. */
export function boldHeading(title: string | undefined, max: number): string {
  const text = fitRendered(oneLine(title ?? ''), max - 4);
  return text === '' ? '' : `**${text}**`;
}
