// The member's Home (src/replies/home.ts) as Slack's App Home tab: a `home` view for views.publish.
// Reply blocks go through the message renderer's own pieces (escaped, each text fitted to its
// limit); every button is a run button (`jss_run_<n>`, RUN_ACTION_PATTERN) whose value is the
// command it runs, so the buttons listener runs exactly what a member could type. A Home holds at
// most HOME_BLOCKS_MAX blocks: the parts are added most important first and the tail is dropped.

import type { HomeView as SlackHomeView, KnownBlock } from '@slack/types';
import type { Action } from '../../src/replies/reply.ts';
import type { HomeView } from '../../src/replies/home.ts';
import { seriesLine, seriesPoints } from '../../src/replies/render-text.ts';
import { isBlank, oneLine } from '../shared/lines.ts';
import { blockToSlack } from './blocks/content.ts';
import { escapeMrkdwn, truncate } from './blocks/escape.ts';
import { RUN_ACTION_PREFIX } from './blocks/actions.ts';
import {
  ACTIONS_ELEMENTS_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  CONTEXT_TEXT_MAX,
  HEADER_TEXT_MAX,
  SECTION_TEXT_MAX,
} from './blocks/limits.ts';
import { mrkdwn } from './blocks/types.ts';

/** Blocks in a Home tab (and a modal); a message allows 50. */
export const HOME_BLOCKS_MAX = 100;
/** Tips shown on the Home, the most pressing first ("All tips" shows the rest). */
const HOME_TIPS_MAX = 5;
/** Form buttons (add, end each open contract, import, list) in one row. */
const HOME_FORM_BUTTONS_MAX = 8;
/** An image block's URL and alt text. */
const IMAGE_URL_MAX = 3000;
const IMAGE_ALT_TEXT_MAX = 2000;

type Button = {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string; emoji: boolean };
  value: string;
  style?: 'primary' | 'danger';
};

/** Numbers each run button of the Home, so action ids are unique within the view. */
function buttonMaker() {
  let next = 0;
  return (action: Action): Button | null => {
    if (isBlank(action.command) || action.command.length > BUTTON_VALUE_MAX) return null;
    return {
      type: 'button',
      action_id: `${RUN_ACTION_PREFIX}${next++}`,
      text: {
        type: 'plain_text',
        text: truncate(oneLine(isBlank(action.label) ? action.command : action.label), BUTTON_TEXT_MAX),
        emoji: true,
      },
      value: action.command,
      ...(action.style && { style: action.style }),
    };
  };
}

function section(text: string, accessory?: Button | null): KnownBlock {
  return { type: 'section', text: mrkdwn(truncate(text, SECTION_TEXT_MAX)), ...(accessory && { accessory }) };
}

function heading(title: string): KnownBlock[] {
  return [{ type: 'divider' }, section(`*${escapeMrkdwn(title)}*`)];
}

function actions(buttons: (Button | null)[]): KnownBlock[] {
  const present = buttons.filter((button): button is Button => button !== null).slice(0, ACTIONS_ELEMENTS_MAX);
  return present.length === 0 ? [] : [{ type: 'actions', elements: present }];
}

/** The forecast: the cached chart at its public URL when there is one, else the sparkline line. */
function chartBlocks(view: HomeView, chartUrl: string | null): KnownBlock[] {
  const line = seriesLine(seriesPoints(view.series), (text) => text) ?? view.series.title;
  if (chartUrl !== null && chartUrl.length <= IMAGE_URL_MAX) {
    return [
      {
        type: 'image',
        image_url: chartUrl,
        alt_text: truncate(`${view.series.title}: ${line}`, IMAGE_ALT_TEXT_MAX),
        title: { type: 'plain_text', text: truncate(view.series.title, HEADER_TEXT_MAX), emoji: false },
      },
    ];
  }
  return blockToSlack(view.series) as KnownBlock[];
}

/** The Home as Slack blocks, within HOME_BLOCKS_MAX. */
export function homeBlocks(view: HomeView, chartUrl: string | null = null): KnownBlock[] {
  const button = buttonMaker();
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(oneLine(view.title), HEADER_TEXT_MAX), emoji: true } },
  ];
  if (view.noScore) blocks.push(...(blockToSlack({ type: 'text', text: view.noScore }) as KnownBlock[]));
  blocks.push(
    ...(blockToSlack(view.windows) as KnownBlock[]),
    ...(blockToSlack({ type: 'text', text: view.longTerm }) as KnownBlock[]),
  );

  blocks.push(
    ...heading('Next change'),
    section(escapeMrkdwn(view.nextChange), button({ label: 'Forecast', command: 'forecast' })),
  );
  blocks.push(...chartBlocks(view, chartUrl));

  blocks.push(...heading(view.plan.title), ...(view.plan.summary ? [section(escapeMrkdwn(view.plan.summary))] : []));
  blocks.push(...(blockToSlack({ type: 'fields', fields: view.plan.fields }) as KnownBlock[]));

  blocks.push(...heading('Tips'));
  const tips = view.tips.slice(0, HOME_TIPS_MAX);
  if (tips.length === 0) blocks.push(section('Nothing to act on right now.'));
  for (const tip of tips)
    blocks.push(
      section(`${tip.urgent ? '*URGENT:* ' : '• '}${escapeMrkdwn(tip.text)}`, tip.action && button(tip.action)),
    );
  if (view.tips.length > tips.length)
    blocks.push({ type: 'context', elements: [mrkdwn(`…and ${view.tips.length - tips.length} more: All tips.`)] });
  blocks.push(...actions(view.tipActions.map(button)));

  blocks.push(
    ...heading('Leaderboard'),
    section(escapeMrkdwn(view.leaderboard.text), view.leaderboard.action && button(view.leaderboard.action)),
  );
  blocks.push(...heading('Reminders'), section(escapeMrkdwn(view.reminders.text), button(view.reminders.toggle)));
  blocks.push(...heading('Your contracts'), ...actions(view.forms.slice(0, HOME_FORM_BUTTONS_MAX).map(button)));

  const basis: KnownBlock = {
    type: 'context',
    elements: [mrkdwn(truncate(escapeMrkdwn(view.basis), CONTEXT_TEXT_MAX))],
  };
  // The small print last, always: cut the tail before it when the Home is too long.
  return [...blocks.slice(0, HOME_BLOCKS_MAX - 1), basis];
}

/** The view views.publish takes. */
export function homeTab(view: HomeView, chartUrl: string | null = null): SlackHomeView {
  return { type: 'home', blocks: homeBlocks(view, chartUrl) };
}
