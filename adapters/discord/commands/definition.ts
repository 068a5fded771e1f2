// The one Discord slash command, /jss, with a subcommand per registry entry. It is generated from
// the command definitions (src/commands/registry.ts) on every call, so a command or argument added
// there reaches Discord at the next `npm run discord:register` without a hand-kept copy to forget.
// discord.js's builders assemble it and check Discord's limits (names, lengths, choice counts, the
// order of required options) as they go, so a definition Discord would refuse fails here first.

import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
  SlashCommandSubcommandGroupBuilder,
  type ApplicationCommandOptionBase,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { ArgSpec } from '../../../src/commands/args.ts';
import { COMMANDS, findCommand } from '../../../src/commands/registry.ts';
import { COMMAND_GROUPS } from '../../../src/commands/groups.ts';
import type { CommandDefinition } from '../../../src/commands/types.ts';
import { MAX_CHOICE_NAME, MAX_DESCRIPTION } from './limits.ts';
import { CONTRACT_ID_MAX_LENGTH, MONEY_RANGE, optionPlan, type PlannedOption } from './option-plan.ts';

export const COMMAND_NAME = 'jss';
const COMMAND_DESCRIPTION = 'jss-coach: your Job Success Score, long-term clients, forecasts and plans';
const DATE_FORMAT = 'YYYY-MM-DD';
const COMMAND_NAME_MAX_LENGTH = 32;

/**
 * Discord allows 25 subcommands a command: a command's group (src/commands/groups.ts) is a
 * subcommand group here (/jss upwork actual score:87, /jss account timezone zone:Europe/Berlin).
 * Command names stay unique across groups, so the subcommand's name alone is the command.
 */

/** Cuts text to Discord's limit, marking the cut so a reader sees something is missing. */
export function fitText(text: string, max = MAX_DESCRIPTION): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

function choicesOf(values: readonly string[]): APIApplicationCommandOptionChoice<string>[] {
  return values.map((value) => ({ name: fitText(value, MAX_CHOICE_NAME), value }));
}

/** Name, description and required flag, which every option builder takes alike. */
function named<T extends ApplicationCommandOptionBase>(option: T, planned: PlannedOption, description: string): T {
  return option.setName(planned.name).setDescription(description).setRequired(planned.required);
}

/**
 * Discord lists an option's choices itself: a description ending in the same list (": a, b, c", as
 * `help` needs it) drops it there, for the 8,000 characters a command may have in all.
 */
function withoutChoiceList(description: string, choices: readonly string[]): string {
  const list = `: ${choices.join(', ')}`;
  return description.endsWith(list) && description.length > list.length
    ? description.slice(0, -list.length)
    : description;
}

/** A named argument as a typed Discord option, so Discord checks form and range before we see it. */
function addArgOption(sub: SlashCommandSubcommandBuilder, arg: ArgSpec, planned: PlannedOption): void {
  const description = planned.description ?? arg.description;
  const kind = arg.kind;
  switch (kind.type) {
    case 'text':
      sub.addStringOption((option) => {
        named(option, planned, fitText(description));
        if (arg.maxLength !== undefined) option.setMaxLength(arg.maxLength);
        return arg.suggest === 'clientName' ? option.setAutocomplete(true) : option;
      });
      return;
    case 'date': {
      // The format stays whole even when the text before it must be cut.
      const dated = description.includes(DATE_FORMAT)
        ? fitText(description)
        : `${fitText(description, MAX_DESCRIPTION - DATE_FORMAT.length - 2)}, ${DATE_FORMAT}`;
      sub.addStringOption((option) => {
        named(option, planned, dated).setMinLength(DATE_FORMAT.length).setMaxLength(DATE_FORMAT.length);
        return arg.suggest === 'recordedDate' ? option.setAutocomplete(true) : option;
      });
      return;
    }
    case 'money':
      sub.addNumberOption((option) =>
        named(option, planned, fitText(description)).setMinValue(MONEY_RANGE.min).setMaxValue(MONEY_RANGE.max),
      );
      return;
    case 'number':
      sub.addNumberOption((option) => {
        named(option, planned, fitText(description));
        if (kind.min !== undefined) option.setMinValue(kind.min);
        if (kind.max !== undefined) option.setMaxValue(kind.max);
        return option;
      });
      return;
    case 'integer':
      sub.addIntegerOption((option) =>
        named(option, planned, fitText(description)).setMinValue(kind.min).setMaxValue(kind.max),
      );
      return;
    case 'boolean':
      sub.addBooleanOption((option) => named(option, planned, fitText(description)));
      return;
    case 'choice':
      sub.addStringOption((option) =>
        named(option, planned, fitText(withoutChoiceList(description, kind.choices))).addChoices(
          ...choicesOf(kind.choices),
        ),
      );
      return;
  }
}

/** One planned option onto its subcommand, typed by what it stands for. */
function addOption(sub: SlashCommandSubcommandBuilder, planned: PlannedOption): void {
  const { role } = planned;
  const description = fitText(planned.description ?? planned.name);
  switch (role.kind) {
    case 'arg':
      addArgOption(sub, role.arg, planned);
      return;
    case 'contractId':
      sub.addStringOption((option) =>
        named(option, planned, description).setMaxLength(CONTRACT_ID_MAX_LENGTH).setAutocomplete(true),
      );
      return;
    case 'commandName':
      // More commands than Discord's 25 choices: suggested as the member types instead.
      sub.addStringOption((option) =>
        named(option, planned, description).setMaxLength(COMMAND_NAME_MAX_LENGTH).setAutocomplete(true),
      );
      return;
    case 'word':
      sub.addBooleanOption((option) => named(option, planned, description));
      return;
    case 'wordChoice':
      sub.addStringOption((option) => named(option, planned, description).addChoices(...choicesOf(role.words)));
      return;
    case 'wholeNumber':
      sub.addIntegerOption((option) => named(option, planned, description).setMinValue(role.min).setMaxValue(role.max));
      return;
    case 'clear':
      sub.addStringOption((option) => named(option, planned, description).addChoices(...choicesOf(role.fields)));
      return;
    case 'attachment':
      sub.addAttachmentOption((option) => named(option, planned, description));
      return;
  }
}

function subcommand(command: CommandDefinition): SlashCommandSubcommandBuilder {
  const sub = new SlashCommandSubcommandBuilder().setName(command.name).setDescription(fitText(command.summary));
  for (const planned of optionPlan(command)) addOption(sub, planned);
  return sub;
}

/**
 * /jss as a builder: every subcommand and group from the registry. The one place for what the
 * top-level command carries besides them (where it may be installed and used, permissions).
 */
/**
 * Installable to a server (guild install) and to a member's own account (user install: /jss works
 * in any server, in DMs with the bot and in group DMs; adapters/discord/install-context.ts keeps
 * replies private where the server did not install the bot).
 */
const INTEGRATION_TYPES = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall] as const;
const INTERACTION_CONTEXTS = [
  InteractionContextType.Guild,
  InteractionContextType.BotDM,
  InteractionContextType.PrivateChannel,
] as const;

function jssCommandBuilder(): SlashCommandBuilder {
  const builder = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription(COMMAND_DESCRIPTION)
    .setIntegrationTypes(...INTEGRATION_TYPES)
    .setContexts(...INTERACTION_CONTEXTS);
  for (const command of COMMANDS.filter((candidate) => candidate.group === undefined))
    builder.addSubcommand(subcommand(command));
  for (const [name, description] of Object.entries(COMMAND_GROUPS)) {
    const groupBuilder = new SlashCommandSubcommandGroupBuilder().setName(name).setDescription(fitText(description));
    for (const command of COMMANDS.filter((candidate) => candidate.group === name))
      groupBuilder.addSubcommand(subcommand(command));
    builder.addSubcommandGroup(groupBuilder);
  }
  return builder;
}

/** The builder writes `options: []` for a subcommand without options; Discord reads that as no options, and the body sent stays as it was. */
function withoutEmptyOptions(
  body: RESTPostAPIChatInputApplicationCommandsJSONBody,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const strip = (option: APIApplicationCommandSubcommandOption): APIApplicationCommandSubcommandOption => {
    if (option.options === undefined || option.options.length > 0) return option;
    const { options: _empty, ...rest } = option;
    return rest;
  };
  const options = (body.options ?? []).map((option) => {
    if (option.type === ApplicationCommandOptionType.Subcommand) return strip(option);
    if (option.type === ApplicationCommandOptionType.SubcommandGroup)
      return { ...option, options: (option.options ?? []).map(strip) };
    return option;
  });
  return { ...body, options };
}

/** The body to PUT to Discord's bulk-overwrite endpoint (as one element of the array); the builders check Discord's limits on the way. */
export function jssCommandDefinition(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return withoutEmptyOptions(jssCommandBuilder().toJSON());
}

/** The group a command sits in on Discord, or null for a subcommand of /jss itself. */
export function groupOf(commandName: string): string | null {
  return findCommand(commandName)?.group ?? null;
}
