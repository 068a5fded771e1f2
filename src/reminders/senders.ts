// Where a reminder goes: the direct-message sender of its member's platform. The senders are the
// adapters' (adapters/*/direct-message.ts); this file only routes, so it knows no platform.

import type { DirectMessages } from '../ports/direct-message.ts';
import type { Platform } from '../ports/store.ts';
import type { SendReminder } from './job.ts';

export function platformsOf(senders: DirectMessages): Platform[] {
  return (Object.keys(senders) as Platform[]).filter((platform) => senders[platform] !== undefined);
}

/** Lets each sender read what it needs before a run (outside the queue's transactions). */
export async function prepareSenders(senders: DirectMessages): Promise<void> {
  await Promise.all(platformsOf(senders).map((platform) => senders[platform]?.prepare?.()));
}

export function routeByPlatform(senders: DirectMessages): SendReminder {
  return async (item, reply) => {
    const send = senders[item.platform];
    if (!send) throw new Error(`no direct messages on ${item.platform} from this instance`);
    await send(item.platformUserId, reply, item.community.externalId);
  };
}
