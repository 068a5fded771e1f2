import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { processedRequests } from '../../db/schema.ts';
import type { Store } from '../../db/store.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { newMember } from './fixtures.ts';

describe.each(databaseKinds)('request ids and confirmations on $name', (kind) => {
  let store: Store;
  let db: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, db, close } = await kind.open());
  });
  afterAll(async () => close());

  it('claimRequest is fresh once; a second claim returns the reply saved for it', async () => {
    const { community } = await newMember(store);
    const reply = { kind: 'success', title: 'Added c1', blocks: [{ type: 'text', text: 'ok' }] };
    expect(await store.claimRequest(community.id, 'req-1')).toEqual({ fresh: true });
    await store.saveRequestReply(community.id, 'req-1', reply);
    expect(await store.claimRequest(community.id, 'req-1')).toEqual({ fresh: false, reply });
    expect(await store.claimRequest(community.id, 'req-1')).toEqual({ fresh: false, reply });
  });

  it('a claimed request without a saved reply returns reply null', async () => {
    const { community } = await newMember(store);
    await store.claimRequest(community.id, 'req-2');
    expect(await store.claimRequest(community.id, 'req-2')).toEqual({ fresh: false, reply: null });
  });

  it('request ids are per community', async () => {
    const one = (await newMember(store, 'team-a')).community;
    const two = (await newMember(store, 'team-b')).community;
    expect(await store.claimRequest(one.id, 'same')).toEqual({ fresh: true });
    expect(await store.claimRequest(two.id, 'same')).toEqual({ fresh: true });
  });

  it('saveRequestReply stores JSON (not a JSON string), also for an unclaimed id', async () => {
    const { community } = await newMember(store);
    await store.saveRequestReply(community.id, 'req-3', { nested: { list: [1, 'two', null, true] } });
    const [row] = await db
      .select({ type: sql<string>`jsonb_typeof(${processedRequests.reply})` })
      .from(processedRequests)
      .where(and(eq(processedRequests.communityId, community.id), eq(processedRequests.requestId, 'req-3')));
    expect(row?.type).toBe('object');
    expect(await store.claimRequest(community.id, 'req-3')).toEqual({ fresh: false, reply: { nested: { list: [1, 'two', null, true] } } });
  });

  it('two concurrent transactions claiming one request: one runs, the other gets its reply', async () => {
    const { community } = await newMember(store, 'team-race');
    const attempt = (name: string) =>
      store.transaction(async (tx) => {
        const claim = await tx.claimRequest(community.id, 'req-race');
        if (!claim.fresh) return claim.reply;
        await tx.saveRequestReply(community.id, 'req-race', { by: name });
        return { by: name };
      });
    const [first, second] = await Promise.all([attempt('first'), attempt('second')]);
    expect(first).toEqual(second);
    expect(await db.$count(processedRequests, eq(processedRequests.communityId, community.id))).toBe(1);
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
    expect(await store.consumeConfirmation(member.id, 'forget', 'AAAA', new Date(expiresAt.getTime() - 1000))).toBe(true);
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
