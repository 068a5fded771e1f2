// Input as members really type it: curly and single quotes, a space after the colon, dates, money,
// stars and percentages in everyday forms, read when unambiguous and echoed as read.

import fc from 'fast-check';
import type { Store } from '../../src/ports/store.ts';
import { describe, expect, it } from 'vitest';
import { readDay, readDecimal, readMoney } from '../../src/contracts/forgiving-values.ts';
import { runCommandText } from '../../src/commands/dispatch.ts';
import { parseCommandText } from '../../src/commands/grammar.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';

const TODAY = '2026-11-22';

function named(text: string): Record<string, string> {
  const parsed = parseCommandText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.parsed.named;
}

describe('quotes as phones and word processors type them', () => {
  it.each([
    ['add client:“Smart Quotes”', 'Smart Quotes'],
    ['add client:”Both Closing”', 'Both Closing'],
    ['add client:„German Style“', 'German Style'],
    ["add client:'Single'", 'Single'],
    ['add client:‘Curly Single’', 'Curly Single'],
    ['add client: "Acme Ltd"', 'Acme Ltd'],
    ['add client:  “Acme Ltd”', 'Acme Ltd'],
    ["add client:O'Brien", "O'Brien"],
    ['add client:"Say \\"hi\\""', 'Say "hi"'],
  ])('%s → client %j', (text, client) => {
    expect(named(text).client).toBe(client);
  });

  it('a value with spaces and no quotes gets the hint of what was probably meant', () => {
    const parsed = parseCommandText('add client:Acme Ltd type:hourly');
    expect(parsed.ok && parsed.parsed.quotingHint).toBe('client:"Acme Ltd"');
    const quoted = parseCommandText('add client:"Acme Ltd" type:hourly');
    expect(quoted.ok && quoted.parsed.quotingHint).toBeUndefined();
  });
});

describe('everyday forms of values', () => {
  it.each([
    ['2026-01-05', '2026-01-05', null],
    ['2026-1-5', '2026-01-05', '2026-1-5 as 2026-01-05'],
    ['2026/01/05', '2026-01-05', '2026/01/05 as 2026-01-05'],
    ['Jan 5 2026', '2026-01-05', 'Jan 5 2026 as 2026-01-05'],
    ['Jan 5, 2026', '2026-01-05', 'Jan 5, 2026 as 2026-01-05'],
    ['5 Jan 2026', '2026-01-05', '5 Jan 2026 as 2026-01-05'],
    ['January 5 2026', '2026-01-05', 'January 5 2026 as 2026-01-05'],
    ['04/16/2026', '2026-04-16', '04/16/2026 as 2026-04-16'],
    ['16/04/2026', '2026-04-16', '16/04/2026 as 2026-04-16'],
    ['03/03/2026', '2026-03-03', '03/03/2026 as 2026-03-03'],
    ['today', TODAY, `today as ${TODAY}`],
    ['Yesterday', '2026-11-21', 'yesterday as 2026-11-21'],
  ])('day %s → %s', (text, value, readAs) => {
    expect(readDay(text, TODAY)).toEqual({ ok: true, value, readAs });
  });

  it.each([['01/02/2026'], ['2026-02-30'], ['Feb 30 2026'], ['next week'], ['2026-13-01'], ['']])(
    'day %j is refused with the reason',
    (text) => {
      const read = readDay(text, TODAY);
      expect(read.ok).toBe(false);
    },
  );

  it('an ambiguous day says both readings', () => {
    expect(readDay('01/02/2026', TODAY)).toEqual({
      ok: false,
      reason: 'a date that reads one way only: 01/02/2026 could be 1 February or January 2; write it as YYYY-MM-DD',
    });
  });

  it.each([
    ['1200', 1200],
    ['1200.50', 1200.5],
    ['$1,200', 1200],
    ['$1,200.50', 1200.5],
    ['1.2k', 1200],
    ['12,500,000', 12_500_000],
    ['900 USD', 900],
  ])('money %s → %d', (text, value) => {
    expect(readMoney(text)).toMatchObject({ ok: true, value });
  });

  it.each([['1,2'], ['-5'], ['12.5.3'], ['$'], ['abc'], ['1,20']])('money %j is refused', (text) => {
    expect(readMoney(text).ok).toBe(false);
  });

  it('stars with a decimal comma', () => {
    expect(readDecimal('4,5')).toEqual({ ok: true, value: 4.5, readAs: '4,5 as 4.5' });
  });

  it('any whole-cent amount written with $ and thousands separators reads back as itself (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        const amount = cents / 100;
        const written = `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
        const read = readMoney(written);
        expect(read.ok && read.value).toBe(amount);
      }),
    );
  });

  it('any real day written as M/D/YYYY with D > 12 reads as that day (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 13, max: 28 }),
        (year, month, day) => {
          const read = readDay(`${month}/${day}/${year}`, TODAY);
          expect(read.ok && read.value).toBe(
            `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          );
        },
      ),
    );
  });
});

describe.each(databaseKinds)('forgiving commands on $name', (kind) => {
  let store: Store;
  useDatabase(kind, (opened) => ({ store } = opened));
  const run = async (text: string, user = 'U-forgiving') =>
    renderText(await runCommandText({ store }, commandContext('slack', 'team-forgiving', user, { asOf: TODAY }), text));

  it('reads everyday forms, stores the house form and says how it read them', async () => {
    const reply = await run(
      'add client:“Acme Ltd” type:hourly start:Jan 5 2026 earnings:$1,200.50 stars:4,5 end:2026/03/01 endReason:canceled',
    );
    // "start:Jan 5 2026" is three words: the grammar reads start:Jan and two loose words.
    expect(reply).toContain('did you mean start:"Jan 5 2026"? Values with spaces need quotes.');
    const added = await run(
      'add client:“Acme Ltd” type:hourly start:"Jan 5 2026" earnings:$1,200.50 stars:4,5 end:2026/03/01 endReason:canceled',
    );
    expect(added).toContain('Added c1');
    expect(added).toContain(
      'Read start: Jan 5 2026 as 2026-01-05; earnings: $1,200.50 as 1200.50; stars: 4,5 as 4.5; end: 2026/03/01 as 2026-03-01; endReason: canceled as cancelled.',
    );
    const member = await store.findMember(
      (await store.ensureCommunity({ platform: 'slack', externalId: 'team-forgiving' })).id,
      'U-forgiving',
    );
    expect(await store.listContracts(member?.id as number)).toMatchObject([
      {
        client: 'Acme Ltd',
        start: '2026-01-05',
        end: '2026-03-01',
        earnings: 1200.5,
        stars: 4.5,
        endReason: 'cancelled',
      },
    ]);
    expect(await run('plan target:90%')).not.toContain('That did not work');
  });

  it('an ambiguous date is refused with the reason, and nothing is saved', async () => {
    const reply = await run('add client:Beta type:fixed start:01/02/2026', 'U-ambiguous');
    expect(reply).toContain(
      'start: got "01/02/2026", expected a date that reads one way only: 01/02/2026 could be 1 February or January 2; write it as YYYY-MM-DD',
    );
    expect(await run('list', 'U-ambiguous')).toContain('You have no contracts yet');
  });

  it('a CSV reads the same everyday forms, and refuses a cell with the reader’s reason', async () => {
    const header = 'id,client,type,start,end,earnings,stars';
    const refused = await run(
      `import\n${header}\nx1,Echo & Co,fixed,Jan 5 2026,2026/03/01,"$1,200.50","4,5"\nx2,Other,hourly,01/02/2026,,12 dollars,`,
      'U-csv',
    );
    expect(refused).toContain(
      'contract 2 (id "x2"), field start: got "01/02/2026", expected a date that reads one way only: 01/02/2026 could be 1 February or January 2; write it as YYYY-MM-DD',
    );
    expect(refused).toContain(
      'contract 2 (id "x2"), field earnings: got "12 dollars", expected US dollars such as 1200, 1200.50, $1,200 or 1.2k',
    );
    expect(await run('list', 'U-csv')).toContain('You have no contracts yet');
    const payment = await run(
      `import\n${header},payments\nx3,Pay Co,hourly,2026-01-05,,,,2026-02-01=100;01/02/2026=5`,
      'U-csv',
    );
    expect(payment).toContain(
      'contract 1 (id "x3"), field payments: payment 2: got "01/02/2026", expected a date that reads one way only: 01/02/2026 could be 1 February or January 2; write it as YYYY-MM-DD',
    );
    const imported = await run(
      `import\n${header}\nx1,Echo & Co,fixed,Jan 5 2026,2026/03/01,"$1,200.50","4,5"`,
      'U-csv',
    );
    expect(imported).toContain('Imported 1 contract');
    expect(await run('list', 'U-csv')).toContain('x1: Echo & Co (fixed) · 2026-01-05 → 2026-03-01 · $1,200.50 · 4.5★');
  });

  it('client:Acme Ltd gets the quoting hint and changes nothing', async () => {
    const reply = await run('add client:Acme Ltd type:fixed start:2026-02-01', 'U-hint');
    expect(reply).toContain('did you mean client:"Acme Ltd"? Values with spaces need quotes.');
    expect(await run('list', 'U-hint')).toContain('You have no contracts yet');
  });
});
