// The console bot: a REPL (line editing, history) when standard input is a terminal; otherwise one
// command per line, each reply printed, ending at the end of input, so scripts can pipe commands in.

import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { runCommand, type Services } from '../../src/commands/dispatch.ts';
import { parseCommandText } from '../../src/commands/grammar.ts';
import { errorReply, type Reply } from '../../src/replies/reply.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { consoleContext } from './context.ts';
import { loadHistory, saveHistory } from './history.ts';

export interface ConsoleOptions {
  services: Services;
  input: Readable & { isTTY?: boolean };
  output: Writable;
  user: string;
  /** Today as YYYY-MM-DD, asked again for every command (the date can change while the REPL runs). */
  today: () => string;
  /** Where REPL history is kept, when interactive. */
  historyFile?: string;
}

const EXIT_WORDS = new Set(['exit', 'quit', '.exit']);

/** `import file:PATH` is the console's way to attach a file: its content becomes the command's body. */
async function runLine(options: ConsoleOptions, line: string): Promise<Reply> {
  const parsed = parseCommandText(line);
  if (!parsed.ok) return errorReply(parsed.message);
  const input = parsed.parsed;
  if (input.command === 'import' && input.named.file !== undefined) {
    const { file, ...named } = input.named;
    try {
      input.body = await readFile(file, 'utf8');
    } catch (error) {
      return errorReply(`file: cannot read ${JSON.stringify(file)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); expected a CSV or JSON file`);
    }
    input.named = named;
  }
  return runCommand(options.services, consoleContext(options.user, options.today()), input);
}

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const interactive = options.input.isTTY === true;
  const history = interactive && options.historyFile ? await loadHistory(options.historyFile) : [];
  const lines = createInterface({
    input: options.input,
    output: interactive ? options.output : undefined,
    terminal: interactive,
    history,
    historySize: 500,
    prompt: 'jss> ',
  });
  const write = (text: string) => options.output.write(`${text}\n`);
  if (interactive) {
    write(`jss-coach console, as ${options.user}. Type "help", or "exit" to leave.`);
    lines.prompt();
  }
  for await (const raw of lines) {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) {
      if (EXIT_WORDS.has(line.toLowerCase())) break;
      write(`${renderText(await runLine(options, line))}\n`);
    }
    if (interactive) lines.prompt();
  }
  lines.close();
  if (interactive && options.historyFile) await saveHistory(options.historyFile, (lines as unknown as { history: string[] }).history ?? []);
}
