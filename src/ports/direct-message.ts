// The direct-message port: how a reply reaches one member privately (daily reminders). Each
// adapter implements it for its platform (adapters/*/direct-message.ts); app/ picks the ones this
// instance has, and src/reminders routes each reminder to its member's platform.

import type { Reply } from '../replies/reply.ts';
import type { Platform } from './store.ts';

export interface DirectMessage {
  /**
   * Sends `reply` to one member, named by their platform's user id, in their community (its
   * external id: a Slack team, so a sender serving many workspaces uses that team's token);
   * throws when it could not.
   */
  (platformUserId: string, reply: Reply, communityExternalId: string): Promise<void>;
  /**
   * Reads what sending needs, before a run's batches: a send runs inside the queue's transaction,
   * where it must not query the database (on PGlite that would wait for itself).
   */
  prepare?(): Promise<void>;
}

/** The platforms this instance can write to; members of the others are left to another instance. */
export type DirectMessages = Partial<Record<Platform, DirectMessage>>;
