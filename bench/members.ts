// Deterministic, realistic members for benchmarks: contracts spread over the last 30 months,
// hourly and fixed, with and without feedback, some open, a few disputed or without activity.

import { addMonths, formatDay, parseDay } from '../src/scoring/dates.ts';
import type { Contract } from '../src/scoring/types.ts';
import { normalizeContract } from '../src/contracts/normalize.ts';

/** mulberry32: a small seeded generator, so every run scores the same members. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeMember(contractCount: number, asOf: string, random: () => number): Contract[] {
  const asOfDay = parseDay(asOf) as number;
  const earliest = addMonths(asOfDay, -30);
  const clients = Math.max(2, Math.round(contractCount * 0.6));
  const contracts: Contract[] = [];
  for (let i = 0; i < contractCount; i++) {
    const start = earliest + Math.floor(random() * (asOfDay - earliest - 10));
    const open = random() < 0.15;
    const end = open ? null : Math.min(asOfDay, start + 5 + Math.floor(random() * 200));
    const earnings = random() < 0.08 ? 0 : Math.round(50 + random() * 5000);
    const roll = random();
    const contract: Contract = {
      id: `c${i + 1}`,
      client: `Client ${Math.floor(random() * clients)}`,
      type: random() < 0.5 ? 'hourly' : 'fixed',
      start: formatDay(start),
      end: end === null ? null : formatDay(end),
      earnings,
    };
    if (!open && roll < 0.7) contract.stars = Math.round((3 + random() * 2) * 10) / 10;
    if (open && earnings > 0 && random() < 0.5)
      contract.lastPayment = formatDay(Math.max(start, asOfDay - Math.floor(random() * 150)));
    if (random() < 0.03) contract.disputed = true;
    contracts.push(contract);
  }
  // Through JSON and into the one shape validation and database rows give every contract.
  return (JSON.parse(JSON.stringify(contracts)) as Contract[]).map(normalizeContract);
}
