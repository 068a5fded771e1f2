// Reads through a member's history owner (members.history_member_id; src/commands/history-owner.ts):
// a Discord server's leaderboard scores each member by their person's contracts.

import { inArray, sql } from 'drizzle-orm';
import type { Contract } from '../src/scoring/index.ts';
import { loadContracts } from './contract-queries.ts';
import type { Database } from './database.ts';
import { members } from './schema.ts';

/** The history owner of each member (themselves when they own their history); gone members are absent. */
export async function historyOwners(db: Database, memberIds: readonly number[]): Promise<Map<number, number>> {
  const owners = new Map<number, number>();
  if (memberIds.length === 0) return owners;
  const rows = await db
    .select({ id: members.id, owner: sql<number>`coalesce(${members.historyMemberId}, ${members.id})`.mapWith(Number) })
    .from(members)
    .where(inArray(members.id, [...memberIds]));
  for (const row of rows) owners.set(row.id, row.owner);
  return owners;
}

/** Each member's contracts as their history owner has them, keyed by the member (members without any are absent). */
export async function historyContracts(db: Database, memberIds: readonly number[]): Promise<Map<number, Contract[]>> {
  const owners = await historyOwners(db, memberIds);
  const byOwner = await loadContracts(db, [...new Set(owners.values())]);
  const result = new Map<number, Contract[]>();
  for (const [memberId, owner] of owners) {
    const list = byOwner.get(owner);
    if (list) result.set(memberId, list);
  }
  return result;
}
