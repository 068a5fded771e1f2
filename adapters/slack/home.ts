// Publishing a member's Home tab (views.publish) and serving its chart: what the app_home_opened
// listener, the refresh after a member's write and the refresh job share. The Home is built by the
// command layer (src/commands/home.ts) and rendered by home-view.ts; the client is always the one
// the request (or the team's installation) gives, never a global token.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebClient } from '@slack/web-api';
import { loadHome } from '../../src/commands/home.ts';
import { forecastChart } from '../../src/charts/forecast-chart.ts';
import type { HomeTabs } from '../../src/ports/home-tabs.ts';
import { slackContext, type SlackWho } from './context.ts';
import { chartUrl, memberOfToken, tokenOfPath } from './chart-url.ts';
import { homeTab } from './home-view.ts';
import type { ListenerDeps } from './listeners/deps.ts';
import { memberContext } from './listeners/run-for-member.ts';

/** What the Home needs besides the command layer: where Homes are recorded, and the chart's public address. */
export interface SlackHomeServices {
  tabs: HomeTabs;
  /** PUBLIC_URL: the Home shows the chart from there; null: the sparkline line instead. */
  publicUrl: string | null;
  /** Signs chart URLs (chart-url.ts, chartKeyFrom). */
  chartKey: Buffer;
}

const HOME_INPUT = { command: 'score', positionals: [], named: {}, body: '' };

/** Builds and publishes the member's Home; `create` when they opened it (their row is made if new). */
export async function publishHome(
  deps: ListenerDeps,
  client: WebClient,
  who: SlackWho,
  create: boolean,
): Promise<void> {
  const ctx = await memberContext(deps, who, HOME_INPUT, client);
  const home = await loadHome(deps.services, ctx, { create });
  const services = deps.home;
  const url =
    services?.publicUrl && home.memberId !== null
      ? chartUrl(services.publicUrl, services.chartKey, home.memberId, home.validUntil)
      : null;
  try {
    await client.views.publish({ user_id: who.userId, view: homeTab(home.view, url) });
  } catch (error) {
    if (url === null) throw error;
    // Slack refuses a whole view whose image it cannot fetch (a PUBLIC_URL it cannot reach): the
    // Home goes out with the sparkline instead, and the failure is told.
    deps.logger?.warn(
      { err: error, platform: 'slack' },
      'the Home with its chart was refused; published with the sparkline (is PUBLIC_URL reachable?)',
    );
    await client.views.publish({ user_id: who.userId, view: homeTab(home.view, null) });
  }
  if (services && home.memberId !== null) await services.tabs.published(home.memberId, home.validUntil);
}

/**
 * After one of the member's writes: their Home again, when they have one (opened before) or were
 * just forgotten (their Home then shows nothing recorded). Runs after the reply, never before it.
 */
export async function refreshHome(deps: ListenerDeps, client: WebClient, who: SlackWho): Promise<void> {
  const services = deps.home;
  if (!services) return;
  const { store } = deps.services;
  const community = await store.ensureCommunity(slackContext(who, '').community);
  const member = await store.findMember(community.id, who.userId);
  if (member && !(await services.tabs.find(member.id))) return;
  await publishHome(deps, client, who, false);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
  response.end('not found');
}

/**
 * GET /charts/<token>.png: the member's forecast chart as of their today, from the chart cache (or
 * rendered and cached). A wrong, forged or expired token, or a member without a Home, is a 404 and
 * the same 404 whichever it was.
 */
export function chartRouteHandler(deps: ListenerDeps) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const services = deps.home;
    const token = tokenOfPath((request.url ?? '/').split('?')[0] ?? '/');
    const memberId = services && token !== null ? memberOfToken(services.chartKey, token, deps.today()) : null;
    if (!services || memberId === null) {
      notFound(response);
      return;
    }
    void (async () => {
      const tab = await services.tabs.find(memberId);
      if (tab?.platform !== 'slack') return notFound(response);
      const who: SlackWho = { teamId: tab.communityExternalId, userId: tab.platformUserId, requestId: null };
      const ctx = slackContext(who, deps.today());
      const home = await loadHome(deps.services, ctx, { create: false, rank: false });
      if (home.memberId !== memberId) return notFound(response);
      const charts = deps.services.charts;
      const chart = charts
        ? await charts.chartOf(home.view.series, { memberId, asOf: home.asOf })
        : await forecastChart(home.view.series);
      if (!chart) return notFound(response);
      response.writeHead(200, {
        'content-type': 'image/png',
        'content-length': String(chart.png.length),
        'cache-control': 'private, max-age=3600',
      });
      response.end(chart.png);
    })().catch((error: unknown) => {
      deps.logger?.error({ err: error }, 'Home chart failed');
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('the chart could not be made');
      }
    });
  };
}
