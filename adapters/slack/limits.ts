// Slack's limits for what the adapter itself does (the message limits are in blocks/limits.ts).

/** How long a command may run before the adapter acknowledges without it (a margin for the network). */
export const ACK_BUDGET_MS = 2000;
/** A modal's title: at most 24 characters. */
export const MODAL_TITLE_MAX = 24;
/** Attachments up to this size are shown inline in a code block; larger ones are uploaded to the member's DM. */
export const INLINE_ATTACHMENT_MAX = 2800;
/** Request bodies larger than this are refused with 413 (Slack's are a few KB; a form submission carries its whole view). */
export const REQUEST_BODY_MAX = 1024 * 1024;
/** Signed requests dated further than this from now, in the past or the future, are refused (Slack's replay window). */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;
/** An imported file is refused above this size (the contract file's limit, LIMITS.fileBytes), checked with files.info before the download. */
export const IMPORT_FILE_MAX = 10 * 1024 * 1024;
/** The import form's file_input: one file, CSV only. */
export const IMPORT_FILES_MAX = 1;
export const IMPORT_FILE_TYPES: readonly string[] = ['csv'];
/** Where Slack serves uploaded files (url_private_download) in production; the bot token goes nowhere else. */
export const SLACK_FILE_ORIGINS: readonly string[] = ['https://files.slack.com', 'https://slack.com'];
