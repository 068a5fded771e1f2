// The Slack adapter's settings, from the environment.

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  /** Socket Mode instead of HTTP when set (xapp-… token). */
  appToken: string | null;
  port: number;
  /** Web API base URL override (proxies, tests), e.g. http://127.0.0.1:9999/api/ */
  apiUrl: string | null;
}

export function slackConfigFromEnv(env: NodeJS.ProcessEnv): SlackConfig | null {
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  if (!signingSecret || !botToken) return null;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: got ${JSON.stringify(env.PORT)}, expected a port number`);
  return { signingSecret, botToken, appToken: env.SLACK_APP_TOKEN?.trim() || null, port, apiUrl: env.SLACK_API_URL?.trim() || null };
}
