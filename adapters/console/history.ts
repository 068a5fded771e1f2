// REPL history between sessions, newest first as readline keeps it.

import { readFile, writeFile } from 'node:fs/promises';

export async function loadHistory(file: string): Promise<string[]> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  } catch {
    return [];
  }
}

export async function saveHistory(file: string, history: readonly string[]): Promise<void> {
  try {
    await writeFile(file, `${history.slice(0, 500).join('\n')}\n`, { mode: 0o600 });
  } catch {
    // History is a convenience: failing to keep it must not fail the bot.
  }
}
