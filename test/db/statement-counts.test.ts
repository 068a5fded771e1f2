// How many statements a command sends, counted at the driver on PGlite and PostgreSQL. The counts
// are pinned (docs/performance.md has the table): a change that adds a round trip to a command
// fails here and has to say why in both places.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackTimeZoneOf } from '../../adapters/slack/user-time-zone.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import type { CommandContext } from '../../src/commands/types.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { databaseKinds, type OpenedDatabase } from '../helpers/databases.ts';
import { countStatements, type StatementCounter } from '../helpers/statement-counter.ts';

/**
 * Statements per command, for a member with 3 contracts (one with 2 payments), on the leaderboard.
 * `add` differs by one between the drivers: drizzle opens a PGlite transaction with one more statement.
 * A warm leaderboard is the dispatcher's first read (community, member and history row in one) plus
 * one statement (the page, the caller's rank and the staleness probe); after a write, that page finds the snapshot stale: the promotion
 * UPDATE, one recomputing transaction (BEGIN, claim, settings, contracts, save, COMMIT), the page again.
 */
const STATEMENTS_PER_COMMAND = {
  pglite: { score: 3, slackScore: 3, discordScore: 3, list: 2, add: 11, leaderboardAfterWrite: 10, leaderboard: 2 },
  postgres: { score: 3, slackScore: 3, discordScore: 3, list: 2, add: 10, leaderboardAfterWrite: 10, leaderboard: 2 },
} as const;

describe.each(databaseKinds)('statements per command on $name', (kind) => {
  let opened: OpenedDatabase;
  let counter: StatementCounter;
  let services: Services;

  beforeAll(async () => {
    opened = await kind.open();
    counter = countStatements(opened.handle);
    services = {
      store: opened.store,
      onError: (error) => {
        throw error;
      },
    };
  });
  afterAll(async () => opened.close());

  const run = async (text: string, extra: Partial<CommandContext> = {}) =>
    renderText(await runCommandText(services, commandContext('slack', 'team-count', 'U1', extra), text));
  /** As the Slack adapter asks for the member's zone: with the row the dispatcher read (users.info faked). */
  const slackZone: Partial<CommandContext> = {
    platformTimeZone: (member) =>
      slackTimeZoneOf(member, {
        store: opened.store,
        client: { users: { info: async () => ({ user: { tz: 'Europe/Berlin' } }) } },
        userId: 'U1',
        now: new Date(),
      }),
  };

  async function counted(
    text: string,
    expected: RegExp,
    extra: Partial<CommandContext> = {},
    ctx = commandContext('slack', 'team-count', 'U1', extra),
  ): Promise<number> {
    counter.reset();
    const reply = renderText(await runCommandText(services, ctx, text));
    const count = counter.count;
    expect(reply).toMatch(expected);
    return count;
  }

  it('score, list, add and leaderboard send the pinned number of statements', async () => {
    expect(await run('add id:a client:Acme type:fixed start:2026-01-05 end:2026-02-01 earnings:500 stars:5')).toMatch(
      /^Added a/,
    );
    expect(await run('add id:b client:Bolt type:hourly start:2026-03-01')).toMatch(/^Added b/);
    expect(await run('pay b amount:200 date:2026-04-01')).toMatch(/^Recorded/);
    expect(await run('pay b amount:300 date:2026-05-01')).toMatch(/^Recorded/);
    expect(await run('join')).not.toMatch(/^Error/);
    await run('leaderboard');
    // The first command with the Slack zone asks users.info and caches it in the row; later ones read it with the member.
    await run('score', slackZone);
    // On Discord the member's history is their person's row (made and linked on their first command).
    const onDiscord = () => commandContext('discord', 'guild-count', 'U1');
    await runCommandText(services, onDiscord(), 'add id:d client:Delta type:fixed start:2026-01-05 end:2026-02-01');

    const counts = {
      score: await counted('score', /score/i),
      slackScore: await counted('score', /score/i, slackZone),
      discordScore: await counted('score', /score/i, {}, onDiscord()),
      list: await counted('list', /a\b[\s\S]*b\b/),
      add: await counted('add id:c client:Cobalt type:fixed start:2026-06-01', /^Added c/),
      // The first read after a write recomputes the member's stale snapshot; the page alone is the second.
      leaderboardAfterWrite: await counted('leaderboard', /leaderboard/i),
      leaderboard: await counted('leaderboard', /leaderboard/i),
    };
    expect(counts).toEqual(STATEMENTS_PER_COMMAND[kind.name]);
  });
});
