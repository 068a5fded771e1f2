// Entry point of `jss-coach`: wires the CLI to the process (files, standard streams, the clock).

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { EXIT_FAILURE, runCli } from './run.ts';

/** Today's calendar date where the user is. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    readInput,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    today: localToday(),
    version,
  });
} catch (error) {
  process.stderr.write(`jss-coach: unexpected error, please report it: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = EXIT_FAILURE;
}
