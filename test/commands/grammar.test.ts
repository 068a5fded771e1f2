import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_LENGTH, parseCommandText, quoteValue } from '../../src/commands/grammar.ts';

function parsed(text: string) {
  const result = parseCommandText(text);
  if (!result.ok) throw new Error(result.message);
  return result.parsed;
}

describe('the command grammar', () => {
  it('reads the issue example, with or without /jss', () => {
    const expected = {
      command: 'add',
      positionals: [],
      named: { client: 'Acme Ltd', type: 'hourly', start: '2026-01-10', earnings: '1200', stars: '5' },
      body: '',
    };
    expect(parsed('/jss add client:"Acme Ltd" type:hourly start:2026-01-10 earnings:1200 stars:5')).toEqual(expected);
    expect(parsed('add client:"Acme Ltd" type:hourly start:2026-01-10 earnings:1200 stars:5')).toEqual(expected);
    expect(parsed('  JSS   add   client:"Acme Ltd"  type:hourly start:2026-01-10 earnings:1200 stars:5 ')).toEqual(
      expected,
    );
  });

  it('keeps positionals, escaped quotes, colons inside values, and the body after the first line', () => {
    expect(parsed('edit c1 client:"Say \\"hi\\" \\\\ ok" note:a:b\nline 2\nline 3')).toEqual({
      command: 'edit',
      positionals: ['c1'],
      named: { client: 'Say "hi" \\ ok', note: 'a:b' },
      body: 'line 2\nline 3',
    });
    expect(parsed('why "my id"').positionals).toEqual(['my id']);
    expect(parsed('').command).toBeNull();
  });

  it('rejects an unclosed quote, a repeated argument and an overlong message', () => {
    expect(parseCommandText('add client:"Acme')).toEqual({
      ok: false,
      message: expect.stringContaining('never closed'),
    });
    expect(parseCommandText('add stars:5 stars:4')).toEqual({
      ok: false,
      message: 'stars is given twice; expected each argument once',
    });
    expect(parseCommandText('x'.repeat(MAX_COMMAND_LENGTH + 1))).toMatchObject({ ok: false });
  });

  it('round-trips any value through quoteValue', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('\n') && s.trim() === s && s !== ''),
        (value) => {
          expect(parsed(`edit c1 client:${quoteValue(value)}`).named.client).toBe(value);
        },
      ),
    );
  });
});
