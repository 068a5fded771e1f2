// Escaping and cutting member-typed text for Slack. Slack's mrkdwn gives meaning to `&`, `<` and
// `>` only (`<!channel>`, `<@U123>`, `<https://x|y>`); escaping those three is all it takes for a
// client named `<!channel>` to show as typed instead of pinging a channel.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** The three entities escapeMrkdwn writes: a cut must not fall inside one. */
const ENTITY = /^&(?:amp|lt|gt);/;
const LONGEST_ENTITY = '&amp;'.length;

const ELLIPSIS = '…';

/** Member-typed text made safe for a mrkdwn text object: shows as typed, never a mention or link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (char) => ENTITIES[char] as string);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The largest index ≤ `index` where `text` may be cut: not between the halves of a surrogate pair
 * (an emoji) and not inside `&amp;`, `&lt;` or `&gt;`.
 */
export function cutIndex(text: string, index: number): number {
  let cut = Math.max(0, Math.min(Math.floor(index), text.length));
  if (cut <= 0 || cut >= text.length) return cut;
  if (isHighSurrogate(text.charCodeAt(cut - 1)) && isLowSurrogate(text.charCodeAt(cut))) cut -= 1;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - LONGEST_ENTITY) {
    const entity = ENTITY.exec(text.slice(amp, amp + LONGEST_ENTITY));
    if (entity && amp + entity[0].length > cut) cut = amp;
  }
  return cut;
}

/** `text` if it fits in `max` characters, else its longest safe beginning followed by `…`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  return text.slice(0, cutIndex(text, max - ELLIPSIS.length)) + ELLIPSIS;
}

/** `text` cut into safe pieces of at most `max` characters each, nothing dropped (for long lines). */
export function splitAt(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    // A piece is never empty: max is far above the longest entity or pair.
    const cut = cutIndex(rest, max) || max;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}
