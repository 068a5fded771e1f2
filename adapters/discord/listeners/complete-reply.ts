// Sends a reply after the deferred first response: the rendered message, with the reply's files
// (an export), edited into "thinking…" or posted anew (a share); then, once it is ready, the
// forecast chart, edited into that message's first embed. The member reads the reply without
// waiting for the chart, and a chart that fails leaves the reply as it is.

import { Routes } from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import { forecastChart, seriesBlockOf, type ForecastChart } from '../../../src/charts/forecast-chart.ts';
import type { Reply } from '../../../src/replies/reply.ts';
import { discordContext } from '../context.ts';
import { renderDiscordMessage } from '../render/index.ts';
import type { ListenerDeps } from './types.ts';

interface ReplyFile {
  name: string;
  data: Buffer;
  contentType: string;
}

/** Which message a reply went out as: the deferred original, or a message posted anew (its id). */
type SentMessage = '@original' | { id: string };

/** The forecast chart of a reply with a series block, once ready; a chart that fails is left out, not the reply. */
async function chartOf(deps: ListenerDeps, interaction: APIInteraction, reply: Reply): Promise<ForecastChart | null> {
  const series = seriesBlockOf(reply);
  if (!series) return null;
  try {
    return await forecastChart(series);
  } catch (error) {
    deps.services.onError?.(error, discordContext(interaction, deps.today()));
    return null;
  }
}

/** The webhook request for the reply's message, with its files and (when given) the chart in the first embed. */
function messageRequest(reply: Reply, chart: ForecastChart | null) {
  const message = renderDiscordMessage(reply, reply.shareCommand ? { shareCommand: reply.shareCommand } : {});
  // The deferral decided who sees an edit; a posted share is for everyone: neither carries flags.
  const { flags: _flags, ...body } = message;
  const files: ReplyFile[] = reply.attachments.map((attachment) => ({
    name: attachment.filename,
    data: Buffer.from(attachment.content, 'utf8'),
    contentType: attachment.mimeType,
  }));
  if (chart) {
    files.push({ name: chart.filename, data: chart.png, contentType: 'image/png' });
    // The chart shows inside the first embed rather than as a loose file under the message.
    body.embeds = body.embeds.map((embed, index) =>
      index === 0 ? { ...embed, image: { url: `attachment://${chart.filename}` } } : embed,
    );
  }
  // An edit replaces the message's attachments with those listed: the reply's files are sent again with the chart.
  const attachments = files.map((file, id) => ({ id, filename: file.name }));
  return {
    body: { ...body, ...(files.length > 0 && { attachments }) },
    files: files.length > 0 ? files : undefined,
    auth: false,
  };
}

/**
 * Sends the reply's message without its chart: edited into the deferred response, or with `post`,
 * sent as a new message for everyone (a share). Resolves with the message to edit the chart into.
 */
export async function sendReplyMessage(
  deps: ListenerDeps,
  interaction: APIInteraction,
  reply: Reply,
  post = false,
): Promise<SentMessage> {
  const request = messageRequest(reply, null);
  if (!post) {
    await deps.rest.patch(Routes.webhookMessage(deps.applicationId, interaction.token, '@original'), request);
    return '@original';
  }
  const posted = (await deps.rest.post(Routes.webhook(deps.applicationId, interaction.token), request)) as {
    id?: unknown;
  } | null;
  if (typeof posted?.id !== 'string') throw new Error('the posted message came back without an id');
  return { id: posted.id };
}

/** Once the reply's chart is ready, edits it into the sent message; a failure is reported, the message stands. */
export async function sendReplyChart(
  deps: ListenerDeps,
  interaction: APIInteraction,
  reply: Reply,
  sent: SentMessage,
): Promise<void> {
  const chart = await chartOf(deps, interaction, reply);
  if (!chart) return;
  try {
    await deps.rest.patch(
      Routes.webhookMessage(deps.applicationId, interaction.token, sent === '@original' ? '@original' : sent.id),
      messageRequest(reply, chart),
    );
  } catch (error) {
    deps.services.onError?.(error, discordContext(interaction, deps.today()));
  }
}

/** The reply first, then its chart. */
export async function completeReply(
  deps: ListenerDeps,
  interaction: APIInteraction,
  reply: Reply,
  post = false,
): Promise<void> {
  const sent = await sendReplyMessage(deps, interaction, reply, post);
  await sendReplyChart(deps, interaction, reply, sent);
}
