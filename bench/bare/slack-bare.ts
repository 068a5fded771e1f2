// The bare Slack app of bench:slack, run as a child like the bot: Bolt verifying the signature and
// acknowledging /jss, doing nothing else. BENCH_SIGNING_SECRET names the secret.

import { App, LogLevel } from '@slack/bolt';

const app = new App({
  signingSecret: process.env.BENCH_SIGNING_SECRET as string,
  authorize: async () => ({ botToken: 'xoxb-bench' }),
  port: 0,
  logLevel: LogLevel.ERROR,
});
app.command('/jss', async ({ ack }) => ack());
const server = (await app.start(0)) as unknown as { address(): { port: number } };
console.log(`bare listening on port ${server.address().port}`);
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
