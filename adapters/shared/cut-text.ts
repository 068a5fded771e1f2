// Cutting member text to a platform's limit without breaking what the member sees: a cut falls
// between grapheme clusters (never inside an emoji such as 👩‍💻 or 🇩🇪, nor between a letter and its
// accent), and a cut text ends with "…" counted in the limit. A platform whose escaping adds
// sequences that must stay whole (Slack's `&amp;`) passes its own cut, built on `cutIndex`.

import { graphemeBoundaryAtOrBefore } from '../../src/text/graphemes.ts';

export const ELLIPSIS = '…';

/** Where `text` may be cut at or before `index`. */
export type CutAt = (text: string, index: number) => number;

/** The largest index ≤ `index` where `text` may be cut: between two grapheme clusters. */
export function cutIndex(text: string, index: number): number {
  return graphemeBoundaryAtOrBefore(text, index);
}

/** `text` if it fits in `max` characters, else its longest safe beginning followed by `…`. */
export function truncate(text: string, max: number, cutAt: CutAt = cutIndex): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  return text.slice(0, cutAt(text, max - ELLIPSIS.length)) + ELLIPSIS;
}

/** `text` cut into safe pieces of at most `max` characters each, nothing dropped (for long lines). */
export function splitAt(text: string, max: number, cutAt: CutAt = cutIndex): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    // A piece is never empty: max is far above the longest cluster or entity.
    const cut = cutAt(rest, max) || max;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}
