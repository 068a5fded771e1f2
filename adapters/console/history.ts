// REPL history between sessions, newest first as readline keeps it. Each console member has their
// own file (the lines hold client names), readable by the owner only, deleted by `forget`.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const HISTORY_LINES = 500;

/** A file name per member that any user name maps to safely (a readable part and a hash against collisions). */
export function historyFileOf(dataDir: string, user: string): string {
  const readable = user.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40);
  const hash = createHash('sha256').update(user).digest('hex').slice(0, 12);
  return join(dataDir, 'console-history', `${readable}-${hash}`);
}

/** Where every member's lines used to go together, before history was kept per member. */
export function sharedHistoryFileOf(dataDir: string): string {
  return join(dataDir, 'console_history');
}

export async function loadHistory(file: string): Promise<string[]> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  } catch {
    return [];
  }
}

/** Writes the history; an empty one (e.g. after `forget`) leaves no file. */
export async function saveHistory(file: string, history: readonly string[]): Promise<void> {
  try {
    if (history.length === 0) return await deleteHistory(file);
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, `${history.slice(0, HISTORY_LINES).join('\n')}\n`, { mode: 0o600 });
  } catch {
    // History is a convenience: failing to keep it must not fail the bot.
  }
}

export async function deleteHistory(file: string): Promise<void> {
  await rm(file, { force: true });
}
