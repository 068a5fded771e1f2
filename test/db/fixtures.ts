// Small builders shared by the database tests. Tests in one describe block share a database, so
// every member gets a fresh platform user id.

import type { Community, Member, Store } from '../../src/ports/store.ts';
import type { Contract } from '../../src/scoring/types.ts';

let users = 0;

export async function newMember(store: Store, community = 'team-1'): Promise<{ community: Community; member: Member }> {
  const found = await store.ensureCommunity({ platform: 'slack', externalId: community, name: community });
  const user = `U${++users}`;
  return { community: found, member: await store.ensureMember(found.id, user, `Name of ${user}`) };
}

export function contract(fields: Partial<Contract> = {}): Contract {
  return { id: 'c1', client: 'Acme Ltd', type: 'hourly', start: '2026-01-10', ...fields };
}

/** A contract with every field given, as listContracts returns it (field order included). */
export function fullContract(fields: Partial<Contract> = {}): Contract {
  return {
    id: 'c1',
    client: 'Acme Ltd',
    type: 'hourly',
    start: '2026-01-10',
    end: '2026-05-01',
    earnings: 1200.5,
    payments: [
      { date: '2026-02-01', amount: 600.25 },
      { date: '2026-03-01', amount: 600.25 },
    ],
    lastPayment: '2026-03-01',
    stars: 4.75,
    privateScore: 9,
    endReason: 'completed',
    disputed: false,
    refunded: true,
    clientFlagged: false,
    pausedForClient: true,
    counted: 'neutral',
    ...fields,
  };
}

/** What a contract given with only some fields reads back as. */
export function asStored(given: Contract): Contract {
  return {
    id: given.id,
    client: given.client,
    type: given.type,
    start: given.start,
    end: given.end ?? null,
    earnings: given.earnings ?? null,
    payments: given.payments && given.payments.length > 0 ? given.payments : null,
    lastPayment: given.lastPayment ?? null,
    stars: given.stars ?? null,
    privateScore: given.privateScore ?? null,
    endReason: given.endReason ?? null,
    disputed: given.disputed ?? false,
    refunded: given.refunded ?? false,
    clientFlagged: given.clientFlagged ?? false,
    pausedForClient: given.pausedForClient ?? false,
    counted: given.counted ?? null,
  };
}
