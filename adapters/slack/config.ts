// The Slack adapter's settings (read and checked from the environment by app/settings).

export interface SlackConfig {
  signingSecret: string;
  /** The one workspace's bot token (single-token mode); null in OAuth mode, where each team's token comes from its installation. */
  botToken: string | null;
  /** OAuth mode (many workspaces install the bot); null in single-token mode. */
  oauth?: SlackOAuthConfig | null;
  /** Socket Mode instead of HTTP when set (xapp-… token). */
  appToken: string | null;
  port: number;
  /** Web API base URL override (proxies, tests), e.g. http://127.0.0.1:9999/api/ */
  apiUrl: string | null;
}

export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the state parameter of each install. */
  stateSecret: string;
  /** The 32-byte key that encrypts bot tokens at rest (from SLACK_TOKEN_KEY). */
  tokenKey: Buffer;
  /** The redirect URL sent to Slack (null: the first one the app lists). */
  redirectUrl: string | null;
}
