import { describe, expect, it } from 'vitest';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import { createInFlight } from '../../src/commands/in-flight.ts';
import type { CommandObservation } from '../../src/commands/observe.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { commandContext } from '../helpers/command-context.ts';

describe('commands in flight', () => {
  it('idle() waits for the last one to finish, or gives up at its timeout', async () => {
    const inFlight = createInFlight();
    expect(await inFlight.idle(10)).toBe(true);
    const first = inFlight.begin();
    const second = inFlight.begin();
    expect(inFlight.count).toBe(2);
    expect(await inFlight.idle(20)).toBe(false);
    const waiting = inFlight.idle(5_000);
    first();
    first(); // a second call changes nothing
    expect(inFlight.count).toBe(1);
    second();
    expect(await waiting).toBe(true);
    expect(inFlight.count).toBe(0);
  });

  it('a command counts while it runs, and is observed once with its outcome', async () => {
    const pglite = databaseKinds[0];
    if (!pglite) throw new Error('no database kinds');
    const { store, close } = await pglite.open();
    try {
      const inFlight = createInFlight();
      const seen: CommandObservation[] = [];
      let countDuring = -1;
      const slowStore = {
        ...store,
        ensureCommunity: async (...args: Parameters<typeof store.ensureCommunity>) => (
          (countDuring = inFlight.count), store.ensureCommunity(...args)
        ),
      };
      const services: Services = { store: slowStore, inFlight, observe: (observation) => seen.push(observation) };
      await runCommandText(services, commandContext('slack', 'T1', 'U1'), 'list');
      await runCommandText(services, commandContext('slack', 'T1', 'U1'), 'edit nothing-here stars:5');
      await runCommandText(services, commandContext('slack', 'T1', 'U1'), 'frobnicate');
      expect(countDuring).toBe(1);
      expect(inFlight.count).toBe(0);
      expect(seen.map(({ command, outcome, platform }) => [platform, command, outcome])).toEqual([
        ['slack', 'list', 'ok'],
        ['slack', 'edit', 'refused'],
        ['slack', 'unknown', 'refused'],
      ]);
    } finally {
      await close();
    }
  });
});
