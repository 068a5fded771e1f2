// Bug: adapters/discord/gateway.ts answerGatewayInteraction() awaits the initial callback POST
// before attaching a handler to `handled.followUp`. deferred() in interactions.ts has already
// started the follow-up. When the callback fails (the interaction expired, Discord 404 "Unknown
// interaction", a network error), the follow-up's PATCH to @original fails too and its rejection
// is never handled: an unhandledRejection, which terminates Node 20 by default (the whole gateway bot).
import { describe, expect, it } from 'vitest';
import type { REST } from 'discord.js';
import { answerGatewayInteraction } from '../../adapters/discord/gateway.ts';
import { createInteractionHandler } from '../../adapters/discord/interactions.ts';
import type { Store } from '../../src/ports/store.ts';

describe('gateway: the initial callback fails', () => {
  it('leaves no unhandled promise rejection behind', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    // Vitest installs its own listener (and would report the error); count ours.
    process.on('unhandledRejection', listener);
    try {
      const rest = {
        post: async () => { throw new Error('Unknown interaction (10062)'); },
        patch: async () => { await new Promise((r) => setTimeout(r, 20)); throw new Error('Unknown Webhook (10015)'); },
      } as unknown as REST;
      // A store that answers "no such member" quickly: the command itself is irrelevant.
      const store = new Proxy({}, { get: () => async () => { throw new Error('db down'); } }) as unknown as Store;
      const handler = createInteractionHandler({ services: { store }, rest, applicationId: 'app', today: () => '2026-11-22' });
      const interaction = {
        id: '1', application_id: 'app', type: 2, token: 'tok', version: 1, guild_id: 'g', channel_id: 'c',
        member: { user: { id: 'u', username: 'u' }, permissions: '0', roles: [] },
        data: { id: 'cmd', name: 'jss', type: 1, options: [{ name: 'list', type: 1, options: [] }] },
      };
      const onError: unknown[] = [];
      await answerGatewayInteraction(rest, handler, interaction as never, (error) => onError.push(error)).catch((error: unknown) => onError.push(error));
      await new Promise((r) => setTimeout(r, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
