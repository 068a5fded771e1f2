// STUB (to be replaced): what a member should hear about today, from their contracts alone.

import type { Contract, ModelOptions } from '../scoring/index.ts';

export type ReminderKind = 'inactive-contract' | 'leaves-window' | 'feedback-counts' | 'becomes-long-term' | 'score-rises';

export interface Reminder {
  kind: ReminderKind;
  /** 'warning': about to hurt, act now; 'good': good news. */
  tone: 'warning' | 'good';
  /** The day it happens (YYYY-MM-DD). */
  date: string;
  contractId: string | null;
  client: string | null;
  /** What happens, with its effect on the score when there is one. */
  text: string;
  /** What the member can do about it, or null. */
  action: string | null;
}

/** The reminders due on `asOf` (empty when there is nothing worth a message today). */
export function findReminders(_contracts: readonly Contract[], _asOf: string, _options: ModelOptions = {}): Reminder[] {
  return [];
}
