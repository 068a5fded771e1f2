import { describe, expect, it } from 'vitest';
import { parseUpworkCents, parseUpworkDate } from '../../src/contracts/upwork/values.ts';
import { contractKeyOf } from '../../src/contracts/upwork/contract-key.ts';
import { rowKind } from '../../src/contracts/upwork/kinds.ts';
import { recogniseLayout } from '../../src/contracts/upwork/layouts.ts';

describe('parseUpworkDate', () => {
  it.each([
    ['2024-04-16', '2024-04-16'],
    ['04/16/2024', '2024-04-16'],
    ['4/6/2024', '2024-04-06'],
    ['Apr 16, 2024', '2024-04-16'],
    ['Sep 1, 2023', '2023-09-01'],
    [' Feb 29, 2024 ', '2024-02-29'],
  ])('%s → %s', (text, day) => expect(parseUpworkDate(text)).toBe(day));

  it.each(['16/04/2024', 'Feb 30, 2024', '2024-13-01', '2024/04/16', 'Foo 1, 2024', '', 'yesterday'])(
    'refuses %j',
    (text) => expect(parseUpworkDate(text)).toBeUndefined(),
  );
});

describe('parseUpworkCents', () => {
  it.each([
    ['$1,234.56', 123456],
    ['1234.5', 123450],
    ['-$12.00', -1200],
    ['$-12.00', -1200],
    ['($300.00)', -30000],
    ['(12)', -1200],
    ['+$5', 500],
    ['0.00', 0],
    ['-0.00', 0],
  ])('%s → %d cents', (text, cents) => expect(parseUpworkCents(text)).toBe(cents));

  it.each(['1,23', '12.345', '$', '', 'abc', '(-5)', '--5', '1e3', '12,00.00'])('refuses %j', (text) =>
    expect(parseUpworkCents(text)).toBeUndefined(),
  );
});

describe('contractKeyOf', () => {
  it('reads the number in parentheses after the title', () => {
    expect(contractKeyOf(['HTML Front End Dev (35695275)'])).toEqual({
      number: '35695275',
      title: 'HTML Front End Dev',
    });
  });
  it('takes kind and invoice prefixes off the title', () => {
    expect(contractKeyOf(['Invoice for 04/04/2022-04/10/2022 - Mobile app QA (30111222)'])).toEqual({
      number: '30111222',
      title: 'Mobile app QA',
    });
    expect(contractKeyOf(['Milestone 1 - WordPress fixes'])).toEqual({ number: null, title: 'WordPress fixes' });
  });
  it('searches every text for a number before settling for a title', () => {
    expect(contractKeyOf(['Logo design', 'Milestone 1: logo (40111222)'])).toEqual({
      number: '40111222',
      title: 'logo',
    });
  });
  it('tells no contract from an invoice line alone', () => {
    expect(contractKeyOf(['Invoice for 03/04/2024-03/10/2024', ''])).toBeUndefined();
  });
});

describe('rowKind', () => {
  it.each([
    ['Hourly', 'hourly'],
    ['Fixed-price', 'fixed'],
    ['Fixed Price', 'fixed'],
    ['Fixed Price Payment', 'fixed'],
    ['Milestone', 'fixed'],
    ['Bonus', 'bonus'],
    ['Refund', 'refund'],
    ['Service Fee', 'skip'],
    ['Withdrawal', 'skip'],
    ['Connects', 'skip'],
  ])('%s → %s', (type, kind) => expect(rowKind(type, false)).toBe(kind));
  it('an empty payment type is hourly work in the earnings report only', () => {
    expect(rowKind('', true)).toBe('hourly');
    expect(rowKind('', false)).toBe('skip');
  });
});

describe('recogniseLayout', () => {
  it('knows each report by its header, columns in any order and any case', () => {
    expect(recogniseLayout(['Amount $', 'transaction type', 'Transaction ID', 'Date'])?.name).toBe('transactions');
    expect(recogniseLayout(['Ref ID', 'Date', 'Type', 'Description', 'Amount'])?.name).toBe('transactions-earlier');
    expect(recogniseLayout(['Date', 'Contract', 'Hours', 'Amount', 'Payment type'])?.name).toBe('earnings-by-contract');
    expect(recogniseLayout(['id', 'client', 'type', 'start'])).toBeUndefined();
  });
});
