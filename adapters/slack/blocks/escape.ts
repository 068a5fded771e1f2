// Escaping and cutting member-typed text for Slack. Slack's mrkdwn gives meaning to `&`, `<` and
// `>` only (`<!channel>`, `<@U123>`, `<https://x|y>`); escaping those three is all it takes for a
// client named `<!channel>` to show as typed instead of pinging a channel. Cutting is the shared
// kit's (adapters/shared/cut-text.ts), told to keep the entities whole.

import { cutIndex as graphemeCut, splitAt as splitText, truncate as cutText } from '../../shared/cut-text.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** The three entities escapeMrkdwn writes: a cut must not fall inside one. */
const ENTITY = /^&(?:amp|lt|gt);/;
const LONGEST_ENTITY = '&amp;'.length;

/** Member-typed text made safe for a mrkdwn text object: shows as typed, never a mention or link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (char) => ENTITIES[char] as string);
}

/**
 * The largest index ≤ `index` where escaped `text` may be cut: between grapheme clusters (the
 * shared rule: never inside an emoji) and not inside `&amp;`, `&lt;` or `&gt;`.
 */
function cutIndex(text: string, index: number): number {
  let cut = graphemeCut(text, index);
  if (cut <= 0 || cut >= text.length) return cut;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - LONGEST_ENTITY) {
    const entity = ENTITY.exec(text.slice(amp, amp + LONGEST_ENTITY));
    if (entity && amp + entity[0].length > cut) cut = amp;
  }
  return cut;
}

/** `text` if it fits in `max` characters, else its longest safe beginning followed by `…`. */
export function truncate(text: string, max: number): string {
  return cutText(text, max, cutIndex);
}

/** `text` cut into safe pieces of at most `max` characters each, nothing dropped (for long lines). */
export function splitAt(text: string, max: number): string[] {
  return splitText(text, max, cutIndex);
}
