// The Discord adapter's settings, from the environment.

export interface DiscordConfig {
  applicationId: string;
  /** Hex Ed25519 key from the developer portal: verifies HTTP interactions. */
  publicKey: string | null;
  /** Bot token: adds the gateway client (and lets the bot call REST as itself). */
  token: string | null;
  /** REST base override (proxies, tests), e.g. http://127.0.0.1:9999/api */
  apiUrl: string | null;
  port: number;
  /** discord.js sharding: 'auto' or a number of shards. */
  shards: 'auto' | number | null;
}

export function discordConfigFromEnv(env: NodeJS.ProcessEnv): DiscordConfig | null {
  const applicationId = env.DISCORD_APPLICATION_ID?.trim();
  const publicKey = env.DISCORD_PUBLIC_KEY?.trim() || null;
  const token = env.DISCORD_TOKEN?.trim() || null;
  if (!applicationId || (!publicKey && !token)) return null;
  if (publicKey && !/^[0-9a-f]{64}$/i.test(publicKey)) throw new Error('DISCORD_PUBLIC_KEY: expected the 64 hex characters of the application\'s public key');
  const shardsText = env.DISCORD_SHARDS?.trim();
  const shards = !shardsText ? null : shardsText === 'auto' ? 'auto' : Number(shardsText);
  if (typeof shards === 'number' && (!Number.isInteger(shards) || shards < 1)) throw new Error(`DISCORD_SHARDS: got ${JSON.stringify(shardsText)}, expected auto or a number of shards`);
  const port = Number(env.PORT ?? 3000);
  return { applicationId, publicKey, token, apiUrl: env.DISCORD_API_URL?.trim() || null, port, shards };
}
