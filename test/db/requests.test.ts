import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { processedRequests } from '../../db/schema.ts';
import type { Store } from '../../src/ports/store.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { newMember } from './fixtures.ts';

describe.each(databaseKinds)('request ids and confirmations on $name', (kind) => {
  let store: Store;
  let db: Database;
  useDatabase(kind, (opened) => ({ store, db } = opened));

  it('claimRequest is fresh once; a second claim returns the reply saved for it', async () => {
    const { community, member } = await newMember(store);
    const reply = { kind: 'success', title: 'Added c1', blocks: [{ type: 'text', text: 'ok' }] };
    expect(await store.claimRequest(community.id, 'req-1', member.id)).toEqual({ fresh: true });
    await store.saveRequestReply(community.id, 'req-1', reply);
    expect(await store.claimRequest(community.id, 'req-1', member.id)).toEqual({
      fresh: false,
      reply,
      sameMember: true,
    });
    expect(await store.claimRequest(community.id, 'req-1', member.id)).toEqual({
      fresh: false,
      reply,
      sameMember: true,
    });
  });

  it('a claimed request without a saved reply returns reply null', async () => {
    const { community, member } = await newMember(store);
    await store.claimRequest(community.id, 'req-2', member.id);
    expect(await store.claimRequest(community.id, 'req-2', member.id)).toEqual({
      fresh: false,
      reply: null,
      sameMember: true,
    });
  });

  it('request ids are per community', async () => {
    const one = await newMember(store, 'team-a');
    const two = await newMember(store, 'team-b');
    expect(await store.claimRequest(one.community.id, 'same', one.member.id)).toEqual({ fresh: true });
    expect(await store.claimRequest(two.community.id, 'same', two.member.id)).toEqual({ fresh: true });
  });

  it('saveRequestReply stores JSON (not a JSON string), also for an unclaimed id', async () => {
    const { community, member } = await newMember(store);
    await store.saveRequestReply(community.id, 'req-3', { nested: { list: [1, 'two', null, true] } });
    const [row] = await db
      .select({ type: sql<string>`jsonb_typeof(${processedRequests.reply})` })
      .from(processedRequests)
      .where(and(eq(processedRequests.communityId, community.id), eq(processedRequests.requestId, 'req-3')));
    expect(row?.type).toBe('object');
    expect(await store.claimRequest(community.id, 'req-3', member.id)).toEqual({
      fresh: false,
      reply: { nested: { list: [1, 'two', null, true] } },
      sameMember: true,
    });
  });

  it('two concurrent transactions claiming one request: one runs, the other gets its reply', async () => {
    const { community, member } = await newMember(store, 'team-race');
    const attempt = (name: string) =>
      store.transaction(async (tx) => {
        const claim = await tx.claimRequest(community.id, 'req-race', member.id);
        if (!claim.fresh) return claim.reply;
        await tx.saveRequestReply(community.id, 'req-race', { by: name });
        return { by: name };
      });
    const [first, second] = await Promise.all([attempt('first'), attempt('second')]);
    expect(first).toEqual(second);
    expect(await db.$count(processedRequests, eq(processedRequests.communityId, community.id))).toBe(1);
  });

  it('forgetting a member drops the replies saved for their requests', async () => {
    const { community, member } = await newMember(store, 'team-forget');
    await store.claimRequest(community.id, 'req-private', member.id);
    await store.saveRequestReply(community.id, 'req-private', { title: 'Added c1', summary: 'Acme Ltd' });
    await store.forgetMember(member.id);
    expect(await db.$count(processedRequests, eq(processedRequests.communityId, community.id))).toBe(0);
  });

  it('pruneRequests drops request ids recorded before a time, and only those', async () => {
    const { community, member } = await newMember(store, 'team-prune');
    await store.claimRequest(community.id, 'req-old', member.id);
    const pruned = await store.pruneRequests(new Date(Date.now() + 60_000));
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(await store.claimRequest(community.id, 'req-old', member.id)).toEqual({ fresh: true });
    expect(await store.pruneRequests(new Date(Date.now() - 3_600_000))).toBe(0);
    expect(await store.claimRequest(community.id, 'req-old', member.id)).toEqual({
      fresh: false,
      reply: null,
      sameMember: true,
    });
  });

  it('a confirmation is used up once, by its member, action and code', async () => {
    const { member } = await newMember(store);
    const other = (await newMember(store)).member;
    const now = new Date('2026-11-22T10:00:00Z');
    await store.createConfirmation(member.id, 'forget', 'K7Q2', new Date('2026-11-22T10:05:00Z'));
    expect(await store.consumeConfirmation(member.id, 'forget', 'WRONG', now)).toBe(false);
    expect(await store.consumeConfirmation(member.id, 'import', 'K7Q2', now)).toBe(false);
    expect(await store.consumeConfirmation(other.id, 'forget', 'K7Q2', now)).toBe(false);
    expect(await store.consumeConfirmation(member.id, 'forget', 'K7Q2', now)).toBe(true);
    expect(await store.consumeConfirmation(member.id, 'forget', 'K7Q2', now)).toBe(false);
  });

  it('a confirmation expires at expiresAt', async () => {
    const { member } = await newMember(store);
    const expiresAt = new Date('2026-11-22T10:05:00Z');
    await store.createConfirmation(member.id, 'forget', 'AAAA', expiresAt);
    expect(await store.consumeConfirmation(member.id, 'forget', 'AAAA', expiresAt)).toBe(false);
    expect(await store.consumeConfirmation(member.id, 'forget', 'AAAA', new Date('2026-11-23T00:00:00Z'))).toBe(false);
    expect(await store.consumeConfirmation(member.id, 'forget', 'AAAA', new Date(expiresAt.getTime() - 1000))).toBe(
      true,
    );
  });

  it('a new confirmation replaces the pending one for the same action', async () => {
    const { member } = await newMember(store);
    const now = new Date('2026-11-22T10:00:00Z');
    await store.createConfirmation(member.id, 'forget', 'OLD1', new Date('2026-11-22T10:05:00Z'));
    await store.createConfirmation(member.id, 'forget', 'NEW2', new Date('2026-11-22T10:10:00Z'));
    expect(await store.consumeConfirmation(member.id, 'forget', 'OLD1', now)).toBe(false);
    expect(await store.consumeConfirmation(member.id, 'forget', 'NEW2', new Date('2026-11-22T10:07:00Z'))).toBe(true);
  });
});
