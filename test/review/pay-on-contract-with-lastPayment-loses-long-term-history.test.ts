// Bug: src/commands/handlers/pay.ts turns a contract that tracked its payments as
// earnings + lastPayment (no payments list) into one with a single listed payment. The scoring
// model then takes *first* payment = that payment's date (no longer `start`), so the months of
// paid work vanish: a long-term retainer (success, weight 4.5) becomes "in progress" (excluded)
// just because the member recorded one more payment. README's own flow (`pay retainer amount:800`)
// hits this: the member's score drops from 60% to 0%.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { runCommandText } from '../../src/commands/dispatch.ts';
import type { CommandContext } from '../../src/commands/types.ts';
import { scoreContracts } from '../../src/scoring/index.ts';
import { databaseKinds } from '../helpers/databases.ts';

const AS_OF = '2026-11-22';

describe.each(databaseKinds)('pay on $name', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  let n = 0;
  beforeAll(async () => ({ store, close } = await kind.open()));
  afterAll(async () => close());
  const ctx = (): CommandContext => ({
    platform: 'slack', community: { platform: 'slack', externalId: 'T-pay' }, userId: 'maria', displayName: 'maria',
    requestId: `pay-${++n}`, asOf: AS_OF, isAdmin: false,
  });
  const run = (text: string) => runCommandText({ store }, ctx(), text);
  const contracts = async () => {
    const community = await store.ensureCommunity({ platform: 'slack', externalId: 'T-pay' });
    return store.listContracts((await store.findMember(community.id, 'maria'))!.id);
  };

  it('recording a new payment on a long-term retainer does not stop it counting as long-term work', async () => {
    await run('add id:retainer client:Echo type:hourly start:2026-01-05 earnings:5000 lastPayment:2026-11-01');
    await run('add client:Acme type:fixed start:2026-01-10 end:2026-02-01 earnings:1200 stars:5');
    await run('add client:Bee type:fixed start:2026-03-10 end:2026-04-01 earnings:1200 stars:3');
    const before = scoreContracts(await contracts(), AS_OF);
    expect(before.score).toBe(60);
    expect((await run('pay retainer amount:800')).kind).toBe('success');
    const after = scoreContracts(await contracts(), AS_OF);
    // More paid work on a retainer that has been paid for 10 months cannot make the score fall.
    expect(after.score).toBeGreaterThanOrEqual(before.score as number);
  });
});
