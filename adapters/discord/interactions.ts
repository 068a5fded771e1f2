// One handler for every Discord interaction, whether it came over HTTP or the gateway: it returns
// the first response at once (PONG, a modal, autocomplete choices, or "deferred") and, when work
// follows, a promise that completes the reply through the interaction webhook.

import type {
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandInteraction,
  APIInteraction,
  APIInteractionResponse,
} from 'discord-api-types/v10';
import { ApplicationCommandOptionType, InteractionResponseType, InteractionType, Routes, type REST } from 'discord.js';
import { forecastChart, seriesBlockOf, type ForecastChart } from '../../src/charts/forecast-chart.ts';
import { runCommand, type CommandInput, type Services } from '../../src/commands/dispatch.ts';
import { formToOpen } from '../../src/commands/forms.ts';
import { parseCommandText } from '../../src/commands/grammar.ts';
import { findCommand } from '../../src/commands/registry.ts';
import { suggest } from '../../src/commands/suggest.ts';
import { errorReply, sharedView, type Reply } from '../../src/replies/reply.ts';
import { canonicalName } from './commands/option-plan.ts';
import { interactionOptionsToInput } from './commands/to-input.ts';
import { discordContext, interactionUser } from './context.ts';
import { downloadFile, tooLarge } from '../shared/download-file.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_TEXT_MAX, DISCORD_FILE_ORIGINS, EPHEMERAL, IMPORT_FILE_MAX } from './limits.ts';
import { formModal, submittedArgs, submittedInput } from './modals.ts';
import { renderDiscordMessage, RUN_PREFIX, SHARE_PREFIX } from './render/index.ts';

export interface InteractionHandlerOptions {
  services: Services;
  /** REST client for the interaction webhook (no bot token needed for it). */
  rest: REST;
  applicationId: string;
  today: () => string;
  /** The REST base when it is not Discord's (tests): attachments are downloaded from its origin too. */
  apiUrl?: string | null;
}

export interface HandledInteraction {
  initial: APIInteractionResponse;
  /** Completes the reply after the first response; resolves when it was sent. */
  followUp: Promise<void> | null;
}

export type InteractionHandler = (interaction: APIInteraction) => Promise<HandledInteraction>;

type Option = APIApplicationCommandInteractionDataOption;

function subcommandOf(interaction: APIChatInputApplicationCommandInteraction): { name: string; options: Option[] } | null {
  const first = leafSubcommand(interaction.data.options);
  if (!first || !('options' in first)) return null;
  return { name: first.name, options: (first.options ?? []) as Option[] };
}

/** The subcommand chosen, inside its group when it has one (/jss upwork actual). */
function leafSubcommand(options: readonly Option[] | undefined): Option | undefined {
  const [first] = options ?? [];
  return first?.type === ApplicationCommandOptionType.SubcommandGroup ? (first.options ?? [])[0] : first;
}


export function createInteractionHandler(options: InteractionHandlerOptions): InteractionHandler {
  const { services, rest, applicationId } = options;

  /** The forecast chart of a reply with a series block; a chart that fails to render is left out, not the reply. */
  function chartOf(interaction: APIInteraction, reply: Reply): ForecastChart | null {
    const series = seriesBlockOf(reply);
    if (!series) return null;
    try {
      return forecastChart(series);
    } catch (error) {
      services.onError?.(error, discordContext(interaction, options.today()));
      return null;
    }
  }

  /**
   * Edits the deferred response into the reply (files attached when the reply has any), or with
   * `post`, sends it as a new message for everyone (a share) instead.
   */
  async function complete(interaction: APIInteraction, reply: Reply, post = false): Promise<void> {
    const message = renderDiscordMessage(reply, reply.shareCommand ? { shareCommand: reply.shareCommand } : {});
    // The deferral decided who sees an edit; a posted share is for everyone: neither carries flags.
    const { flags: _flags, ...body } = message as typeof message & { flags?: number };
    const files: { name: string; data: Buffer; contentType: string }[] = reply.attachments.map((attachment) => ({
      name: attachment.filename,
      data: Buffer.from(attachment.content, 'utf8'),
      contentType: attachment.mimeType,
    }));
    const chart = chartOf(interaction, reply);
    if (chart) {
      files.push({ name: chart.filename, data: chart.png, contentType: 'image/png' });
      // The chart shows inside the first embed rather than as a loose file under the message.
      body.embeds = body.embeds.map((embed, index) => (index === 0 ? { ...embed, image: { url: `attachment://${chart.filename}` } } : embed));
    }
    const attachments = files.map((file, id) => ({ id, filename: file.name }));
    const request = { body: { ...body, ...(files.length > 0 && { attachments }) }, files: files.length > 0 ? files : undefined, auth: false };
    if (post) await rest.post(Routes.webhook(applicationId, interaction.token), request);
    else await rest.patch(Routes.webhookMessage(applicationId, interaction.token, '@original'), request);
  }

  /**
   * "Share in channel": answered privately first; only a successful reply is posted for everyone
   * (read-only, without buttons), so a failure never shows in the channel.
   */
  function shared(interaction: APIInteraction, input: CommandInput): HandledInteraction {
    const followUp = run(interaction, input)
      .catch(() => errorReply('jss-coach had a problem on its side and changed nothing. Please try again.'))
      .then(async (reply) => {
        if (reply.kind === 'error' || !reply.shareable) return complete(interaction, reply);
        const by = interactionUser(interaction).name;
        await complete(interaction, sharedView(reply, `Shared by ${by}`), true);
        await complete(interaction, { kind: 'success', title: 'Shared in the channel', blocks: [], actions: [], attachments: [], shareable: false });
      });
    return { initial: { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: EPHEMERAL } }, followUp };
  }

  async function run(interaction: APIInteraction, input: CommandInput): Promise<Reply> {
    return runCommand(services, discordContext(interaction, options.today()), input);
  }

  /** First response "deferred", then the command's reply. */
  function deferred(interaction: APIInteraction, work: () => Promise<Reply>): HandledInteraction {
    const followUp = work()
      .catch(() => errorReply('jss-coach had a problem on its side and changed nothing. Please try again.'))
      .then((reply) => complete(interaction, reply));
    return { initial: { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: EPHEMERAL } }, followUp };
  }

  // Attachments come from Discord's CDN only (or the fake API's origin in tests), whatever URL a payload names.
  const fileOrigins = options.apiUrl ? [...DISCORD_FILE_ORIGINS, new URL(options.apiUrl).origin] : DISCORD_FILE_ORIGINS;

  /** An attachment's text: its size (as the payload gives it) is checked before anything is downloaded. */
  async function attachmentText(interaction: APIChatInputApplicationCommandInteraction, attachmentId: string): Promise<string> {
    const attachment = interaction.data.resolved?.attachments?.[attachmentId];
    if (!attachment) throw new Error('the attached file is missing from the interaction');
    if (attachment.size > IMPORT_FILE_MAX) throw new Error(tooLarge(attachment.size, IMPORT_FILE_MAX));
    const file = await downloadFile({ url: attachment.url, allowedOrigins: fileOrigins, maxBytes: IMPORT_FILE_MAX });
    if (!file.ok) throw new Error(file.reason);
    return file.text;
  }

  async function autocomplete(interaction: APIInteraction): Promise<HandledInteraction> {
    const data = (interaction as { data?: { options?: Option[] } }).data;
    const sub = leafSubcommand(data?.options);
    const focused = (sub && 'options' in sub ? (sub.options ?? []) : []).find((option) => 'focused' in option && option.focused) as
      | (Option & { value?: string })
      | undefined;
    const command = sub ? findCommand(sub.name) : undefined;
    const name = command && focused ? canonicalName(command, focused.name) : null;
    // What the option stands for is the definition's; the suggestions come from the command layer.
    const values = command && name !== null ? await suggest(services, discordContext(interaction, options.today()), command, name, String(focused?.value ?? ''), AUTOCOMPLETE_CHOICES_MAX) : [];
    const choices = values.map((value) => ({ name: value.slice(0, CHOICE_TEXT_MAX), value: value.slice(0, CHOICE_TEXT_MAX) }));
    return { initial: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }, followUp: null };
  }

  return async (interaction) => {
    switch (interaction.type) {
      case InteractionType.Ping:
        return { initial: { type: InteractionResponseType.Pong }, followUp: null };

      case InteractionType.ApplicationCommandAutocomplete:
        return autocomplete(interaction);

      case InteractionType.ApplicationCommand: {
        const command = interaction as APIChatInputApplicationCommandInteraction;
        const sub = subcommandOf(command);
        if (!sub) return deferred(interaction, async () => errorReply('expected a /jss subcommand, e.g. /jss score'));
        const { input, attachmentId, problem } = interactionOptionsToInput(sub.name, sub.options as never);
        if (problem) return deferred(interaction, async () => errorReply(problem));
        // A command whose definition opens a form (and reads no file, which a modal cannot take) opens it.
        const open = attachmentId === null ? formToOpen(input, options.today()) : null;
        if (open && !open.command.body) {
          return { initial: { type: InteractionResponseType.Modal, data: formModal(open) }, followUp: null };
        }
        return deferred(interaction, async () => {
          if (attachmentId) {
            try {
              input.body = await attachmentText(command, attachmentId);
            } catch (error) {
              return errorReply(`file: ${(error as Error).message}`, 'Nothing was imported.');
            }
          }
          return run(interaction, input);
        });
      }

      case InteractionType.MessageComponent: {
        const customId = interaction.data.custom_id;
        const share = customId.startsWith(SHARE_PREFIX);
        const text = share ? customId.slice(SHARE_PREFIX.length) : customId.startsWith(RUN_PREFIX) ? customId.slice(RUN_PREFIX.length) : '';
        const parsed = parseCommandText(text || 'help');
        if (!parsed.ok) return deferred(interaction, async () => errorReply(parsed.message));
        return share ? shared(interaction, parsed.parsed) : deferred(interaction, () => run(interaction, parsed.parsed));
      }

      case InteractionType.ModalSubmit: {
        const customId = interaction.data.custom_id;
        const named = submittedArgs(interaction.data.components as never);
        return deferred(interaction, () => run(interaction, submittedInput(customId, named)));
      }
    }
    return { initial: { type: InteractionResponseType.Pong }, followUp: null };
  };
}
