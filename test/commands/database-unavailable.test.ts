// The command bus when the database is away: one reply that says so, and one retry when a retry
// is safe (a read, or a write its request id makes idempotent) and fits the reply budget.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { DatabaseUnavailableError } from '../../src/commands/database-unavailable.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { databaseKinds } from '../helpers/databases.ts';

const pglite = databaseKinds.find((kind) => kind.name === 'pglite');

describe('the command bus while the database is away', () => {
  let store: Store;
  let close: () => Promise<void>;
  let failures = 0;
  let calls = 0;
  const errors: unknown[] = [];

  beforeAll(async () => {
    ({ store, close } = await (pglite as NonNullable<typeof pglite>).open());
  }, 60_000);
  afterAll(async () => close?.());

  /** The store, failing its next `count` first reads of a command (community and member) as an unreachable server would. */
  function failing(count: number): Services {
    failures = count;
    calls = 0;
    const flaky: Store = {
      ...store,
      transaction: (work) =>
        store.transaction((inner) => work({ ...inner, findCommunityMember: findCommunityMember(inner) })),
      findCommunityMember: findCommunityMember(store),
    };
    return { store: flaky, onError: (error) => errors.push(error) };
  }
  function findCommunityMember(target: Store): Store['findCommunityMember'] {
    return async (ref, platformUserId) => {
      calls++;
      if (failures > 0) {
        failures--;
        throw new DatabaseUnavailableError('ECONNREFUSED');
      }
      return target.findCommunityMember(ref, platformUserId);
    };
  }

  const run = (services: Services, text: string, requestId: string | null = `r-${Math.random()}`) =>
    runCommandText(services, commandContext('console', 'local', 'dana', { requestId }), text);

  it('answers that nothing was changed, after one retry, and reports the failure', async () => {
    const reply = await run(failing(5), 'list');
    expect(reply.kind).toBe('error');
    expect(renderText(reply)).toContain('the database is unavailable; nothing was changed; try again shortly');
    expect(calls).toBe(2);
    expect(errors.at(-1)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('a read succeeds when the retry does', async () => {
    expect((await run(failing(1), 'list')).kind).toBe('info');
    expect(calls).toBe(2);
  });

  it('a write with a request id is retried (the id makes it happen once)', async () => {
    expect((await run(failing(1), 'add id:w1 client:Acme type:hourly start:2026-01-10 earnings:100')).title).toBe(
      'Added w1',
    );
    expect(calls).toBe(2);
  });

  it('a write without a request id is not retried', async () => {
    const reply = await run(failing(1), 'add id:w2 client:Acme type:hourly start:2026-01-10 earnings:100', null);
    expect(renderText(reply)).toContain('the database is unavailable; nothing was changed');
    expect(calls).toBe(1);
    expect(renderText(await run(failing(0), 'list'))).not.toContain('w2');
  });
});
