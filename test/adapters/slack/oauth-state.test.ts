// The OAuth state: signed, 10 minutes, once.

import { describe, expect, it } from 'vitest';
import { createOAuthStateStore, STATE_LIFETIME_SECONDS } from '../../../adapters/slack/oauth-state.ts';

function onceRecord() {
  const used = new Set<string>();
  return async (state: string) => (used.has(state) ? false : (used.add(state), true));
}

const options = { scopes: ['commands'] };
const t0 = new Date('2026-11-22T10:00:00Z');

describe('the OAuth state store', () => {
  it('gives back the install options once, and refuses the same state after', async () => {
    const store = createOAuthStateStore('s'.repeat(32), onceRecord());
    const state = await store.generateStateParam(options, t0);
    expect(await store.verifyStateParam(new Date(t0.getTime() + 1000), state)).toEqual(options);
    await expect(store.verifyStateParam(new Date(t0.getTime() + 2000), state)).rejects.toMatchObject({
      code: 'slack_oauth_invalid_state',
      message: expect.stringMatching(/already used/),
    });
  });

  it('refuses an expired state, and one signed with another secret or altered', async () => {
    const store = createOAuthStateStore('s'.repeat(32), onceRecord());
    const other = createOAuthStateStore('t'.repeat(32), onceRecord());
    const state = await store.generateStateParam(options, t0);
    await expect(
      store.verifyStateParam(new Date(t0.getTime() + STATE_LIFETIME_SECONDS * 1000 + 1), state),
    ).rejects.toThrow(/expired/);
    await expect(other.verifyStateParam(t0, state)).rejects.toThrow(/signature/);
    const [body, signature] = state.split('.');
    const altered = `${Buffer.from(JSON.stringify({ issuedAt: t0.getTime(), nonce: 'x', installOptions: { scopes: ['admin'] } })).toString('base64url')}.${signature}`;
    await expect(store.verifyStateParam(t0, altered)).rejects.toThrow(/signature/);
    await expect(store.verifyStateParam(t0, `${body}`)).rejects.toThrow(/form/);
    // Within its lifetime it is still good (not used above).
    expect(await store.verifyStateParam(new Date(t0.getTime() + STATE_LIFETIME_SECONDS * 1000), state)).toEqual(
      options,
    );
  });
});
