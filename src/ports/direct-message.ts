// The direct-message port: how a reply reaches one member privately (daily reminders). Each
// adapter implements it for its platform (adapters/*/direct-message.ts); app/ picks the ones this
// instance has, and src/reminders routes each reminder to its member's platform.

import type { Reply } from '../replies/reply.ts';
import type { Platform } from './store.ts';

/** Sends `reply` to one member, named by their platform's user id; throws when it could not. */
export type DirectMessage = (platformUserId: string, reply: Reply) => Promise<void>;

/** The platforms this instance can write to; members of the others are left to another instance. */
export type DirectMessages = Partial<Record<Platform, DirectMessage>>;
