// Issue 11 through the command layer, on every database: recording what Upwork showed (actual),
// the counted field, explain, badges, accuracy, export/import/forget of recorded scores, privacy.

import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/types.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { sharedView, type Block, type Reply } from '../../src/replies/reply.ts';
import { estimateOn, formatDay } from '../../src/scoring/index.ts';
import { toDay } from '../../src/scoring/dates.ts';
import { TEST_AS_OF } from '../helpers/command-context.ts';
import { useCommandSession } from '../helpers/command-session.ts';
import { databaseKinds } from '../helpers/databases.ts';

const CONTRACTS = [
  'add client:Acme type:hourly start:2025-06-01 end:2025-12-01 earnings:3000 stars:5',
  'add client:Beta type:fixed start:2025-09-01 end:2026-01-15 earnings:1500 stars:5',
  'add client:Gamma type:hourly start:2026-02-01 end:2026-06-30 earnings:4000 stars:4.6',
  'add client:Delta type:fixed start:2026-05-01 end:2026-08-01 earnings:800 stars:5',
];

describe.each(databaseKinds)('recorded Upwork scores on $name', (kind) => {
  const session = useCommandSession(kind);

  const run = (user: string, text: string, extra: Partial<CommandContext> = {}, community = 'team-obs') =>
    session.run('slack', community, user, text, extra);
  const text = (reply: Reply) => renderText(reply);
  const seriesOf = (reply: Reply) =>
    reply.blocks.find((block): block is Extract<Block, { type: 'series' }> => block.type === 'series');

  async function stateOf(user: string, community = 'team-obs') {
    const found = await session.store.ensureCommunity({ platform: 'slack', externalId: community });
    const member = await session.store.findMember(found.id, user);
    return member
      ? {
          contracts: await session.store.listContracts(member.id),
          observations: await session.store.listObservations(member.id),
        }
      : null;
  }

  async function withContracts(user: string, community = 'team-obs') {
    for (const line of CONTRACTS) expect((await run(user, line, {}, community)).kind).toBe('success');
  }

  it('actual records, lists beside the estimate for that day, replaces the same day and removes one', async () => {
    await withContracts('ann');
    const recorded = await run('ann', 'actual 87 date:2026-11-20 longterm:40');
    expect(recorded).toMatchObject({ kind: 'success', title: 'Recorded 87% for 2026-11-20' });
    const { contracts } = (await stateOf('ann'))!;
    const estimate = estimateOn(contracts, '2026-11-20');
    expect(recorded.summary).toContain(`This bot's estimate for that day: ${estimate}%`);
    expect((await run('ann', 'actual 90%')).title).toBe(`Recorded 90% for ${TEST_AS_OF}`);
    const replaced = await run('ann', 'actual 88 date:2026-11-20');
    expect(replaced.title).toBe('Replaced 2026-11-20: 87% → 88%');
    expect((await stateOf('ann'))!.observations).toEqual([
      { date: '2026-11-20', score: 88, longterm: null },
      { date: TEST_AS_OF, score: 90, longterm: null },
    ]);
    const list = text(await run('ann', 'actual'));
    expect(list).toContain('Your recorded Upwork scores (2)');
    expect(list).toContain('2026-11-20');
    expect(list).toContain(`${estimateOn(contracts, TEST_AS_OF)}%`);
    expect((await run('ann', 'actual remove date:2026-11-20')).title).toBe('Removed the score recorded for 2026-11-20');
    expect(text(await run('ann', 'actual remove date:2026-11-20'))).toContain(
      'you have no score recorded on 2026-11-20',
    );
    expect((await stateOf('ann'))!.observations).toHaveLength(1);
  });

  it.each([
    ['actual 105', 'score: got "105", expected the Job Success Score Upwork shows, a whole percentage from 0 to 100'],
    ['actual abc', 'score: got "abc"'],
    ['actual date:2026-11-01', 'score: missing'],
    ['actual 90 date:2026-12-01', 'date: got 2026-12-01, expected a date on or before the as-of date'],
    ['actual 90 date:2025-01-01', "date: got 2025-01-01, expected a date on or after your first contract's start"],
    ['actual 90 date:2026-02-30', 'date: got "2026-02-30", expected a real date as YYYY-MM-DD'],
    ['actual 90 longterm:101', 'longterm: got "101", expected a whole number from 0 to 100'],
    ['actual remove', 'actual remove needs only the day to delete'],
    ['edit c1 counted:positive', 'counted: got "positive", expected one of success, neutral, negative, excluded'],
    [
      'add client:New type:hourly start:2026-03-01 counted:maybe',
      'counted: got "maybe", expected one of success, neutral, negative, excluded',
    ],
  ])('bad input %j gets a reply naming the field, and nothing is saved', async (command, message) => {
    if ((await stateOf('bea'))?.contracts.length !== CONTRACTS.length) await withContracts('bea');
    const before = await stateOf('bea');
    const result = await run('bea', command);
    expect(result.kind).toBe('error');
    expect(text(result)).toContain(message);
    expect(await stateOf('bea')).toEqual(before);
  });

  it('actual without any contract says to add them first and saves nothing', async () => {
    const result = await run('cid', 'actual 90');
    expect(result.kind).toBe('error');
    expect(text(result)).toContain('add them first');
    expect((await stateOf('cid'))?.observations ?? []).toEqual([]);
  });

  it('two actual for the same day at once: one row, and each reply true to what happened', async () => {
    await withContracts('max');
    for (const date of ['2026-11-10', '2026-11-11', '2026-11-12']) {
      const [first, second] = await Promise.all([
        run('max', `actual 80 date:${date}`),
        run('max', `actual 81 date:${date}`),
      ]);
      const titles = [first?.title, second?.title];
      const stored = (await stateOf('max'))!.observations.filter((observation) => observation.date === date);
      expect(stored).toHaveLength(1);
      // One created the day; the other replaced exactly that one's score, and its own stayed.
      const kept = stored[0]?.score;
      const other = kept === 80 ? 81 : 80;
      expect(titles).toContain(`Recorded ${other}% for ${date}`);
      expect(titles).toContain(`Replaced ${date}: ${other}% → ${kept}%`);
    }
  });

  it('counted goes through add and edit, and counted:none clears it', async () => {
    expect(
      (
        await run(
          'dot',
          'add client:Acme type:hourly start:2026-01-10 end:2026-03-01 earnings:500 stars:4.6 counted:neutral',
        )
      ).kind,
    ).toBe('success');
    expect((await stateOf('dot'))!.contracts[0]?.counted).toBe('neutral');
    expect(text(await run('dot', 'list'))).toContain('counted as neutral');
    expect((await run('dot', 'edit c1 counted:Excluded')).kind).toBe('success');
    expect((await stateOf('dot'))!.contracts[0]?.counted).toBe('excluded');
    expect((await run('dot', 'edit c1 counted:none')).kind).toBe('success');
    expect((await stateOf('dot'))!.contracts[0]?.counted).toBeNull();
  });

  it('explain finds the hidden fact, offers the command, and changes nothing until it is run', async () => {
    await withContracts('eve');
    const { contracts } = (await stateOf('eve'))!;
    const hidden = contracts.map((contract) =>
      contract.id === 'c3' ? { ...contract, counted: 'neutral' as const } : contract,
    );
    const upwork = estimateOn(hidden, '2026-11-20') as number;
    expect(upwork).not.toBe(estimateOn(contracts, '2026-11-20'));
    await run('eve', `actual ${upwork} date:2026-11-20`);
    const before = await stateOf('eve');
    const explained = await run('eve', 'explain');
    expect(explained.actions.map((action) => action.command)).toContain('edit c3 counted:neutral');
    expect(text(explained)).toContain(`Upwork's ${upwork}% on 2026-11-20 fits one hidden fact: c3 (Gamma`);
    expect(await stateOf('eve')).toEqual(before);
    // score mentions the gap in one line and points to explain.
    const score = await run('eve', 'score');
    expect(text(score)).toContain(`Upwork showed you ${upwork}% on 2026-11-20`);
    expect(score.actions.map((action) => action.command)).toContain('explain');
    expect(text(sharedView(score, 'Shared'))).not.toContain('Upwork showed you');
    expect((await run('eve', 'edit c3 counted:neutral')).kind).toBe('success');
    expect((await run('eve', 'explain')).title).toBe('The estimate matches what Upwork showed');
    expect(text(await run('eve', 'score'))).not.toContain('Upwork showed you');
  });

  it('score and forecast carry the past 16 weeks and the recorded scores in their series; shared, the recorded ones are gone', async () => {
    await withContracts('pia');
    await run('pia', 'actual 93 date:2026-09-30');
    await run('pia', 'actual 91 date:2026-11-19');
    await run('pia', 'actual 70 date:2026-06-01'); // before the 16 weeks: not on the chart
    const { contracts } = (await stateOf('pia'))!;
    const dates = Array.from({ length: 16 }, (_, i) => formatDay(toDay(TEST_AS_OF) - 7 * (15 - i)));
    for (const command of ['score', 'forecast']) {
      const answer = await run('pia', command);
      const series = seriesOf(answer);
      expect(series?.past?.map((point) => point.date)).toEqual(dates);
      expect(series?.past?.map((point) => point.value)).toEqual(dates.map((date) => estimateOn(contracts, date)));
      expect(series?.recorded).toEqual([
        { date: '2026-09-30', value: 93 },
        { date: '2026-11-19', value: 91 },
      ]);
      const shared = seriesOf(sharedView(answer, 'Shared'));
      expect(shared?.past).toEqual(series?.past);
      expect(shared?.recorded).toBeUndefined();
    }
  });

  it("a new member's series is the forecast alone, as before", async () => {
    await run('quin', 'join');
    for (const command of ['score', 'forecast']) {
      const series = seriesOf(await run('quin', command));
      expect(series?.title).toBe('Your score over the next 12 months if nothing new happens');
      expect(series).not.toHaveProperty('past');
      expect(series).not.toHaveProperty('recorded');
    }
  });

  it('explain and badges answer without recorded scores too', async () => {
    await withContracts('fay');
    expect((await run('fay', 'explain')).title).toBe('Nothing to explain yet');
    const badges = text(await run('fay', 'badges'));
    expect(badges).toContain('Weeks at 90% or more');
    expect(badges).toContain('Conditions the bot cannot see');
  });

  it('export then import gives the same recorded scores (CSV files and JSON), in replace and add modes', async () => {
    await withContracts('gus');
    await run('gus', 'actual 91 date:2026-10-01 longterm:35');
    await run('gus', 'actual 89 date:2026-11-01');
    const original = await stateOf('gus');
    const json = (await run('gus', 'export format:json')).attachments[0]!;
    expect(JSON.parse(json.content).observations).toEqual(original!.observations);
    await run('gus', 'actual remove date:2026-10-01');
    expect((await run('gus', `import mode:replace\n${json.content}`)).title).toBe(
      'Imported 4 contracts and 2 recorded scores',
    );
    expect(await stateOf('gus')).toEqual(original);

    const csv = await run('gus', 'export');
    expect(csv.title).toBe('Your 4 contracts and 2 recorded scores as CSV');
    const [contractsFile, scoresFile] = csv.attachments;
    expect(scoresFile?.content).toBe('date,score,longterm\n2026-10-01,91,35\n2026-11-01,89,\n');
    expect((await run('gus', `import mode:replace\n${contractsFile?.content}`)).kind).toBe('success');
    await run('gus', 'actual 50 date:2026-11-01');
    await run('gus', 'actual 60 date:2026-11-02');
    expect((await run('gus', `import\n${scoresFile?.content}`)).title).toBe('Imported 2 recorded scores');
    expect((await stateOf('gus'))!.observations).toEqual([
      ...original!.observations,
      { date: '2026-11-02', score: 60, longterm: null },
    ]);
    expect((await run('gus', `import mode:replace\n${scoresFile?.content}`)).kind).toBe('success');
    expect(await stateOf('gus')).toEqual(original);
  });

  it('an import with a bad recorded score names it and imports nothing', async () => {
    await withContracts('hal');
    const before = await stateOf('hal');
    const result = await run('hal', 'import\ndate,score\n2026-10-01,101');
    expect(result.kind).toBe('error');
    expect(text(result)).toContain('observation 1 (2026-10-01), field score');
    expect(await stateOf('hal')).toEqual(before);
  });

  it('forget deletes the recorded scores', async () => {
    await withContracts('ivy');
    await run('ivy', 'actual 90 date:2026-11-01');
    const code = /forget confirm:([A-Z0-9]+)/.exec((await run('ivy', 'forget')).summary ?? '')?.[1];
    expect((await run('ivy', `forget confirm:${code}`)).kind).toBe('success');
    expect(await stateOf('ivy')).toBeNull();
  });

  it("privacy: another member never sees someone's recorded scores; accuracy shows figures only", async () => {
    const community = 'team-private';
    await withContracts('jon', community);
    await run('jon', 'actual 77 date:2026-11-03 longterm:12', {}, community);
    await withContracts('kim', community);
    const kims = [
      await run('kim', 'actual', {}, community),
      await run('kim', 'explain', {}, community),
      await run('kim', 'badges', {}, community),
      await run('kim', 'score', {}, community),
      await run('kim', 'export format:json', {}, community),
    ];
    for (const reply of kims) {
      const all = `${text(reply)}${reply.attachments.map((file) => file.content).join('')}`;
      expect(all).not.toContain('77%');
      expect(all).not.toContain('2026-11-03');
    }
    const accuracy = await run('kim', 'accuracy', {}, community);
    const shown = text(accuracy);
    expect(shown).toContain('Over 1 member who recorded');
    expect(shown).toContain('upwork-2025');
    expect(shown).not.toMatch(/jon|Name of|77|2026-11-03/);
    const config = text(await run('kim', 'config', {}, community));
    expect(config).toContain('Accuracy');
    expect(config).not.toMatch(/jon|Name of/);
  });

  it('accuracy counts exact and near days per preset; badges put a recorded week in place of its estimate', async () => {
    const community = 'team-accuracy';
    await withContracts('ned', community);
    const { contracts } = (await stateOf('ned', community))!;
    const exact = estimateOn(contracts, '2026-11-01') as number;
    await run('ned', `actual ${exact} date:2026-11-01`, {}, community);
    await run('ned', `actual ${Math.max(0, exact - 2)} date:2026-11-15`, {}, community);
    const shown = await run('ned', 'accuracy', {}, community);
    const upwork2025 = (shown.blocks.find((block) => block.type === 'table') as { rows: string[][] }).rows.find(
      (row) => row[0] === 'upwork-2025',
    );
    // Nothing changed between the two days: one day exact, the other 2 points off.
    expect(estimateOn(contracts, '2026-11-15')).toBe(exact);
    expect(upwork2025).toEqual(['upwork-2025', '2', '50%', '100%', '1']);
    const badges = text(await run('ned', 'badges', {}, community));
    expect(badges).toContain('recorded by you');
    expect(badges).toContain('2 weeks use the score you recorded');
  });

  it('config sets the graded values like the other parameters', async () => {
    const admin = { isAdmin: true };
    const set = await run('lee', 'config param:neutralValue=0.5', admin, 'team-graded');
    expect(set.kind).toBe('success');
    expect(text(set)).toContain('neutralValue=0.5');
    expect((await run('lee', 'config param:negativeValue=0.5', admin, 'team-graded')).kind).toBe('error');
  });
});
