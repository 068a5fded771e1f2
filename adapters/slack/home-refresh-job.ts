// Republishes the Homes whose standing ran out (their validUntil passed): every few minutes, a
// bounded batch claimed in one statement (src/ports/home-tabs.ts), so instances share the work and
// a Home that fails is tried again the next day rather than every run. Each team's client carries
// that team's token: the one workspace's, or the installation's in OAuth mode.

import { webApi, type InstallationStore } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackConfig } from './config.ts';
import { publishHome } from './home.ts';
import type { ListenerDeps } from './listeners/deps.ts';
import { webApiFetch } from './web-api-fetch.ts';

const HOME_REFRESH_EVERY_MS = 10 * 60_000;
/** Homes republished per run at most (views.publish allows about 100 a minute per team). */
const HOME_REFRESH_BATCH = 50;

export type ClientForTeam = (teamId: string) => Promise<WebClient | null>;

/** A Web API client per team: the configured token, or the team's installation (OAuth mode). */
export function clientForTeam(config: SlackConfig, installations?: InstallationStore): ClientForTeam {
  const clients = new Map<string, WebClient>();
  const clientOf = (token: string) => {
    const known = clients.get(token);
    if (known) return known;
    const made = new webApi.WebClient(token, {
      ...(config.apiUrl && { slackApiUrl: config.apiUrl }),
      retryConfig: { retries: 2 },
      logLevel: webApi.LogLevel.WARN,
      fetch: webApiFetch,
    });
    clients.set(token, made);
    return made;
  };
  return async (teamId) => {
    if (config.botToken) return clientOf(config.botToken);
    if (!installations) return null;
    const installation = await installations
      .fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })
      .catch(() => null);
    const token = installation?.bot?.token;
    return token ? clientOf(token) : null;
  };
}

/** One run: the due Homes of up to `batch` members republished; returns how many went out. */
export async function refreshDueHomes(
  deps: ListenerDeps,
  clients: ClientForTeam,
  batch = HOME_REFRESH_BATCH,
): Promise<number> {
  const tabs = deps.home?.tabs;
  if (!tabs) return 0;
  const due = await tabs.claimDue('slack', deps.today(), batch);
  let published = 0;
  for (const tab of due) {
    try {
      const client = await clients(tab.communityExternalId);
      if (!client) continue;
      await publishHome(
        deps,
        client,
        { teamId: tab.communityExternalId, userId: tab.platformUserId, requestId: null },
        false,
      );
      published += 1;
    } catch (error) {
      deps.logger?.warn({ err: error, platform: 'slack' }, 'republishing a Home failed; tried again tomorrow');
    }
  }
  return published;
}

/** Runs now and every `everyMs`; returns its stop (which waits for a run under way). */
export function startHomeRefresh(
  deps: ListenerDeps,
  clients: ClientForTeam,
  everyMs = HOME_REFRESH_EVERY_MS,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = refreshDueHomes(deps, clients)
      .then((count) => {
        if (count > 0)
          deps.logger?.info(
            { platform: 'slack', job: 'home' },
            `republished ${count} Home tab(s) whose standing ran out`,
          );
      })
      .catch((error: unknown) => deps.logger?.warn({ err: error, platform: 'slack' }, 'the Home refresh failed'))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
