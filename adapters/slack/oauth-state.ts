// The OAuth `state` of each install: signed with SLACK_STATE_SECRET (HMAC-SHA256), valid 10
// minutes, and good for one redirect only. @slack/oauth's ClearStateStore checks the signature
// and the age but accepts the same state again within its lifetime, so a captured redirect could
// be replayed; here each state is also recorded as used (in the database, through `useOnce`) and
// refused the second time. (Bolt also checks that the state matches the installer's browser cookie.)

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';

/** How long an install link's state stays valid (as @slack/oauth's default cookie). */
export const STATE_LIFETIME_SECONDS = 600;
/** Clocks of several instances may differ a little. */
const CLOCK_SKEW_MS = 60_000;

/** @slack/oauth's error code for a bad state: its default failure page answers 400 for it. */
export class InvalidStateError extends Error {
  readonly code = 'slack_oauth_invalid_state';
}

/** Records a state as used; true the first time, false when it was used before. */
export type UseStateOnce = (state: string, expiresAt: Date) => Promise<boolean>;

interface StatePayload {
  issuedAt: number;
  nonce: string;
  installOptions: InstallURLOptions;
}

function signature(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function createOAuthStateStore(secret: string, useOnce: UseStateOnce): StateStore {
  return {
    async generateStateParam(installOptions, now) {
      const payload: StatePayload = { issuedAt: now.getTime(), nonce: randomBytes(16).toString('hex'), installOptions };
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${signature(secret, body).toString('base64url')}`;
    },
    async verifyStateParam(now, state) {
      const [body, signed, extra] = state.split('.');
      if (!body || !signed || extra !== undefined)
        throw new InvalidStateError('state is not of the form this app issues');
      const expected = signature(secret, body);
      const given = Buffer.from(signed, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new InvalidStateError('state signature does not match');
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as StatePayload;
      const expiresAt = payload.issuedAt + STATE_LIFETIME_SECONDS * 1000;
      if (now.getTime() > expiresAt) throw new InvalidStateError('state expired (install links last 10 minutes)');
      if (payload.issuedAt > now.getTime() + CLOCK_SKEW_MS) throw new InvalidStateError('state issued in the future');
      if (!(await useOnce(state, new Date(expiresAt))))
        throw new InvalidStateError('state already used (each install link works once)');
      return payload.installOptions;
    },
  };
}
