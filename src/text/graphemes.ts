// Cutting text a member wrote without breaking what they see: a cut at a UTF-16 index can split an
// emoji (👩‍💻, 🇩🇪) or a letter with its accent into garbage. Cuts go between grapheme clusters.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text's user-perceived characters. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** At most `max` user-perceived characters; a cut text ends with `ellipsis` (counted in `max`). */
export function cutGraphemes(text: string, max: number, ellipsis = '…'): string {
  // Fast path: fewer code units than the limit means fewer graphemes too.
  if (text.length <= max) return text;
  const parts = graphemes(text);
  if (parts.length <= max) return text;
  return `${parts.slice(0, Math.max(0, max - graphemes(ellipsis).length)).join('')}${ellipsis}`;
}

/**
 * At most `max` UTF-16 code units (how platforms count their limits), cut between grapheme
 * clusters; a cut text ends with `ellipsis` (counted in `max`).
 */
export function cutToLength(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const part of graphemes(text)) {
    if (kept.length + part.length + ellipsis.length > max) break;
    kept += part;
  }
  return `${kept}${ellipsis}`;
}
