// Bug: db/request-queries.ts claimRequest() looks a request id up by (community, request id) only,
// although migration 0001 records the member. When a second member's request arrives with an id
// already claimed in the community, dispatch returns the *first member's* saved reply (their
// contract, client name and score) and the second member's command silently does nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { runCommandText } from '../../src/commands/dispatch.ts';
import type { CommandContext } from '../../src/commands/types.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { databaseKinds } from '../helpers/databases.ts';

describe.each(databaseKinds)('request ids on $name', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => ({ store, close } = await kind.open()));
  afterAll(async () => close());

  const ctx = (user: string): CommandContext => ({
    platform: 'slack', community: { platform: 'slack', externalId: 'T-shared' }, userId: user, displayName: user,
    requestId: 'same-id', asOf: '2026-11-22', isAdmin: false,
  });

  it("a request id seen for one member never answers another member with the first member's reply", async () => {
    await runCommandText({ store }, ctx('alice'), 'add client:"Alice Secret Client" type:fixed start:2026-01-10 end:2026-02-01 earnings:900 stars:5');
    const bob = await runCommandText({ store }, ctx('bob'), 'add client:Globex type:fixed start:2026-03-01');
    expect(renderText(bob)).not.toContain('Alice Secret Client');
    // Bob is told plainly that nothing was done (ids are unique per platform, so this is a forgery or a bug).
    expect(bob.kind).toBe('error');
    expect(renderText(bob)).toContain('nothing was done');
    const community = await store.ensureCommunity({ platform: 'slack', externalId: 'T-shared' });
    const bobMember = await store.findMember(community.id, 'bob');
    expect(bobMember ? await store.listContracts(bobMember.id) : []).toHaveLength(0);
  });
});
