// The Slack adapter's settings (read and checked from the environment by app/settings).

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  /** Socket Mode instead of HTTP when set (xapp-… token). */
  appToken: string | null;
  port: number;
  /** Web API base URL override (proxies, tests), e.g. http://127.0.0.1:9999/api/ */
  apiUrl: string | null;
}
