import { describe, expect, expectTypeOf, it } from 'vitest';
import { commandsDoc } from '../../scripts/commands-doc.ts';
import { DATE, integer, MONEY, type ArgsOf } from '../../src/commands/args.ts';
import { defineCommand, needsAdmin } from '../../src/commands/define.ts';
import { formToOpen } from '../../src/commands/forms.ts';
import { COMMANDS, findCommand } from '../../src/commands/registry.ts';
import { suggestionTarget } from '../../src/commands/suggest.ts';
import { reply } from '../../src/replies/reply.ts';

function command(name: string) {
  const found = findCommand(name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
}

const input = (name: string, positionals: string[] = [], named: Record<string, string> = {}, body = '') => ({
  command: name,
  positionals,
  named,
  body,
});

describe('defineCommand', () => {
  it('types the arguments a handler receives from their specs (no casts)', () => {
    const args = [
      { name: 'target', kind: integer(1, 100), description: 'the score to reach' },
      { name: 'earnings', kind: MONEY, description: 'earnings', clearable: true },
      { name: 'date', kind: DATE, description: 'a day' },
    ] as const;
    expectTypeOf<ArgsOf<typeof args>>().toEqualTypeOf<{ target?: number; earnings?: number | null; date?: string }>();
    const defined = defineCommand({
      name: 'probe',
      summary: 'a probe',
      usage: 'probe [target:N]',
      examples: ['probe'],
      args,
      writes: false,
      async run({ args: given }) {
        expectTypeOf(given.target).toEqualTypeOf<number | undefined>();
        return reply('info', `target ${given.target ?? 'none'}`);
      },
    });
    expect(defined.maxPositionals).toBe(0);
  });

  it('refuses a required argument or form field that is not one of its arguments', () => {
    const base = {
      name: 'probe',
      summary: 's',
      usage: 'probe',
      examples: [],
      writes: false,
      run: async () => reply('info', 'x'),
    };
    expect(() => defineCommand({ ...base, args: [], requires: ['nothing' as never] })).toThrow(
      /nothing is not one of its arguments/,
    );
    expect(() =>
      defineCommand({
        ...base,
        args: [],
        form: { title: 't', submit: 's', opensWhen: 'no-arguments', fields: [{ arg: 'ghost' as never, label: 'g' }] },
      }),
    ).toThrow(/ghost/);
  });

  it('gives every command that takes a positional word its meaning, and one word at most', () => {
    for (const definition of COMMANDS)
      expect(definition.maxPositionals, definition.name).toBe(definition.positional ? 1 : 0);
    expect(command('edit').positional).toMatchObject({ name: 'id', required: true, kind: { type: 'contractId' } });
    expect(command('import').body?.kind).toBe('csv-or-json');
    expect(COMMANDS.filter((definition) => definition.body).map((definition) => definition.name)).toEqual(['import']);
  });
});

describe('the admin rule comes from the definition', () => {
  it('config is admin-only when it changes something, and says so in the docs', () => {
    expect(needsAdmin(command('config'), {})).toBe(false);
    expect(needsAdmin(command('config'), { model: 'upwork-2015' })).toBe(true);
    expect(COMMANDS.filter((definition) => definition.adminOnly).map((definition) => definition.name)).toEqual([
      'config',
    ]);
    expect(commandsDoc()).toMatch(/## config[\s\S]*Admin-only with arguments[\s\S]*# Help topics/);
  });
});

describe('forms open as the definition says', () => {
  it('add bare, end with its id only, import with at most its mode', () => {
    expect(formToOpen(input('add'), '2026-11-22')).toMatchObject({
      title: 'Add a contract',
      positional: null,
      values: { start: '2026-11-22' },
    });
    expect(formToOpen(input('add', [], { client: 'Acme' }), '2026-11-22')).toBeNull();
    expect(formToOpen(input('end', ['c3']), '2026-11-22')).toMatchObject({
      title: 'End c3',
      positional: 'c3',
      values: { end: '2026-11-22' },
    });
    expect(formToOpen(input('end'), '2026-11-22')).toBeNull();
    expect(formToOpen(input('end', ['c3'], { stars: '5' }), '2026-11-22')).toBeNull();
    expect(formToOpen(input('import', [], { mode: 'replace' }), '2026-11-22')?.values.mode).toBe('replace');
    expect(formToOpen(input('import'), '2026-11-22')?.values.mode).toBe('add');
    expect(formToOpen(input('import', [], { mode: 'merge' }), '2026-11-22')).toBeNull();
    expect(formToOpen(input('import', [], {}, 'id,client\n'), '2026-11-22')).toBeNull();
    expect(formToOpen(input('score'), '2026-11-22')).toBeNull();
  });
});

describe('suggestions come from the definition', () => {
  it('contract ids for a contract-id positional, client names, recorded days, command names', () => {
    expect(suggestionTarget(command('edit'), 'id')).toBe('contractId');
    expect(suggestionTarget(command('add'), 'id')).toBeNull();
    expect(suggestionTarget(command('add'), 'client')).toBe('client');
    expect(suggestionTarget(command('actual'), 'date')).toBe('recordedDate');
    expect(suggestionTarget(command('pay'), 'date')).toBeNull();
    expect(suggestionTarget(command('help'), 'command')).toBe('commandName');
    expect(suggestionTarget(command('leaderboard'), 'longterm')).toBeNull();
  });
});
