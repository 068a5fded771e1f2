import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOption,
  APIApplicationCommandSubcommandOption,
} from 'discord-api-types/v10';
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { COMMAND_NAME, fitText, groupOf, jssCommandDefinition } from '../../../adapters/discord/commands/definition.ts';
import {
  MAX_CHOICES,
  MAX_COMMAND_CHARACTERS,
  MAX_DESCRIPTION,
  MAX_OPTIONS,
  NAME_PATTERN,
} from '../../../adapters/discord/commands/limits.ts';
import { autocompleteTarget, optionPlan } from '../../../adapters/discord/commands/option-plan.ts';
import { parseRegisterArgs } from '../../../adapters/discord/commands/register-args.ts';
import { describeRegistration, registerCommands } from '../../../adapters/discord/commands/register.ts';
import { interactionOptionsToInput, type InteractionOption } from '../../../adapters/discord/commands/to-input.ts';
import { convertArgs, type ArgSpec } from '../../../src/commands/args.ts';
import { parseCommandText, quoteValue } from '../../../src/commands/grammar.ts';
import { COMMANDS, findCommand } from '../../../src/commands/registry.ts';
import type { CommandDefinition } from '../../../src/commands/types.ts';
import { startFakeServer, type FakeServer, type RecordedRequest } from '../../helpers/fake-http.ts';

const definition = jssCommandDefinition();
const T = ApplicationCommandOptionType;
/** Every subcommand, those inside a group (/jss upwork actual) too. */
const subcommands = (definition.options ?? []).flatMap((top) =>
  top.type === T.SubcommandGroup ? (top.options ?? []) : [top],
) as APIApplicationCommandSubcommandOption[];

function sub(name: string): APIApplicationCommandSubcommandOption {
  const found = subcommands.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no subcommand ${name}`);
  return found;
}

function optionsOf(name: string): APIApplicationCommandBasicOption[] {
  return (sub(name).options ?? []) as APIApplicationCommandBasicOption[];
}

function option(command: string, name: string): APIApplicationCommandBasicOption & Record<string, unknown> {
  const found = optionsOf(command).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${command} has no option ${name}`);
  return found as APIApplicationCommandBasicOption & Record<string, unknown>;
}

function command(name: string): CommandDefinition {
  const found = findCommand(name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
}

/** Discord's count: names, descriptions and choice names/values of the command and everything in it. */
function characterCount(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + characterCount(item), 0);
  if (node === null || typeof node !== 'object') return 0;
  const record = node as Record<string, unknown>;
  let sum = 0;
  for (const key of ['name', 'description', 'value'])
    if (typeof record[key] === 'string') sum += (record[key] as string).length;
  for (const value of Object.values(record)) if (typeof value === 'object') sum += characterCount(value);
  return sum;
}

/** The Discord option name the test expects for an argument: lowercase, and edit's rename is newid. */
function expectedOptionName(definitionOf: CommandDefinition, arg: ArgSpec): string {
  return definitionOf.maxPositionals > 0 && arg.name === 'id' ? 'newid' : arg.name.toLowerCase();
}

function parsed(text: string) {
  const result = parseCommandText(text);
  if (!result.ok) throw new Error(result.message);
  return result.parsed;
}

describe('the /jss definition respects Discord limits', () => {
  it('is one chat-input command named jss with a short description', () => {
    expect(definition.type).toBe(ApplicationCommandType.ChatInput);
    expect(definition.name).toBe(COMMAND_NAME);
    expect(definition.name).toMatch(NAME_PATTERN);
    expect(definition.description.length).toBeGreaterThanOrEqual(1);
    expect(definition.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
  });

  it('has at most 25 subcommands and groups, each group at most 25, each named and described within the limits', () => {
    expect(subcommands.length).toBeGreaterThan(0);
    expect((definition.options ?? []).length).toBeLessThanOrEqual(MAX_OPTIONS);
    for (const group of (definition.options ?? []).filter((top) => top.type === T.SubcommandGroup)) {
      expect(group.name).toMatch(NAME_PATTERN);
      expect(group.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
      expect(('options' in group ? (group.options ?? []) : []).length).toBeLessThanOrEqual(MAX_OPTIONS);
    }
    expect(subcommands.map((subcommand) => subcommand.name).sort()).toEqual(
      COMMANDS.map((candidate) => candidate.name).sort(),
    );
    for (const subcommand of subcommands) {
      expect(subcommand.type).toBe(T.Subcommand);
      expect(subcommand.name).toMatch(NAME_PATTERN);
      expect(subcommand.description.length, subcommand.name).toBeGreaterThanOrEqual(1);
      expect(subcommand.description.length, subcommand.name).toBeLessThanOrEqual(MAX_DESCRIPTION);
      expect((subcommand.options ?? []).length, subcommand.name).toBeLessThanOrEqual(MAX_OPTIONS);
    }
  });

  it('names and describes every option within the limits, once per subcommand, required ones first', () => {
    for (const subcommand of subcommands) {
      const options = (subcommand.options ?? []) as APIApplicationCommandOption[];
      const names = options.map((candidate) => candidate.name);
      expect(new Set(names).size, subcommand.name).toBe(names.length);
      const firstOptional = options.findIndex((candidate) => !('required' in candidate && candidate.required));
      const lastRequired = options
        .map((candidate) => 'required' in candidate && candidate.required === true)
        .lastIndexOf(true);
      if (firstOptional >= 0)
        expect(lastRequired, `${subcommand.name}: a required option after an optional one`).toBeLessThan(firstOptional);
      for (const candidate of options) {
        const where = `${subcommand.name} ${candidate.name}`;
        expect(candidate.name, where).toMatch(NAME_PATTERN);
        expect(candidate.description.length, where).toBeGreaterThanOrEqual(1);
        expect(candidate.description.length, where).toBeLessThanOrEqual(MAX_DESCRIPTION);
        expect(candidate.type, where).not.toBe(T.Subcommand);
        expect(candidate.type, where).not.toBe(T.SubcommandGroup);
      }
    }
  });

  it('gives at most 25 choices of legal length, never with autocomplete on the same option', () => {
    let sawChoices = 0;
    for (const subcommand of subcommands) {
      for (const candidate of (subcommand.options ?? []) as (APIApplicationCommandBasicOption &
        Record<string, unknown>)[]) {
        const choices = candidate.choices as { name: string; value: unknown }[] | undefined;
        if (!choices) continue;
        sawChoices++;
        expect(candidate.autocomplete, `${subcommand.name} ${candidate.name}`).toBeFalsy();
        expect(choices.length).toBeGreaterThanOrEqual(1);
        expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThanOrEqual(1);
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(String(choice.value).length).toBeLessThanOrEqual(100);
        }
      }
    }
    expect(sawChoices).toBeGreaterThan(5);
  });

  it('stays under the 8000 characters Discord allows one command in all', () => {
    const count = characterCount(definition);
    expect(count).toBeGreaterThan(1000);
    expect(count).toBeLessThanOrEqual(MAX_COMMAND_CHARACTERS);
  });

  it('is plain JSON (what is PUT is what the test compares)', () => {
    expect(JSON.parse(JSON.stringify(definition))).toEqual(definition);
  });

  it('cuts long text to the limit with a visible mark, and leaves short text alone', () => {
    expect(fitText('score')).toBe('score');
    const cut = fitText('x'.repeat(150));
    expect(cut).toHaveLength(MAX_DESCRIPTION);
    expect(cut.endsWith('…')).toBe(true);
    for (const subcommand of subcommands)
      expect(subcommand.description).toBe(fitText(command(subcommand.name).summary));
  });
});

describe('the /jss options carry the bounds and helps specified', () => {
  it('asks for dates as 10-character strings and says YYYY-MM-DD', () => {
    let dates = 0;
    for (const definitionOf of COMMANDS) {
      for (const arg of definitionOf.args.filter((candidate) => candidate.kind.type === 'date')) {
        const found = option(definitionOf.name, expectedOptionName(definitionOf, arg));
        expect(found.type).toBe(T.String);
        expect(found.min_length).toBe(10);
        expect(found.max_length).toBe(10);
        expect(found.description).toContain('YYYY-MM-DD');
        dates++;
      }
    }
    expect(dates).toBeGreaterThanOrEqual(10);
  });

  it('asks for money as a number from 0 to 1,000,000,000', () => {
    for (const [name, arg] of [
      ['add', 'earnings'],
      ['pay', 'amount'],
      ['plan', 'earnings'],
      ['whatif', 'earnings'],
    ] as const) {
      expect(option(name, arg)).toMatchObject({ type: T.Number, min_value: 0, max_value: 1_000_000_000 });
    }
  });

  it('bounds stars to 1–5 and privateScore to 0–10, and other numbers not at all', () => {
    for (const name of ['add', 'edit', 'end', 'whatif']) {
      expect(option(name, 'stars')).toMatchObject({ type: T.Number, min_value: 1, max_value: 5 });
      expect(option(name, 'privatescore')).toMatchObject({ type: T.Number, min_value: 0, max_value: 10 });
    }
    for (const definitionOf of COMMANDS) {
      for (const arg of definitionOf.args.filter(
        (candidate) => candidate.kind.type === 'number' && !['stars', 'privateScore'].includes(candidate.name),
      )) {
        const found = option(definitionOf.name, expectedOptionName(definitionOf, arg));
        expect(found.min_value).toBeUndefined();
        expect(found.max_value).toBeUndefined();
      }
    }
  });

  it('gives integers their own range, choices their choices, booleans as booleans', () => {
    for (const definitionOf of COMMANDS) {
      for (const arg of definitionOf.args) {
        const found = option(definitionOf.name, expectedOptionName(definitionOf, arg));
        const kind = arg.kind;
        if (kind.type === 'integer')
          expect(found).toMatchObject({ type: T.Integer, min_value: kind.min, max_value: kind.max });
        if (kind.type === 'boolean') expect(found.type).toBe(T.Boolean);
        if (kind.type === 'choice')
          expect(found).toMatchObject({
            type: T.String,
            choices: kind.choices.map((value) => ({ name: value, value })),
          });
        if (kind.type === 'text') expect(found.type).toBe(T.String);
      }
    }
    expect(option('leaderboard', 'page')).toMatchObject({ type: T.Integer, min_value: 1, max_value: 100_000 });
  });

  it('limits client names to 100 characters and suggests them on add, edit and whatif', () => {
    for (const name of ['add', 'edit', 'whatif'])
      expect(option(name, 'client')).toMatchObject({ type: T.String, max_length: 100, autocomplete: true });
  });

  it('takes the contract id as an autocompleted string: required for edit, pay, end, remove; optional for why, whatif', () => {
    for (const name of ['edit', 'pay', 'end', 'remove'])
      expect(option(name, 'id')).toMatchObject({ type: T.String, max_length: 32, autocomplete: true, required: true });
    for (const name of ['why', 'whatif'])
      expect(option(name, 'id')).toMatchObject({ type: T.String, max_length: 32, autocomplete: true, required: false });
    // add's id names a new contract: nothing to suggest.
    expect(option('add', 'id')).toMatchObject({ type: T.String, max_length: 32, required: false });
    expect(option('add', 'id').autocomplete).toBeUndefined();
    expect(option('edit', 'newid')).toMatchObject({ type: T.String, max_length: 32, required: false });
  });

  it('requires add client, type and start and pay amount, and nothing else but ids and the import file', () => {
    const required = subcommands.flatMap((subcommand) =>
      ((subcommand.options ?? []) as APIApplicationCommandBasicOption[])
        .filter((candidate) => candidate.required)
        .map((candidate) => `${subcommand.name} ${candidate.name}`),
    );
    expect(required.sort()).toEqual(
      [
        'add client',
        'add start',
        'add type',
        'edit id',
        'end id',
        'import file',
        'pay amount',
        'pay id',
        'remove id',
      ].sort(),
    );
  });

  it('offers help every command name, leaderboard a longterm switch, import a file and its mode', () => {
    // More commands than Discord's 25 choices: help's command is suggested as the member types.
    expect(option('help', 'command')).toMatchObject({ type: T.String, required: false, autocomplete: true });
    expect(autocompleteTarget(command('help'), 'command')).toBe('commandName');
    expect(option('actual', 'score')).toMatchObject({ type: T.Integer, required: false, min_value: 0, max_value: 100 });
    expect(option('actual', 'remove')).toMatchObject({ type: T.Boolean, required: false });
    expect(option('actual', 'date')).toMatchObject({ type: T.String, autocomplete: true });
    expect(autocompleteTarget(command('actual'), 'date')).toBe('recordedDate');
    expect(autocompleteTarget(command('pay'), 'date')).toBeNull();
    expect(option('edit', 'counted')).toMatchObject({
      type: T.String,
      choices: ['success', 'neutral', 'negative', 'excluded'].map((value) => ({ name: value, value })),
    });
    expect(option('edit', 'clear').choices).toContainEqual({ name: 'counted', value: 'counted' });
    expect(option('leaderboard', 'longterm')).toMatchObject({ type: T.Boolean, required: false });
    expect(option('import', 'file')).toMatchObject({ type: T.Attachment, required: true });
    expect(option('remind', 'reminders')).toMatchObject({
      type: T.String,
      required: false,
      choices: [
        { name: 'on', value: 'on' },
        { name: 'off', value: 'off' },
      ],
    });
    expect(option('import', 'mode')).toMatchObject({
      type: T.String,
      choices: [
        { name: 'add', value: 'add' },
        { name: 'replace', value: 'replace' },
      ],
    });
  });

  it('offers a clear option listing the clearable fields where a contract is changed', () => {
    const clearable = (name: string) =>
      command(name)
        .args.filter((arg) => arg.clearable)
        .map((arg) => ({ name: arg.name, value: arg.name }));
    for (const name of ['edit', 'end', 'whatif'])
      expect(option(name, 'clear')).toMatchObject({ type: T.String, required: false, choices: clearable(name) });
    expect(optionsOf('add').some((candidate) => candidate.name === 'clear')).toBe(false);
  });

  it('tells the adapter what an autocomplete request asks for', () => {
    expect(autocompleteTarget(command('edit'), 'id')).toBe('contractId');
    expect(autocompleteTarget(command('why'), 'id')).toBe('contractId');
    expect(autocompleteTarget(command('add'), 'client')).toBe('client');
    expect(autocompleteTarget(command('whatif'), 'client')).toBe('client');
    expect(autocompleteTarget(command('add'), 'id')).toBeNull();
    expect(autocompleteTarget(command('add'), 'stars')).toBeNull();
  });
});

describe('the /jss definition stays in sync with the registry', () => {
  it('has one subcommand per command, in the registry order (grouped ones after the others)', () => {
    const names = COMMANDS.map((candidate) => candidate.name);
    expect(subcommands.map((subcommand) => subcommand.name)).toEqual([
      ...names.filter((name) => groupOf(name) === null),
      ...names.filter((name) => groupOf(name) !== null),
    ]);
    expect(groupOf('actual')).toBe('upwork');
  });

  it('has an option for every argument of every command, and no option that maps to nothing', () => {
    for (const definitionOf of COMMANDS) {
      const options = optionsOf(definitionOf.name);
      for (const arg of definitionOf.args) {
        const name = expectedOptionName(definitionOf, arg);
        expect(
          options.some((candidate) => candidate.name === name),
          `${definitionOf.name} lacks ${arg.name}`,
        ).toBe(true);
        const { input } = interactionOptionsToInput(definitionOf.name, [{ name, type: 3, value: 'x' }]);
        expect(input.named, `${definitionOf.name} ${name}`).toEqual({ [arg.name]: 'x' });
      }
      const mapped = new Set(definitionOf.args.map((arg) => expectedOptionName(definitionOf, arg)));
      const extra = options.map((candidate) => candidate.name).filter((name) => !mapped.has(name));
      expect(
        extra.every((name) =>
          ['id', 'command', 'longterm', 'forget-community', 'reminders', 'score', 'remove', 'clear', 'file'].includes(
            name,
          ),
        ),
        `${definitionOf.name}: ${extra.join(', ')}`,
      ).toBe(true);
    }
  });

  it('has a positional option exactly for the commands that take a positional word', () => {
    for (const definitionOf of COMMANDS) {
      const argOptions = new Set(definitionOf.args.map((arg) => expectedOptionName(definitionOf, arg)));
      const positional = optionsOf(definitionOf.name).filter(
        (candidate) =>
          ['id', 'command', 'longterm', 'forget-community', 'reminders', 'score'].includes(candidate.name) &&
          !argOptions.has(candidate.name),
      );
      expect(positional.length, definitionOf.name).toBe(definitionOf.maxPositionals > 0 ? 1 : 0);
    }
  });

  it('picks up an argument added to a command, and refuses a positional word it cannot place', () => {
    const add = command('add');
    const grown: CommandDefinition = {
      ...add,
      args: [
        ...add.args,
        { name: 'hoursPerWeek', kind: { type: 'integer', min: 1, max: 80 }, description: 'hours a week' },
      ],
    };
    expect(optionPlan(grown).map((planned) => planned.name)).toContain('hoursperweek');
    const list = command('list');
    expect(() => optionPlan({ ...list, maxPositionals: 1 })).toThrow(/positional/);
    const clashing: CommandDefinition = {
      ...add,
      args: [...add.args, { name: 'Client', kind: { type: 'text' }, description: 'again' }],
    };
    expect(() => optionPlan(clashing)).toThrow(/two Discord options would be named client/);
  });
});

/** A value Discord could send for an option: the low or high end of what it allows. */
function sampleValue(
  found: APIApplicationCommandBasicOption & Record<string, unknown>,
  end: 'low' | 'high',
): string | number | boolean {
  const choices = found.choices as { value: string }[] | undefined;
  if (choices) return (end === 'low' ? choices[0] : choices[choices.length - 1])?.value as string;
  switch (found.type) {
    case T.String:
      if (found.min_length === 10) return end === 'low' ? '2026-01-10' : '2026-12-31';
      if (found.name === 'id' || found.name === 'newid') return end === 'low' ? 'c1' : 'contract-7';
      return end === 'low' ? 'Acme Ltd' : 'Say "hi" \\ ok';
    case T.Number:
    case T.Integer: {
      const min = found.min_value as number | undefined;
      const max = found.max_value as number | undefined;
      return end === 'low' ? (min ?? 0.5) : (max ?? 4.75);
    }
    case T.Boolean:
      return end === 'high';
    case T.Attachment:
      return '1234567890123456789';
    default:
      throw new Error(`no sample for option type ${found.type}`);
  }
}

describe('Discord options map back to the input a typed command gives', () => {
  for (const end of ['low', 'high'] as const) {
    it(`for every option of every command at once (${end} values)`, () => {
      for (const definitionOf of COMMANDS) {
        // clear, and actual's remove, stand for other requests (checked by the cases below).
        const options = optionsOf(definitionOf.name).filter(
          (candidate) => candidate.name !== 'clear' && candidate.name !== 'remove',
        ) as (APIApplicationCommandBasicOption & Record<string, unknown>)[];
        const given: InteractionOption[] = options.map((candidate) => ({
          name: candidate.name,
          type: candidate.type,
          value: sampleValue(candidate, end),
        }));
        const valueOf = (name: string) => given.find((candidate) => candidate.name === name)?.value;
        // The same request as a member would type it, built from the registry's own names.
        const words = [definitionOf.name];
        if (definitionOf.maxPositionals > 0) {
          // A switch word (leaderboard longterm, config forget-community) is a boolean option named for it.
          const kind = definitionOf.positional?.kind;
          const switchWord = kind?.type === 'word' ? kind.word : undefined;
          const positional =
            valueOf('id') ??
            valueOf('command') ??
            valueOf('reminders') ??
            valueOf('score') ??
            (switchWord && valueOf(switchWord) === true ? switchWord : undefined);
          if (positional !== undefined) words.push(quoteValue(String(positional)));
        }
        for (const arg of definitionOf.args)
          words.push(`${arg.name}:${quoteValue(String(valueOf(expectedOptionName(definitionOf, arg))))}`);
        const text = words.join(' ');

        const { input, attachmentId, problem } = interactionOptionsToInput(definitionOf.name, given);
        expect(input, text).toEqual(parsed(text));
        expect(problem).toBeNull();
        expect(attachmentId).toBe(definitionOf.name === 'import' ? '1234567890123456789' : null);
        // Whatever Discord lets through, the command's own argument check accepts.
        const converted = convertArgs(definitionOf.name, definitionOf.args, input.named, '2026-11-22');
        expect(converted.ok ? [] : converted.problems, text).toEqual([]);
      }
    });
  }

  const cases: [string, string, InteractionOption[]][] = [
    [
      'add client:"Acme Ltd" type:hourly start:2026-01-10 earnings:1200 stars:5',
      'add',
      [
        { name: 'client', type: 3, value: 'Acme Ltd' },
        { name: 'type', type: 3, value: 'hourly' },
        { name: 'start', type: 3, value: '2026-01-10' },
        { name: 'earnings', type: 10, value: 1200 },
        { name: 'stars', type: 10, value: 5 },
      ],
    ],
    [
      'add client:Globex type:fixed start:2026-11-01 lastPayment:2026-11-20 privateScore:9.5 endReason:client_unresponsive clientFlagged:true pausedForClient:false',
      'add',
      [
        { name: 'client', type: 3, value: 'Globex' },
        { name: 'type', type: 3, value: 'fixed' },
        { name: 'start', type: 3, value: '2026-11-01' },
        { name: 'lastpayment', type: 3, value: '2026-11-20' },
        { name: 'privatescore', type: 10, value: 9.5 },
        { name: 'endreason', type: 3, value: 'client_unresponsive' },
        { name: 'clientflagged', type: 5, value: true },
        { name: 'pausedforclient', type: 5, value: false },
      ],
    ],
    [
      'edit c1 stars:4.8',
      'edit',
      [
        { name: 'id', type: 3, value: 'c1' },
        { name: 'stars', type: 10, value: 4.8 },
      ],
    ],
    [
      'edit c1 id:c9',
      'edit',
      [
        { name: 'id', type: 3, value: 'c1' },
        { name: 'newid', type: 3, value: 'c9' },
      ],
    ],
    [
      'edit c2 end:none',
      'edit',
      [
        { name: 'id', type: 3, value: 'c2' },
        { name: 'clear', type: 3, value: 'end' },
      ],
    ],
    [
      'edit c2 lastPayment:none earnings:0',
      'edit',
      [
        { name: 'id', type: 3, value: 'c2' },
        { name: 'clear', type: 3, value: 'lastPayment' },
        { name: 'earnings', type: 10, value: 0 },
      ],
    ],
    [
      'pay c3 amount:450.5 date:2026-11-14',
      'pay',
      [
        { name: 'id', type: 3, value: 'c3' },
        { name: 'amount', type: 10, value: 450.5 },
        { name: 'date', type: 3, value: '2026-11-14' },
      ],
    ],
    [
      'end c4 endReason:completed disputed:false',
      'end',
      [
        { name: 'id', type: 3, value: 'c4' },
        { name: 'endreason', type: 3, value: 'completed' },
        { name: 'disputed', type: 5, value: false },
      ],
    ],
    ['remove c2', 'remove', [{ name: 'id', type: 3, value: 'c2' }]],
    ['why', 'why', []],
    ['why c3', 'why', [{ name: 'id', type: 3, value: 'c3' }]],
    [
      'whatif c4 stars:5',
      'whatif',
      [
        { name: 'id', type: 3, value: 'c4' },
        { name: 'stars', type: 10, value: 5 },
      ],
    ],
    [
      'whatif count:3 earnings:1500',
      'whatif',
      [
        { name: 'count', type: 4, value: 3 },
        { name: 'earnings', type: 10, value: 1500 },
      ],
    ],
    [
      'leaderboard longterm page:2',
      'leaderboard',
      [
        { name: 'longterm', type: 5, value: true },
        { name: 'page', type: 4, value: 2 },
      ],
    ],
    [
      'leaderboard page:2',
      'leaderboard',
      [
        { name: 'longterm', type: 5, value: false },
        { name: 'page', type: 4, value: 2 },
      ],
    ],
    ['help add', 'help', [{ name: 'command', type: 3, value: 'add' }]],
    ['help', 'help', []],
    ['remind off', 'remind', [{ name: 'reminders', type: 3, value: 'off' }]],
    ['remind', 'remind', []],
    [
      'config leaderboard:false param:graceDays=30',
      'config',
      [
        { name: 'leaderboard', type: 5, value: false },
        { name: 'param', type: 3, value: 'graceDays=30' },
      ],
    ],
    ['forget confirm:AB12', 'forget', [{ name: 'confirm', type: 3, value: 'AB12' }]],
    ['plan target:95', 'plan', [{ name: 'target', type: 4, value: 95 }]],
    ['export format:json', 'export', [{ name: 'format', type: 3, value: 'json' }]],
    [
      'actual 87 date:2026-11-20 longterm:40',
      'actual',
      [
        { name: 'score', type: 4, value: 87 },
        { name: 'date', type: 3, value: '2026-11-20' },
        { name: 'longterm', type: 4, value: 40 },
      ],
    ],
    ['actual 0', 'actual', [{ name: 'score', type: 4, value: 0 }]],
    ['actual', 'actual', []],
    [
      'actual remove date:2026-11-20',
      'actual',
      [
        { name: 'remove', type: 5, value: true },
        { name: 'date', type: 3, value: '2026-11-20' },
      ],
    ],
    [
      'edit c4 counted:neutral',
      'edit',
      [
        { name: 'id', type: 3, value: 'c4' },
        { name: 'counted', type: 3, value: 'neutral' },
      ],
    ],
    [
      'edit c4 counted:none',
      'edit',
      [
        { name: 'id', type: 3, value: 'c4' },
        { name: 'clear', type: 3, value: 'counted' },
      ],
    ],
    ['explain', 'explain', []],
    ['badges', 'badges', []],
    ['accuracy', 'accuracy', []],
  ];
  for (const [text, subcommand, options] of cases) {
    it(`/jss ${subcommand} ${options.map((given) => `${given.name}:${String(given.value)}`).join(' ')} is "${text}"`, () => {
      const result = interactionOptionsToInput(subcommand, options);
      expect(result).toEqual({ input: parsed(`/jss ${text}`), attachmentId: null, problem: null });
    });
  }

  it("returns import's file as an attachment id and leaves the body to the adapter", () => {
    const result = interactionOptionsToInput('import', [
      { name: 'file', type: 11, value: '1122334455667788990' },
      { name: 'mode', type: 3, value: 'replace' },
    ]);
    expect(result).toEqual({
      input: { command: 'import', positionals: [], named: { mode: 'replace' }, body: '' },
      attachmentId: '1122334455667788990',
      problem: null,
    });
  });

  it('reports a field given a value and cleared at once instead of choosing one', () => {
    const result = interactionOptionsToInput('edit', [
      { name: 'id', type: 3, value: 'c1' },
      { name: 'end', type: 3, value: '2026-05-01' },
      { name: 'clear', type: 3, value: 'end' },
    ]);
    expect(result.problem).toMatch(/end is given a value and cleared at once/);
    expect(result.input.named).toEqual({ end: '2026-05-01' });
  });

  it('passes an option it does not know on by name, so the command bus names it', () => {
    const { input } = interactionOptionsToInput('score', [{ name: 'verbose', type: 5, value: true }]);
    expect(input).toEqual({ command: 'score', positionals: [], named: { verbose: 'true' }, body: '' });
    expect(convertArgs('score', command('score').args, input.named, '2026-11-22')).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('"verbose" is not an argument of score')],
    });
    expect(interactionOptionsToInput('scroe', []).input.command).toBe('scroe');
  });
});

describe('registering /jss against a fake Discord REST server', () => {
  const APP = '123456789012345678';
  const GUILD = '876543210987654321';
  const TOKEN = 'test.bot.token';
  let discord: FakeServer;
  let refuse = false;

  beforeAll(async () => {
    discord = await startFakeServer((request: RecordedRequest) => {
      if (refuse)
        return {
          status: 400,
          json: {
            code: 50035,
            message: 'Invalid Form Body',
            errors: { options: { _errors: [{ code: 'X', message: 'bad' }] } },
          },
        };
      if (request.method !== 'PUT') return { status: 405, json: { message: 'Method Not Allowed', code: 0 } };
      const body = JSON.parse(request.body) as { name: string }[];
      return {
        json: body.map((sent, index) => ({
          ...sent,
          id: `99999999999999999${index}`,
          application_id: APP,
          version: '1',
        })),
      };
    });
  });
  afterAll(() => discord.close());
  beforeEach(() => {
    discord.requests.length = 0;
    refuse = false;
  });

  it('bulk-overwrites the guild commands with PUT, the bot token and exactly the definition', async () => {
    const result = await registerCommands({
      token: TOKEN,
      applicationId: APP,
      guildId: GUILD,
      apiUrl: `${discord.url}/api`,
    });
    expect(discord.requests).toHaveLength(1);
    const [request] = discord.requests as [RecordedRequest];
    expect(request.method).toBe('PUT');
    expect(request.path).toBe(`/api/v10/applications/${APP}/guilds/${GUILD}/commands`);
    expect(request.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(request.headers['content-type']).toContain('application/json');
    expect(JSON.parse(request.body)).toEqual([jssCommandDefinition()]);
    expect(result).toEqual({
      scope: 'guild',
      route: `/applications/${APP}/guilds/${GUILD}/commands`,
      commands: [{ id: '999999999999999990', name: 'jss' }],
      subcommands: COMMANDS.length,
    });
    expect(describeRegistration(result, GUILD)).toBe(
      `Registered /jss (999999999999999990) with ${COMMANDS.length} subcommands in guild ${GUILD}; it is usable there at once.`,
    );
  });

  it('bulk-overwrites the global commands when no guild is given', async () => {
    const result = await registerCommands({
      token: TOKEN,
      applicationId: APP,
      guildId: null,
      apiUrl: `${discord.url}/api`,
    });
    const [request] = discord.requests as [RecordedRequest];
    expect(request.method).toBe('PUT');
    expect(request.path).toBe(`/api/v10/applications/${APP}/commands`);
    expect(request.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(JSON.parse(request.body)).toEqual([jssCommandDefinition()]);
    expect(result.scope).toBe('global');
    expect(describeRegistration(result, null)).toContain('globally; Discord can take up to an hour');
  });

  it("rejects with Discord's complaint when Discord refuses the definition", async () => {
    refuse = true;
    await expect(
      registerCommands({ token: TOKEN, applicationId: APP, guildId: GUILD, apiUrl: `${discord.url}/api` }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Invalid Form Body') });
    expect(discord.requests).toHaveLength(1);
  });

  describe('the discord:register script', () => {
    const exec = promisify(execFile);
    const run = (env: Record<string, string>, args: string[] = []) =>
      exec('node', ['--import', 'tsx', 'scripts/discord-register.ts', ...args], {
        env: { PATH: process.env.PATH ?? '', ...env },
      }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          stdout: error.stdout,
          stderr: error.stderr,
        }),
      );

    it('exits 2 naming DISCORD_TOKEN when no variable is set', async () => {
      const result = await run({});
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('DISCORD_TOKEN is not set');
      expect(result.stdout).toBe('');
    });

    it('exits 2 naming DISCORD_APPLICATION_ID when only the token is set, and on a bad guild id', async () => {
      const missing = await run({ DISCORD_TOKEN: TOKEN });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('DISCORD_APPLICATION_ID is not set');
      const badGuild = await run({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP }, ['--guild', 'my-server']);
      expect(badGuild.code).toBe(2);
      expect(badGuild.stderr).toContain('--guild: got "my-server", expected a Discord id (17 to 20 digits)');
      expect(discord.requests).toHaveLength(0);
    });

    it('registers in a guild through DISCORD_API_URL and says so', async () => {
      const result = await run(
        { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: `${discord.url}/api` },
        ['--guild', GUILD],
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        `Registered /jss (999999999999999990) with ${COMMANDS.length} subcommands in guild ${GUILD}`,
      );
      expect(discord.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        `PUT /api/v10/applications/${APP}/guilds/${GUILD}/commands`,
      ]);
      expect(JSON.parse((discord.requests[0] as RecordedRequest).body)).toEqual([jssCommandDefinition()]);
    });

    it("exits 1 with Discord's reason when Discord refuses", async () => {
      refuse = true;
      const result = await run({
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APP,
        DISCORD_API_URL: `${discord.url}/api`,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Discord refused the registration: Invalid Form Body');
      expect(result.stderr).not.toContain(TOKEN);
    });
  });
});

describe('the register settings', () => {
  const env = { DISCORD_TOKEN: ' tok ', DISCORD_APPLICATION_ID: '123456789012345678' };

  it('reads the token, the application id, an optional API base and --guild in either spelling', () => {
    expect(parseRegisterArgs(env, [])).toEqual({
      ok: true,
      options: { token: 'tok', applicationId: '123456789012345678', guildId: null, apiUrl: null },
    });
    expect(
      parseRegisterArgs({ ...env, DISCORD_API_URL: 'http://127.0.0.1:9/api' }, ['--guild', '12345678901234567']),
    ).toEqual({
      ok: true,
      options: {
        token: 'tok',
        applicationId: '123456789012345678',
        guildId: '12345678901234567',
        apiUrl: 'http://127.0.0.1:9/api',
      },
    });
    expect(parseRegisterArgs(env, ['--guild=12345678901234567890'])).toMatchObject({
      ok: true,
      options: { guildId: '12345678901234567890' },
    });
    expect(parseRegisterArgs({}, ['--help'])).toEqual({ ok: 'help' });
  });

  it('names what is missing or malformed', () => {
    const message = (result: ReturnType<typeof parseRegisterArgs>) => (result.ok === false ? result.message : null);
    expect(message(parseRegisterArgs({ DISCORD_APPLICATION_ID: '123456789012345678' }, []))).toMatch(
      /^DISCORD_TOKEN is not set/,
    );
    expect(message(parseRegisterArgs({ DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: '  ' }, []))).toMatch(
      /^DISCORD_APPLICATION_ID is not set/,
    );
    expect(message(parseRegisterArgs({ ...env, DISCORD_APPLICATION_ID: '1234' }, []))).toBe(
      'DISCORD_APPLICATION_ID: got "1234", expected a Discord id (17 to 20 digits)',
    );
    expect(message(parseRegisterArgs({ ...env, DISCORD_APPLICATION_ID: '123456789012345678901' }, []))).toMatch(
      /expected a Discord id/,
    );
    expect(message(parseRegisterArgs(env, ['--guild']))).toBe('--guild needs a value; expected --guild GUILD_ID');
    expect(message(parseRegisterArgs(env, ['--guild', '12345678901234567', '--guild', '12345678901234567']))).toMatch(
      /given twice/,
    );
    expect(message(parseRegisterArgs(env, ['--global']))).toMatch(/^unexpected argument "--global"/);
    expect(message(parseRegisterArgs({ ...env, DISCORD_API_URL: 'discord.com/api' }, []))).toMatch(
      /^DISCORD_API_URL: got "discord.com\/api", expected an http\(s\) URL/,
    );
  });
});
