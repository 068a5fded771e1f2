// Discord's limits for what the adapter itself does (message limits are in render/limits.ts).

/** A modal's title: at most 45 characters; at most 5 top-level components (here: labelled fields). */
export const MODAL_TITLE_MAX = 45;
export const MODAL_ROWS_MAX = 5;
/** A Label component (a form field's name above its input): label at most 45 characters, description at most 100. */
export const LABEL_TEXT_MAX = 45;
export const LABEL_DESCRIPTION_MAX = 100;
/** Autocomplete offers at most 25 choices, each name and value at most 100 characters. */
export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const CHOICE_TEXT_MAX = 100;
/** Interaction request bodies larger than this are refused (Discord's are a few KB). */
export const REQUEST_BODY_MAX = 256 * 1024;
/** An imported file is refused above this size (the contract file's limit, LIMITS.fileBytes), checked on the payload's attachment.size before the download. */
export const IMPORT_FILE_MAX = 10 * 1024 * 1024;
/** Requests a second the REST client allows itself for interaction webhooks (Discord sets no global limit on them). */
export const INTERACTION_REQUESTS_PER_SECOND = 10_000;
/** Where Discord serves attachments (the payload's url, or proxy_url); nothing is downloaded from elsewhere. */
export const DISCORD_FILE_ORIGINS: readonly string[] = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];
