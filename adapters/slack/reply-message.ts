// A reply as the Slack message that carries it: small attachments shown inline (so the renderer
// fits them to the limits with the rest), larger ones sent as files beside it (reply-files.ts).

import type { Reply } from '../../src/replies/reply.ts';
import { escapeMrkdwn, renderSlackMessage, type SlackMessage } from './blocks/index.ts';
import { INLINE_ATTACHMENT_MAX } from './limits.ts';

/** Whether an attachment is shown in the message rather than uploaded as a file. */
export function showsInline(content: string): boolean {
  return escapeMrkdwn(content).length <= INLINE_ATTACHMENT_MAX;
}

/** The rendered reply, its small attachments part of it. */
export function messageOf(reply: Reply): SlackMessage {
  const inline = reply.attachments.filter((attachment) => showsInline(attachment.content));
  const blocks = [
    ...reply.blocks,
    ...inline.map((attachment) => ({ type: 'text' as const, text: `${attachment.filename}\n${attachment.content}` })),
  ];
  return renderSlackMessage({ ...reply, blocks }, reply.shareCommand ? { shareCommand: reply.shareCommand } : {});
}
