// Reads through a member's history owner (members.history_member_id; src/commands/history-owner.ts):
// a Discord server's leaderboard scores each member by their person's contracts.

import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Contract } from '../src/scoring/index.ts';
import { paymentsJson, paymentsOf } from './contract-queries.ts';
import { toContract } from './contract-rows.ts';
import type { Database } from './database.ts';
import { contracts, members } from './schema.ts';

/**
 * Each member's contracts as their history owner has them (their own when they own their history),
 * keyed by the member, in the order they were added; members without any are absent. One statement.
 */
export async function historyContracts(db: Database, memberIds: readonly number[]): Promise<Map<number, Contract[]>> {
  const result = new Map<number, Contract[]>();
  if (memberIds.length === 0) return result;
  const rows = await db
    .select({ memberId: members.id, row: contracts, payments: paymentsJson })
    .from(members)
    .innerJoin(contracts, eq(contracts.memberId, sql`coalesce(${members.historyMemberId}, ${members.id})`))
    .where(inArray(members.id, [...memberIds]))
    .orderBy(asc(members.id), asc(contracts.id));
  for (const { memberId, row, payments: list } of rows) {
    const contract = toContract(row, paymentsOf(list));
    const found = result.get(memberId);
    if (found) found.push(contract);
    else result.set(memberId, [contract]);
  }
  return result;
}
