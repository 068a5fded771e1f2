// Contracts from command arguments: defaults for what a member leaves out, then the contract
// file's validation, so a chat command accepts exactly what a contract file accepts.

import { MAX_CONTRACTS_PER_MEMBER } from '../contracts/schema.ts';
import { validateContracts, type ContractProblem } from '../contracts/validate.ts';
import type { Contract } from '../scoring/types.ts';
import { errorReply } from '../replies/reply.ts';
import type { ArgValue } from './args.ts';
import { CommandError } from './types.ts';

/** "field: message" for a chat reply (the contract is the one being written). */
export function describeProblem(problem: ContractProblem): string {
  const field = problem.label ?? problem.field;
  return field ? `${field}: ${problem.message}` : problem.message;
}

/** Validates one contract on the as-of date, or throws a CommandError naming every problem. */
export function checkContract(contract: Record<string, unknown>, asOf: string): Contract {
  const result = validateContracts([contract], asOf);
  if (!result.ok) {
    const fieldErrors: Record<string, string> = {};
    for (const problem of result.problems) {
      const field = problem.field.split('.')[0] ?? '';
      if (field !== '' && fieldErrors[field] === undefined) fieldErrors[field] = describeProblem(problem);
    }
    throw new CommandError(errorReply(result.problems.map(describeProblem), 'Nothing was saved.', fieldErrors));
  }
  return result.contracts[0] as Contract;
}

/** Applies argument values to a contract; null clears a field. */
export function applyArgs(contract: Record<string, unknown>, args: Record<string, ArgValue>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...contract };
  for (const [name, value] of Object.entries(args)) next[name] = value;
  return next;
}

/** The first free id of the form c1, c2, … among the member's contracts. */
export function nextContractId(existing: readonly Contract[]): string {
  const taken = new Set(existing.map((contract) => contract.id.toLowerCase()));
  let n = existing.length + 1;
  for (let i = 1; i <= existing.length + 1; i++) {
    if (!taken.has(`c${i}`)) {
      n = i;
      break;
    }
  }
  return `c${n}`;
}

export function findContract(contracts: readonly Contract[], id: string): Contract | undefined {
  const key = id.toLowerCase();
  return contracts.find((contract) => contract.id.toLowerCase() === key);
}

/**
 * The contract changed or went between the handler reading it and writing it (a write that did not
 * wait for the member's lock): the command must not claim its write, so it fails whole.
 */
export function changedMeanwhile(id: string, nothingWas: string): CommandError {
  return new CommandError(
    errorReply(`${id} was changed or removed while this ran; nothing was ${nothingWas}. Try again.`),
  );
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Refuses a write that would leave the member more than MAX_CONTRACTS_PER_MEMBER contracts. Called
 * under the member's lock (dispatch), so two concurrent writes cannot both pass it.
 */
export function ensureRoomFor(have: number, adding: number, nothingWas: string): void {
  if (have + adding <= MAX_CONTRACTS_PER_MEMBER) return;
  const limit = `${count(MAX_CONTRACTS_PER_MEMBER)} is the most one member can keep`;
  const problem =
    adding === 1
      ? `you have ${count(have)} contracts; ${limit}. Remove one you no longer need (remove ID) first`
      : have === 0
        ? `the file has ${count(adding)} contracts; ${limit}`
        : `you have ${count(have)} contracts and the file adds ${count(adding)} (${count(have + adding)} in all); ${limit}`;
  throw new CommandError(errorReply(problem, `Nothing was ${nothingWas}.`));
}

/** Ids named in "you have no contract …" before the rest are only counted. */
const KNOWN_IDS_SHOWN = 20;

/** Throws the reply for an id the member does not have, listing the ids they do have. */
export function unknownContract(id: string, contracts: readonly Contract[]): CommandError {
  const shown = contracts
    .slice(0, KNOWN_IDS_SHOWN)
    .map((c) => c.id)
    .join(', ');
  const more = contracts.length > KNOWN_IDS_SHOWN ? ` and ${contracts.length - KNOWN_IDS_SHOWN} more (see "list")` : '';
  const known =
    contracts.length === 0 ? 'you have no contracts yet (add one with "add")' : `your contracts are ${shown}${more}`;
  return new CommandError(errorReply(`you have no contract ${JSON.stringify(id)}; ${known}`));
}
