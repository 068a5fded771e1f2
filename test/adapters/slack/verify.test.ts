import { describe, expect, it } from 'vitest';
import { SIGNATURE_WINDOW_SECONDS } from '../../../adapters/slack/limits.ts';
import { isValidSlackSignature } from '../../../adapters/slack/verify.ts';
import { slackSignature } from '../../helpers/slack-request.ts';

const SECRET = 'secret';
const NOW = 1_800_000_000;
const BODY = Buffer.from('command=%2Fjss&text=help');

const sign = (timestamp: number, body = BODY, secret = SECRET) => slackSignature(body, timestamp, secret);
const check = (signature: string | undefined, timestamp: string | undefined, body = BODY) =>
  isValidSlackSignature(SECRET, signature, timestamp, body, NOW);

describe('isValidSlackSignature', () => {
  it('accepts a request signed now', () => {
    expect(check(sign(NOW), String(NOW))).toBe(true);
  });

  it.each([
    ['exactly 5 minutes ago', -SIGNATURE_WINDOW_SECONDS, true],
    ['5 minutes and 1 second ago', -SIGNATURE_WINDOW_SECONDS - 1, false],
    ['exactly 5 minutes ahead', SIGNATURE_WINDOW_SECONDS, true],
    ['5 minutes and 1 second ahead', SIGNATURE_WINDOW_SECONDS + 1, false],
  ])('a request dated %s: %s', (_, offset, valid) => {
    expect(check(sign(NOW + offset), String(NOW + offset))).toBe(valid);
  });

  it.each([
    ['no signature', undefined, String(NOW)],
    ['no timestamp', sign(NOW), undefined],
    ['another secret', sign(NOW, BODY, 'other'), String(NOW)],
    ['another version', sign(NOW).replace('v0=', 'v1='), String(NOW)],
    ['a short signature', sign(NOW).slice(0, -2), String(NOW)],
    ['upper-case hex', sign(NOW).toUpperCase().replace('V0=', 'v0='), String(NOW)],
    ['a timestamp with a fraction', sign(NOW), `${NOW}.0`],
    ['a negative timestamp', sign(-NOW), String(-NOW)],
  ])('refuses %s', (_, signature, timestamp) => {
    expect(check(signature, timestamp)).toBe(false);
  });

  it('is computed over the raw bytes: one changed byte fails it', () => {
    const changed = Buffer.from(BODY);
    changed[0] = 0x43;
    expect(check(sign(NOW), String(NOW), changed)).toBe(false);
  });
});
