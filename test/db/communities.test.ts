import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { communities, members } from '../../db/schema.ts';
import type { Store } from '../../src/ports/store.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';

describe.each(databaseKinds)('communities and members on $name', (kind) => {
  let store: Store;
  let db: Database;
  useDatabase(kind, (opened) => ({ store, db } = opened));

  it('ensureCommunity creates a community with the default settings, then finds it', async () => {
    const created = await store.ensureCommunity({ platform: 'slack', externalId: 'T100', name: 'Freelancers' });
    expect(created).toEqual({
      id: expect.any(Number),
      platform: 'slack',
      externalId: 'T100',
      name: 'Freelancers',
      model: 'upwork-2025',
      params: {},
      leaderboardEnabled: true,
    });
    expect(await store.ensureCommunity({ platform: 'slack', externalId: 'T100', name: 'Freelancers' })).toEqual(
      created,
    );
  });

  it('ensureCommunity updates a changed name and keeps it when the name is not given', async () => {
    const first = await store.ensureCommunity({ platform: 'discord', externalId: 'G1', name: 'Old' });
    expect(await store.ensureCommunity({ platform: 'discord', externalId: 'G1', name: 'New' })).toEqual({
      ...first,
      name: 'New',
    });
    expect(await store.ensureCommunity({ platform: 'discord', externalId: 'G1' })).toEqual({ ...first, name: 'New' });
    expect(await store.ensureCommunity({ platform: 'discord', externalId: 'G1', name: null })).toEqual({
      ...first,
      name: 'New',
    });
  });

  it('the same external id on two platforms is two communities', async () => {
    const slack = await store.ensureCommunity({ platform: 'slack', externalId: 'local' });
    const consoleCommunity = await store.ensureCommunity({ platform: 'console', externalId: 'local' });
    expect(slack.id).not.toBe(consoleCommunity.id);
    expect(consoleCommunity.name).toBeNull();
  });

  it('50 concurrent ensureCommunity calls create one community', async () => {
    const ref = { platform: 'slack' as const, externalId: 'T-race', name: 'Race' };
    const found = await Promise.all(Array.from({ length: 50 }, () => store.ensureCommunity(ref)));
    expect(new Set(found.map((community) => community.id)).size).toBe(1);
    expect(await db.$count(communities, eq(communities.externalId, 'T-race'))).toBe(1);
  });

  it('updateCommunity changes only the settings given and returns the community', async () => {
    const community = await store.ensureCommunity({ platform: 'slack', externalId: 'T200' });
    const params = { graceDays: 30, valueTiers: [{ upTo: 100, weight: 1 }] };
    const changed = await store.updateCommunity(community.id, { model: 'upwork-2015', params });
    expect(changed).toEqual({ ...community, model: 'upwork-2015', params });
    expect(await store.updateCommunity(community.id, { leaderboardEnabled: false })).toEqual({
      ...changed,
      leaderboardEnabled: false,
    });
    expect(await store.updateCommunity(community.id, {})).toEqual({ ...changed, leaderboardEnabled: false });
    // Params are replaced as a whole (the caller merges), so an empty object drops the overrides.
    expect((await store.updateCommunity(community.id, { params: {} })).params).toEqual({});
    expect(await store.ensureCommunity({ platform: 'slack', externalId: 'T200' })).toMatchObject({
      model: 'upwork-2015',
      leaderboardEnabled: false,
      params: {},
    });
  });

  it('updateCommunity fails for a community that does not exist', async () => {
    await expect(store.updateCommunity(999_999, { leaderboardEnabled: false })).rejects.toThrow(/community 999999/);
  });

  it('ensureMember creates a member with both opt-ins off, then finds it', async () => {
    const community = await store.ensureCommunity({ platform: 'slack', externalId: 'T300' });
    const member = await store.ensureMember(community.id, 'U1', 'Alice');
    expect(member).toEqual({
      id: expect.any(Number),
      communityId: community.id,
      platformUserId: 'U1',
      displayName: 'Alice',
      leaderboardOptIn: false,
      remindersOptIn: false,
      timeZone: null,
      timeZoneFetchedAt: null,
    });
    expect(await store.ensureMember(community.id, 'U1', 'Alice')).toEqual(member);
    expect(await store.findMember(community.id, 'U1')).toEqual(member);
  });

  it('ensureMember updates a changed display name and keeps the flags', async () => {
    const community = await store.ensureCommunity({ platform: 'slack', externalId: 'T301' });
    const member = await store.ensureMember(community.id, 'U1', 'Alice');
    await store.setMemberFlags(member.id, { leaderboardOptIn: true });
    expect(await store.ensureMember(community.id, 'U1', 'Alice B.')).toEqual({
      ...member,
      displayName: 'Alice B.',
      leaderboardOptIn: true,
    });
    expect(await db.$count(members, eq(members.communityId, community.id))).toBe(1);
  });

  it('findMember returns null for an unknown user or another community’s member', async () => {
    const one = await store.ensureCommunity({ platform: 'slack', externalId: 'T302' });
    const two = await store.ensureCommunity({ platform: 'slack', externalId: 'T303' });
    await store.ensureMember(one.id, 'U1', 'Alice');
    expect(await store.findMember(one.id, 'U2')).toBeNull();
    expect(await store.findMember(two.id, 'U1')).toBeNull();
  });

  it('setMemberFlags changes only the flags given', async () => {
    const community = await store.ensureCommunity({ platform: 'slack', externalId: 'T304' });
    const member = await store.ensureMember(community.id, 'U1', 'Alice');
    expect(await store.setMemberFlags(member.id, { remindersOptIn: true })).toEqual({
      ...member,
      remindersOptIn: true,
    });
    expect(await store.setMemberFlags(member.id, { leaderboardOptIn: true })).toEqual({
      ...member,
      remindersOptIn: true,
      leaderboardOptIn: true,
    });
    expect(await store.setMemberFlags(member.id, { remindersOptIn: false })).toEqual({
      ...member,
      leaderboardOptIn: true,
    });
    expect(await store.setMemberFlags(member.id, {})).toEqual({ ...member, leaderboardOptIn: true });
    await expect(store.setMemberFlags(999_999, { remindersOptIn: true })).rejects.toThrow(/member 999999/);
  });
});
