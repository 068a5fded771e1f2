// Renders a platform-neutral Reply as a Discord message: embeds (title, description, fields,
// footer) and buttons, every member text escaped and every limit kept. What does not fit is left
// out from the end, and the footer says how much. Attachments are not rendered: the adapter
// attaches them as files.

import { Colors, MessageFlags, type APIEmbed } from 'discord.js';
import type { Reply, ReplyKind } from '../../../src/replies/reply.ts';
import { actionRows } from './buttons.ts';
import { escapeMarkdown, neutraliseMentions, truncate } from './escape.ts';
import { descriptionOf, layoutUnits } from './layout.ts';
import { CONTENT_MAX, EMBED_TITLE_MAX, EMBED_TOTAL_MAX, FOOTER_TEXT_MAX } from './limits.ts';
import { isBlank, oneLine } from '../../shared/lines.ts';
import { fitRendered } from './text.ts';
import type { DiscordMessage } from './types.ts';
import { bodyUnits, contextText } from './units.ts';

/** Errors stand out in the channel and the notification. */
export const ERROR_PREFIX = '⚠️ ';
/** The title of a reply that has none (Discord refuses an embed with nothing in it). */
export const FALLBACK_TITLE = 'jss-coach';

/** Discord's own palette (discord.js Colors): green, red, blurple, orange. */
export const KIND_COLORS: Record<ReplyKind, number> = {
  success: Colors.Green,
  error: Colors.Red,
  info: Colors.Blurple,
  confirm: Colors.Orange,
};

export interface RenderOptions {
  /** The command that makes the reply again, for the share button (default: reply.shareCommand). */
  shareCommand?: string;
  /** Only the member sees the reply (default true); false for a reply shared in the channel. */
  ephemeral?: boolean;
  /** Plain text above the embeds (e.g. who shared the reply): escaped and cut to CONTENT_MAX. */
  content?: string;
}

/** The small print at the very end: "…and N more not shown", then the reply's context. */
export function leftOutNotice(count: number): string {
  return `…and ${count} more not shown`;
}

function titleOf(reply: Reply): string {
  const title = oneLine(reply.kind === 'error' ? `${ERROR_PREFIX}${reply.title}` : reply.title);
  return title === '' ? FALLBACK_TITLE : fitRendered(title, EMBED_TITLE_MAX);
}

/** Footers show no markdown, so the context is as typed (mass mentions defused); the notice always fits whole. */
function footerText(context: string, notice: string): string {
  if (notice === '') return truncate(context, FOOTER_TEXT_MAX);
  return context === '' ? notice : `${notice}\n${truncate(context, FOOTER_TEXT_MAX - notice.length - 1)}`;
}

export function renderDiscordMessage(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  const title = titleOf(reply);
  const context = neutraliseMentions(contextText(reply));
  const units = bodyUnits(reply);
  const budget = (footer: string) => EMBED_TOTAL_MAX - title.length - footer.length;

  // First as if everything fits; if not, again with room kept for the longest notice there can be.
  let layout = layoutUnits(units, budget(footerText(context, '')));
  let notice = '';
  if (layout.left > 0) {
    const counted = units.filter((unit) => unit.counts).length;
    layout = layoutUnits(units, budget(footerText(context, leftOutNotice(counted))));
    notice = layout.left > 0 ? leftOutNotice(layout.left) : '';
  }
  const footer = footerText(context, notice);
  const color = KIND_COLORS[reply.kind];

  const bodies = layout.drafts
    .map((draft) => ({ description: descriptionOf(draft).trimEnd(), fields: draft.fields }))
    .filter((body, index) => index === 0 || body.description !== '' || body.fields.length > 0);
  const embeds: APIEmbed[] = bodies.map((body, index) => ({
    ...(index === 0 && { title }),
    ...(body.description !== '' && { description: body.description }),
    ...(body.fields.length > 0 && { fields: body.fields }),
    color,
    ...(index === bodies.length - 1 && footer !== '' && { footer: { text: footer } }),
  }));

  const content =
    options.content !== undefined && !isBlank(options.content)
      ? fitRendered(options.content, CONTENT_MAX, escapeMarkdown)
      : '';
  return {
    ...(content !== '' && { content }),
    embeds,
    components: actionRows(reply, options.shareCommand ?? reply.shareCommand),
    allowed_mentions: { parse: [] },
    ...(options.ephemeral !== false && { flags: MessageFlags.Ephemeral }),
  };
}

/** Characters Discord counts against EMBED_TOTAL_MAX for a message's embeds. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce(
    (sum, embed) =>
      sum +
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.fields ?? []).reduce((fields, field) => fields + field.name.length + field.value.length, 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0),
    0,
  );
}
