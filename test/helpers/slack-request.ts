// Requests signed as Slack signs them (v0:timestamp:body, HMAC-SHA256 with the signing secret),
// for tests that talk to the real Bolt app over loopback. One copy, so a test that means to send a
// badly signed request says how it differs (another secret, an old timestamp) instead of
// re-deriving the scheme.

import { createHmac } from 'node:crypto';

/** The signing secret the test apps are configured with. */
export const TEST_SIGNING_SECRET = 'test-signing-secret';
const SLACK_FORM = 'application/x-www-form-urlencoded';

/** Now, in whole seconds: what Slack puts in x-slack-request-timestamp. */
export const slackNow = (): number => Math.floor(Date.now() / 1000);

/** The x-slack-signature of `body` sent at `timestamp`. */
export function slackSignature(body: string | Buffer, timestamp: number, secret = TEST_SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

export interface SignOptions {
  secret?: string;
  timestamp?: number;
  /** The content-type header; null sends none. A form post by default. */
  contentType?: string | null;
}

/** The headers of a signed Slack request: signature, timestamp and (unless null) content-type. */
export function signedSlackHeaders(body: string | Buffer, options: SignOptions = {}): Record<string, string> {
  const { secret = TEST_SIGNING_SECRET, timestamp = slackNow(), contentType = SLACK_FORM } = options;
  return {
    'x-slack-signature': slackSignature(body, timestamp, secret),
    'x-slack-request-timestamp': String(timestamp),
    ...(contentType !== null && { 'content-type': contentType }),
  };
}

/** POSTs `body` to a Slack endpoint (…/slack/events), signed. */
export function postSignedSlack(endpoint: string, body: string, options: SignOptions = {}): Promise<Response> {
  return fetch(endpoint, { method: 'POST', headers: signedSlackHeaders(body, options), body });
}
