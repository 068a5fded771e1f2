import { describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/dispatch.ts';
import { whatIfTitle } from '../../src/commands/handlers/whatif.ts';
import type { CommandContext } from '../../src/commands/types.ts';
import { renderText } from '../../src/replies/render-text.ts';
import type { Reply } from '../../src/replies/reply.ts';
import { scoreContracts } from '../../src/scoring/index.ts';
import { commandContext, TEST_AS_OF } from '../helpers/command-context.ts';
import { useCommandSession } from '../helpers/command-session.ts';
import { databaseKinds } from '../helpers/databases.ts';

const AS_OF = TEST_AS_OF;

describe.each(databaseKinds)('commands on $name', (kind) => {
  const session = useCommandSession(kind);

  const ctx = (user: string, community = 'team-1', extra: Partial<CommandContext> = {}) =>
    commandContext('slack', community, user, extra);

  const run = (user: string, text: string, extra: Partial<CommandContext> = {}, community = 'team-1') =>
    runCommandText(session.services, ctx(user, community, extra), text);

  /** Everything stored for a member, to prove a command changed nothing. */
  async function stateOf(user: string, community = 'team-1') {
    const communityRow = await session.store.ensureCommunity({ platform: 'slack', externalId: community });
    const member = await session.store.findMember(communityRow.id, user);
    return { member, contracts: member ? await session.store.listContracts(member.id) : [], community: communityRow };
  }

  function text(reply: Reply): string {
    return renderText(reply);
  }

  it('add, list, score: a contract is stored and scored like the CLI scores it', async () => {
    const added = await run(
      'alice',
      'add client:"Acme Ltd" type:hourly start:2026-01-10 end:2026-05-01 earnings:1200 stars:5',
    );
    expect(added).toMatchObject({ kind: 'success', title: 'Added c1' });
    await run(
      'alice',
      '/jss add id:b2 client:Globex type:fixed start:2026-06-01 end:2026-07-01 earnings:300 stars:4.8',
    );
    const { contracts } = await stateOf('alice');
    expect(contracts.map((contract) => contract.id)).toEqual(['c1', 'b2']);
    expect(contracts[0]).toMatchObject({
      client: 'Acme Ltd',
      type: 'hourly',
      start: '2026-01-10',
      end: '2026-05-01',
      earnings: 1200,
      stars: 5,
    });
    expect(text(await run('alice', 'list'))).toContain('c1: Acme Ltd (hourly)');
    const score = await run('alice', 'score');
    const cli = scoreContracts(contracts, AS_OF);
    expect(cli.score).not.toBeNull();
    expect(score.title).toContain(`Job Success Score (estimate): ${cli.score}%`);
    expect(score.shareable).toBe(true);
  });

  it('edit, pay, end, remove change only what they say', async () => {
    await run('bob', 'add client:Initech type:hourly start:2026-08-01 earnings:500');
    expect((await run('bob', 'edit c1 client:"Initech LLC" earnings:600')).title).toBe('Changed c1');
    expect((await run('bob', 'pay c1 amount:250 date:2026-11-01')).kind).toBe('success');
    let [contract] = (await stateOf('bob')).contracts;
    // A stated total without a payment list grows, and the payment becomes the last one.
    expect(contract).toMatchObject({
      client: 'Initech LLC',
      earnings: 850,
      lastPayment: '2026-11-01',
      payments: null,
      end: null,
    });
    expect((await run('bob', 'end c1 stars:4.9')).title).toBe(`Ended c1 on ${AS_OF}`);
    [contract] = (await stateOf('bob')).contracts;
    expect(contract).toMatchObject({ end: AS_OF, stars: 4.9 });
    expect((await run('bob', 'end c1')).kind).toBe('error');
    expect((await run('bob', 'edit c1 stars:none')).kind).toBe('success');
    expect((await stateOf('bob')).contracts[0]?.stars).toBeNull();
    expect((await run('bob', 'remove c1')).title).toBe('Removed c1');
    expect((await stateOf('bob')).contracts).toEqual([]);
  });

  it('why, forecast, plan, whatif, longterm, tips answer from the stored contracts and write nothing', async () => {
    await run('carol', 'add client:Acme type:hourly start:2025-11-01 end:2026-06-30 earnings:5000 stars:5');
    await run('carol', 'add client:Beta type:fixed start:2026-07-01 end:2026-08-01 earnings:400 stars:3');
    const before = await stateOf('carol');
    expect(text(await run('carol', 'why'))).toContain('How each contract counts');
    expect(text(await run('carol', 'why c2'))).toContain('negative: 3 stars');
    expect((await run('carol', 'forecast')).title).toMatch(/^Forecast: now \d+%/);
    expect((await run('carol', 'plan target:95 earnings:800')).title).toMatch(/^Plan to reach 95%/);
    const whatif = await run('carol', 'whatif c2 stars:5');
    expect(whatif.title).toMatch(/^What if: \d+% → 100%$/);
    expect((await run('carol', 'whatif count:2 earnings:900')).summary).toContain('Nothing was saved');
    expect(text(await run('carol', 'longterm'))).toContain('Long-term client score: 50%');
    expect((await run('carol', 'tips')).title).toMatch(/^Tips/);
    expect(await stateOf('carol')).toEqual(before);
  });

  it('whatif without a score before or after says so in words', async () => {
    // One open contract with no feedback yet: no score now.
    await run('dora', 'add client:Acme type:fixed start:2026-11-01 earnings:100');
    const title = (await run('dora', 'whatif count:1')).title;
    expect(title).toMatch(/^What if: (still no score|no score yet → \d+%)$/);
    expect(whatIfTitle(null, null)).toBe('What if: still no score');
    expect(whatIfTitle(null, 80)).toBe('What if: no score yet → 80%');
    expect(whatIfTitle(75, null)).toBe('What if: 75% → no score');
    expect(whatIfTitle(75, 80)).toBe('What if: 75% → 80%');
  });

  it.each([
    ['add client:Acme type:weekly start:2026-01-10', 'type: got "weekly", expected one of hourly, fixed'],
    ['add client:Acme type:hourly start:2026-02-30', 'start: got "2026-02-30", expected a real date as YYYY-MM-DD'],
    [
      'add client:Acme type:hourly start:2026-03-01 end:2026-01-01',
      'end: got 2026-01-01, expected a date on or after start 2026-03-01',
    ],
    ['add client:Acme type:hourly start:2026-03-01 earnings:-5', 'earnings: got "-5", expected US dollars'],
    ['add client:Acme type:hourly start:2026-03-01 end:2026-04-01 stars:7', 'stars: got 7, expected stars from 1 to 5'],
    [
      'add client:Acme type:hourly start:2026-03-01 end:2026-04-01 privateScore:11',
      'privateScore: got 11, expected privateScore from 0 to 10',
    ],
    [
      'add client:Acme type:hourly start:2026-12-01',
      'start: got 2026-12-01, expected a date on or before the as-of date',
    ],
    ['add client:Acme type:hourly', 'add needs start'],
    ['add client:Acme type:hourly start:2026-03-01 colour:red', '"colour" is not an argument of add'],
    [
      `add client:"<!channel> ${'x'.repeat(200)}" type:hourly start:2026-03-01`,
      'expected a client name of at most 100 characters',
    ],
    ['frobnicate', 'there is no command "frobnicate"'],
    ['scroe', 'Did you mean "score"?'],
    ['edit c9 stars:5', 'you have no contract "c9"'],
    ['remove', 'remove needs a contract id'],
    ['pay c1 amount:abc', 'amount: got "abc", expected US dollars'],
    ['plan target:150', 'target: got "150", expected a whole number from 1 to 100'],
    ['add client:"unclosed type:hourly', 'never closed'],
    ['list extra words', 'list got an unexpected word "extra"'],
    ['config model:upwork-2015', 'only community admins can change settings'],
    ['forget confirm:WRONG1', 'expected the code from your latest "forget"'],
  ])('bad input %j gets a reply naming what is wrong and writes nothing', async (command, message) => {
    await run('dave', 'add id:c1 client:Keep type:hourly start:2026-01-10 earnings:100');
    const before = await stateOf('dave');
    const result = await run('dave', command);
    expect(result.kind).toBe('error');
    expect(text(result)).toContain(message);
    expect(await stateOf('dave')).toEqual(before);
  });

  it('isolation: nobody sees, edits or removes another member’s contract, even with the same id, nor across communities', async () => {
    await run('erin', 'add client:Secret type:hourly start:2026-01-10 earnings:999');
    await run('frank', 'add client:Mine type:hourly start:2026-02-10 earnings:111');
    expect(text(await run('frank', 'list'))).not.toContain('Secret');
    expect((await run('frank', 'edit c1 client:Hacked')).kind).toBe('success'); // frank's own c1
    expect((await run('frank', 'remove c1')).kind).toBe('success');
    expect((await run('frank', 'remove c1')).kind).toBe('error');
    expect((await stateOf('erin')).contracts).toMatchObject([{ id: 'c1', client: 'Secret', earnings: 999 }]);
    // The same user id in another community is another member.
    expect(text(await run('erin', 'list', {}, 'team-2'))).toContain('You have no contracts yet');
    expect((await run('erin', 'why c1', {}, 'team-2')).kind).toBe('error');
  });

  it('forget asks for a confirmation, then deletes everything of the member and nothing of others', async () => {
    await run('gina', 'add client:Acme type:hourly start:2026-01-10 earnings:100');
    await run('gina', 'join');
    await run('hank', 'add client:Acme type:hourly start:2026-01-10 earnings:100');
    const ask = await run('gina', 'forget');
    expect(ask.kind).toBe('confirm');
    const code = /forget confirm:([A-Z0-9]+)/.exec(ask.summary ?? '')?.[1];
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect((await run('gina', `forget confirm:${code}`)).title).toBe('Everything about you is deleted');
    expect((await stateOf('gina')).member).toBeNull();
    expect((await run('gina', `forget confirm:${code}`)).kind).toBe('error'); // used up
    expect((await stateOf('hank')).contracts).toHaveLength(1);
  });

  it('export then import gives the same contracts (CSV and JSON)', async () => {
    await run(
      'ivan',
      'add client:"Acme, Inc." type:hourly start:2026-01-10 end:2026-04-01 earnings:1200.5 stars:4.7 disputed:true',
    );
    await run('ivan', 'add client:" Spaced " type:fixed start:2026-05-01 lastPayment:2026-06-01 earnings:300');
    await run('ivan', 'add client:Paid type:hourly start:2026-06-01');
    await run('ivan', 'pay c3 amount:100 date:2026-07-01');
    await run('ivan', 'pay c3 amount:50.25 date:2026-08-01');
    const original = (await stateOf('ivan')).contracts;
    for (const format of ['csv', 'json']) {
      const exported = await run('ivan', `export format:${format}`);
      const file = exported.attachments[0];
      expect(file?.mimeType).toBe(format === 'csv' ? 'text/csv' : 'application/json');
      const imported = await run('ivan', `import mode:replace\n${file?.content}`);
      expect(imported).toMatchObject({ kind: 'success', title: 'Imported 3 contracts' });
      expect((await stateOf('ivan')).contracts).toEqual(original);
    }
    const clash = await run('ivan', `import\nid,client,type,start\nc1,Other,fixed,2026-01-01`);
    expect(text(clash)).toContain('you already have c1');
    expect((await stateOf('ivan')).contracts).toEqual(original);
  });

  it('adds without an id at the same moment each get their own id', async () => {
    const replies = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => run('quinn', `add client:"Parallel ${i}" type:fixed start:2026-03-01`)),
    );
    expect(replies.map((result) => result.kind)).toEqual(['success', 'success', 'success', 'success', 'success']);
    expect((await stateOf('quinn')).contracts.map((contract) => contract.id).sort()).toEqual([
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
    ]);
  });

  it('the same request id twice has its effect once and gets the same reply', async () => {
    const first = await runCommandText(
      session.services,
      ctx('judy', 'team-1', { requestId: 'retry-1' }),
      'add client:Acme type:hourly start:2026-01-10',
    );
    const again = await runCommandText(
      session.services,
      ctx('judy', 'team-1', { requestId: 'retry-1' }),
      'add client:Acme type:hourly start:2026-01-10',
    );
    expect(again).toEqual(first);
    expect((await stateOf('judy')).contracts).toHaveLength(1);
  });

  it('50 members adding contracts at the same time leave every row exactly once', async () => {
    const users = Array.from({ length: 50 }, (_, i) => `crowd-${i}`);
    const replies = await Promise.all(
      users.map((user) =>
        run(user, `add client:"Client ${user}" type:fixed start:2026-03-01 earnings:100`, {}, 'team-crowd'),
      ),
    );
    expect(replies.every((result) => result.kind === 'success')).toBe(true);
    for (const user of users) {
      const { contracts } = await stateOf(user, 'team-crowd');
      expect(contracts).toHaveLength(1);
      expect(contracts[0]?.client).toBe(`Client ${user}`);
    }
  });

  it('join, leave and the leaderboard show only opted-in members, by display name', async () => {
    const team = 'team-board';
    const add = (user: string, stars: number) =>
      Promise.all([
        run(user, `add client:A type:fixed start:2026-01-10 end:2026-02-01 earnings:500 stars:${stars}`, {}, team),
        run(user, `add client:B type:fixed start:2026-03-10 end:2026-04-01 earnings:500 stars:5`, {}, team),
      ]);
    await add('kim', 5);
    await add('lee', 3);
    await add('max', 5);
    await run('kim', 'join', {}, team);
    await run('lee', 'join', {}, team);
    let board = text(await run('kim', 'leaderboard', {}, team));
    expect(board).toContain('Name of kim');
    expect(board).toContain('Name of lee');
    expect(board).not.toContain('Name of max');
    expect(board).toContain('You are #1 of 2.');
    await run('lee', 'leave', {}, team);
    board = text(await run('kim', 'leaderboard', {}, team));
    expect(board).not.toContain('Name of lee');
  });

  it('leaderboard ranks by score, then long-term %, then counted outcomes, with competition ranks (1, 2, 2, 4)', async () => {
    const team = 'team-ranks';
    const give = async (user: string, stars: number[]) => {
      for (const [i, value] of stars.entries()) {
        await run(
          user,
          `add client:"C${i}" type:fixed start:2026-0${i + 1}-01 end:2026-0${i + 1}-20 earnings:500 stars:${value}`,
          {},
          team,
        );
      }
      await run(user, 'join', {}, team);
    };
    await give('ann', [5, 5, 5]); // 100%, 3 outcomes
    await give('ben', [5, 5]); // 100%, 2 outcomes
    await give('cat', [5, 5]); // the same as ben: a tie
    await give('dan', [5, 4]); // lower score
    const board = await run('ann', 'leaderboard', {}, team);
    const table = board.blocks.find((block) => block.type === 'table');
    expect(table?.type === 'table' && table.rows.map((row) => [row[0], row[1]])).toEqual([
      ['1', 'Name of ann'],
      ['2', 'Name of ben'],
      ['2', 'Name of cat'],
      ['4', 'Name of dan'],
    ]);
  });

  it('stats: median, quartiles and the caller’s percentile, from opted-in members only', async () => {
    const team = 'team-stats';
    const give = async (user: string, stars: number[], join: boolean) => {
      for (const [i, value] of stars.entries()) {
        await run(
          user,
          `add client:"C${i}" type:fixed start:2026-0${i + 1}-01 end:2026-0${i + 1}-20 earnings:500 stars:${value}`,
          {},
          team,
        );
      }
      if (join) await run(user, 'join', {}, team);
    };
    await give('s1', [5, 5], true); // 100
    await give('s2', [5, 4], true); // (1.25) / 2.5 → 50
    await give('s3', [5, 2], true); // (1.25 − 1.25) / 2.5 → 0
    await give('secret', [5, 5, 5], false); // not opted in: never counted
    // Three members: their scores listed, no percentile yet.
    const three = text(await run('secret', 'stats', {}, team));
    expect(three).toContain(
      'Only 3 members have joined with a score; the median, quartiles and where you stand appear once 4 have.',
    );
    expect(three).toContain('Scores: 0%, 50%, 100%');
    expect(three).not.toContain('Median');
    await give('s4', [5, 4], true); // 50
    const result = text(await run('secret', 'stats', {}, team));
    expect(result).toContain('Members with a score: 4');
    expect(result).toContain('Median: 50%');
    expect(result).toContain('Quartiles: 37.5% – 62.5%');
    // secret's own 100% is placed among the 4 who joined: 3 below, 1 equal → (3 + 0.5) / 4 = 88%.
    expect(result).toContain('is above 88% of the 4 members who joined');
  });

  it('config shows settings to anyone and changes them for admins only', async () => {
    expect(text(await run('nina', 'config'))).toContain('Model: upwork-2025');
    const changed = await run('nina', 'config model:upwork-2015 param:graceDays=30', { isAdmin: true });
    expect(text(changed)).toContain('Model: upwork-2015');
    expect(text(changed)).toContain('graceDays=30');
    expect((await stateOf('nina')).community).toMatchObject({ model: 'upwork-2015', params: { graceDays: 30 } });
    await run('nina', 'config model:upwork-2025 reset:params', { isAdmin: true });
  });

  it('help lists every command and explains each with an example', async () => {
    const all = text(await run('olga', 'help'));
    for (const name of [
      'add',
      'edit',
      'pay',
      'end',
      'remove',
      'list',
      'score',
      'why',
      'forecast',
      'plan',
      'whatif',
      'longterm',
      'tips',
      'leaderboard',
      'stats',
      'join',
      'leave',
      'import',
      'export',
      'forget',
      'config',
    ]) {
      expect(all).toContain(name);
      const one = text(await run('olga', `help ${name}`));
      expect(one).toContain('Usage:');
      expect(one).toContain('Examples:');
    }
  });

  describe('regressions', () => {
    // db/request-queries.ts claimRequest() looked a request id up by (community, request id) only,
    // although the member is recorded with it: a second member's request with an id already claimed
    // in the community got the *first member's* saved reply (contract, client, score), and the second
    // member's command silently did nothing.
    it("a request id seen for one member never answers another member with the first member's reply", async () => {
      const sameId = (user: string) =>
        commandContext('slack', 'T-shared', user, { displayName: user, requestId: 'same-id' });
      await runCommandText(
        { store: session.store },
        sameId('alice'),
        'add client:"Alice Secret Client" type:fixed start:2026-01-10 end:2026-02-01 earnings:900 stars:5',
      );
      const bob = await runCommandText(
        { store: session.store },
        sameId('bob'),
        'add client:Globex type:fixed start:2026-03-01',
      );
      expect(renderText(bob)).not.toContain('Alice Secret Client');
      // Bob is told plainly that nothing was done (ids are unique per platform, so this is a forgery or a bug).
      expect(bob.kind).toBe('error');
      expect(renderText(bob)).toContain('nothing was done');
      const community = await session.store.ensureCommunity({ platform: 'slack', externalId: 'T-shared' });
      const bobMember = await session.store.findMember(community.id, 'bob');
      expect(bobMember ? await session.store.listContracts(bobMember.id) : []).toHaveLength(0);
    });

    // src/commands/handlers/pay.ts turned a contract that tracked its payments as earnings +
    // lastPayment (no payments list) into one with a single listed payment, so the model took that
    // payment as the *first* one and the months of paid work vanished: a long-term retainer (success,
    // weight 4.5) became "in progress" (excluded). The README's own `pay retainer amount:800` took
    // the member's score from 60% to 0%.
    it('recording a new payment on a long-term retainer does not stop it counting as long-term work', async () => {
      const pay = (text: string) =>
        runCommandText(
          { store: session.store },
          commandContext('slack', 'T-pay', 'maria', { displayName: 'maria' }),
          text,
        );
      const contracts = async () => (await stateOf('maria', 'T-pay')).contracts;
      await pay('add id:retainer client:Echo type:hourly start:2026-01-05 earnings:5000 lastPayment:2026-11-01');
      await pay('add client:Acme type:fixed start:2026-01-10 end:2026-02-01 earnings:1200 stars:5');
      await pay('add client:Bee type:fixed start:2026-03-10 end:2026-04-01 earnings:1200 stars:3');
      const before = scoreContracts(await contracts(), AS_OF);
      expect(before.score).toBe(60);
      expect((await pay('pay retainer amount:800')).kind).toBe('success');
      const after = scoreContracts(await contracts(), AS_OF);
      // More paid work on a retainer that has been paid for 10 months cannot make the score fall.
      expect(after.score).toBeGreaterThanOrEqual(before.score as number);
    });
  });
});
