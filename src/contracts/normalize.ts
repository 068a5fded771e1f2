// Every contract in one shape: all fields present, null where the member gave nothing. Database
// rows come this way; validated files are made so too. One shape keeps the scoring core's
// property reads monomorphic, which is most of its speed (benchmarked in bench/scoring.bench.ts).

import type { Contract } from '../scoring/index.ts';

export function normalizeContract(contract: Contract): Contract {
  return {
    id: contract.id,
    client: contract.client,
    type: contract.type,
    start: contract.start,
    end: contract.end ?? null,
    earnings: contract.earnings ?? null,
    payments: contract.payments ?? null,
    lastPayment: contract.lastPayment ?? null,
    stars: contract.stars ?? null,
    privateScore: contract.privateScore ?? null,
    endReason: contract.endReason ?? null,
    disputed: contract.disputed ?? null,
    refunded: contract.refunded ?? null,
    clientFlagged: contract.clientFlagged ?? null,
    pausedForClient: contract.pausedForClient ?? null,
    counted: contract.counted ?? null,
  };
}
