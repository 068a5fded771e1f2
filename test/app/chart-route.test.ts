// The Home chart's route where the operations server serves it (Socket Mode has no HTTP server of
// its own): /charts/:file matches one path segment, nothing more; and the Slack adapter hands the
// route over only in Socket Mode with PUBLIC_URL (over HTTP it is on Bolt's own server).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSlackApp } from '../../adapters/slack/app.ts';
import { CHART_ROUTE_PATH } from '../../adapters/slack/chart-url.ts';
import { routeRequest } from '../../app/operations-routes.ts';
import type { HomeTabs } from '../../src/ports/home-tabs.ts';
import type { Store } from '../../src/ports/store.ts';

const tabs: HomeTabs = { published: async () => {}, find: async () => null, claimDue: async () => [] };

function matched(path: string): boolean {
  let hit = false;
  const handled = routeRequest(
    [
      {
        path: CHART_ROUTE_PATH,
        method: 'GET',
        handler: () => {
          hit = true;
        },
      },
    ],
    { url: path, method: 'GET' } as IncomingMessage,
    {} as ServerResponse,
  );
  return handled && hit;
}

describe('the chart route on the operations server', () => {
  it('matches /charts/<one segment> only', () => {
    expect(matched('/charts/abc.png')).toBe(true);
    expect(matched('/charts/abc.png?x=1')).toBe(true);
    expect(matched('/charts/')).toBe(false);
    expect(matched('/charts/a/b.png')).toBe(false);
    expect(matched('/chart/abc.png')).toBe(false);
  });

  it('is handed over by the Slack adapter in Socket Mode with PUBLIC_URL, and not without it', () => {
    const config = { signingSecret: 's', botToken: 'xoxb-t', appToken: 'xapp-t', port: 0, apiUrl: null };
    const services = { store: {} as Store };
    const withUrl = createSlackApp({
      services,
      config,
      today: () => '2026-11-22',
      home: { tabs, publicUrl: 'https://jss.example.com' },
    });
    expect(withUrl.routes.map((route) => route.path)).toEqual([CHART_ROUTE_PATH]);
    const without = createSlackApp({ services, config, today: () => '2026-11-22', home: { tabs, publicUrl: null } });
    expect(without.routes).toEqual([]);
  });
});
