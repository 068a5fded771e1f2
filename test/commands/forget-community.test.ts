// `config forget-community`: admins only, a confirmation code first, then every member of the
// community and all of theirs go and its settings are reset; other communities keep everything.

import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/types.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { useCommandSession } from '../helpers/command-session.ts';
import { databaseKinds } from '../helpers/databases.ts';

describe.each(databaseKinds)('config forget-community on $name', (kind) => {
  const session = useCommandSession(kind);

  const run = (user: string, text: string, community: string, extra: Partial<CommandContext> = {}) =>
    session.run('slack', community, user, text, extra);
  const admin = { isAdmin: true };
  const ADD = 'add client:Acme type:fixed start:2026-01-10 end:2026-02-01 earnings:100 stars:5';

  async function contractsIn(community: string, user: string) {
    const row = await session.store.ensureCommunity({ platform: 'slack', externalId: community });
    const member = await session.store.findMember(row.id, user);
    return member ? (await session.store.listContracts(member.id)).length : null;
  }

  async function codeFrom(community: string, user = 'boss') {
    const ask = await run(user, 'config forget-community', community, admin);
    expect(ask.kind).toBe('confirm');
    const code = /forget-community confirm:([A-Z0-9]+)/.exec(ask.summary ?? '')?.[1];
    if (!code) throw new Error(`no code in ${ask.summary}`);
    return code;
  }

  it('is for admins only: a member is refused and nothing is asked or deleted', async () => {
    await run('ann', ADD, 'ws-1');
    const refused = await run('ann', 'config forget-community', 'ws-1');
    expect(refused).toMatchObject({ kind: 'error' });
    expect(renderText(refused)).toContain('only community admins');
    expect(await contractsIn('ws-1', 'ann')).toBe(1);
  });

  it('asks for a code; a wrong code deletes nothing; the right one deletes every member of this community only, and works once', async () => {
    await run('ann', ADD, 'ws-2');
    await run('bea', ADD, 'ws-2');
    await run('ann', 'join', 'ws-2');
    await run('boss', 'config model:upwork-2015 leaderboard:off', 'ws-2', admin);
    await run('ann', ADD, 'ws-other');
    const code = await codeFrom('ws-2');
    expect(renderText(await run('boss', 'config forget-community confirm:WRONG1', 'ws-2', admin))).toContain(
      'expected the code from your latest "config forget-community"',
    );
    expect(await contractsIn('ws-2', 'ann')).toBe(1);
    // Another admin cannot use this admin's code.
    expect((await run('chief', `config forget-community confirm:${code}`, 'ws-2', admin)).kind).toBe('error');
    const done = await run('boss', `config forget-community confirm:${code.toLowerCase()}`, 'ws-2', admin);
    expect(done).toMatchObject({ kind: 'success', title: "The community's data is deleted" });
    // ann, bea and the admin who asked (chief's refused try rolled back, his member row with it).
    expect(done.summary).toContain('3 members');
    expect(await contractsIn('ws-2', 'ann')).toBeNull();
    expect(await contractsIn('ws-2', 'bea')).toBeNull();
    expect(await session.store.ensureCommunity({ platform: 'slack', externalId: 'ws-2' })).toMatchObject({
      model: 'upwork-2025',
      leaderboardEnabled: true,
      params: {},
    });
    expect(await contractsIn('ws-other', 'ann')).toBe(1);
    expect((await run('boss', `config forget-community confirm:${code}`, 'ws-2', admin)).kind).toBe('error');
    // The community works afresh.
    expect((await run('ann', ADD, 'ws-2')).kind).toBe('success');
  });

  it('refuses a code without forget-community, another word, and settings mixed in, changing nothing', async () => {
    await run('ann', ADD, 'ws-3');
    const code = await codeFrom('ws-3');
    expect(renderText(await run('boss', `config confirm:${code}`, 'ws-3', admin))).toContain(
      'confirm: only with forget-community',
    );
    expect(renderText(await run('boss', 'config forget-everything', 'ws-3', admin))).toContain(
      'expected forget-community',
    );
    expect(
      renderText(await run('boss', `config forget-community confirm:${code} leaderboard:off`, 'ws-3', admin)),
    ).toContain('leaderboard: not with forget-community');
    expect(await contractsIn('ws-3', 'ann')).toBe(1);
    expect((await session.store.ensureCommunity({ platform: 'slack', externalId: 'ws-3' })).leaderboardEnabled).toBe(
      true,
    );
    // The code was not used up by the refusals above... except the one consumed nowhere: it still works.
    expect((await run('boss', `config forget-community confirm:${code}`, 'ws-3', admin)).kind).toBe('success');
  });
});
