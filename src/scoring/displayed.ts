// The displayed score alone, straight from the contracts: what leaderboards, stats and replies'
// score changes ask for many members. Each contract is prepared into one reused object and added
// to the window totals at once, in contract order, so the sums are exactly those of
// prepareMember + computeTotals without allocating a prepared contract per contract.

import type { Day } from './dates.ts';
import {
  addContract,
  displayedFromTotals,
  endRawTotals,
  finishTotals,
  newTotals,
  startRawTotals,
  type Displayed,
} from './evaluate.ts';
import type { ResolvedModel } from './params.ts';
import { blankContract, ClientMatcher, prepareContractInto } from './prepare.ts';
import type { Contract } from './types.ts';

const scratchTotals = newTotals();
const scratchContract = blankContract();

export function displayedOfContracts(contracts: readonly Contract[], asOf: Day, model: ResolvedModel): Displayed {
  const clients = new ClientMatcher();
  // At most one client per contract: room for all before the clients are known.
  const clientWindow = startRawTotals(scratchTotals, asOf, contracts.length);
  for (const contract of contracts) {
    const client = clients.match(contract.client);
    prepareContractInto(scratchContract, contract, client.name, client.index, asOf, model);
    addContract(scratchTotals, clientWindow, scratchContract, asOf);
  }
  endRawTotals(scratchTotals, clientWindow, clients.names.length);
  return displayedFromTotals(finishTotals(scratchTotals, model.params.missingFeedbackMaxShare), model.params);
}
