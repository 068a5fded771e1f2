// What a person really types at the console, end to end: lines piped into the console bot as typed
// (curly quotes from a word processor, a space after the colon, $1,200, Jan 5 2026, today), each
// reply checked for the exact text that matters: the name, the cents, how a value was read, the
// score change. The steps run in order on one member, as a session does.

import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-bot.ts';
import type { Store } from '../../src/ports/store.ts';
import { databaseKinds } from '../helpers/databases.ts';

/** The console's day (JSS_AS_OF or the machine's); a member's own zone, once set, wins. */
const AS_OF = '2026-11-22';
/** 20:00 UTC on AS_OF: already 23 November in Auckland (UTC+13 in November). */
const NOW = new Date('2026-11-22T20:00:00Z');

const pglite = databaseKinds[0];
if (!pglite) throw new Error('no database kinds');

describe('the console: what a person really types, and exactly what they see', () => {
  let store: Store;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, close } = await pglite.open());
  });

  afterAll(async () => {
    await close();
  });

  async function typed(line: string, user: string): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    input.end(`${line}\n`);
    await runConsole({ services: { store, clock: { now: () => NOW } }, input, output, user, today: () => AS_OF });
    return printed;
  }

  async function contractsOf(user: string) {
    const community = await store.ensureCommunity({ platform: 'console', externalId: 'local' });
    const member = await store.findMember(community.id, user);
    return member ? store.listContracts(member.id) : [];
  }

  const ANA = 'ana';
  /** [what, the line as typed, what the member must see]. */
  const session: [string, string, string[]][] = [
    ['why with no contracts: the empty state', 'why', ['You have no contracts yet, so there is nothing to explain.']],
    [
      'list with no contracts: the empty state',
      'list',
      [
        'You have no contracts yet\n',
        'Add one: add client:"Acme Ltd" type:hourly start:2026-01-10 earnings:1200 stars:5 end:2026-04-30',
      ],
    ],
    [
      'curly double quotes, Jan 5 2026, 2026/03/01, $1,200.50 and 4,5',
      'add client:“Echo & Co” type:hourly start:“Jan 5 2026” end:2026/03/01 earnings:$1,200.50 stars:4,5',
      [
        'Added c1',
        'c1: Echo & Co (hourly) · 2026-01-05 → 2026-03-01 · $1,200.50 · 4.5★',
        '(Read start: Jan 5 2026 as 2026-01-05; end: 2026/03/01 as 2026-03-01; earnings: $1,200.50 as 1200.50; stars: 4,5 as 4.5.)',
        'No Job Success Score yet: it needs at least 2 counted contracts from 2 different clients',
      ],
    ],
    [
      'single curly quotes, 2026-1-5, 5 Jan 2026 and 1.2k',
      "add client:‘Single Quote’ type:fixed start:2026-1-5 end:'5 Jan 2026' earnings:1.2k stars:5",
      [
        'Added c2',
        'c2: Single Quote (fixed) · 2026-01-05 → 2026-01-05 · $1,200 · 5★',
        'Your estimated Job Success Score: 100% (your first).',
        '(Read start: 2026-1-5 as 2026-01-05; end: 5 Jan 2026 as 2026-01-05; earnings: 1.2k as 1200.)',
      ],
    ],
    [
      'straight quotes after a space, yesterday, 1200.50 and canceled',
      'add client: "Third" type:fixed start:2025-06-01 end:yesterday earnings:1200.50 stars:5 endReason:canceled',
      [
        'Added c3',
        'c3: Third (fixed) · 2025-06-01 → 2026-11-21 · $1,200.50 · 5★ · cancelled',
        'Your estimated Job Success Score stays 100%.',
        '(Read end: yesterday as 2026-11-21; endReason: canceled as cancelled.)',
      ],
    ],
    [
      'an apostrophe inside single curly quotes, as a phone types it',
      'add client:‘Joe’s Diner’ type:fixed start:2026-02-01 end:2026-02-10 earnings:50 stars:5',
      ['Added c4', 'c4: Joe’s Diner (fixed) · 2026-02-01 → 2026-02-10 · $50 · 5★'],
    ],
    ['remove it again', 'remove c4', ['Removed c4']],
    [
      'the names as typed, listed',
      'list',
      ['Your contracts (3)', '  - c1: Echo & Co (hourly)', '  - c2: Single Quote (fixed)', '  - c3: Third (fixed)'],
    ],
    [
      'an unquoted name with a space: the quoting hint',
      'add client:Acme Ltd type:fixed start:2026-01-01',
      ['add got an unexpected word "Ltd"; did you mean client:"Acme Ltd"? Values with spaces need quotes.'],
    ],
    [
      'a date with a space, unquoted: the quoting hint',
      'add client:X type:fixed start:Jan 5 2026',
      ['add got an unexpected word "5"; did you mean start:"Jan 5 2026"? Values with spaces need quotes.'],
    ],
    [
      'an ambiguous date is refused with the reason',
      'add client:X type:fixed start:01/02/2026',
      [
        'start: got "01/02/2026", expected a date that reads one way only: 01/02/2026 could be 1 February or January 2; write it as YYYY-MM-DD',
      ],
    ],
    [
      'none for a required field is refused',
      'add client:none type:fixed start:2026-01-01',
      ['client: got "none", but every contract needs one, so it cannot be cleared'],
    ],
    [
      'an open contract',
      'add client:Open type:hourly start:2026-10-01 earnings:100',
      ['Added c4', 'c4: Open (hourly) · 2026-10-01 → open · $100', 'Your estimated Job Success Score stays 100%.'],
    ],
    [
      'end: the score falls',
      'end c4 stars:2',
      ['Ended c4 on 2026-11-22', 'Your estimated Job Success Score: 100% → 81%.'],
    ],
    ['edit: the score rises', 'edit c4 stars:5', ['Changed c4', 'Your estimated Job Success Score: 81% → 100%.']],
    ['edit back down', 'edit c4 stars:2', ['Your estimated Job Success Score: 100% → 81%.']],
    [
      'pay $1,200: the cents in the new total',
      'pay c3 amount:$1,200',
      [
        'Recorded $1,200 on c3 (2026-11-22)',
        'c3: Third (fixed) · 2025-06-01 → 2026-11-21 · $2,400.50 · 5★ · cancelled',
        'Your estimated Job Success Score stays 81%.',
        '(Read amount: $1,200 as 1200.)',
      ],
    ],
    [
      'remove: the score change and the way back',
      'remove c4',
      ['Removed c4', 'Your estimated Job Success Score: 81% → 100%.', 'Next: undo'],
    ],
    [
      'undo puts it back',
      'undo',
      [
        'Undid "remove c4"',
        'Your 4 contracts are back as before it (put back c4).',
        'Your estimated Job Success Score: 100% → 81%.',
      ],
    ],
    [
      'the same contract again: asked first, with the exact command that confirms',
      'add client:“Echo & Co” type:hourly start:“Jan 5 2026” end:2026/03/01 earnings:$1,200.50 stars:4,5',
      [
        'c1 is already recorded — add again?',
        'Nothing was added. To add it again as a contract of its own: add client:"Echo & Co" type:hourly start:2026-01-05 end:2026-03-01 earnings:1200.50 stars:4.5 confirm:yes',
      ],
    ],
    [
      'the confirm command adds it',
      'add client:"Echo & Co" type:hourly start:2026-01-05 end:2026-03-01 earnings:1200.50 stars:4.5 confirm:yes',
      ['Added c5', 'Your estimated Job Success Score: 81% → 83%.'],
    ],
    ['target as a percentage', 'plan target:90%', ['Plan to reach 90%: now 83%']],
    [
      'longterm says which clients are not long-term, and why',
      'longterm',
      ['Echo & Co     no: ended before 3 months  2026-01-05 → 2026-03-01', 'Third         long-term'],
    ],
    [
      'whatif describes the contract it assumes',
      'whatif',
      ['What if: 83% → ', 'with 1 more fixed contract of', 'from a new client', 'Nothing was saved.'],
    ],
  ];

  it.each(session.map(([what, line, shows], index) => [index + 1, what, line, shows] as const))(
    'step %i, %s',
    async (_, __, line, shows) => {
      const reply = await typed(line, ANA);
      for (const fragment of shows) expect(reply, line).toContain(fragment);
    },
  );

  it('stores the names without the quotes they were typed in', async () => {
    expect((await contractsOf(ANA)).map((contract) => contract.client)).toEqual([
      'Echo & Co',
      'Single Quote',
      'Third',
      'Open',
      'Echo & Co',
    ]);
  });

  it('a refused line changes nothing', async () => {
    const before = await contractsOf(ANA);
    await typed('add client:X type:fixed start:01/02/2026', ANA);
    await typed('add client:Acme Ltd type:fixed start:2026-01-01', ANA);
    expect(await contractsOf(ANA)).toEqual(before);
  });

  it('timezone zone:Pacific/Auckland, then start:today is the member’s day there', async () => {
    const user = 'moved';
    expect(await typed('add client:Before type:fixed start:today', user)).toContain(
      '(Read start: today as 2026-11-22.)',
    );
    expect(await typed('timezone zone:Pacific/Auckland', user)).toContain(
      'Your time zone is Pacific/Auckland: today is 2026-11-23 for you',
    );
    const after = await typed('add client:After type:fixed start:today', user);
    expect(after).toContain('c2: After (fixed) · 2026-11-23 → open');
    expect(after).toContain('(Read start: today as 2026-11-23.)');
    expect((await contractsOf(user)).map((contract) => contract.start)).toEqual(['2026-11-22', '2026-11-23']);
  });
});
