// The message the renderer produces: the body of an interaction response, a webhook message or a
// channel message (files go alongside it: the adapter attaches a reply's attachments).

import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord-api-types/v10';

export interface DiscordMessage {
  /** Only when RenderOptions.content was given: escaped, within CONTENT_MAX. */
  content?: string;
  /** One or more (at most EMBEDS_PER_MESSAGE_MAX); the first has the title, the last the footer. */
  embeds: APIEmbed[];
  /** Rows of buttons; empty when the reply has none. */
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Always `{ parse: [] }`: nothing in a reply pings anyone, whatever the text says. */
  allowed_mentions: { parse: [] };
  /** MessageFlags.Ephemeral (64) unless rendered with `ephemeral: false`. */
  flags?: number;
}
