// The Discord adapter's settings (read and checked from the environment by app/settings).

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
