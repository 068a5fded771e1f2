// Workspace tokens at rest: AES-256-GCM (node:crypto) with the key from SLACK_TOKEN_KEY, so a
// database dump alone does not hand out tokens. Each sealed value is one key-version byte, a
// random 12-byte IV, the 16-byte auth tag and the ciphertext, base64 in a text column. The
// installation's key (team or enterprise) is bound in as associated data, so a sealed token copied
// onto another workspace's row does not open there.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The key version written today; a second key (rotation) would get 2 and be tried by its byte. */
const KEY_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const TOKEN_KEY_BYTES = 32;

export class TokenCipherError extends Error {}

export interface TokenCipher {
  seal(plain: string, boundTo: string): string;
  /** Throws TokenCipherError when the value was altered, sealed with another key, or for another binding. */
  open(sealed: string, boundTo: string): string;
}

export function createTokenCipher(key: Buffer): TokenCipher {
  if (key.length !== TOKEN_KEY_BYTES)
    throw new TokenCipherError(`the token key must be ${TOKEN_KEY_BYTES} bytes, got ${key.length}`);
  const ownKey = Buffer.from(key); // a copy: the caller's buffer may be reused
  return {
    seal(plain, boundTo) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', ownKey, iv);
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([KEY_VERSION]), iv, cipher.getAuthTag(), encrypted]).toString('base64');
    },
    open(sealed, boundTo) {
      const bytes = Buffer.from(sealed, 'base64');
      if (bytes.length < 1 + IV_BYTES + TAG_BYTES) throw new TokenCipherError('sealed token too short');
      if (bytes[0] !== KEY_VERSION)
        throw new TokenCipherError(`sealed with key version ${bytes[0]}, this instance has version ${KEY_VERSION}`);
      const iv = bytes.subarray(1, 1 + IV_BYTES);
      const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', ownKey, iv);
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new TokenCipherError(
          'sealed token does not open: altered, another key (SLACK_TOKEN_KEY changed?), or another workspace',
        );
      }
    },
  };
}
