// The member's Home (Slack's App Home tab): a dashboard made of the same analysis the score, plan
// and tips commands answer with (src/commands/scoring.ts), so its numbers are theirs exactly. Every
// button is a command text in the shared grammar, the very command a member could type.

import type { Analysis, Tip } from '../scoring/index.ts';
import { percent } from './format.ts';
import type { Action, Block, Field } from './reply.ts';
import { longTermLine, planReply, scoreTitle, windowsTable } from './score.ts';

type Series = Extract<Block, { type: 'series' }>;

/** Where the member stands on their community's leaderboard. */
export type HomeLeaderboard =
  | { kind: 'off' }
  | { kind: 'not-joined' }
  | { kind: 'listed-apart' }
  | { kind: 'ranked'; rank: number; total: number };

interface HomeTip {
  text: string;
  urgent: boolean;
  /** A command that acts on the tip (end c3 opens the end form), when there is one. */
  action: Action | null;
}

export interface HomeView {
  asOf: string;
  /** The displayed score, exactly as `score` shows it. */
  score: number | null;
  band: string | null;
  /** The score's title line, as `score`'s reply title. */
  title: string;
  /** Why there is no score yet, when there is none. */
  noScore: string | null;
  windows: Block;
  longTerm: string;
  /** The next day the score changes if nothing new happens, and why (or that it does not). */
  nextChange: string;
  plan: { title: string; summary: string; fields: Field[] };
  tips: HomeTip[];
  /** The commands under the tips: why, forecast, plan, all tips. */
  tipActions: Action[];
  leaderboard: { text: string; action: Action | null };
  reminders: { on: boolean; text: string; toggle: Action };
  /** The forms and the list: add a contract, import, list, then end each open one. */
  forms: Action[];
  /** The forecast chart's series (a picture where the platform can show one, else a sparkline). */
  series: Series;
  /** Small print: the model and the as-of day. */
  basis: string;
}

export interface HomeInput {
  analysis: Analysis;
  series: Series;
  leaderboard: HomeLeaderboard;
  remindersOn: boolean;
  /** The member's contracts still open (no end day), in the order they were added. */
  openContracts: readonly { id: string; client: string }[];
}

function nextChangeText(analysis: Analysis): string {
  const next = analysis.forecast.changes[0];
  if (!next) return 'No change in the next 12 months if nothing new happens.';
  const band = next.band === null ? '' : ` (${next.band})`;
  return `On ${next.date} your score becomes ${percent(next.score)}${band} if nothing new happens: ${next.reason}`;
}

/** A tip's own command: closing an inactive contract is the end form of that contract. */
function tipAction(tip: Tip): Action | null {
  if (tip.kind === 'close-inactive' && tip.contractId)
    return { label: `End ${tip.contractId}`, command: `end ${tip.contractId}` };
  return null;
}

function leaderboardLine(leaderboard: HomeLeaderboard): HomeView['leaderboard'] {
  switch (leaderboard.kind) {
    case 'off':
      return { text: 'Leaderboards are off in this community.', action: null };
    case 'not-joined':
      return { text: 'You are not on the leaderboard.', action: { label: 'Join the leaderboard', command: 'join' } };
    case 'listed-apart':
      return {
        text: 'You are on the leaderboard, listed apart until you have a score.',
        action: { label: 'Leaderboard', command: 'leaderboard' },
      };
    case 'ranked':
      return {
        text: `You are #${leaderboard.rank} of ${leaderboard.total} on the leaderboard.`,
        action: { label: 'Leaderboard', command: 'leaderboard' },
      };
  }
}

export function homeView({ analysis, series, leaderboard, remindersOn, openContracts }: HomeInput): HomeView {
  const { score: report, tips, plan } = analysis;
  const planned = planReply(plan);
  const fields = planned.blocks.flatMap((block) => (block.type === 'fields' ? block.fields : []));
  return {
    asOf: report.asOf,
    score: report.score,
    band: report.band,
    title: scoreTitle(report),
    noScore: report.noScore?.text ?? null,
    windows: windowsTable(report),
    longTerm: longTermLine(report),
    nextChange: nextChangeText(analysis),
    plan: { title: planned.title, summary: planned.summary ?? '', fields },
    tips: tips
      .filter((tip) => tip.kind !== 'long-term-context' && !(report.noScore && tip.kind === 'get-a-score'))
      .map((tip) => ({ text: tip.text, urgent: tip.priority === 'urgent', action: tipAction(tip) })),
    tipActions: [
      { label: 'Why', command: 'why' },
      { label: 'Forecast', command: 'forecast' },
      { label: 'Plan to 90%', command: 'plan' },
      { label: 'All tips', command: 'tips' },
    ],
    leaderboard: leaderboardLine(leaderboard),
    reminders: remindersOn
      ? { on: true, text: 'Daily reminders are on.', toggle: { label: 'Turn reminders off', command: 'remind off' } }
      : {
          on: false,
          text: 'Daily reminders are off.',
          toggle: { label: 'Turn reminders on', command: 'remind on', style: 'primary' },
        },
    forms: [
      { label: 'Add a contract', command: 'add', style: 'primary' },
      { label: 'Import from Upwork', command: 'import' },
      { label: 'List contracts', command: 'list' },
      ...openContracts.map((contract) => ({
        label: `End ${contract.id} (${contract.client})`,
        command: `end ${contract.id}`,
      })),
    ],
    series,
    basis: `Estimate under model ${report.model}, as of ${report.asOf}. Upwork does not publish its algorithm.`,
  };
}
