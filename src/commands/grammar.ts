// The one text grammar of every platform that has text:
//   /jss add client:"Acme Ltd" type:hourly start:2026-01-10 earnings:1200 stars:5
// A leading "/jss" is optional; `name:value` pairs are arguments (quotes for values with spaces,
// \" and \\ inside quotes); other words are positional (e.g. a contract id). Lines after the
// first are the command's body (the CSV of `import`). Quotes are read as people type them: “curly”
// (phones, word processors), 'single' and ‘single’ as well as "straight" (an apostrophe inside a
// single-quoted value, ‘Joe’s Diner’, stays), and a space after the colon (client: "Acme Ltd") is allowed.

export const MAX_COMMAND_LENGTH = 20_000;
const PREFIX = /^\s*\/?jss\b/i;
const NAMED = /^([A-Za-z][A-Za-z0-9_]*):/;

interface ParsedCommand {
  command: string | null;
  positionals: string[];
  named: Record<string, string>;
  /** Everything after the first line. */
  body: string;
  /**
   * When an unquoted value is followed by loose words (client:Acme Ltd), what was probably meant
   * (client:"Acme Ltd"): the reply to the unexpected word suggests it.
   */
  quotingHint?: string;
}

export type ParseResult = { ok: true; parsed: ParsedCommand } | { ok: false; message: string };

/** Opening quotes and the characters that close them (a phone may type ” at both ends). */
const DOUBLE_CLOSERS = '"”“';
const SINGLE_CLOSERS = "'’‘";
const CLOSERS_OF: Readonly<Record<string, string>> = {
  '"': DOUBLE_CLOSERS,
  '“': DOUBLE_CLOSERS,
  '”': DOUBLE_CLOSERS,
  '„': DOUBLE_CLOSERS,
  "'": SINGLE_CLOSERS,
  '‘': SINGLE_CLOSERS,
  '’': SINGLE_CLOSERS,
};

/**
 * A single quote with a letter or digit right after it is an apostrophe, not the closing quote:
 * ‘Joe’s Diner’ (a phone's keyboard) and 'O'Brien' are one value each.
 */
function isApostrophe(text: string, at: number): boolean {
  return /[\p{L}\p{N}]/u.test(text[at + 1] ?? '');
}

/** Reads one value starting at `at`: a quoted string or a run of non-blank characters. */
function readValue(text: string, at: number): { value: string; next: number; quoted: boolean } | { error: string } {
  const closers = CLOSERS_OF[text[at] as string];
  if (closers === undefined) {
    let end = at;
    while (end < text.length && !/\s/.test(text[end] as string)) end++;
    return { value: text.slice(at, end), next: end, quoted: false };
  }
  let value = '';
  let i = at + 1;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '\\' && (text[i + 1] === '\\' || closers.includes(text[i + 1] as string))) {
      value += text[i + 1];
      i += 2;
    } else if (closers.includes(char) && !(closers === SINGLE_CLOSERS && isApostrophe(text, i))) {
      return { value, next: i + 1, quoted: true };
    } else {
      value += char;
      i++;
    }
  }
  return {
    error: `a quote opened at character ${at + 1} is never closed; expected a closing ${text[at]} after the value`,
  };
}

export function parseCommandText(input: string): ParseResult {
  if (input.length > MAX_COMMAND_LENGTH) {
    return {
      ok: false,
      message: `the message is ${input.length} characters long; expected at most ${MAX_COMMAND_LENGTH}`,
    };
  }
  const newline = input.indexOf('\n');
  const firstLine = (newline < 0 ? input : input.slice(0, newline)).replace(PREFIX, '');
  const body = newline < 0 ? '' : input.slice(newline + 1);
  const positionals: string[] = [];
  const named: Record<string, string> = {};
  /** The last unquoted named value and the loose words right after it. */
  let open: { name: string; value: string; words: string[] } | null = null;
  let quotingHint: string | undefined;
  let i = 0;
  while (i < firstLine.length) {
    if (/\s/.test(firstLine[i] as string)) {
      i++;
      continue;
    }
    const match = NAMED.exec(firstLine.slice(i, i + 64));
    if (match) {
      const name = match[1] as string;
      let at = i + match[0].length;
      // client: "Acme Ltd": blanks between the colon and a value are skipped, the non-breaking
      // spaces Slack's composer and phones put there too (the first line has no newline).
      while (at < firstLine.length && /\s/.test(firstLine[at] as string)) at++;
      const read = readValue(firstLine, at);
      if ('error' in read) return { ok: false, message: read.error };
      if (Object.keys(named).some((given) => given.toLowerCase() === name.toLowerCase())) {
        return { ok: false, message: `${name} is given twice; expected each argument once` };
      }
      named[name] = read.value;
      open = read.quoted || read.value === '' ? null : { name, value: read.value, words: [] };
      i = read.next;
    } else {
      const read = readValue(firstLine, i);
      if ('error' in read) return { ok: false, message: read.error };
      positionals.push(read.value);
      if (open && !read.quoted) {
        open.words.push(read.value);
        quotingHint = `${open.name}:${quoteValue([open.value, ...open.words].join(' '))}`;
      } else open = null;
      i = read.next;
    }
  }
  const command = positionals.shift()?.toLowerCase() ?? null;
  return { ok: true, parsed: { command, positionals, named, body, ...(quotingHint && { quotingHint }) } };
}

/** Quotes a value for the grammar when it needs it (for examples and buttons). */
export function quoteValue(value: string): string {
  // Bare when it cannot be misread: no blanks, no straight or curly double quote, no backslash,
  // and not starting with a character that opens a quote.
  if (/^[^\s"\\“”„'‘’][^\s"\\“”]*$/.test(value)) return value;
  return `"${value.replace(/[\\"“”]/g, (char) => `\\${char}`)}"`;
}

/**
 * What a form field or an option typed as text means: trimmed, one pair of the grammar's quotes
 * around the whole of it taken off, trimmed again; null when nothing is left (`" "` is blank too).
 */
export function formFieldValue(typed: string): string | null {
  const value = unquoteValue(typed.trim()).trim();
  return value === '' ? null : value;
}

/**
 * A value typed into a field of its own (a Discord option, a form's text input) with the quotes the
 * text grammar taught: “Acme Ltd” or 'Acme Ltd' is Acme Ltd, the same client as from a file. Only
 * one pair around the whole value goes; quotes inside it (“A” and “B”) are the value's.
 */
export function unquoteValue(value: string): string {
  const trimmed = value.trim();
  const closers = CLOSERS_OF[trimmed[0] as string];
  if (closers === undefined || trimmed.length < 3 || !closers.includes(trimmed[trimmed.length - 1] as string))
    return value;
  const inner = trimmed.slice(1, -1);
  const closesInside = [...inner].some(
    (char, index) => closers.includes(char) && !(closers === SINGLE_CLOSERS && isApostrophe(inner, index)),
  );
  return closesInside ? value : inner;
}
