// What every listener is given: the command layer's services, the adapter's settings, today's date
// and the ack budget. Built once in app.ts.

import type { Services } from '../../../src/commands/dispatch.ts';
import type { Logger } from '../../../src/ports/logger.ts';
import type { SlackConfig } from '../config.ts';
import type { SlackHomeServices } from '../home.ts';
import type { SlackTimeZoneCache } from '../time-zone-cache.ts';

export interface ListenerDeps {
  services: Services;
  config: SlackConfig;
  /** Today where the member is (the workspace's time zone is not in the payload: the server's). */
  today: () => string;
  /** Milliseconds a command may take before the ack goes out without its reply. */
  ackBudgetMs: number;
  /** The bot's logger (a failed time-zone lookup is logged, never failing the command). */
  logger?: Logger;
  /** App Home: where published Homes are recorded and the chart's public URL (Home is published without it, never refreshed). */
  home?: SlackHomeServices;
  /** Members' Slack time zones this process has seen (skips reading their row on every command). */
  timeZones?: SlackTimeZoneCache;
}
