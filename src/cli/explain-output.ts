// What `jss-coach explain` prints: the recorded days beside the estimate, then each explanation
// in the core's plain words with the chat command that records it.

import type { ExplainResult } from '../scoring/index.ts';

/** The documented --json shape (docs/cli.md), plus the plain words and commands. */
export function explainJson(result: ExplainResult): object {
  return {
    observations: result.observations,
    fits: result.fits,
    exact: result.exact,
    complete: result.complete,
    summary: result.summary,
    explanations: result.explanations.map(({ changes, scores, distance, text, commands }) => ({
      changes,
      scores,
      distance,
      text,
      commands,
    })),
  };
}

export function explainText(result: ExplainResult): string {
  const lines = ['Recorded by you vs estimated:'];
  for (const day of result.observations) {
    lines.push(
      `  ${day.date}  Upwork ${day.reported}%  estimate ${day.estimated === null ? 'no score' : `${day.estimated}%`}`,
    );
  }
  lines.push('', result.summary);
  if (
    result.explanations.length > 1 ||
    (result.explanations.length === 1 && result.explanations[0]?.text !== result.summary)
  ) {
    lines.push('');
    result.explanations.forEach((explanation, index) => lines.push(`${index + 1}. ${explanation.text}`));
  }
  for (const [index, explanation] of result.explanations.entries()) {
    const label = result.explanations.length > 1 ? ` ${index + 1}` : '';
    lines.push(`To record explanation${label} in chat: ${explanation.commands.join(', then ')}`);
  }
  lines.push(
    '',
    'It is an estimate: Upwork does not publish its algorithm; a hidden fact is a likely cause, not a certainty.',
  );
  return lines.join('\n');
}
