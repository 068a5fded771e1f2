import { describe, expect, it } from 'vitest';
import { contractsToCsv, parseContractsCsv } from '../../src/contracts/csv.ts';
import { parseContractFile } from '../../src/contracts/file.ts';
import { formatObservationProblem, validateObservations } from '../../src/contracts/observations.ts';
import { formatProblem, validateContracts } from '../../src/contracts/validate.ts';
import type { Contract } from '../../src/scoring/index.ts';

const AS_OF = '2026-11-22';
const good: Contract = {
  id: 'c1',
  client: 'Acme',
  type: 'hourly',
  start: '2026-01-10',
  end: '2026-03-01',
  earnings: 1200,
  stars: 5,
};

function problems(raw: unknown): string[] {
  const result = validateObservations(raw, AS_OF, [good]);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatObservationProblem);
}

describe('observations', () => {
  it('accepts recorded scores, sorted by date, with an optional long-term score', () => {
    const result = validateObservations(
      [
        { date: '2026-11-20', score: 87 },
        { date: '2026-10-01', score: 90, longterm: 40 },
      ],
      AS_OF,
      [good],
    );
    expect(result).toEqual({
      ok: true,
      observations: [
        { date: '2026-10-01', score: 90, longterm: 40 },
        { date: '2026-11-20', score: 87 },
      ],
    });
    expect(validateObservations(undefined, AS_OF, [good])).toEqual({ ok: true, observations: [] });
  });

  it.each([
    [
      { date: '2026-11-20', score: 101 },
      'observation 1 (2026-11-20), field score: got 101, expected score from 0 to 100',
    ],
    [
      { date: '2026-11-20', score: -1 },
      'observation 1 (2026-11-20), field score: got -1, expected score from 0 to 100',
    ],
    [{ date: '2026-11-20', score: 87.5 }, 'field score: got 87.5, expected score as a whole percentage from 0 to 100'],
    [{ date: '2026-11-20', score: '87' }, 'field score: got "87", expected score as a whole percentage'],
    [{ date: '2026-11-20', score: 87, longterm: 120 }, 'field longterm: got 120, expected longterm from 0 to 100'],
    [
      { date: '2026-11-23', score: 87 },
      'field date: got 2026-11-23, expected a date on or before the as-of date 2026-11-22',
    ],
    [
      { date: '2025-12-31', score: 87 },
      "field date: got 2025-12-31, expected a date on or after your first contract's start",
    ],
    [{ date: '2026-02-30', score: 87 }, 'field date: got "2026-02-30", expected a real calendar date as YYYY-MM-DD'],
    [{ date: '2026-11-20', score: 87, jss: 1 }, 'unknown field "jss"; expected only date, score, longterm'],
  ])('rejects %j', (observation, expected) => {
    expect(problems([observation])[0]).toContain(expected);
  });

  it('rejects two scores on one day and a list that is not a list', () => {
    expect(
      problems([
        { date: '2026-11-20', score: 87 },
        { date: '2026-11-20', score: 88 },
      ])[0],
    ).toBe(
      'observation 2 (2026-11-20), field date: got 2026-11-20 again (observation 1 has it); expected one score a day',
    );
    expect(problems({ date: '2026-11-20' })[0]).toContain('expected a list of {"date", "score", "longterm"?}');
  });

  it('are read from the contract file beside "contracts"', () => {
    const text = JSON.stringify({ contracts: [good], observations: [{ date: '2026-11-20', score: 87 }] });
    expect(parseContractFile(text, AS_OF)).toEqual({
      ok: true,
      contracts: [good],
      observations: [{ date: '2026-11-20', score: 87 }],
    });
    const bad = parseContractFile(
      JSON.stringify({ contracts: [good], observations: [{ date: '2026-11-20', score: 187 }] }),
      AS_OF,
    );
    expect(bad.ok ? [] : bad.problems.map(formatProblem)).toEqual([
      'observation 1 (2026-11-20), field score: got 187, expected score from 0 to 100',
    ]);
  });
});

describe('counted', () => {
  it('accepts the four outcomes and none', () => {
    for (const counted of ['success', 'neutral', 'negative', 'excluded', null]) {
      expect(validateContracts([{ ...good, counted }], AS_OF).ok).toBe(true);
    }
  });

  it('rejects another value, naming the field and the allowed values', () => {
    const result = validateContracts([{ ...good, counted: 'positive' }], AS_OF);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'contract 1 (id "c1"), field counted: got "positive", expected counted as one of success, neutral, negative, excluded (or none)',
    ]);
  });

  it('goes through CSV and back', () => {
    const contracts = [
      { ...good, counted: 'neutral' as const },
      { ...good, id: 'c2' },
    ];
    const csv = contractsToCsv(contracts);
    expect(csv.split('\n')[0]).toContain(',counted');
    expect(parseContractsCsv(csv, AS_OF)).toEqual({ ok: true, contracts });
  });
});
