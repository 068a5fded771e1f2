import { describe, expect, it } from 'vitest';
import { importChecklist } from '../../src/replies/import-checklist.ts';
import type { Contract } from '../../src/scoring/types.ts';

const AS_OF = '2026-11-22';
const base = { client: 'Acme', type: 'hourly', start: '2026-01-01' } as const;

describe('importChecklist', () => {
  it('asks for feedback on closed contracts, an end for open ones unpaid for 90 days, a client where the file had none', () => {
    const contracts: Contract[] = [
      { ...base, id: 'c1', end: '2026-03-01', payments: [{ date: '2026-02-01', amount: 100 }] },
      {
        ...base,
        id: 'c2',
        payments: [
          { date: '2026-08-24', amount: 100 },
          { date: '2026-02-01', amount: 50 },
        ],
      },
      { ...base, id: 'c3', payments: [{ date: '2026-08-23', amount: 100 }] },
      { ...base, id: 'c4', client: 'unknown client (Logo)', payments: [{ date: '2026-11-01', amount: 100 }] },
      { ...base, id: 'c5', end: '2026-03-01', stars: 5 },
      { ...base, id: 'c6', end: '2026-03-01', counted: 'neutral' },
    ];
    const items = importChecklist(contracts, AS_OF);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/Closed without feedback.*: edit c1 stars:5$/);
    expect(items[1]).toMatch(/No payment for 90 days.*: end c3 end:2026-08-23$/);
    expect(items[2]).toMatch(/No client name.*: edit c4 client:"…"$/);
  });

  it('names eight contracts of a kind and counts the rest', () => {
    const many = Array.from(
      { length: 11 },
      (_, index): Contract => ({ ...base, id: `c${index + 1}`, end: '2026-03-01' }),
    );
    expect(importChecklist(many, AS_OF)[0]).toMatch(/edit c8 stars:5 … and 3 more$/);
  });

  it('is empty when nothing is missing', () => {
    expect(importChecklist([{ ...base, id: 'c1', payments: [{ date: '2026-11-01', amount: 10 }] }], AS_OF)).toEqual([]);
  });
});
