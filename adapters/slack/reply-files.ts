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

function filesOf(reply: Reply, withAttachments: boolean): UploadFile[] {
  const files: UploadFile[] = withAttachments
    ? reply.attachments
        .filter((attachment) => !showsInline(attachment.content))
        .map((attachment) => ({ filename: attachment.filename, data: attachment.content, comment: reply.title }))
    : [];
  const series = seriesBlockOf(reply);
  if (series) {
    const chart = forecastChart(series);
    files.push({ filename: chart.filename, data: chart.png, comment: series.title, altText: series.title });
  }
  return files;
}

/** Uploads a reply's files; to a channel only its chart goes. */
export async function uploadFiles(client: WebClient, target: UploadTarget, reply: Reply): Promise<void> {
  const files = filesOf(reply, 'userId' in target);
  if (files.length === 0) return;
  let channel: string | undefined;
  if ('channelId' in target) channel = target.channelId;
  else {
    const opened = await client.conversations.open({ users: target.userId });
    channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
  }
  for (const file of files) {
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
}
