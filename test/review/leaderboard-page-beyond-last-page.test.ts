// Bug (minor): src/commands/handlers/leaderboard.ts does not clamp `page`. `leaderboard page:7`
// with one page of members slices nothing, titles itself "page 1 of 1", claims "Nobody with a
// score has joined yet" although members with scores have joined, and offers a "Previous" button
// to page 6 (also empty).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { runCommandText } from '../../src/commands/dispatch.ts';
import type { CommandContext } from '../../src/commands/types.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { databaseKinds } from '../helpers/databases.ts';

describe.each(databaseKinds)('leaderboard pages on $name', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  let n = 0;
  beforeAll(async () => ({ store, close } = await kind.open()));
  afterAll(async () => close());
  const ctx = (user: string): CommandContext => ({
    platform: 'slack', community: { platform: 'slack', externalId: 'T-lb' }, userId: user, displayName: `Name ${user}`,
    requestId: `lb-${++n}`, asOf: '2026-11-22', isAdmin: false,
  });

  it('a page past the last one shows the last page, not an empty "nobody joined" page', async () => {
    const run = (text: string) => runCommandText({ store }, ctx('ann'), text);
    await run('add client:A type:fixed start:2026-01-10 end:2026-02-01 earnings:1200 stars:5');
    await run('add client:B type:fixed start:2026-03-10 end:2026-04-01 earnings:1200 stars:5');
    await run('join');
    const reply = await run('leaderboard page:7');
    const text = renderText(reply);
    expect(text).toContain('Name ann');
    expect(text).not.toContain('Nobody with a score has joined yet');
    expect(reply.actions.map((action) => action.command)).not.toContain('leaderboard page:6');
  });
});
