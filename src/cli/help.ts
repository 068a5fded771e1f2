// The CLI's --help text. Keep it true to args.ts and docs/cli.md.

import { MODEL_NAMES, DEFAULT_MODEL } from '../scoring/index.ts';
import type { CommandName } from './args.ts';

const COMMON = `  --as-of YYYY-MM-DD   the day to score on (default: today)
  --model NAME         ${MODEL_NAMES.join(' | ')} (default: ${DEFAULT_MODEL})
  --param NAME=VALUE   override a model parameter, repeatable (see docs/scoring-model.md)
  --json               print one JSON object instead of the explanation (see docs/cli.md)`;

const TOPICS: Record<Exclude<CommandName, 'help'>, string> = {
  score: `jss-coach score FILE [options]
  Your estimated Job Success Score, each window, how each contract counts and why,
  your long-term client score, and tips.
${COMMON}`,
  forecast: `jss-coach forecast FILE [options]
  Every date in the next 12 months on which your score changes if nothing new happens,
  with the new score and the cause.
${COMMON}`,
  plan: `jss-coach plan FILE [options] [--target 90] [--earnings USD]
  How many new successful contracts reach the target, and whether waiting alone does.
${COMMON}
  --target PERCENT     the score to reach, 1–100 (default: 90)
  --earnings USD       earnings of each new contract (default: the median of your paid contracts)`,
  explain: `jss-coach explain FILE [options]
  When the scores Upwork showed you ("observations" in FILE) differ from the estimate for their
  days, the smallest set of hidden facts (a contract counted as another outcome) that makes every
  recorded day come out exactly, and the chat command that records each.
${COMMON}`,
  badges: `jss-coach badges FILE [options]
  Top Rated, week by week: the estimated score on each of the last 16 weekly dates (a recorded
  score replaces the estimate for its week), how many are 90% or more, earnings of the past
  12 months, and the date from which you would qualify if nothing new happens.
${COMMON}`,
};

export function helpText(topic: CommandName | null): string {
  if (topic !== null && topic !== 'help') return TOPICS[topic];
  return `jss-coach: estimates your Upwork Job Success Score and long-term client score from your contracts.

Usage:
  jss-coach score FILE     [--as-of YYYY-MM-DD] [--model NAME] [--param NAME=VALUE] [--json]
  jss-coach forecast FILE  [--as-of YYYY-MM-DD] [--model NAME] [--param NAME=VALUE] [--json]
  jss-coach plan FILE      [--as-of YYYY-MM-DD] [--model NAME] [--param NAME=VALUE] [--target 90] [--earnings USD] [--json]
  jss-coach explain FILE   [--as-of YYYY-MM-DD] [--model NAME] [--param NAME=VALUE] [--json]
  jss-coach badges FILE    [--as-of YYYY-MM-DD] [--model NAME] [--param NAME=VALUE] [--json]
  jss-coach help [COMMAND]

FILE is JSON: a list of contracts or {"contracts": [...], "observations": [...]}; or CSV: the
columns of the contract file (as export writes it), or an Upwork report (transaction history, either
layout, or earnings by contract: see docs/upwork-import.md), recognised by its header; or - to read
standard input. An observation is a score Upwork showed: {"date": "2026-11-20", "score": 87}. A contract:
  {"id": "c1", "client": "Acme Ltd", "type": "hourly", "start": "2026-01-10", "end": "2026-05-02",
   "earnings": 1200, "stars": 5}
Fields: id, client, type (hourly|fixed), start, end, earnings, payments [{date, amount}], lastPayment,
stars (1–5), privateScore (0–10), endReason (completed|cancelled|client_unresponsive|other),
disputed, refunded, clientFlagged, pausedForClient, counted (success|neutral|negative|excluded: what
Upwork really counted, when you know it). Dates are YYYY-MM-DD; money is US dollars.

Exit codes: 0 done; 2 bad input or usage (the message on standard error names the contract and field).
It is an estimate: Upwork does not publish its algorithm. The model: docs/scoring-model.md.`;
}
