// The console bot: a REPL (line editing, history) when standard input is a terminal; otherwise one
// command per line, each reply printed, ending at the end of input, so scripts can pipe commands in.

import { readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { runCommand, type CommandInput, type Services } from '../../src/commands/dispatch.ts';
import { LIMITS } from '../../src/contracts/schema.ts';
import { parseCommandText } from '../../src/commands/grammar.ts';
import { COMMANDS, findCommand } from '../../src/commands/registry.ts';
import { suggest } from '../../src/commands/suggest.ts';
import type { CommandDefinition } from '../../src/commands/types.ts';
import { completeLine, wantsContractIds } from './completer.ts';
import { errorReply, reply as makeReply, type Reply } from '../../src/replies/reply.ts';
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
      return errorReply(
        `file: ${named} is ${(size / 1024 / 1024).toFixed(1)} MiB; expected a CSV or JSON file of at most ${LIMITS.fileBytes / 1024 / 1024} MiB`,
        'Nothing was imported.',
      );
    }
    // A byte-order mark (spreadsheet programs write one) is not part of the first column's name.
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return errorReply(
      `file: cannot read ${JSON.stringify(typed)} (${atHome ? `${why}: ${path}` : why}); expected a CSV or JSON file`,
    );
  }
}

/** `import file:PATH` is the console's way to attach a file to a command that reads one: its content becomes the command's body. */
async function runLine(options: ConsoleOptions, input: CommandInput): Promise<Reply> {
  const readsFile = input.command !== null && findCommand(input.command)?.body !== undefined;
  if (readsFile && input.named.file !== undefined) {
    const { file, ...named } = input.named;
    const text = await readAttachedFile(
      file,
      consoleFilePath(file, options.cwd ?? process.cwd(), options.home ?? homedir()),
    );
    if (typeof text !== 'string') return text;
    input.body = text;
    input.named = named;
  }
  return runCommand(options.services, consoleContext(options.user, options.today()), input);
}

/** `export file:PATH` writes the export to a file instead of printing it. */
async function exportToFile(options: ConsoleOptions, input: CommandInput, typed: string): Promise<Reply> {
  const { file: _file, ...named } = input.named;
  const result = await runCommand(options.services, consoleContext(options.user, options.today()), { ...input, named });
  const [attachment] = result.attachments;
  if (result.kind === 'error' || !attachment) return result;
  const path = consoleFilePath(typed, options.cwd ?? process.cwd(), options.home ?? homedir());
  try {
    await writeFile(path, attachment.content, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'EEXIST'
        ? 'it exists already; expected a new file name'
        : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    return errorReply(`file: cannot write ${JSON.stringify(typed)} (${why})`, 'Nothing was written.');
  }
  // A CSV export of a member with recorded scores has a second file: say where those are instead.
  const more =
    result.attachments.length > 1
      ? ' Your recorded scores are not in it: export format:json file:PATH keeps everything in one file.'
      : '';
  return makeReply('success', `Wrote ${result.title.replace(/^Your /, 'your ')} to ${path}`, {
    summary: `${Buffer.byteLength(attachment.content)} bytes, readable by you only.${more}`,
  });
}

/** A command that reads a body, typed alone: the lines that follow are its body, up to a blank line. */
function waitsForBody(input: CommandInput): boolean {
  return (
    input.command !== null &&
    findCommand(input.command)?.body !== undefined &&
    input.named.file === undefined &&
    input.body.trim() === ''
  );
}

/** A confirmed `forget` deleted the member: their typed lines go too. */
function forgotten(input: CommandInput, reply: Reply): boolean {
  return input.command === 'forget' && input.named.confirm !== undefined && reply.kind === 'success';
}

/** The console's own `file:` argument: import reads a file, export writes one. */
const consoleArgs = (definition: CommandDefinition): string[] =>
  definition.body !== undefined || definition.name === 'export' ? ['file'] : [];

/** Most contract ids offered at once (a member has at most a few hundred). */
const COMPLETION_IDS_MAX = 500;

/** Tab completion: the member's own contract ids read through the command layer, only when wanted. */
function completerFor(options: ConsoleOptions) {
  return (line: string, callback: (error: Error | null, result: [string[], string]) => void): void => {
    const command = findCommand(line.trimStart().split(/\s+/)[0] ?? '');
    const ids =
      command?.positional && wantsContractIds(line, COMMANDS)
        ? suggest(
            options.services,
            consoleContext(options.user, options.today()),
            command,
            command.positional.name,
            '',
            COMPLETION_IDS_MAX,
          ).catch(() => [])
        : Promise.resolve([]);
    void ids.then((contractIds) =>
      callback(null, completeLine(line, { definitions: COMMANDS, contractIds, extraArgs: consoleArgs })),
    );
  };
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
    ...(interactive && { completer: completerFor(options) }),
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
  /** A command typed alone that reads a body, collecting the lines pasted after it. */
  let pending: { input: CommandInput; body: string[] } | null = null;
  const run = async (input: CommandInput): Promise<Reply> =>
    input.command === 'export' && input.named.file !== undefined
      ? exportToFile(options, input, input.named.file)
      : runLine(options, input);
  for await (const raw of lines) {
    if (pending) {
      if (raw.trim() !== '') {
        pending.body.push(raw);
        if (interactive) options.output.write('... ');
        continue;
      }
      const { input, body } = pending;
      pending = null;
      write(`${renderText(await run({ ...input, body: body.join('\n') }))}\n`);
      if (interactive) lines.prompt();
      continue;
    }
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) {
      if (EXIT_WORDS.has(line.toLowerCase())) break;
      const parsed = parseCommandText(line);
      if (parsed.ok && waitsForBody(parsed.parsed)) {
        pending = { input: parsed.parsed, body: [] };
        if (interactive)
          options.output.write('Paste the lines (CSV with its header, or JSON); a blank line ends them.\n... ');
        continue;
      }
      const reply = parsed.ok ? await run(parsed.parsed) : errorReply(parsed.message);
      if (parsed.ok && forgotten(parsed.parsed, reply)) {
        (lines as unknown as { history: string[] }).history.length = 0;
        if (options.historyFile) await deleteHistory(options.historyFile);
      }
      write(`${renderText(reply)}\n`);
    }
    if (options.signal?.aborted) break;
    if (interactive) lines.prompt();
  }
  // Input ended while lines were being pasted: what arrived is the body.
  if (pending && !options.signal?.aborted)
    write(`${renderText(await run({ ...pending.input, body: pending.body.join('\n') }))}\n`);
  lines.close();
  options.signal?.removeEventListener('abort', stop);
  if (interactive && options.historyFile)
    await saveHistory(options.historyFile, (lines as unknown as { history: string[] }).history ?? []);
}
