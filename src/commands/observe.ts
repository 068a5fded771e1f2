// What the command bus tells the composition root about each request: enough for one log line and
// the metrics (platform, command, outcome, duration), never what the member typed.

import type { Platform } from '../ports/store.ts';

/**
 * ok: the command did what was asked; refused: bad input or a rule said no (nothing changed);
 * failed: the bot had a problem (logged); unavailable: the database was away.
 */
export type CommandOutcome = 'ok' | 'refused' | 'failed' | 'unavailable';

export interface CommandObservation {
  platform: Platform;
  /** The command's name, or "unknown" for a word that is no command. */
  command: string;
  outcome: CommandOutcome;
  durationMs: number;
  requestId: string | null;
}
