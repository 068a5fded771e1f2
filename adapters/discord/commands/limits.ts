// Discord's limits on application commands, as named constants next to the code that must respect
// them (boundary tests in test/adapters/discord/commands.test.ts). Source: Discord's developer
// documentation, "Application Commands" (naming, option structure, choice structure).

/** Command, subcommand and option names: lowercase letters, digits, - and _ (1–32). */
export const NAME_PATTERN = /^[-_\p{Ll}\p{N}]{1,32}$/u;
export const MAX_DESCRIPTION = 100;
/** Subcommands of one command, and options of one subcommand. */
export const MAX_OPTIONS = 25;
export const MAX_CHOICES = 25;
export const MAX_CHOICE_NAME = 100;
/** A command's names, descriptions and choice values together (Discord refuses larger ones). */
export const MAX_COMMAND_CHARACTERS = 8000;
/** Application, guild and attachment ids. */
export const SNOWFLAKE = /^\d{17,20}$/;
