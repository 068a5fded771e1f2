// Tab completion in the console REPL, read from the command definitions (no list of its own):
// the first word completes to a command name; later words to the command's argument names
// (`client:`), a choice argument's values (`type:hourly`), and its positional word: the member's
// own contract ids, a command name (help) or one of its words (remind on|off). Pure: the caller
// fetches the member's contract ids, through the command layer, only when they are wanted.

import type { CommandDefinition } from '../../src/commands/types.ts';

/** What readline's completer returns: the candidates for the word being typed, and that word. */
export type Completion = [candidates: string[], typed: string];

export interface CompletionSources {
  definitions: readonly CommandDefinition[];
  /** The member's own contract ids (only asked for when the positional word is one). */
  contractIds: readonly string[];
  /** Arguments the console adds to a command (`file:` for import and export). */
  extraArgs?: (definition: CommandDefinition) => readonly string[];
}

/** The word being typed (after the last space outside quotes), or null inside an open quote. */
function lastWord(line: string): { words: string[]; typed: string } | null {
  const quotes = (line.match(/"/g) ?? []).length;
  if (quotes % 2 === 1) return null;
  const words = line.trimStart().split(/\s+/);
  const typed = words.pop() ?? '';
  return { words, typed };
}

const startingWith = (typed: string, candidates: readonly string[]) =>
  candidates.filter((candidate) => candidate.toLowerCase().startsWith(typed.toLowerCase()));

/** Whether completing `line` needs the member's contract ids (so the caller reads them only then). */
export function wantsContractIds(line: string, definitions: readonly CommandDefinition[]): boolean {
  const split = lastWord(line);
  if (!split || split.words.length === 0 || split.typed.includes(':')) return false;
  const definition = definitions.find((candidate) => candidate.name === split.words[0]?.toLowerCase());
  return definition?.positional?.kind.type === 'contractId';
}

export function completeLine(line: string, sources: CompletionSources): Completion {
  const split = lastWord(line);
  if (!split) return [[], ''];
  const { words, typed } = split;
  const { definitions } = sources;
  if (words.length === 0)
    return [
      startingWith(
        typed,
        definitions.map((definition) => definition.name),
      ),
      typed,
    ];
  const definition = definitions.find((candidate) => candidate.name === words[0]?.toLowerCase());
  if (!definition) return [[], typed];
  const given = new Set(
    words
      .slice(1)
      .filter((word) => word.includes(':'))
      .map((word) => word.slice(0, word.indexOf(':')).toLowerCase()),
  );
  const colon = typed.indexOf(':');
  if (colon >= 0) {
    // A value: the choices of a choice argument (on|off for a switch).
    const name = typed.slice(0, colon).toLowerCase();
    const arg = definition.args.find((candidate) => candidate.name === name);
    const values = arg?.kind.type === 'choice' ? arg.kind.choices : arg?.kind.type === 'boolean' ? ['on', 'off'] : [];
    return [
      startingWith(
        typed,
        values.map((value) => `${typed.slice(0, colon)}:${value}`),
      ),
      typed,
    ];
  }
  const argNames = [...definition.args.map((arg) => arg.name), ...(sources.extraArgs?.(definition) ?? [])]
    .filter((name) => !given.has(name))
    .map((name) => `${name}:`);
  const positionalTaken = words.slice(1).some((word) => !word.includes(':'));
  return [startingWith(typed, [...(positionalTaken ? [] : positionalWords(definition, sources)), ...argNames]), typed];
}

function positionalWords(definition: CommandDefinition, sources: CompletionSources): readonly string[] {
  const positional = definition.positional;
  if (!positional) return [];
  const words = positional.otherWords?.map((other) => other.word) ?? [];
  switch (positional.kind.type) {
    case 'contractId':
      return [...sources.contractIds, ...words];
    case 'commandName':
      return [...sources.definitions.map((candidate) => candidate.name), ...words];
    case 'word':
      return [positional.kind.word, ...words];
    case 'wordChoice':
      return [...positional.kind.words, ...words];
    default:
      return words;
  }
}
