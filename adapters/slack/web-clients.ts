// Web API clients by bot token, for work outside a request (reminders, Home refresh): one client
// per token, kept for reuse, at most `bound` of them (the least recently used goes first), so an
// instance serving many workspaces does not keep a client for every one it ever wrote to.

import { webApi } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackConfig } from './config.ts';
import { webApiFetch } from './web-api-fetch.ts';

/** Clients kept at once: enough for every workspace a run writes to on a busy instance. */
const DEFAULT_CLIENT_BOUND = 200;

export type WebClientFor = (token: string) => WebClient;

export function webClientCache(
  apiUrl: SlackConfig['apiUrl'],
  options: { retries?: number; bound?: number } = {},
): WebClientFor {
  const bound = options.bound ?? DEFAULT_CLIENT_BOUND;
  const clients = new Map<string, WebClient>();
  return (token) => {
    const known = clients.get(token);
    if (known) {
      // Moved to the end: the Map's order is the order of use.
      clients.delete(token);
      clients.set(token, known);
      return known;
    }
    const made = new webApi.WebClient(token, {
      ...(apiUrl && { slackApiUrl: apiUrl }),
      retryConfig: { retries: options.retries ?? 2 },
      logLevel: webApi.LogLevel.WARN,
      fetch: webApiFetch,
    });
    clients.set(token, made);
    if (clients.size > bound) {
      const oldest = clients.keys().next().value;
      if (oldest !== undefined) clients.delete(oldest);
    }
    return made;
  };
}
