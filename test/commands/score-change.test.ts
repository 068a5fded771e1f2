// Replies that close the loop: every change ends with the estimated score before and after it.

import type { Store } from '../../src/ports/store.ts';
import { describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/dispatch.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';

describe.each(databaseKinds)('the score after a change, on $name', (kind) => {
  let store: Store;
  useDatabase(kind, (opened) => ({ store } = opened));
  const run = async (text: string) =>
    renderText(await runCommandText({ store }, commandContext('slack', 'team-loop', 'U1'), text));
  const scoreNow = async () => Number(/Job Success Score \(estimate\): (\d+)%/.exec(await run('score'))?.[1]);

  it('add, edit, pay, end, remove and import each say what the score was and is', async () => {
    expect(await run('add client:Acme type:hourly start:2026-01-05 end:2026-04-01 earnings:2000 stars:5')).toContain(
      'No Job Success Score yet',
    );
    expect(await run('add client:Beta type:fixed start:2026-05-01 end:2026-06-01 earnings:900 stars:5')).toContain(
      'Your estimated Job Success Score: 100% (your first).',
    );
    const added = await run('add client:Corvid type:fixed start:2026-07-01 end:2026-07-20 earnings:500 stars:2');
    const low = await scoreNow();
    expect(low).toBeLessThan(100);
    expect(added).toContain(`Your estimated Job Success Score: 100% → ${low}%.`);
    expect(await run('edit c3 stars:5')).toContain(`Your estimated Job Success Score: ${low}% → 100%.`);
    expect(await run('edit c3 client:"Corvid Labs"')).toContain('Your estimated Job Success Score stays 100%.');
    expect(await run('add client:Delta type:hourly start:2026-09-01 earnings:300')).toContain('Added c4');
    expect(await run('pay c4 amount:200 date:2026-10-01')).toContain('Your estimated Job Success Score stays 100%.');
    expect(await run('end c4 stars:1')).toMatch(/Your estimated Job Success Score: 100% → \d+%\./);
    const afterEnd = await scoreNow();
    expect(await run('remove c4')).toContain(`Your estimated Job Success Score: ${afterEnd}% → 100%.`);
    // whatif says what it assumed, in full.
    expect(await run('whatif count:3')).toMatch(
      /with 3 more fixed contracts of \$[\d,.]+ ended 2026-11-22 with 5★, each from a new client: /,
    );
    expect(await run('whatif count:2 client:Acme stars:4')).toMatch(
      /with 2 more fixed contracts of \$[\d,.]+ ended 2026-11-22 with 4★, from Acme: /,
    );
    expect(
      await run(
        'import mode:replace\nid,client,type,start,end,earnings,stars\nx1,Solo,fixed,2026-01-05,2026-02-01,100,5',
      ),
    ).toContain('Your estimated Job Success Score: 100% → none (not enough counted contracts now).');
  });
});

describe.each(databaseKinds)('empty and tiny states read naturally, on $name', (kind) => {
  it('why with no contracts, score without a score, one client', async () => {
    const { store, close } = await kind.open();
    try {
      const run = async (text: string) =>
        renderText(await runCommandText({ store }, commandContext('slack', 'team-tiny', 'U1'), text));
      const why = await run('why');
      expect(why).toContain('You have no contracts yet, so there is nothing to explain.');
      expect(why).not.toContain('id  client  outcome');
      await run('add client:Acme type:fixed start:2026-01-05 end:2026-03-01 earnings:500 stars:5');
      const score = await run('score');
      const sentence = 'No Job Success Score yet: it needs at least 2 counted contracts';
      expect(score.split(sentence).length - 1).toBe(1);
      expect(score).toContain('2026-11-22 → 2027-11-22: no score on any day');
      expect(score).toContain('(0 of 1 client of the past year');
      expect(await run('longterm')).toContain(
        'Your one client of the past year is not long-term (3+ months), so your score is 0%.',
      );
    } finally {
      await close();
    }
  });
});
