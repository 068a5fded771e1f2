// Discord's limits for one message, named once so the renderer and its boundary tests agree (as
// Vercel's Chat SDK keeps them in blocks/limits.ts). Discord answers 400 Invalid Form Body for the
// whole message when any one is exceeded, so the renderer fits every reply under them instead.
// Sources: Discord's embed limits (Message resource, "Embed Limits"), the button reference and the
// create-message body; the same values are in discord.js' builders and Sapphire's EmbedLimits /
// ButtonLimits. Lengths here are JavaScript string lengths (UTF-16 code units): never less than
// the characters Discord counts, so a text within them is within Discord's.

/** All titles, descriptions, field names and values, footers and author names of ALL embeds of a message together. */
export const EMBED_TOTAL_MAX = 6000;

/** An embed's title. */
export const EMBED_TITLE_MAX = 256;

/** An embed's description. */
export const EMBED_DESCRIPTION_MAX = 4096;

/** Fields in one embed. */
export const EMBED_FIELDS_MAX = 25;

/** A field's name. */
export const FIELD_NAME_MAX = 256;

/** A field's value. */
export const FIELD_VALUE_MAX = 1024;

/** An embed footer's text. */
export const FOOTER_TEXT_MAX = 2048;

/** Embeds in one message. */
export const EMBEDS_PER_MESSAGE_MAX = 10;

/** The message's `content`. */
export const CONTENT_MAX = 2000;

/** Action rows in one message. */
export const ACTION_ROWS_MAX = 5;

/** Buttons in one action row. */
export const BUTTONS_PER_ROW_MAX = 5;

/** A button's label. */
export const BUTTON_LABEL_MAX = 80;

/** A button's `custom_id`, sent back in the interaction. */
export const CUSTOM_ID_MAX = 100;
