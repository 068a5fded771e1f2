import { describe, expect, it } from 'vitest';
import { parseContractFile } from '../../src/contracts/file.ts';
import { formatProblem, validateContracts, type ValidationResult } from '../../src/contracts/validate.ts';
import { parseParamAssignment } from '../../src/contracts/model-options.ts';

const AS_OF = '2026-11-22';
const good = {
  id: 'c1',
  client: 'Acme',
  type: 'hourly',
  start: '2026-01-10',
  end: '2026-03-01',
  earnings: 1200,
  stars: 5,
};

function problemsOf(result: ValidationResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

function single(contract: Record<string, unknown>): string[] {
  return problemsOf(validateContracts([good, { ...good, id: 'c2', ...contract }], AS_OF));
}

describe('contract validation', () => {
  it('accepts a valid list, with nulls for absent fields', () => {
    const result = validateContracts([good, { ...good, id: 'c2', end: null, stars: null, earnings: 0 }], AS_OF);
    expect(result).toEqual({ ok: true, contracts: [good, { ...good, id: 'c2', end: null, stars: null, earnings: 0 }] });
  });

  it.each([
    [{ type: 'weekly' }, 'contract 2 (id "c2"), field type: got "weekly", expected one of hourly, fixed'],
    [
      { endReason: 'fired' },
      'field endReason: got "fired", expected one of completed, cancelled, client_unresponsive, other',
    ],
    [{ start: '2026-02-30' }, 'field start: got "2026-02-30", expected a real calendar date as YYYY-MM-DD'],
    [{ start: '10/01/2026' }, 'field start: got "10/01/2026", expected a real calendar date'],
    [{ start: 20260110 }, 'field start: got 20260110, expected a date as YYYY-MM-DD'],
    [{ earnings: -5 }, 'field earnings: got -5, expected earnings of at least $0'],
    [{ earnings: '1200' }, 'field earnings: got "1200", expected earnings as a number of US dollars'],
    [{ earnings: 10.005 }, 'field earnings: got 10.005, expected earnings with at most 2 decimals'],
    [{ stars: 6 }, 'field stars: got 6, expected stars from 1 to 5'],
    [{ stars: 0.5 }, 'field stars: got 0.5, expected stars from 1 to 5'],
    [{ privateScore: 11 }, 'field privateScore: got 11, expected privateScore from 0 to 10'],
    [{ disputed: 'yes' }, 'field disputed: got "yes", expected disputed as true or false'],
    [{ client: '   ' }, 'field client: got "   ", expected a non-empty client name'],
    [{ client: 'x'.repeat(101) }, 'expected a client name of at most 100 characters'],
    [{ client: 'Acme\nLtd' }, 'expected a client name without control characters'],
    [{ id: 'has space' }, 'field id: got "has space", expected an id of letters, digits'],
    [{ Stars: 5 }, 'contract 2 (id "c2"), field Stars: unknown field "Stars"'],
    [
      { payments: [{ date: '2026-02-01', amount: -1 }] },
      'payment 1 (2026-02-01), amount: got -1, expected an amount of at least $0',
    ],
  ])('rejects %j naming the contract and field', (change, expected) => {
    const problems = single(change);
    expect(problems.join('\n')).toContain(expected);
    expect(problems.every((problem) => problem.startsWith('contract 2'))).toBe(true);
  });

  it.each([
    [{ end: '2026-01-01' }, 'field end: got 2026-01-01, expected a date on or after start 2026-01-10'],
    [
      { start: '2026-12-01', end: null, stars: null },
      'field start: got 2026-12-01, expected a date on or before the as-of date 2026-11-22',
    ],
    [{ end: null }, 'field stars: got 5 on an open contract; feedback and end reason need "end"'],
    [
      { payments: [{ date: '2026-01-01', amount: 10 }] },
      'payment 1 (2026-01-01): got 2026-01-01, expected a date on or after start',
    ],
    [{ earnings: 100, payments: [{ date: '2026-02-01', amount: 150 }] }, 'but the payments add up to 150.00'],
    [{ earnings: 0, lastPayment: '2026-02-01' }, 'field lastPayment: got 2026-02-01 with earnings 0'],
    [{ id: 'C1' }, 'field id: got "C1" again (contract 1 has it); expected each id once'],
  ])('rejects inconsistent fields: %j', (change, expected) => {
    expect(single(change).join('\n')).toContain(expected);
  });

  it('lets a refunded contract keep less than it was paid (the refund took part back)', () => {
    expect(
      validateContracts(
        [{ ...good, earnings: 100, refunded: true, payments: [{ date: '2026-02-01', amount: 150 }] }],
        AS_OF,
      ).ok,
    ).toBe(true);
  });

  it('reports every problem, not just the first', () => {
    const problems = single({ stars: 9, privateScore: -1, type: 'x' });
    expect(problems).toHaveLength(3);
  });

  it('rejects what is not a list, and too many contracts', () => {
    expect(problemsOf(validateContracts({ id: 'c1' }, AS_OF))[0]).toContain('expected a list of contracts');
    expect(problemsOf(validateContracts(new Array(10_001).fill(good), AS_OF))[0]).toBe(
      'got 10001 contracts, expected at most 10000',
    );
  });

  it('shortens huge or hostile values in messages to one line', () => {
    const [problem] = single({ type: `${'<!channel> '.repeat(500)}\n\u0007` });
    expect(problem).toBeDefined();
    expect(problem?.length).toBeLessThan(200);
    expect(problem).not.toMatch(/[\n\u0007]/);
  });
});

describe('contract file', () => {
  it('reads a list or {"contracts": [...]}', () => {
    expect(parseContractFile(JSON.stringify([good]), AS_OF)).toEqual({ ok: true, contracts: [good], observations: [] });
    expect(parseContractFile(JSON.stringify({ contracts: [good] }), AS_OF)).toEqual({
      ok: true,
      contracts: [good],
      observations: [],
    });
  });

  it.each([
    ['', 'the file is empty'],
    ['{"contracts": [', 'the file is not valid JSON'],
    ['{"contract": []}', 'expected a list of contracts or an object with "contracts" and optionally "observations"'],
    ['42', 'got 42, expected a list of contracts'],
  ])('rejects %j', (text, expected) => {
    expect(problemsOf(parseContractFile(text, AS_OF))[0]).toContain(expected);
  });
});

describe('parameter overrides', () => {
  it('parses numbers, words and lists, and checks ranges', () => {
    expect(parseParamAssignment('graceDays=30')).toEqual({ ok: true, name: 'graceDays', value: 30 });
    expect(parseParamAssignment('durationBonusMode=max')).toEqual({
      ok: true,
      name: 'durationBonusMode',
      value: 'max',
    });
    expect(parseParamAssignment('trending=false')).toEqual({ ok: true, name: 'trending', value: false });
    expect(parseParamAssignment('graceDays=-1')).toMatchObject({ ok: false });
    expect(parseParamAssignment('starsSuccessMin=9')).toMatchObject({ ok: false });
    expect(parseParamAssignment('nope=1')).toMatchObject({
      ok: false,
      message: expect.stringContaining('unknown parameter "nope"'),
    });
    expect(parseParamAssignment('graceDays')).toMatchObject({
      ok: false,
      message: expect.stringContaining('expected name=value'),
    });
  });
});

describe("problems in the member's words", () => {
  it("a payment is named by its place and date, never by an internal path, and zod's own words never show", () => {
    const result = validateContracts(
      [
        {
          id: 'c1',
          client: 'Acme',
          type: 'hourly',
          start: '2025-01-10',
          payments: [
            { date: '2025-02-01', amount: 5 },
            { date: '2025-03-01', amount: 5 },
            { date: '2025-04-01', amount: 5 },
            { date: '2025-12-01', amount: 'lots' },
          ],
        },
      ],
      '2026-11-22',
    );
    if (result.ok) throw new Error('expected a problem');
    const text = result.problems.map(formatProblem).join('\n');
    expect(text).toBe(
      'contract 1 (id "c1"), payment 4 (2025-12-01), amount: got "lots", expected an amount as a number of US dollars',
    );
    expect(text).not.toMatch(/payments\.\d|Invalid input/);
  });

  it('a value of the wrong type in a place without our own message is said in our words', () => {
    const result = validateContracts(
      [{ id: 'c1', client: 'Acme', type: 'hourly', start: '2025-01-10', payments: 'monthly' }],
      '2026-11-22',
    );
    if (result.ok) throw new Error('expected a problem');
    expect(result.problems.map(formatProblem).join('\n')).not.toMatch(/Invalid input|received/);
  });
});
