// Where a reminder goes: the direct-message sender of its member's platform. The senders are the
// adapters' (adapters/*/direct-message.ts); this file only routes, so it knows no platform.

import type { Platform } from '../ports/store.ts';
import type { Reply } from '../replies/reply.ts';
import type { SendReminder } from './job.ts';

/** Sends `reply` to one member, named by their platform's user id; throws when it could not. */
export type DirectMessage = (platformUserId: string, reply: Reply) => Promise<void>;

/** The platforms this instance can write to; members of the others are left to another instance. */
export type DirectMessages = Partial<Record<Platform, DirectMessage>>;

export function platformsOf(senders: DirectMessages): Platform[] {
  return (Object.keys(senders) as Platform[]).filter((platform) => senders[platform] !== undefined);
}

export function routeByPlatform(senders: DirectMessages): SendReminder {
  return async (item, reply) => {
    const send = senders[item.platform];
    if (!send) throw new Error(`no direct messages on ${item.platform} from this instance`);
    await send(item.platformUserId, reply);
  };
}
