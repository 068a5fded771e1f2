// A Discord subcommand's options back into the platform-neutral CommandInput, exactly as the text
// grammar would give it (`/jss edit c1 stars:5` and /jss edit id:c1 stars:5 become one input), so
// the command bus checks and runs both alike.

import type { CommandInput } from '../../../src/commands/dispatch.ts';
import { findCommand } from '../../../src/commands/registry.ts';
import { optionPlan, type PlannedOption } from './option-plan.ts';

export interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
}

export interface InteractionInput {
  input: CommandInput;
  /** The uploaded file whose text is the body (import); the adapter downloads it. */
  attachmentId: string | null;
  /** Options that contradict each other (clear:end with end:…): answer it instead of running. */
  problem: string | null;
}

/** Values as the member would have typed them: 1250.5 → "1250.5", true → "true". */
function asText(value: string | number | boolean): string {
  return typeof value === 'string' ? value : String(value);
}

export function interactionOptionsToInput(subcommand: string, options: readonly InteractionOption[]): InteractionInput {
  const command = findCommand(subcommand);
  const plan = new Map<string, PlannedOption>(
    command ? optionPlan(command).map((planned) => [planned.name, planned]) : [],
  );
  const input: CommandInput = { command: subcommand.toLowerCase(), positionals: [], named: {}, body: '' };
  let attachmentId: string | null = null;
  const cleared: string[] = [];
  for (const option of options) {
    if (option.value === undefined) continue;
    const planned = plan.get(option.name);
    const text = asText(option.value);
    switch (planned?.role.kind) {
      case 'arg':
        input.named[planned.role.arg.name] = text;
        break;
      case 'contractId':
      case 'commandName':
      case 'wordChoice':
      case 'wholeNumber':
        input.positionals.push(text);
        break;
      case 'word':
        if (option.value === true) input.positionals.push(planned.role.word);
        break;
      case 'clear':
        cleared.push(text);
        break;
      case 'attachment':
        attachmentId = text;
        break;
      case undefined:
        // An option this code does not know (a stale global registration): passed on by name, so
        // the command bus answers that it is not an argument instead of it being dropped unseen.
        input.named[option.name] = text;
        break;
    }
  }
  let problem: string | null = null;
  for (const field of cleared) {
    if (Object.hasOwn(input.named, field))
      problem = `${field} is given a value and cleared at once; expected one of the two`;
    else input.named[field] = 'none';
  }
  return { input, attachmentId, problem };
}
