import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/replies/render-text.ts';
import { useCommandSession } from '../helpers/command-session.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { historyMemberOf } from '../helpers/history-member.ts';

describe.each(databaseKinds)('the remind command on $name', (kind) => {
  const session = useCommandSession(kind);

  const run = (user: string, text: string) => session.run('discord', 'guild-1', user, text);

  async function remindersOn(user: string): Promise<boolean | undefined> {
    // On Discord reminders are the person's (one reminder, whatever the servers they are in).
    return (await historyMemberOf(session.store, 'discord', 'guild-1', user))?.remindersOptIn;
  }

  it('is off until the member turns it on; remind alone says which', async () => {
    const shown = await run('ann', 'remind');
    expect(shown).toMatchObject({ kind: 'info', title: 'Daily reminders are off' });
    expect(renderText(shown)).toContain('With "remind on" you get once a day, a direct message');
    expect(await remindersOn('ann')).toBe(false);
  });

  it("remind on and remind off switch the member's reminders, in any case", async () => {
    expect(await run('ben', 'remind on')).toMatchObject({ kind: 'success', title: 'Daily reminders are on' });
    expect(await remindersOn('ben')).toBe(true);
    expect(await run('ben', '/jss remind')).toMatchObject({ kind: 'info', title: 'Daily reminders are on' });
    expect(await run('ben', 'REMIND OFF')).toMatchObject({ kind: 'success', title: 'Daily reminders are off' });
    expect(await remindersOn('ben')).toBe(false);
    expect(renderText(await run('ben', 'remind off'))).toContain('Turn them on again with "remind on"');
  });

  it('bad input names what was wrong and what is expected, and changes nothing', async () => {
    await run('cat', 'remind on');
    const bad = await run('cat', 'remind maybe');
    expect(bad.kind).toBe('error');
    expect(renderText(bad)).toContain(
      'got "maybe", expected "remind on", "remind off", or "remind" alone to see whether reminders are on',
    );
    const extra = await run('cat', 'remind off now');
    expect(renderText(extra)).toContain('remind got an unexpected word "now"; expected: remind [on|off]');
    const named = await run('cat', 'remind state:off');
    expect(renderText(named)).toContain('"state" is not an argument of remind; expected no arguments');
    expect(await remindersOn('cat')).toBe(true);
  });

  it('help lists remind and explains it', async () => {
    const help = renderText(await run('dan', 'help'));
    expect(help).toMatch(/remind\s+Daily reminders by direct message/);
    expect(renderText(await run('dan', 'help remind'))).toContain('Usage: remind [on|off]');
  });
});
