// Discord signs every HTTP interaction with Ed25519 over timestamp + raw body; node:crypto
// verifies it directly once the hex public key is wrapped as SPKI DER.

import { createPublicKey, verify, type KeyObject } from 'node:crypto';

const ED25519_SPKI_PREFIX = '302a300506032b6570032100';
/** Requests dated further than this from now, past or future, are refused, so a captured request cannot be replayed later. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

export function publicKeyFromHex(hex: string): KeyObject {
  return createPublicKey({ key: Buffer.from(ED25519_SPKI_PREFIX + hex, 'hex'), format: 'der', type: 'spki' });
}

export function isValidSignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  rawBody: Buffer,
  nowSeconds = Date.now() / 1000,
): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex) || !/^\d{1,12}$/.test(timestamp))
    return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]), key, Buffer.from(signatureHex, 'hex'));
}
