// Shared by the reminder tests: members with reminders on, a finder that always has something to
// say, a sender that records (or refuses) what it is given, and a second database handle.

import { and, eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import { reminderDeliveries } from '../../db/schema.ts';
import type { Member, Platform, Store } from '../../src/ports/store.ts';
import type { Reminder } from '../../src/scoring/index.ts';
import type { DirectMessages } from '../../src/ports/direct-message.ts';
import type { Reply } from '../../src/replies/reply.ts';
import type { Contract } from '../../src/scoring/types.ts';
import type { OpenedDatabase } from '../helpers/databases.ts';

let users = 0;

export function openContract(fields: Partial<Contract> = {}): Contract {
  return {
    id: 'c1',
    client: 'Acme Ltd',
    type: 'hourly',
    start: '2026-06-01',
    lastPayment: '2026-09-01',
    earnings: 1500,
    ...fields,
  };
}

/** A member of `community` on `platform`, with reminders on unless told otherwise, and one contract. */
export async function member(
  store: Store,
  options: { platform?: Platform; community?: string; reminders?: boolean; contracts?: Contract[] } = {},
): Promise<Member> {
  const platform = options.platform ?? 'slack';
  const community = await store.ensureCommunity({
    platform,
    externalId: options.community ?? `${platform}-team`,
    name: 'Team',
  });
  const user = `U${++users}`;
  let found = await store.ensureMember(community.id, user, `Name of ${user}`);
  if (options.reminders !== false) found = await store.setMemberFlags(found.id, { remindersOptIn: true });
  for (const contract of options.contracts ?? [openContract()]) await store.insertContract(found.id, contract);
  return found;
}

/**
 * A finder with something to say whenever the member has a contract, injected through
 * runReminders' `find`. The delivery tests were written while the real findReminders was still a
 * stub that returned [] (nothing would have been sent), and they are about delivery, not about
 * which day a contract's reminder falls on; real-finder.test.ts runs the real finder end to end.
 */
export function alwaysFind(contracts: readonly Contract[], asOf: string): Reminder[] {
  return contracts.map((contract) => ({
    kind: 'inactive-contract',
    tone: 'warning',
    date: asOf,
    contractId: contract.id,
    client: contract.client,
    text: `${contract.id} (${contract.client}) stops counting soon`,
    action: 'record a payment or end it',
  }));
}

export interface Delivered {
  platform: Platform;
  userId: string;
  reply: Reply;
}

/** Senders for every platform that record each message; `refuse(userId)` makes one throw instead. */
export function recordingSenders(
  refuse: (userId: string) => string | null = () => null,
  delayMs = 0,
): { senders: DirectMessages; delivered: Delivered[] } {
  const delivered: Delivered[] = [];
  const sender = (platform: Platform) => async (userId: string, reply: Reply) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const refusal = refuse(userId);
    if (refusal) throw new Error(refusal);
    delivered.push({ platform, userId, reply });
  };
  return { senders: { console: sender('console'), slack: sender('slack'), discord: sender('discord') }, delivered };
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export async function deliveryRow(db: Database, memberId: number, day: string) {
  const [row] = await db
    .select()
    .from(reminderDeliveries)
    .where(and(eq(reminderDeliveries.memberId, memberId), eq(reminderDeliveries.day, day)));
  return row;
}

/**
 * Another connection to the same database, as a second bot instance would have: a new
 * postgres.js client on PostgreSQL; on PGlite (one session, in this process) the same handle.
 */
export async function secondHandle(opened: OpenedDatabase): Promise<{ db: Database; close(): Promise<void> }> {
  const { handle } = opened;
  if (handle.driver === 'pglite') return { db: handle.db, close: async () => {} };
  const options = handle.db.$client.options;
  const auth = `${encodeURIComponent(options.user)}${options.pass ? `:${encodeURIComponent(String(options.pass))}` : ''}`;
  const url = `postgres://${auth}@${options.host[0]}:${options.port[0]}/${options.database}`;
  const second: DatabaseHandle = await openDatabase({ url });
  return { db: second.db, close: () => second.close() };
}
