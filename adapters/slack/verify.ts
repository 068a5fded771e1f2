// Slack signs every request: v0=HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + raw body).
// Checked over the raw bytes, in constant time, and only inside Slack's replay window.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_WINDOW_SECONDS } from './limits.ts';

const SIGNATURE = /^v0=([0-9a-f]{64})$/;
const TIMESTAMP = /^\d{1,12}$/;

/** True when the request is signed with `secret` and dated within the window around now, past or future. */
export function isValidSlackSignature(
  secret: string,
  signatureHeader: string | undefined,
  timestampHeader: string | undefined,
  rawBody: Buffer,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const signature = signatureHeader ? SIGNATURE.exec(signatureHeader)?.[1] : undefined;
  if (!signature || !timestampHeader || !TIMESTAMP.test(timestampHeader)) return false;
  // Both directions: a request dated in the future could otherwise be replayed until that date passes.
  if (Math.abs(nowSeconds - Number(timestampHeader)) > SIGNATURE_WINDOW_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`v0:${timestampHeader}:`).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
