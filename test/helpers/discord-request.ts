// Interactions signed as Discord signs them (Ed25519 over timestamp + body), for tests and benches
// that talk to the real HTTP interactions endpoint. One copy, so a test that means to send a badly
// signed request says how it differs (a tampered body, an old timestamp) instead of re-deriving
// the scheme.

import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** The application id the test bots and benches are configured with. */
export const TEST_DISCORD_APP = '123456789012345678';

export interface DiscordKeys {
  privateKey: KeyObject;
  /** The public key as the Discord developer portal shows it (64 hex characters). */
  publicHex: string;
}

/** A fresh Ed25519 key pair for one bot. */
export function discordKeys(): DiscordKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicHex: der.subarray(der.length - 32).toString('hex') };
}

/** Now, in whole seconds, as Discord puts it in x-signature-timestamp. */
export const discordNow = (): string => String(Math.floor(Date.now() / 1000));

/** The x-signature-ed25519 of `body` sent at `timestamp`. */
export const discordSignature = (body: string, timestamp: string, privateKey: KeyObject): string =>
  sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');

/** The headers of a signed interaction: JSON content type, signature and timestamp. */
export function signedDiscordHeaders(body: string, privateKey: KeyObject, timestamp = discordNow()) {
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': discordSignature(body, timestamp, privateKey),
    'x-signature-timestamp': timestamp,
  };
}

/** The interaction Discord sends for `/jss score` typed by `user` in `guild`. */
export function scoreInteraction(id: string, token: string, guild: string, user: string) {
  return {
    id,
    application_id: TEST_DISCORD_APP,
    type: 2,
    token,
    version: 1,
    guild_id: guild,
    channel_id: 'C1',
    member: { user: { id: user, username: user }, nick: null, permissions: '0', roles: [] },
    data: { id: 'cmd', name: 'jss', type: 1, options: [{ name: 'score', type: 1, options: [] }] },
  };
}
