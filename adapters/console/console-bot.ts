// The console bot: a REPL (line editing, history) when standard input is a terminal; otherwise one
// command per line, each reply printed, ending at the end of input, so scripts can pipe commands in.

import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { runCommand, type CommandInput, type Services } from '../../src/commands/dispatch.ts';
import { LIMITS } from '../../src/contracts/schema.ts';
import { parseCommandText } from '../../src/commands/grammar.ts';
import { findCommand } from '../../src/commands/registry.ts';
import { errorReply, type Reply } from '../../src/replies/reply.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { consoleContext } from './context.ts';
import { consoleFilePath, startsAtHome } from './file-path.ts';
import { deleteHistory, HISTORY_LINES, loadHistory, saveHistory } from './history.ts';

export interface ConsoleOptions {
  services: Services;
  input: Readable & { isTTY?: boolean };
  output: Writable;
  user: string;
  /** Today as YYYY-MM-DD, asked again for every command (the date can change while the REPL runs). */
  today: () => string;
  /** Where this member's REPL history is kept, when interactive; `forget` deletes it. */
  historyFile?: string;
  /** Aborting ends the console after the command under way (a stop signal). */
  signal?: AbortSignal;
  /** Where relative paths in `import file:PATH` start (the current directory when absent). */
  cwd?: string;
  /** What `~` in a path stands for (the user's home folder when absent). */
  home?: string;
}

const EXIT_WORDS = new Set(['exit', 'quit', '.exit']);

/** A file's text, or the reply that says why not: its size is checked before it is read. */
async function readAttachedFile(typed: string, path: string): Promise<string | Reply> {
  // A path with ~ is told as typed and as found, so a member sees which folder ~ was.
  const atHome = startsAtHome(typed);
  const named = atHome ? `${JSON.stringify(typed)} (${path})` : JSON.stringify(typed);
  try {
    const { size } = await stat(path);
    if (size > LIMITS.fileBytes) {
      return errorReply(`file: ${named} is ${(size / 1024 / 1024).toFixed(1)} MiB; expected a CSV or JSON file of at most ${LIMITS.fileBytes / 1024 / 1024} MiB`, 'Nothing was imported.');
    }
    // A byte-order mark (spreadsheet programs write one) is not part of the first column's name.
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return errorReply(`file: cannot read ${JSON.stringify(typed)} (${atHome ? `${why}: ${path}` : why}); expected a CSV or JSON file`);
  }
}

/** `import file:PATH` is the console's way to attach a file to a command that reads one: its content becomes the command's body. */
async function runLine(options: ConsoleOptions, input: CommandInput): Promise<Reply> {
  const readsFile = input.command !== null && findCommand(input.command)?.body !== undefined;
  if (readsFile && input.named.file !== undefined) {
    const { file, ...named } = input.named;
    const text = await readAttachedFile(file, consoleFilePath(file, options.cwd ?? process.cwd(), options.home ?? homedir()));
    if (typeof text !== 'string') return text;
    input.body = text;
    input.named = named;
  }
  return runCommand(options.services, consoleContext(options.user, options.today()), input);
}

/** A confirmed `forget` deleted the member: their typed lines go too. */
function forgotten(input: CommandInput, reply: Reply): boolean {
  return input.command === 'forget' && input.named.confirm !== undefined && reply.kind === 'success';
}

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const interactive = options.input.isTTY === true;
  const history = interactive && options.historyFile ? await loadHistory(options.historyFile) : [];
  const lines = createInterface({
    input: options.input,
    output: interactive ? options.output : undefined,
    terminal: interactive,
    history,
    historySize: HISTORY_LINES,
    prompt: 'jss> ',
  });
  const write = (text: string) => options.output.write(`${text}\n`);
  const stop = () => lines.close();
  // Ctrl+C at the prompt (readline takes it from the terminal) clears the line, as shells do;
  // Ctrl+D (end of input) or "exit" leaves.
  lines.on('SIGINT', () => {
    lines.write('', { ctrl: true, name: 'e' });
    lines.write('', { ctrl: true, name: 'u' });
    options.output.write('^C\n');
    lines.prompt();
  });
  options.signal?.addEventListener('abort', stop, { once: true });
  if (interactive) {
    write(`jss-coach console, as ${options.user}. Type "help"; "exit" or Ctrl+D leaves, Ctrl+C clears the line.`);
    lines.prompt();
  }
  for await (const raw of lines) {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) {
      if (EXIT_WORDS.has(line.toLowerCase())) break;
      const parsed = parseCommandText(line);
      const reply = parsed.ok ? await runLine(options, parsed.parsed) : errorReply(parsed.message);
      if (parsed.ok && forgotten(parsed.parsed, reply)) {
        (lines as unknown as { history: string[] }).history.length = 0;
        if (options.historyFile) await deleteHistory(options.historyFile);
      }
      write(`${renderText(reply)}\n`);
    }
    if (options.signal?.aborted) break;
    if (interactive) lines.prompt();
  }
  lines.close();
  options.signal?.removeEventListener('abort', stop);
  if (interactive && options.historyFile) await saveHistory(options.historyFile, (lines as unknown as { history: string[] }).history ?? []);
}
