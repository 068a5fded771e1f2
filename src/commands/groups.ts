// Commands that belong under one heading. Discord's /jss holds 25 subcommands at most, so a group
// becomes a subcommand group there (/jss upwork actual score:87); a command names its group in its
// own definition, so adding one touches only its file and the registry.

export const COMMAND_GROUPS = {
  upwork: 'What Upwork shows you: record it, explain a gap, Top Rated, accuracy',
  account: 'Your own settings and data: time zone, export, link, forget',
} as const;

export type CommandGroup = keyof typeof COMMAND_GROUPS;
