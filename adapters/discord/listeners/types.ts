// What every listener gets and gives back: the services and Discord clients it answers with, and
// the first response plus the work that completes the reply after it.

import type { APIInteractionResponse } from 'discord-api-types/v10';
import type { REST } from 'discord.js';
import type { Services } from '../../../src/commands/dispatch.ts';

export interface HandledInteraction {
  initial: APIInteractionResponse;
  /** Completes the reply after the first response; resolves when it was sent. */
  followUp: Promise<void> | null;
}

export interface ListenerDeps {
  services: Services;
  /** REST client for the interaction webhook (no bot token needed for it). */
  rest: REST;
  applicationId: string;
  today: () => string;
  /** Origins attachments may be downloaded from (Discord's CDN, and the fake API's in tests). */
  fileOrigins: readonly string[];
}
