// The one Discord slash command, /jss, with a subcommand per registry entry. It is generated from
// the command definitions (src/commands/registry.ts) on every call, so a command or argument added
// there reaches Discord at the next `npm run discord:register` without a hand-kept copy to forget.

import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOptionChoice,
  APIApplicationCommandSubcommandGroupOption,
  APIApplicationCommandSubcommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { ArgSpec } from '../../../src/commands/args.ts';
import { COMMANDS } from '../../../src/commands/registry.ts';
import type { CommandDefinition } from '../../../src/commands/types.ts';
import { MAX_CHOICE_NAME, MAX_DESCRIPTION } from './limits.ts';
import { CONTRACT_ID_MAX_LENGTH, MONEY_RANGE, optionPlan, type PlannedOption } from './option-plan.ts';

export const COMMAND_NAME = 'jss';
const COMMAND_DESCRIPTION = 'jss-coach: your Job Success Score, long-term clients, forecasts and plans';
const DATE_FORMAT = 'YYYY-MM-DD';
const COMMAND_NAME_MAX_LENGTH = 32;

/**
 * Discord allows 25 subcommands a command; the commands about what Upwork shows sit in a group of
 * their own (/jss upwork actual score:87). Command names stay unique across groups, so the
 * subcommand's name alone is the command.
 */
export const SUBCOMMAND_GROUPS: Readonly<Record<string, { description: string; commands: readonly string[] }>> = {
  upwork: { description: 'What Upwork shows you: record it, explain a gap, Top Rated, accuracy', commands: ['actual', 'explain', 'badges', 'accuracy'] },
};

/** Cuts text to Discord's limit, marking the cut so a reader sees something is missing. */
export function fitText(text: string, max = MAX_DESCRIPTION): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

function choicesOf(values: readonly string[]): APIApplicationCommandOptionChoice<string>[] {
  return values.map((value) => ({ name: fitText(value, MAX_CHOICE_NAME), value }));
}

/** A named argument as a typed Discord option, so Discord checks form and range before we see it. */
function argOption(arg: ArgSpec, planned: PlannedOption): APIApplicationCommandBasicOption {
  const description = planned.description ?? arg.description;
  const base = { name: planned.name, description: fitText(description), required: planned.required };
  const kind = arg.kind;
  switch (kind.type) {
    case 'text': {
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(arg.maxLength !== undefined && { max_length: arg.maxLength }),
        ...(arg.suggest === 'clientName' && { autocomplete: true }),
      };
    }
    case 'date': {
      // The format stays whole even when the text before it must be cut.
      const dated = description.includes(DATE_FORMAT) ? fitText(description) : `${fitText(description, MAX_DESCRIPTION - DATE_FORMAT.length - 2)}, ${DATE_FORMAT}`;
      const suggested = arg.suggest === 'recordedDate';
      return { ...base, description: dated, type: ApplicationCommandOptionType.String, min_length: DATE_FORMAT.length, max_length: DATE_FORMAT.length, ...(suggested && { autocomplete: true }) };
    }
    case 'money':
      return { ...base, type: ApplicationCommandOptionType.Number, min_value: MONEY_RANGE.min, max_value: MONEY_RANGE.max };
    case 'number':
      return {
        ...base,
        type: ApplicationCommandOptionType.Number,
        ...(kind.min !== undefined && { min_value: kind.min }),
        ...(kind.max !== undefined && { max_value: kind.max }),
      };
    case 'integer':
      return { ...base, type: ApplicationCommandOptionType.Integer, min_value: kind.min, max_value: kind.max };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'choice':
      return { ...base, type: ApplicationCommandOptionType.String, choices: choicesOf(kind.choices) };
  }
}

function discordOption(planned: PlannedOption): APIApplicationCommandBasicOption {
  const { name, required, role } = planned;
  const description = fitText(planned.description ?? name);
  switch (role.kind) {
    case 'arg':
      return argOption(role.arg, planned);
    case 'contractId':
      return { name, description, required, type: ApplicationCommandOptionType.String, max_length: CONTRACT_ID_MAX_LENGTH, autocomplete: true };
    case 'commandName':
      // More commands than Discord's 25 choices: suggested as the member types instead.
      return { name, description, required, type: ApplicationCommandOptionType.String, max_length: COMMAND_NAME_MAX_LENGTH, autocomplete: true };
    case 'word':
      return { name, description, required, type: ApplicationCommandOptionType.Boolean };
    case 'wordChoice':
      return { name, description, required, type: ApplicationCommandOptionType.String, choices: choicesOf(role.words) };
    case 'wholeNumber':
      return { name, description, required, type: ApplicationCommandOptionType.Integer, min_value: role.min, max_value: role.max };
    case 'clear':
      return { name, description, required, type: ApplicationCommandOptionType.String, choices: choicesOf(role.fields) };
    case 'attachment':
      return { name, description, required, type: ApplicationCommandOptionType.Attachment };
  }
}

function subcommand(command: CommandDefinition): APIApplicationCommandSubcommandOption {
  const options = optionPlan(command).map(discordOption);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: command.name,
    description: fitText(command.summary),
    ...(options.length > 0 && { options }),
  };
}

/** The body to PUT to Discord's bulk-overwrite endpoint (as one element of the array). */
export function jssCommandDefinition(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAME,
    description: COMMAND_DESCRIPTION,
    options: [
      ...COMMANDS.filter((command) => groupOf(command.name) === null).map(subcommand),
      ...Object.entries(SUBCOMMAND_GROUPS).map(([name, group]): APIApplicationCommandSubcommandGroupOption => ({
        type: ApplicationCommandOptionType.SubcommandGroup,
        name,
        description: fitText(group.description),
        options: COMMANDS.filter((command) => group.commands.includes(command.name)).map(subcommand),
      })),
    ],
  };
}

/** The group a command sits in on Discord, or null for a subcommand of /jss itself. */
export function groupOf(commandName: string): string | null {
  return Object.entries(SUBCOMMAND_GROUPS).find(([, group]) => group.commands.includes(commandName))?.[0] ?? null;
}
