// Every command, in the order help lists them.

import { accuracy } from './handlers/accuracy.ts';
import { actual } from './handlers/actual.ts';
import { add } from './handlers/add.ts';
import { badges } from './handlers/badges.ts';
import { config } from './handlers/config.ts';
import { edit } from './handlers/edit.ts';
import { end } from './handlers/end.ts';
import { explain } from './handlers/explain.ts';
import { exportCommand } from './handlers/export.ts';
import { forecast } from './handlers/forecast.ts';
import { forget } from './handlers/forget.ts';
import { helpCommand } from './handlers/help.ts';
import { importCommand } from './handlers/import.ts';
import { join } from './handlers/join.ts';
import { leaderboard } from './handlers/leaderboard.ts';
import { leave } from './handlers/leave.ts';
import { link, unlink } from './handlers/link.ts';
import { list } from './handlers/list.ts';
import { longterm } from './handlers/longterm.ts';
import { pay } from './handlers/pay.ts';
import { plan } from './handlers/plan.ts';
import { remind } from './handlers/remind.ts';
import { remove } from './handlers/remove.ts';
import { score } from './handlers/score.ts';
import { stats } from './handlers/stats.ts';
import { timezone } from './handlers/timezone.ts';
import { tips } from './handlers/tips.ts';
import { undo } from './handlers/undo.ts';
import { whatif } from './handlers/whatif.ts';
import { why } from './handlers/why.ts';
import type { CommandDefinition } from './types.ts';

export const COMMANDS: readonly CommandDefinition[] = [
  helpCommand(() => COMMANDS),
  add,
  edit,
  pay,
  end,
  remove,
  undo,
  list,
  score,
  why,
  actual,
  explain,
  forecast,
  plan,
  whatif,
  longterm,
  tips,
  badges,
  leaderboard,
  stats,
  accuracy,
  join,
  leave,
  remind,
  timezone,
  importCommand,
  exportCommand,
  link,
  unlink,
  forget,
  config,
];

export function findCommand(name: string): CommandDefinition | undefined {
  return COMMANDS.find((command) => command.name === name.toLowerCase());
}
