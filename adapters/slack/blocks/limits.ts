// Slack's Block Kit limits for one message, named once so the renderer and its boundary tests
// agree (as Vercel's Chat SDK keeps them in blocks/limits.ts). Slack rejects a whole message
// (invalid_blocks, msg_too_long, msg_blocks_too_long) when any one of them is exceeded, so the
// renderer fits every reply under them instead of failing. Lengths are JavaScript string lengths
// (UTF-16 code units) of the text as sent, entities included: never less than what Slack counts.
// Every text object must also hold at least 1 character, so blank texts are left out.

/** Blocks in one message (modals and Home tabs allow 100; a message 50). */
export const MESSAGE_BLOCKS_MAX = 50;

/** A section's `text`. */
export const SECTION_TEXT_MAX = 3000;

/** Text objects in a section's `fields`. */
export const SECTION_FIELDS_MAX = 10;

/** Each text object in a section's `fields`. */
export const FIELD_TEXT_MAX = 2000;

/** A header block's plain text. */
export const HEADER_TEXT_MAX = 150;

/** Elements (images and text objects) in a context block. */
export const CONTEXT_ELEMENTS_MAX = 10;

/**
 * A context element's text. Slack documents only the general text-object maximum (3000) for it;
 * 2000 is the house limit, so small print stays small and keeps clear of the general one.
 */
export const CONTEXT_TEXT_MAX = 2000;

/** Interactive elements in one actions block. */
export const ACTIONS_ELEMENTS_MAX = 25;

/** A button's plain-text label. */
export const BUTTON_TEXT_MAX = 75;

/** A button's `value`, sent back in the interaction payload. */
export const BUTTON_VALUE_MAX = 2000;

/** An `action_id`. */
export const ACTION_ID_MAX = 255;

/**
 * The top-level `text`: with blocks it is only the notification fallback. Slack truncates
 * message text at 40,000 characters and advises staying under 4,000.
 */
export const MESSAGE_TEXT_MAX = 4000;

/**
 * All texts of a message's blocks together. Undocumented: chat.postMessage answers
 * msg_blocks_too_long near 12,000 characters of text whatever the per-block limits say
 * (slackapi/bolt-js#2509, #2867; the markdown block documents 12,000 cumulative). 10,000 leaves
 * room for the blocks' own JSON.
 */
export const MESSAGE_BLOCKS_TEXT_BUDGET = 10_000;
