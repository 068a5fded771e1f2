// graphemeBoundaryAtOrBefore segments only the text near the cut (for speed on long texts): it must
// answer exactly what segmenting the whole text answers.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeBoundaryAtOrBefore, graphemes } from '../../src/text/graphemes.ts';

/** The answer from the whole text's clusters. */
function expected(text: string, index: number): number {
  let at = 0;
  for (const part of graphemes(text)) {
    if (at + part.length > index) return at;
    at += part.length;
  }
  return at;
}

const PIECES = ['a', ' ', '\r\n', '\n', 'e\u0301', '👩‍💻', '🇩🇪', '🇫', '👍🏽', '😀', '中', 'ก', '\u200d', '\u0301', 'Z'];

describe('graphemeBoundaryAtOrBefore', () => {
  it('is 0 and the length at the ends, and clamps what is outside', () => {
    expect(graphemeBoundaryAtOrBefore('ab', 0)).toBe(0);
    expect(graphemeBoundaryAtOrBefore('ab', 2)).toBe(2);
    expect(graphemeBoundaryAtOrBefore('ab', 9)).toBe(2);
    expect(graphemeBoundaryAtOrBefore('ab', -3)).toBe(0);
    expect(graphemeBoundaryAtOrBefore('ab👩‍💻', 5)).toBe(2);
    expect(graphemeBoundaryAtOrBefore('🇩🇪🇫🇷', 5)).toBe(4);
  });

  it('agrees with segmenting the whole text, for any text of emoji, flags, accents and line ends (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), fc.nat(400), (parts, at) => {
        const text = parts.join('');
        const index = text.length === 0 ? 0 : at % (text.length + 1);
        expect(graphemeBoundaryAtOrBefore(text, index)).toBe(expected(text, index));
      }),
    );
  });

  it('a long run of flags keeps its pairs (no plain character to start from nearby)', () => {
    const text = `x${'🇩🇪'.repeat(300)}`;
    for (const index of [3, 4, 5, 301, 599, 600])
      expect(graphemeBoundaryAtOrBefore(text, index)).toBe(expected(text, index));
  });
});
