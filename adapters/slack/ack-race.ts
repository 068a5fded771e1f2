// Slack's 3-second rule: every request is acknowledged within ACK_BUDGET_MS. A reply ready in time
// goes in the ack itself; otherwise the ack goes out empty (or with a "working on it" view) and the
// reply follows (response_url, views.update). This file is that race and nothing else.

import type { AckFn, RespondArguments, RespondFn } from '@slack/bolt';

function delay(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms).unref());
}

/** The work's result if it is ready within `budgetMs`, else null (the work goes on). */
export function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T | null> {
  return Promise.race([work, delay(budgetMs)]);
}

/**
 * Answers a slash command: the ack carries `message` when the work is quick, else an empty ack
 * goes out at once and the message follows through `respond`. `after` runs once the message is
 * out (files beside it).
 */
export async function ackOrRespond<T>(
  work: Promise<T>,
  budgetMs: number,
  ack: AckFn<RespondArguments>,
  respond: RespondFn,
  message: (result: T) => RespondArguments,
  after: (result: T) => Promise<void>,
): Promise<void> {
  const quick = await withinBudget(work, budgetMs);
  if (quick !== null) {
    await ack({ response_type: 'ephemeral', ...message(quick) });
    await after(quick);
    return;
  }
  await ack();
  const result = await work;
  await respond({ response_type: 'ephemeral', replace_original: false, ...message(result) });
  await after(result);
}
