// Member text shown back as they wrote it: cuts between grapheme clusters, money with its cents,
// `none` refused for fields every contract needs.

import fc from 'fast-check';
import type { Store } from '../../src/ports/store.ts';
import { describe, expect, it } from 'vitest';
import { showValue } from '../../src/contracts/validate.ts';
import { cleanDisplayName, MAX_DISPLAY_NAME, runCommandText } from '../../src/commands/dispatch.ts';
import { usd } from '../../src/replies/format.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { cutGraphemes, graphemes } from '../../src/text/graphemes.ts';
import { commandContext } from '../helpers/command-context.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';

const FAMILY = '👩‍👩‍👧‍👦';
const FLAG = '🇩🇪';

describe('cutting member text', () => {
  it('never splits an emoji, a flag or a letter with its accent', () => {
    const text = `${'a'.repeat(55)}${FAMILY}${FLAG}e\u0301xyz`;
    const cut = cutGraphemes(text, 57);
    expect(graphemes(cut)).toEqual([...'a'.repeat(55), FAMILY, '…']);
  });

  it('whatever the text, a cut keeps whole graphemes and respects the limit (property)', () => {
    const pieces = fc.constantFrom('a', 'é', 'e\u0301', FAMILY, FLAG, '😀', '👍🏽', '中', ' ');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 120 }), fc.integer({ min: 1, max: 80 }), (parts, max) => {
        const text = parts.join('');
        const cut = cutGraphemes(text, max);
        expect(graphemes(cut).length).toBeLessThanOrEqual(Math.max(max, 1));
        if (cut !== text) expect(text.startsWith(cut.slice(0, -1))).toBe(true);
        for (const part of graphemes(cut.endsWith('…') && cut !== text ? cut.slice(0, -1) : cut))
          expect(graphemes(text)).toContain(part);
      }),
    );
  });

  it("an error's echo of a long value keeps its closing quote and its emoji whole", () => {
    const shown = showValue(`${'x'.repeat(56)}${FAMILY}${'y'.repeat(20)}`);
    expect(shown).toBe(`"${'x'.repeat(56)}…"`);
    expect(showValue(`${'x'.repeat(55)}${FAMILY}yy`)).toBe(`"${'x'.repeat(55)}${FAMILY}…"`);
    expect(showValue('short')).toBe('"short"');
  });

  it('display names are cut at 80 user-perceived characters, never inside an emoji', () => {
    const name = `${'n'.repeat(79)}${FAMILY}tail`;
    const cleaned = cleanDisplayName(name, 'U1');
    expect(graphemes(cleaned)).toHaveLength(MAX_DISPLAY_NAME);
    expect(cleaned.endsWith(FAMILY)).toBe(true);
  });
});

describe('money', () => {
  it.each([
    [1200, '$1,200'],
    [1200.5, '$1,200.50'],
    [0.05, '$0.05'],
    [1234567.891, '$1,234,567.89'],
    [99.999, '$100'],
  ])('%d shows as %s', (value, shown) => {
    expect(usd(value)).toBe(shown);
  });
});

describe.each(databaseKinds)('fields every contract needs, on $name', (kind) => {
  let store: Store;
  useDatabase(kind, (opened) => ({ store } = opened));

  it('edit c1 client:none is refused (not a client named "none"); end:none still clears', async () => {
    const run = async (text: string) =>
      renderText(await runCommandText({ store }, commandContext('slack', 'team-none', 'U1'), text));
    expect(await run('add client:Acme type:hourly start:2026-01-10 end:2026-03-01 earnings:1200.5')).toContain(
      'Added c1',
    );
    expect(await run('edit c1 client:none')).toContain(
      'client: got "none", but every contract needs one, so it cannot be cleared',
    );
    expect(await run('edit c1 end:none')).toContain('Changed c1');
    // A client whose work ended short of 3 months: why it is not long-term, never a "from" day in the past.
    expect(await run('add client:Brief type:fixed start:2026-05-01 end:2026-05-20 earnings:300 stars:5')).toContain(
      'Added c2',
    );
    const longterm = await run('longterm');
    expect(longterm).toMatch(/Brief\s+no: ended before 3 months/);
    expect(longterm).not.toContain('from 2026-08-01');
    const listed = await run('list');
    expect(listed).toContain('Acme');
    expect(listed).toContain('$1,200.50');
  });
});
