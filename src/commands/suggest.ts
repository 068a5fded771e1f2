// What a platform may suggest while a member types an argument (Discord autocomplete): read from
// the command's definition, answered from the member's own data through the command layer, so no
// adapter reads the store for it.

import { HELP_TOPICS } from './help-topics.ts';
import { findHistoryMember } from './history-owner.ts';
import type { Services } from './dispatch.ts';
import { COMMANDS } from './registry.ts';
import type { CommandContext, CommandDefinition } from './types.ts';

/** client: the member's client names (the argument's `suggest: 'clientName'`). */
export type SuggestionTarget = 'contractId' | 'client' | 'recordedDate' | 'commandName';

/** What the command's argument or positional word (by its canonical name) suggests, or null. */
export function suggestionTarget(command: CommandDefinition, name: string): SuggestionTarget | null {
  const positional = command.positional;
  if (positional && positional.name === name) {
    if (positional.kind.type === 'contractId') return 'contractId';
    if (positional.kind.type === 'commandName') return 'commandName';
    return null;
  }
  const arg = command.args.find((candidate) => candidate.name === name);
  if (arg?.suggest === 'clientName') return 'client';
  if (arg?.suggest === 'recordedDate') return 'recordedDate';
  return null;
}

/**
 * Suggestions for `name` of `command` containing `partial` (case-insensitively), at most `max`:
 * command names and topics, or the member's contract ids, client names or recorded days (newest first).
 * Reads only; a member who is not known yet gets none.
 */
export async function suggest(
  services: Services,
  ctx: CommandContext,
  command: CommandDefinition,
  name: string,
  partial: string,
  max: number,
): Promise<string[]> {
  const target = suggestionTarget(command, name);
  if (target === null) return [];
  const typed = partial.toLowerCase();
  const values =
    target === 'commandName'
      ? [...COMMANDS.map((candidate) => candidate.name), ...HELP_TOPICS.map((topic) => topic.name)]
      : await memberValues(services, ctx, target);
  return values.filter((value) => value.toLowerCase().includes(typed)).slice(0, max);
}

async function memberValues(
  services: Services,
  ctx: CommandContext,
  target: Exclude<SuggestionTarget, 'commandName'>,
): Promise<string[]> {
  // On Discord the person's own contracts and days, whichever server or DM they type in.
  const member = await findHistoryMember(services.store, ctx);
  if (!member) return [];
  if (target === 'recordedDate')
    return (await services.store.listObservations(member.id)).map((observation) => observation.date).reverse();
  const contracts = await services.store.listContracts(member.id);
  return target === 'client'
    ? [...new Set(contracts.map((contract) => contract.client.trim()))]
    : contracts.map((contract) => contract.id);
}
