// Tab completion in the console: command names, argument names and choice values from the command
// definitions, and the member's own contract ids (never another member's).

import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-bot.ts';
import { completeLine, wantsContractIds, type CompletionSources } from '../../adapters/console/completer.ts';
import { COMMANDS } from '../../src/commands/registry.ts';
import { runCommandText } from '../../src/commands/dispatch.ts';
import type { Store } from '../../src/ports/store.ts';
import { consoleContext } from '../../adapters/console/context.ts';
import { databaseKinds } from '../helpers/databases.ts';

const sources: CompletionSources = { definitions: COMMANDS, contractIds: ['c1', 'c2', 'site-redo'] };
const complete = (line: string, extra: Partial<CompletionSources> = {}) => completeLine(line, { ...sources, ...extra });

describe('completing a console line (pure)', () => {
  it('the first word: command names that start with it', () => {
    expect(complete('ex')).toEqual([['explain', 'export'], 'ex']);
    expect(complete('le')).toEqual([['leaderboard', 'leave'], 'le']);
    expect(complete('  tim')).toEqual([['timezone'], 'tim']);
    expect(complete('')[0]).toEqual(COMMANDS.map((command) => command.name));
    expect(complete('zzz')).toEqual([[], 'zzz']);
  });

  it('argument names of the command, as name:, without those already given', () => {
    expect(complete('add cl')).toEqual([['client:', 'clientFlagged:'], 'cl']);
    expect(complete('add client:Acme cl')).toEqual([['clientFlagged:'], 'cl']);
    expect(complete('add s')).toEqual([['start:', 'stars:'], 's']);
    expect(complete('plan t')).toEqual([['target:'], 't']);
  });

  it("every argument of every command is offered by its definition's name", () => {
    for (const command of COMMANDS) {
      const offered = complete(`${command.name} `, { contractIds: [] })[0];
      for (const arg of command.args) expect(offered).toContain(`${arg.name}:`);
    }
  });

  it('values of choice and on/off arguments', () => {
    expect(complete('add type:h')).toEqual([['type:hourly'], 'type:h']);
    expect(complete('add type:')).toEqual([['type:hourly', 'type:fixed'], 'type:']);
    expect(complete('add disputed:o')).toEqual([['disputed:on', 'disputed:off'], 'disputed:o']);
    expect(complete('add client:Ac')).toEqual([[], 'client:Ac']);
  });

  it("the positional word: the member's contract ids, help's command names, a command's words", () => {
    expect(complete('edit ')).toEqual([
      ['c1', 'c2', 'site-redo', ...COMMANDS.find((c) => c.name === 'edit')!.args.map((arg) => `${arg.name}:`)],
      '',
    ]);
    expect(complete('edit s')).toEqual([['site-redo', 'start:', 'stars:'], 's']);
    expect(complete('edit c1 c')).toEqual([['client:', 'clientFlagged:', 'counted:'], 'c']);
    expect(complete('help ti')).toEqual([['tips', 'timezone'], 'ti']);
    expect(complete('remind o')).toEqual([['on', 'off'], 'o']);
    expect(complete('leaderboard l')).toEqual([['longterm'], 'l']);
  });

  it("the console's own arguments, and nothing inside an open quote", () => {
    const file = (definition: { body?: unknown; name: string }) =>
      definition.body !== undefined || definition.name === 'export' ? ['file'] : [];
    expect(complete('import f', { extraArgs: file })).toEqual([['file:'], 'f']);
    expect(complete('score f', { extraArgs: file })).toEqual([[], 'f']);
    expect(complete('add client:"Acme Lt')).toEqual([[], '']);
  });

  it('contract ids are wanted only where the positional word is one', () => {
    expect(wantsContractIds('edit ', COMMANDS)).toBe(true);
    expect(wantsContractIds('why c', COMMANDS)).toBe(true);
    expect(wantsContractIds('edit stars:', COMMANDS)).toBe(false);
    expect(wantsContractIds('add ', COMMANDS)).toBe(false);
    expect(wantsContractIds('edi', COMMANDS)).toBe(false);
  });

  it('every candidate starts with what was typed, for any line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (line) => {
        const [candidates, typed] = complete(line);
        for (const candidate of candidates) expect(candidate.toLowerCase().startsWith(typed.toLowerCase())).toBe(true);
      }),
    );
  });
});

const pglite = databaseKinds[0];
if (!pglite) throw new Error('no database kinds');

describe('tab in the console REPL', () => {
  let store: Store;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, close } = await pglite.open());
    await runCommandText(
      { store },
      consoleContext('ana', '2026-11-22'),
      'add id:ana-site client:Acme type:hourly start:2026-01-05',
    );
    await runCommandText(
      { store },
      consoleContext('ben', '2026-11-22'),
      'add id:ben-secret client:Beta type:hourly start:2026-01-05',
    );
  });
  afterAll(async () => close());

  /** What the terminal shows after typing `keys` (tab included) at the prompt, waiting for `until`. */
  async function typedKeys(user: string, keys: string, until: string): Promise<string> {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const done = runConsole({ services: { store }, input, output, user, today: () => '2026-11-22' });
    input.write(keys);
    for (let i = 0; i < 100 && !printed.includes(until); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    input.end();
    await done;
    return printed;
  }

  it("completes the member's own contract ids, never another member's", async () => {
    expect(await typedKeys('ana', 'edit a\t', 'ana-site')).toContain('edit ana-site');
    const other = await typedKeys('ana', 'edit b\t\t', 'ben-secret');
    expect(other).not.toContain('ben-secret');
    expect(await typedKeys('ben', 'edit b\t', 'ben-secret')).toContain('edit ben-secret');
  });
});
