// The files a reply sends beside its message: attachments too large to show inline (to the member's
// direct messages only: they are the member's own data) and the forecast chart.

import type { WebClient } from '@slack/web-api';
import { forecastChart, seriesBlockOf } from '../../src/charts/forecast-chart.ts';
import type { Reply } from '../../src/replies/reply.ts';
import { showsInline } from './reply-message.ts';

/** Where a reply's files go: the member's direct messages, or the channel a reply was shared in. */
export type UploadTarget = { userId: string } | { channelId: string };

interface UploadFile {
  filename: string;
  /** Text goes up as `content`, bytes as `file`. */
  data: string | Buffer;
  comment: string;
  altText?: string;
}

/** The reply's own files (to the member's direct messages only): available at once. */
function attachmentFilesOf(reply: Reply, withAttachments: boolean): UploadFile[] {
  if (!withAttachments) return [];
  return reply.attachments
    .filter((attachment) => !showsInline(attachment.content))
    .map((attachment) => ({ filename: attachment.filename, data: attachment.content, comment: reply.title }));
}

/** The forecast chart, once it is ready (the message went out before it); none when it failed. */
async function chartFileOf(reply: Reply): Promise<UploadFile | null> {
  const series = seriesBlockOf(reply);
  const chart = series ? await forecastChart(series) : null;
  return series && chart
    ? { filename: chart.filename, data: chart.png, comment: series.title, altText: series.title }
    : null;
}

async function uploadTo(client: WebClient, channel: string, file: UploadFile): Promise<void> {
  const contents =
    typeof file.data === 'string'
      ? { content: file.data }
      : { file: file.data, ...(file.altText && { alt_text: file.altText }) };
  await client.files.uploadV2({
    channel_id: channel,
    filename: file.filename,
    initial_comment: file.comment,
    ...contents,
  });
}

/** Uploads a reply's files, its chart last; to a channel only its chart goes. */
export async function uploadFiles(client: WebClient, target: UploadTarget, reply: Reply): Promise<void> {
  const files = attachmentFilesOf(reply, 'userId' in target);
  if (files.length === 0 && !seriesBlockOf(reply)) return;
  // The direct-message channel is opened (and the reply's own files go up) while the chart is made.
  const chart = chartFileOf(reply);
  chart.catch(() => {}); // awaited below, after the other files: not an unhandled rejection meanwhile
  const channel = await channelOf(client, target);
  for (const file of files) await uploadTo(client, channel, file);
  const made = await chart;
  if (made) await uploadTo(client, channel, made);
}

/** Direct-message channels this client opened, by user: a member's DM channel does not change. */
const openedChannels = new WeakMap<WebClient, Map<string, string>>();
/** Enough for every active member of a large community; the oldest is dropped past it. */
const REMEMBERED_DM_CHANNELS = 10_000;

async function channelOf(client: WebClient, target: UploadTarget): Promise<string> {
  if ('channelId' in target) return target.channelId;
  const known = openedChannels.get(client) ?? new Map<string, string>();
  openedChannels.set(client, known);
  // One Web API round trip less before every chart (conversations.open answers the same channel anyway).
  const remembered = known.get(target.userId);
  if (remembered) return remembered;
  const opened = await client.conversations.open({ users: target.userId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  known.set(target.userId, channel);
  if (known.size > REMEMBERED_DM_CHANNELS) known.delete(known.keys().next().value as string);
  return channel;
}
