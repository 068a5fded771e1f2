// Sends a reply after the deferred first response: the rendered message, with the reply's files
// (an export) and its forecast chart attached, edited into "thinking…" or posted anew (a share).

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

/** The forecast chart of a reply with a series block; a chart that fails to render is left out, not the reply. */
function chartOf(deps: ListenerDeps, interaction: APIInteraction, reply: Reply): ForecastChart | null {
  const series = seriesBlockOf(reply);
  if (!series) return null;
  try {
    return forecastChart(series);
  } catch (error) {
    deps.services.onError?.(error, discordContext(interaction, deps.today()));
    return null;
  }
}

/**
 * Edits the deferred response into the reply (files attached when the reply has any), or with
 * `post`, sends it as a new message for everyone (a share) instead.
 */
export async function completeReply(
  deps: ListenerDeps,
  interaction: APIInteraction,
  reply: Reply,
  post = false,
): Promise<void> {
  const message = renderDiscordMessage(reply, reply.shareCommand ? { shareCommand: reply.shareCommand } : {});
  // The deferral decided who sees an edit; a posted share is for everyone: neither carries flags.
  const { flags: _flags, ...body } = message;
  const files: ReplyFile[] = reply.attachments.map((attachment) => ({
    name: attachment.filename,
    data: Buffer.from(attachment.content, 'utf8'),
    contentType: attachment.mimeType,
  }));
  const chart = chartOf(deps, interaction, reply);
  if (chart) {
    files.push({ name: chart.filename, data: chart.png, contentType: 'image/png' });
    // The chart shows inside the first embed rather than as a loose file under the message.
    body.embeds = body.embeds.map((embed, index) =>
      index === 0 ? { ...embed, image: { url: `attachment://${chart.filename}` } } : embed,
    );
  }
  const attachments = files.map((file, id) => ({ id, filename: file.name }));
  const request = {
    body: { ...body, ...(files.length > 0 && { attachments }) },
    files: files.length > 0 ? files : undefined,
    auth: false,
  };
  if (post) await deps.rest.post(Routes.webhook(deps.applicationId, interaction.token), request);
  else await deps.rest.patch(Routes.webhookMessage(deps.applicationId, interaction.token, '@original'), request);
}
