// Tokens at rest: what is sealed opens with the same key and binding only, any altered byte is
// refused, and the stored text gives nothing of the token away.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTokenCipher, TokenCipherError } from '../../db/token-cipher.ts';

const key = Buffer.alloc(32, 1);
const cipher = createTokenCipher(key);
const token = fc.stringMatching(/^xoxb-[0-9a-zA-Z-]{10,60}$/);
const binding = fc.stringMatching(/^T:[A-Z0-9]{1,12}$/);

describe('the token cipher (AES-256-GCM)', () => {
  it('opens what it sealed (any text, any binding)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        binding,
        (plain, boundTo) => cipher.open(cipher.seal(plain, boundTo), boundTo) === plain,
      ),
    );
  });

  it('seals the same token differently each time (random IV)', () => {
    expect(cipher.seal('xoxb-1', 'T:A')).not.toBe(cipher.seal('xoxb-1', 'T:A'));
  });

  it('stores no trace of the token: neither the text nor its base64', () => {
    fc.assert(
      fc.property(token, binding, (plain, boundTo) => {
        const sealed = cipher.seal(plain, boundTo);
        const raw = Buffer.from(sealed, 'base64').toString('latin1');
        return (
          !sealed.includes(plain) &&
          !raw.includes(plain) &&
          !sealed.includes(Buffer.from(plain).toString('base64').slice(0, 12))
        );
      }),
    );
  });

  it('refuses a sealed token with any byte altered', () => {
    fc.assert(
      fc.property(token, fc.nat(), fc.integer({ min: 1, max: 255 }), (plain, at, flip) => {
        const bytes = Buffer.from(cipher.seal(plain, 'T:A'), 'base64');
        const index = at % bytes.length;
        bytes[index] = (bytes[index] ?? 0) ^ flip;
        expect(() => cipher.open(bytes.toString('base64'), 'T:A')).toThrow(TokenCipherError);
      }),
    );
  });

  it('refuses another key, another workspace, and a truncated value', () => {
    const sealed = cipher.seal('xoxb-secret', 'T:A');
    expect(() => createTokenCipher(Buffer.alloc(32, 2)).open(sealed, 'T:A')).toThrow(/does not open/);
    expect(() => cipher.open(sealed, 'T:B')).toThrow(/does not open/);
    expect(() => cipher.open(sealed.slice(0, 20), 'T:A')).toThrow(/too short/);
  });

  it('takes a 32-byte key only', () => {
    expect(() => createTokenCipher(Buffer.alloc(16))).toThrow(/32 bytes, got 16/);
  });
});
