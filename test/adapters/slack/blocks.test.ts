// The Slack Block Kit renderer: every limit in blocks/limits.ts at its boundary (exactly at the limit
// is kept whole, one over is split or cut with "…"), escaping of member text, huge replies that must
// still be postable, a property over arbitrary replies, and real replies of the command layer.

import { readFileSync } from 'node:fs';
import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_ID_MAX,
  ACTIONS_ELEMENTS_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  CONTEXT_ELEMENTS_MAX,
  CONTEXT_TEXT_MAX,
  ERROR_PREFIX,
  escapeMrkdwn,
  FIELD_TEXT_MAX,
  HEADER_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  MESSAGE_BLOCKS_TEXT_BUDGET,
  MESSAGE_TEXT_MAX,
  renderSlackMessage,
  RUN_ACTION_PATTERN,
  SECTION_FIELDS_MAX,
  SECTION_TEXT_MAX,
  SHARE_ACTION_ID,
  SHARE_LABEL,
  truncate,
  type ActionsBlock,
  type ContextBlock,
  type HeaderBlock,
  type SectionBlock,
  type SlackBlock,
  type SlackMessage,
} from '../../../adapters/slack/blocks/index.ts';
import { errorReply, reply, type Action, type Block, type Reply } from '../../../src/replies/reply.ts';
import { replyArbitraries } from '../../helpers/reply-arbitrary.ts';
import { formView, resultView } from '../../../adapters/slack/modals.ts';
import { bareForm } from '../../../src/commands/forms.ts';
import {
  forecastReply,
  longTermReply,
  planReply,
  scoreReply,
  tipsReply,
  whyReply,
} from '../../../src/replies/score.ts';
import { analyze, type Contract } from '../../../src/scoring/index.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

const sections = (message: SlackMessage) =>
  message.blocks.filter((block): block is SectionBlock => block.type === 'section');
const contexts = (message: SlackMessage) =>
  message.blocks.filter((block): block is ContextBlock => block.type === 'context');
const actionsOf = (message: SlackMessage) =>
  message.blocks.filter((block): block is ActionsBlock => block.type === 'actions');
const headerOf = (message: SlackMessage) =>
  message.blocks.find((block): block is HeaderBlock => block.type === 'header');
const buttons = (message: SlackMessage) => actionsOf(message).flatMap((block) => block.elements);
const sectionTexts = (message: SlackMessage) =>
  sections(message).flatMap((block) => (block.text ? [block.text.text] : []));

/** Every mrkdwn string of a message: section texts and fields, context elements. */
function mrkdwnTexts(message: SlackMessage): string[] {
  return message.blocks.flatMap((block) => {
    if (block.type === 'section')
      return [...(block.text ? [block.text] : []), ...(block.fields ?? [])].map((text) => text.text);
    if (block.type === 'context') return block.elements.map((element) => element.text);
    return [];
  });
}

function textLength(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((sum, field) => sum + field.text.length, 0);
    case 'context':
      return block.elements.reduce((sum, element) => sum + element.text.length, 0);
    case 'actions':
      return block.elements.reduce((sum, button) => sum + button.text.text.length, 0);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BROKEN_ENTITY = /&(?!amp;|lt;|gt;)/;
const NOTICE = /^…and (\d+) more not shown$/;

/** Everything Slack checks, plus what the house promises (escaped, verbatim, no blank text). */
function expectWithinLimits(message: SlackMessage, textBudget = MESSAGE_BLOCKS_TEXT_BUDGET): void {
  expect(message.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX);
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(MESSAGE_TEXT_MAX);
  expect(message.text).not.toMatch(/[<>]/);
  expect(message.text).not.toMatch(BROKEN_ENTITY);
  expect(message.blocks.reduce((sum, block) => sum + textLength(block), 0)).toBeLessThanOrEqual(textBudget);
  message.blocks.forEach((block, index) => {
    switch (block.type) {
      case 'header':
        expect(index).toBe(0);
        expect(block.text.type).toBe('plain_text');
        expect(block.text.text.trim()).not.toBe('');
        expect(block.text.text.length).toBeLessThanOrEqual(HEADER_TEXT_MAX);
        break;
      case 'section':
        expect(block.text === undefined).not.toBe(block.fields === undefined);
        if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
        if (block.fields) {
          expect(block.fields.length).toBeGreaterThan(0);
          expect(block.fields.length).toBeLessThanOrEqual(SECTION_FIELDS_MAX);
          for (const field of block.fields) expect(field.text.length).toBeLessThanOrEqual(FIELD_TEXT_MAX);
        }
        break;
      case 'context':
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(CONTEXT_ELEMENTS_MAX);
        for (const element of block.elements) expect(element.text.length).toBeLessThanOrEqual(CONTEXT_TEXT_MAX);
        break;
      case 'actions': {
        expect(index).toBe(message.blocks.length - 1);
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(ACTIONS_ELEMENTS_MAX);
        const ids = block.elements.map((button) => button.action_id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const button of block.elements) {
          expect(button.action_id.length).toBeLessThanOrEqual(ACTION_ID_MAX);
          expect(button.action_id === SHARE_ACTION_ID || RUN_ACTION_PATTERN.test(button.action_id)).toBe(true);
          expect(button.text.text.trim()).not.toBe('');
          expect(button.text.text.length).toBeLessThanOrEqual(BUTTON_TEXT_MAX);
          if (button.value !== undefined) {
            expect(button.value.length).toBeGreaterThan(0);
            expect(button.value.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
          }
        }
        break;
      }
    }
  });
  expect(actionsOf(message).length).toBeLessThanOrEqual(1);
  for (const block of message.blocks) {
    if (block.type === 'section')
      for (const text of [...(block.text ? [block.text] : []), ...(block.fields ?? [])])
        expect(text.verbatim).toBe(true);
    if (block.type === 'context') for (const element of block.elements) expect(element.verbatim).toBe(true);
  }
  for (const text of mrkdwnTexts(message)) {
    expect(text.trim()).not.toBe('');
    // The renderer adds no `<` or `>`: any would be member text, i.e. a possible mention or link.
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toMatch(BROKEN_ENTITY);
    expect(text).not.toMatch(LONE_SURROGATE);
  }
}

function noticeCount(message: SlackMessage): number | null {
  for (const block of contexts(message)) {
    const match = NOTICE.exec(block.elements[0]?.text ?? '');
    if (match) return Number(match[1]);
  }
  return null;
}

const info = (blocks: Block[], parts: Partial<Reply> = {}) => reply('info', 'Title', { blocks, ...parts });
const repeat = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

// ---------------------------------------------------------------------------------------------

describe('Slack limits', () => {
  it('are the documented values (house choices noted in limits.ts)', () => {
    expect({
      MESSAGE_BLOCKS_MAX,
      SECTION_TEXT_MAX,
      SECTION_FIELDS_MAX,
      FIELD_TEXT_MAX,
      HEADER_TEXT_MAX,
      CONTEXT_ELEMENTS_MAX,
      CONTEXT_TEXT_MAX,
      ACTIONS_ELEMENTS_MAX,
      BUTTON_TEXT_MAX,
      BUTTON_VALUE_MAX,
      ACTION_ID_MAX,
      MESSAGE_TEXT_MAX,
    }).toEqual({
      MESSAGE_BLOCKS_MAX: 50,
      SECTION_TEXT_MAX: 3000,
      SECTION_FIELDS_MAX: 10,
      FIELD_TEXT_MAX: 2000,
      HEADER_TEXT_MAX: 150,
      CONTEXT_ELEMENTS_MAX: 10,
      CONTEXT_TEXT_MAX: 2000,
      ACTIONS_ELEMENTS_MAX: 25,
      BUTTON_TEXT_MAX: 75,
      BUTTON_VALUE_MAX: 2000,
      ACTION_ID_MAX: 255,
      MESSAGE_TEXT_MAX: 4000,
    });
    // The undocumented cumulative limit (~12,000) minus room for the blocks' JSON.
    expect(MESSAGE_BLOCKS_TEXT_BUDGET).toBeLessThan(12_000);
  });
});

describe('escapeMrkdwn', () => {
  it('turns mentions, links and entities into text that shows as typed', () => {
    expect(escapeMrkdwn('<!channel>')).toBe('&lt;!channel&gt;');
    expect(escapeMrkdwn('<!here> <!everyone>')).toBe('&lt;!here&gt; &lt;!everyone&gt;');
    expect(escapeMrkdwn('<@U123>')).toBe('&lt;@U123&gt;');
    expect(escapeMrkdwn('<#C123|general>')).toBe('&lt;#C123|general&gt;');
    expect(escapeMrkdwn('<https://evil|click>')).toBe('&lt;https://evil|click&gt;');
    expect(escapeMrkdwn('Echo & Co')).toBe('Echo &amp; Co');
    // Already-escaped text is text too: it must show as "&amp;", so its & is escaped again.
    expect(escapeMrkdwn('Tom &amp; Jerry &lt;3')).toBe('Tom &amp;amp; Jerry &amp;lt;3');
  });

  it('leaves everything else alone, mrkdwn punctuation and emoji included', () => {
    const text = 'plain *bold* _it_ ~s~ `code` :smile: 😀 é "quotes" \'s\n2nd line';
    expect(escapeMrkdwn(text)).toBe(text);
  });

  it('is reversed by unescaping the three entities (nothing lost, nothing added)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(text);
      }),
    );
  });
});

// The cuts every platform shares (exact max, emoji, grapheme clusters) are tested for both in
// test/adapters/shared/renderers.test.ts; here, what is Slack's own: entities stay whole.
describe('truncate', () => {
  it('never cuts an escape entity: &amp; &lt; &gt; stay whole or go', () => {
    const escaped = escapeMrkdwn('a&b<c>d&e');
    for (let max = 1; max < escaped.length; max++) {
      const cut = truncate(escaped, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(BROKEN_ENTITY);
      expect(escaped.startsWith(cut.slice(0, -1))).toBe(true);
    }
    expect(truncate('x&amp;y', 4)).toBe('x…');
    expect(truncate('x&amp;y', 7)).toBe('x&amp;y');
    expect(truncate('x&amp;yz', 7)).toBe('x&amp;…');
  });

  it('for any text and limit: fits, is a prefix, breaks no entity and no pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 1, max: 100 }), (text, max) => {
        const escaped = escapeMrkdwn(text);
        const cut = truncate(escaped, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (escaped.length <= max) expect(cut).toBe(escaped);
        else {
          expect(cut.endsWith('…')).toBe(true);
          expect(escaped.startsWith(cut.slice(0, -1))).toBe(true);
        }
        expect(cut).not.toMatch(BROKEN_ENTITY);
        expect(cut).not.toMatch(LONE_SURROGATE);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('boundaries', () => {
  it('header: a title of exactly 150 characters is kept whole; 151 is cut to 150 with …', () => {
    const at = renderSlackMessage(reply('info', repeat('t', HEADER_TEXT_MAX)));
    expect(headerOf(at)?.text.text).toBe(repeat('t', HEADER_TEXT_MAX));
    const over = renderSlackMessage(reply('info', repeat('t', HEADER_TEXT_MAX + 1)));
    expect(headerOf(over)?.text.text).toBe(`${repeat('t', HEADER_TEXT_MAX - 1)}…`);
    // Plain text is not escaped (Slack shows it as is), only cut.
    expect(headerOf(renderSlackMessage(reply('info', 'Echo & Co <!channel>')))?.text.text).toBe('Echo & Co <!channel>');
  });

  it('header: an error title carries the ⚠️ prefix, counted in the 150', () => {
    const title = repeat('e', HEADER_TEXT_MAX - ERROR_PREFIX.length);
    expect(headerOf(renderSlackMessage(reply('error', title)))?.text.text).toBe(`${ERROR_PREFIX}${title}`);
    const over = headerOf(renderSlackMessage(reply('error', `${title}e`)))?.text.text ?? '';
    expect(over.length).toBe(HEADER_TEXT_MAX);
    expect(over.startsWith(ERROR_PREFIX) && over.endsWith('…')).toBe(true);
  });

  it('section text: exactly 3000 characters is one section; 3001 is split, nothing lost', () => {
    const at = renderSlackMessage(info([{ type: 'text', text: repeat('a', SECTION_TEXT_MAX) }]));
    expect(sectionTexts(at)).toEqual([repeat('a', SECTION_TEXT_MAX)]);
    const over = renderSlackMessage(info([{ type: 'text', text: repeat('a', SECTION_TEXT_MAX + 1) }]));
    expect(sectionTexts(over)).toEqual([repeat('a', SECTION_TEXT_MAX), 'a']);
  });

  it('section text: long text is split at line ends, each line whole', () => {
    const line = repeat('l', 1499);
    // Two lines and their newline: 2999 characters, one section. Three lines: 4499, two sections.
    expect(sectionTexts(renderSlackMessage(info([{ type: 'text', text: `${line}\n${line}` }])))).toEqual([
      `${line}\n${line}`,
    ]);
    expect(sectionTexts(renderSlackMessage(info([{ type: 'text', text: `${line}\n${line}\n${line}` }])))).toEqual([
      `${line}\n${line}`,
      line,
    ]);
    const lines = Array.from({ length: 300 }, (_, i) => `line ${i}: ${repeat('x', 40)}`);
    const parts = sectionTexts(
      renderSlackMessage(info([{ type: 'text', text: lines.join('\n') }]), { textBudget: Infinity }),
    );
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('\n')).toBe(lines.join('\n'));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
  });

  it('section text: the limit counts escaped text, and a split never cuts an entity', () => {
    // 1000 "&" become 5000 characters of "&amp;": two sections, each a whole number of entities.
    const parts = sectionTexts(renderSlackMessage(info([{ type: 'text', text: repeat('&', 1000) }])));
    expect(parts.map((part) => part.length)).toEqual([3000, 2000]);
    expect(parts.join('')).toBe(repeat('&amp;', 5000));
    // Off by one: "a" then 750 "<" is 3001 escaped characters; the cut falls before the entity it would split.
    const shifted = sectionTexts(renderSlackMessage(info([{ type: 'text', text: `a${repeat('<', 750)}` }])));
    expect(shifted.map((part) => part.length)).toEqual([2997, 4]);
    for (const part of shifted) expect(part).not.toMatch(BROKEN_ENTITY);
  });

  it('summary: a section of its own, escaped, split like text', () => {
    const message = renderSlackMessage(reply('info', 'T', { summary: `<@U123> ${repeat('s', SECTION_TEXT_MAX)}` }));
    const parts = sectionTexts(message);
    expect(parts[0]?.startsWith('&lt;@U123&gt; ')).toBe(true);
    expect(parts.join('')).toBe(`&lt;@U123&gt; ${repeat('s', SECTION_TEXT_MAX)}`);
  });

  it('fields: 10 go in one section; 11 make a second one', () => {
    const fields = (count: number) => Array.from({ length: count }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const ten = sections(renderSlackMessage(info([{ type: 'fields', fields: fields(SECTION_FIELDS_MAX) }])));
    expect(ten.map((block) => block.fields?.length)).toEqual([SECTION_FIELDS_MAX]);
    expect(ten[0]?.fields?.[0]?.text).toBe('*L0*\nv0');
    const eleven = sections(renderSlackMessage(info([{ type: 'fields', fields: fields(SECTION_FIELDS_MAX + 1) }])));
    expect(eleven.map((block) => block.fields?.length)).toEqual([SECTION_FIELDS_MAX, 1]);
    expect(eleven[1]?.fields?.[0]?.text).toBe('*L10*\nv10');
  });

  it('fields: a field of exactly 2000 characters is kept whole; 2001 is cut to 2000 with …', () => {
    const label = 'Label';
    const room = FIELD_TEXT_MAX - `*${label}*\n`.length;
    const at = sections(renderSlackMessage(info([{ type: 'fields', fields: [{ label, value: repeat('v', room) }] }])));
    expect(at[0]?.fields?.[0]?.text).toBe(`*${label}*\n${repeat('v', room)}`);
    const over = sections(
      renderSlackMessage(info([{ type: 'fields', fields: [{ label, value: repeat('v', room + 1) }] }])),
    );
    expect(over[0]?.fields?.[0]?.text).toBe(`*${label}*\n${repeat('v', room - 1)}…`);
    // Without a label the value alone has the whole 2000.
    const bare = sections(
      renderSlackMessage(info([{ type: 'fields', fields: [{ label: '', value: repeat('v', FIELD_TEXT_MAX) }] }])),
    );
    expect(bare[0]?.fields?.[0]?.text).toBe(repeat('v', FIELD_TEXT_MAX));
    // A huge label cannot crowd out its value.
    const crowded = sections(
      renderSlackMessage(info([{ type: 'fields', fields: [{ label: repeat('L', 5000), value: 'the value' }] }])),
    );
    expect(crowded[0]?.fields?.[0]?.text.endsWith('…*\nthe value')).toBe(true);
  });

  it('context: exactly 2000 characters is kept whole; 2001 is cut to 2000 with …', () => {
    const at = contexts(renderSlackMessage(info([{ type: 'context', text: repeat('c', CONTEXT_TEXT_MAX) }])));
    expect(at[0]?.elements).toEqual([{ type: 'mrkdwn', text: repeat('c', CONTEXT_TEXT_MAX), verbatim: true }]);
    const over = contexts(renderSlackMessage(info([{ type: 'context', text: repeat('c', CONTEXT_TEXT_MAX + 1) }])));
    expect(over[0]?.elements[0]?.text).toBe(`${repeat('c', CONTEXT_TEXT_MAX - 1)}…`);
  });

  it('list: items as bullets under a bold title, split between whole items', () => {
    const message = renderSlackMessage(info([{ type: 'list', title: 'Tips:', items: ['one', 'two & <three>'] }]));
    expect(sectionTexts(message)).toEqual(['*Tips:*\n• one\n• two &amp; &lt;three&gt;']);
    const item = repeat('i', 1000);
    const parts = sectionTexts(renderSlackMessage(info([{ type: 'list', items: [item, item, item] }])));
    expect(parts).toEqual([`• ${item}\n• ${item}`, `• ${item}`]);
    // One item too long for a section is cut, with …, to exactly the limit.
    const long = sectionTexts(renderSlackMessage(info([{ type: 'list', items: [repeat('i', SECTION_TEXT_MAX)] }])));
    expect(long).toEqual([`• ${repeat('i', SECTION_TEXT_MAX - 3)}…`]);
  });

  it('buttons: 25 actions make 25 buttons; a 26th is left out; share takes the last place', () => {
    const actions = (count: number): Action[] =>
      Array.from({ length: count }, (_, i) => ({ label: `Run ${i}`, command: `cmd ${i}` }));
    expect(buttons(renderSlackMessage(reply('info', 'T', { actions: actions(ACTIONS_ELEMENTS_MAX) }))).length).toBe(
      ACTIONS_ELEMENTS_MAX,
    );
    const over = buttons(renderSlackMessage(reply('info', 'T', { actions: actions(ACTIONS_ELEMENTS_MAX + 1) })));
    expect(over.map((button) => button.value)).toEqual(actions(ACTIONS_ELEMENTS_MAX).map((action) => action.command));
    const shared = buttons(
      renderSlackMessage(reply('info', 'T', { actions: actions(ACTIONS_ELEMENTS_MAX), shareable: true })),
    );
    expect(shared.length).toBe(ACTIONS_ELEMENTS_MAX);
    expect(shared.at(-1)?.action_id).toBe(SHARE_ACTION_ID);
    expect(shared.at(-2)?.value).toBe(`cmd ${ACTIONS_ELEMENTS_MAX - 2}`);
  });

  it('buttons: a label of exactly 75 characters is kept whole; 76 is cut to 75 with …', () => {
    const at = buttons(
      renderSlackMessage(reply('info', 'T', { actions: [{ label: repeat('b', BUTTON_TEXT_MAX), command: 'why' }] })),
    );
    expect(at[0]?.text.text).toBe(repeat('b', BUTTON_TEXT_MAX));
    const over = buttons(
      renderSlackMessage(
        reply('info', 'T', { actions: [{ label: repeat('b', BUTTON_TEXT_MAX + 1), command: 'why' }] }),
      ),
    );
    expect(over[0]?.text.text).toBe(`${repeat('b', BUTTON_TEXT_MAX - 1)}…`);
  });

  it('buttons: a command of exactly 2000 characters is the value; 2001 gets no button (a cut command would run another)', () => {
    const command = `add ${repeat('x', BUTTON_VALUE_MAX - 4)}`;
    const at = buttons(renderSlackMessage(reply('info', 'T', { actions: [{ label: 'Add', command }] })));
    expect(at.map((button) => button.value)).toEqual([command]);
    const over = renderSlackMessage(
      reply('info', 'T', {
        actions: [
          { label: 'Add', command: `${command}x` },
          { label: 'Why', command: 'why' },
        ],
      }),
    );
    expect(buttons(over).map((button) => [button.action_id, button.value])).toEqual([['jss_run_1', 'why']]);
  });

  it('buttons: ids are jss_run_<n>, values the raw command, styles kept; a blank label shows the command', () => {
    const message = renderSlackMessage(
      reply('confirm', 'Remove c1?', {
        actions: [
          { label: 'Remove', command: 'remove c1 --yes', style: 'danger' },
          { label: 'Keep', command: 'list', style: 'primary' },
          { label: ' ', command: 'score <x> & y' },
        ],
      }),
    );
    expect(buttons(message)).toEqual([
      {
        type: 'button',
        action_id: 'jss_run_0',
        text: { type: 'plain_text', text: 'Remove', emoji: false },
        value: 'remove c1 --yes',
        style: 'danger',
      },
      {
        type: 'button',
        action_id: 'jss_run_1',
        text: { type: 'plain_text', text: 'Keep', emoji: false },
        value: 'list',
        style: 'primary',
      },
      {
        type: 'button',
        action_id: 'jss_run_2',
        text: { type: 'plain_text', text: 'score <x> & y', emoji: false },
        value: 'score <x> & y',
      },
    ]);
  });

  it('share button: the first action’s command, or the shareCommand given, or no value', () => {
    const withActions = reply('info', 'T', { shareable: true, actions: [{ label: 'Why', command: 'why' }] });
    const share = (message: SlackMessage) => buttons(message).find((button) => button.action_id === SHARE_ACTION_ID);
    expect(share(renderSlackMessage(withActions))).toEqual({
      type: 'button',
      action_id: SHARE_ACTION_ID,
      text: { type: 'plain_text', text: SHARE_LABEL, emoji: false },
      value: 'why',
    });
    expect(share(renderSlackMessage(withActions, { shareCommand: 'score' }))?.value).toBe('score');
    const alone = renderSlackMessage(reply('info', 'T', { shareable: true }));
    expect(actionsOf(alone)).toHaveLength(1);
    expect(share(alone)).toBeDefined();
    expect(share(alone)).not.toHaveProperty('value');
    expect(
      share(renderSlackMessage(reply('info', 'T', { actions: [{ label: 'Why', command: 'why' }] }))),
    ).toBeUndefined();
  });

  it('blocks: exactly 50 are kept whole; 51 keep the first 49 and a notice of the 2 left out', () => {
    const contextsOf = (count: number): Block[] =>
      Array.from({ length: count }, (_, i) => ({ type: 'context', text: `note ${i}` }));
    const at = renderSlackMessage(info(contextsOf(MESSAGE_BLOCKS_MAX - 1)));
    expect(at.blocks.length).toBe(MESSAGE_BLOCKS_MAX);
    expect(noticeCount(at)).toBeNull();
    const over = renderSlackMessage(info(contextsOf(MESSAGE_BLOCKS_MAX)));
    expect(over.blocks.length).toBe(MESSAGE_BLOCKS_MAX);
    expect(contexts(over).at(-2)?.elements[0]?.text).toBe(`note ${MESSAGE_BLOCKS_MAX - 3}`);
    expect(contexts(over).at(-1)?.elements[0]?.text).toBe('…and 2 more not shown');
    expectWithinLimits(over);
  });

  it('blocks: the buttons survive a cut, after the notice', () => {
    const blocks: Block[] = Array.from({ length: 80 }, (_, i) => ({ type: 'text', text: `part ${i}` }));
    const message = renderSlackMessage(info(blocks, { actions: [{ label: 'Why', command: 'why' }], shareable: true }));
    expect(message.blocks.length).toBe(MESSAGE_BLOCKS_MAX);
    expect(message.blocks.at(-1)?.type).toBe('actions');
    // Header, 47 parts, the notice, the buttons.
    expect(noticeCount(message)).toBe(80 - 47);
    expectWithinLimits(message);
  });

  it('text budget: all texts together stay within the cumulative budget; Infinity turns it off', () => {
    const blocks: Block[] = Array.from({ length: 10 }, (_, i) => ({ type: 'text', text: `${i} ${repeat('w', 2000)}` }));
    const message = renderSlackMessage(info(blocks));
    expectWithinLimits(message);
    expect(sections(message).length).toBe(4);
    expect(noticeCount(message)).toBe(6);
    const unlimited = renderSlackMessage(info(blocks), { textBudget: Infinity });
    expect(sections(unlimited).length).toBe(10);
    expect(noticeCount(unlimited)).toBeNull();
  });

  it('message text: title and summary within 4000, escaped; cut with … past it', () => {
    expect(renderSlackMessage(reply('info', 'Score 58%', { summary: 'for <!here> & co' })).text).toBe(
      'Score 58%: for &lt;!here&gt; &amp; co',
    );
    expect(renderSlackMessage(reply('error', 'That did not work')).text).toBe(`${ERROR_PREFIX}That did not work`);
    const room = MESSAGE_TEXT_MAX - 'T: '.length;
    expect(renderSlackMessage(reply('info', 'T', { summary: repeat('s', room) })).text).toBe(`T: ${repeat('s', room)}`);
    const over = renderSlackMessage(reply('info', 'T', { summary: repeat('s', room + 1) })).text;
    expect(over).toBe(`T: ${repeat('s', room - 1)}…`);
    // A reply with no text at all still has a notification text (Slack requires one).
    expect(renderSlackMessage(reply('info', '  ')).text.length).toBeGreaterThan(0);
  });

  it('blank texts make no blocks (Slack wants at least one character)', () => {
    const message = renderSlackMessage(
      reply('info', ' ', {
        summary: '\n \n',
        blocks: [
          { type: 'text', text: '' },
          { type: 'context', text: ' ' },
          { type: 'fields', fields: [{ label: ' ', value: '' }] },
          { type: 'list', items: [] },
          { type: 'table', columns: [], rows: [] },
        ],
      }),
    );
    expect(message.blocks).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('tables', () => {
  const table = (rows: number): Block => ({
    type: 'table',
    title: 'Contracts:',
    columns: ['id', 'client', 'outcome'],
    rows: Array.from({ length: rows }, (_, i) => [`c${i}`, i === 1 ? 'Echo & Co' : `Client ${i}`, 'success']),
  });

  it('are aligned columns in a code block under a bold title, aligned on the text as typed', () => {
    const [text] = sectionTexts(renderSlackMessage(info([table(2)])));
    expect(text).toBe(
      [
        '*Contracts:*',
        '```',
        'id  client     outcome',
        'c0  Client 0   success',
        'c1  Echo &amp; Co  success',
        '```',
      ].join('\n'),
    );
  });

  it('split by rows within 3000 characters each, fences closed and the header row repeated', () => {
    const message = renderSlackMessage(info([table(500)]), { textBudget: Infinity });
    const parts = sectionTexts(message);
    expect(parts.length).toBeGreaterThan(1);
    const rows: string[] = [];
    parts.forEach((part, index) => {
      expect(part.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
      const lines = part.split('\n');
      if (index === 0) expect(lines.shift()).toBe('*Contracts:*');
      expect(lines[0]).toBe('```');
      expect(lines[1]).toBe('id    client      outcome');
      expect(lines.at(-1)).toBe('```');
      rows.push(...lines.slice(2, -1));
    });
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(Array.from({ length: 500 }, (_, i) => `c${i}`));
  });

  it('a row too long for a section is cut with …, the fences kept', () => {
    const [text] = sectionTexts(
      renderSlackMessage(info([{ type: 'table', columns: ['a', 'b'], rows: [['x', repeat('y', 5000)]] }])),
    );
    expect(text?.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    expect(text?.endsWith('…\n```')).toBe(true);
  });
});

describe('series', () => {
  it('shows the sparkline with its dates and range, as the text reply does', () => {
    const message = renderSlackMessage(
      info([
        {
          type: 'series',
          title: 'Your score',
          points: [
            { date: '2026-11-22', value: 58 },
            { date: '2027-03-29', value: 36 },
            { date: '2027-11-22', value: 36 },
          ],
        },
      ]),
    );
    const [text] = sectionTexts(message);
    expect(text?.split('\n')[0]).toBe('*Your score*');
    expect(text?.split('\n')[1]).toMatch(/^2026-11-22 [▁▂▃▄▅▆▇█]{25} 2027-11-22 36–58%$/);
    expect(sectionTexts(renderSlackMessage(info([{ type: 'series', title: 'Empty', points: [] }])))).toEqual([
      '*Empty*',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('escaping in rendered replies', () => {
  const evil = ['<!channel>', '<!here>', '<@U123>', '<https://evil|click>', 'Tom &amp; Jerry', 'A & B'];

  it('member text anywhere in a reply shows as typed and never becomes a mention or a link', () => {
    const name = evil.join(' ');
    const message = renderSlackMessage(
      reply('info', `Client ${name}`, {
        summary: name,
        blocks: [
          { type: 'text', text: name },
          { type: 'fields', fields: [{ label: name, value: name }] },
          { type: 'list', title: name, items: [name] },
          { type: 'table', title: name, columns: ['client'], rows: [[name]] },
          { type: 'series', title: name, points: [{ date: name, value: 50 }] },
          { type: 'context', text: name },
        ],
        actions: [{ label: name, command: `why ${name}` }],
        shareable: true,
      }),
    );
    expectWithinLimits(message);
    const escaped =
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil|click&gt; Tom &amp;amp; Jerry A &amp; B';
    for (const text of mrkdwnTexts(message)) expect(text).toContain(escaped);
    expect(mrkdwnTexts(message).length).toBe(7);
    expect(message.text).toBe(`Client ${escaped}: ${escaped}`);
    // Plain text and values are shown or sent as typed: Slack parses neither.
    expect(headerOf(message)?.text.text).toBe(`Client ${name}`);
    expect(buttons(message)[0]?.text.text).toBe(truncate(name, BUTTON_TEXT_MAX));
    expect(buttons(message)[0]?.value).toBe(`why ${name}`);
  });
});

// ---------------------------------------------------------------------------------------------

describe('huge replies stay postable and say what was left out', () => {
  it('200 list items', () => {
    const items = Array.from(
      { length: 200 },
      (_, i) => `Tip ${i}: ${'ask your client for feedback <now> & '.repeat(3)}`,
    );
    const full = renderSlackMessage(info([{ type: 'list', title: 'Tips:', items }]), { textBudget: Infinity });
    const message = renderSlackMessage(info([{ type: 'list', title: 'Tips:', items }]));
    expectWithinLimits(message);
    expectWithinLimits(full, Infinity);
    const kept = sections(message).length;
    expect(noticeCount(message)).toBe(sections(full).length - kept);
    expect(kept).toBeGreaterThan(0);
    expect(sectionTexts(message)).toEqual(sectionTexts(full).slice(0, kept));
  });

  it('a 500-row table', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [
      `c${i}`,
      `Client <${i}>`,
      'success',
      `×${i}`,
      'because '.repeat(6),
    ]);
    const block: Block = {
      type: 'table',
      title: 'How each contract counts:',
      columns: ['id', 'client', 'outcome', 'weight', 'why'],
      rows,
    };
    const message = renderSlackMessage(info([block, { type: 'context', text: 'model upwork-2025' }]));
    expectWithinLimits(message);
    const full = renderSlackMessage(info([block, { type: 'context', text: 'model upwork-2025' }]), {
      textBudget: Infinity,
    });
    expectWithinLimits(full, Infinity);
    expect(noticeCount(full)).toBeNull();
    expect(noticeCount(message)).toBe(full.blocks.length - message.blocks.length + 1);
    for (const text of sectionTexts(message)) expect(text.endsWith('\n```')).toBe(true);
  });

  it('a table so long it passes 50 blocks even without the text budget', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`c${i}`, `Client ${i}`, 'reason '.repeat(5)]);
    const message = renderSlackMessage(info([{ type: 'table', columns: ['id', 'client', 'why'], rows }]), {
      textBudget: Infinity,
    });
    expectWithinLimits(message, Infinity);
    expect(message.blocks.length).toBe(MESSAGE_BLOCKS_MAX);
    expect(noticeCount(message)).toBeGreaterThan(0);
  });

  it('40 fields', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ label: `Field ${i}`, value: `value ${i} `.repeat(60) }));
    const message = renderSlackMessage(info([{ type: 'fields', fields }]));
    expectWithinLimits(message);
    const full = renderSlackMessage(info([{ type: 'fields', fields }]), { textBudget: Infinity });
    expect(sections(full).map((block) => block.fields?.length)).toEqual([10, 10, 10, 10]);
    expect(noticeCount(message)).toBe(4 - sections(message).length);
    expect(noticeCount(message)).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('property: any reply renders within every limit', () => {
  // Slack's share button is the adapter's to set: these replies carry none of their own.
  const { reply: anyReply } = replyArbitraries(
    [
      '<',
      '>',
      '&',
      '&amp;',
      '&lt;',
      '<!channel>',
      '<@U123>',
      '<https://x|y>',
      '\n',
      ' ',
      '*',
      '```',
      '😀',
      'é',
      '👍🏽',
    ],
    ['a', '&', '<', '😀', 'line\n'],
    4000,
  );
  const replyArb = anyReply.map(({ shareCommand: _unused, ...rest }) => rest);

  it('generates replies that reach the limits the property is about', () => {
    const samples = fc.sample(replyArb, { numRuns: 150, seed: 7 });
    const budgeted = samples.map((generated) => renderSlackMessage(generated));
    const unlimited = samples.map((generated) => renderSlackMessage(generated, { textBudget: Infinity }));
    const counts = {
      cutByBudget: budgeted.filter((message) => noticeCount(message) !== null).length,
      fiftyBlocks: unlimited.filter(
        (message) => message.blocks.length === MESSAGE_BLOCKS_MAX && noticeCount(message) !== null,
      ).length,
      fullSections: unlimited.filter((message) =>
        sectionTexts(message).some((text) => text.length > SECTION_TEXT_MAX - 10),
      ).length,
      tenFields: unlimited.filter((message) =>
        sections(message).some((block) => block.fields?.length === SECTION_FIELDS_MAX),
      ).length,
      manyActions: samples.filter((generated) => generated.actions.length > ACTIONS_ELEMENTS_MAX).length,
      mentions: samples.filter((generated) => JSON.stringify(generated).includes('<!channel>')).length,
    };
    for (const [edge, count] of Object.entries(counts)) expect(count, edge).toBeGreaterThan(10);
  });

  it('≤ 50 blocks, every text within its limit, no raw < or > in any mrkdwn text', () => {
    fc.assert(
      fc.property(replyArb, (generated) => {
        const message = renderSlackMessage(generated);
        expectWithinLimits(message);
        // The first buttons are the reply's first actions that fit, in order, with their commands as values.
        const runs = buttons(message).filter((button) => button.action_id !== SHARE_ACTION_ID);
        const expected = generated.actions.filter(
          (action) => action.command.trim() !== '' && action.command.length <= BUTTON_VALUE_MAX,
        );
        expect(runs.map((button) => button.value)).toEqual(
          expected.slice(0, ACTIONS_ELEMENTS_MAX - (generated.shareable ? 1 : 0)).map((action) => action.command),
        );
        expect(buttons(message).some((button) => button.action_id === SHARE_ACTION_ID)).toBe(generated.shareable);
      }),
      { numRuns: 150 },
    );
  });

  it('without the text budget, still ≤ 50 blocks and every per-block limit', () => {
    fc.assert(
      fc.property(replyArb, (generated) => {
        expectWithinLimits(renderSlackMessage(generated, { textBudget: Infinity }), Infinity);
      }),
      { numRuns: 80 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('real replies from the command layer', () => {
  const contracts = (JSON.parse(readFileSync('examples/contracts.json', 'utf8')) as { contracts: Contract[] })
    .contracts;
  const analysis = analyze(contracts, '2026-11-22');

  it('a detailed score: header first, tables in code blocks, buttons and the share button', () => {
    const scored = scoreReply(analysis.score, analysis.tips, analysis.forecast, true);
    const message = renderSlackMessage(scored);
    expectWithinLimits(message);
    const known: KnownBlock[] = message.blocks;
    expect(known[0]?.type).toBe('header');
    expect(headerOf(message)?.text.text).toBe(scored.title);
    expect(message.text).toBe(escapeMrkdwn(scored.title));
    expect(noticeCount(message)).toBeNull();
    const texts = sectionTexts(message);
    expect(
      texts.some((text) => text.startsWith('*Windows (weighted; the best eligible one is shown):*\n```\nwindow')),
    ).toBe(true);
    // The client "Echo & Co" of examples/contracts.json, escaped inside the code block.
    expect(texts.some((text) => text.includes('Echo &amp; Co'))).toBe(true);
    expect(texts.some((text) => /^\*Tips:\*\n• /.test(text))).toBe(true);
    expect(texts.some((text) => /[▁▂▃▄▅▆▇█]{25}/.test(text))).toBe(true);
    expect(message.blocks.at(-2)?.type).toBe('context');
    expect(buttons(message).map((button) => [button.action_id, button.text.text, button.value])).toEqual([
      ['jss_run_0', 'Why', 'why'],
      ['jss_run_1', 'Forecast', 'forecast'],
      ['jss_run_2', 'Plan to 90%', 'plan'],
      [SHARE_ACTION_ID, SHARE_LABEL, 'why'],
    ]);
    expect(buttons(renderSlackMessage(scored, { shareCommand: 'score --detailed' })).at(-1)?.value).toBe(
      'score --detailed',
    );
  });

  it('why, forecast, long-term, tips and plan: each within limits, header first, share button only when shareable', () => {
    const replies = [
      whyReply(analysis.score),
      forecastReply(analysis.forecast),
      longTermReply(analysis.score, analysis.tips),
      tipsReply(analysis.tips, analysis.score),
      planReply(analysis.plan),
    ];
    for (const real of replies) {
      const message = renderSlackMessage(real);
      expectWithinLimits(message);
      expect(message.blocks[0]).toEqual({
        type: 'header',
        text: { type: 'plain_text', text: real.title, emoji: false },
      });
      expect(buttons(message).some((button) => button.action_id === SHARE_ACTION_ID)).toBe(real.shareable);
      expect(contexts(message).at(-1)?.elements[0]?.text).toMatch(
        /^Estimate under model upwork-2025, as of 2026-11-22\./,
      );
    }
    const plan = renderSlackMessage(planReply(analysis.plan));
    expect(sections(plan)[0]?.text?.text).toBe(analysis.plan.summary);
    expect(sections(plan)[1]?.fields?.[0]?.text).toBe(`*New contracts needed*\n${analysis.plan.contractsNeeded}`);
    expect(actionsOf(plan)).toEqual([]);
  });

  it('an error: ⚠️ title, the problems as a list, the hint as small print, no buttons', () => {
    const message = renderSlackMessage(
      errorReply(
        ['start: not a date <2026-13-01>', 'stars: 6 is more than 5'],
        'Try: add client="A & B" start=2026-01-05',
      ),
    );
    expectWithinLimits(message);
    expect(headerOf(message)?.text.text).toBe(`${ERROR_PREFIX}That did not work (2 problems)`);
    expect(sectionTexts(message)).toEqual(['• start: not a date &lt;2026-13-01&gt;\n• stars: 6 is more than 5']);
    expect(contexts(message).map((block) => block.elements[0]?.text)).toEqual([
      'Try: add client="A &amp; B" start=2026-01-05',
    ]);
    expect(actionsOf(message)).toEqual([]);
  });
});

describe('what a notification and a form result show', () => {
  it("an error's fallback text says the problem, not only that something did not work", () => {
    const message = renderSlackMessage(errorReply('start: got "01/02/2026", expected a date that reads one way only'));
    expect(message.text).toBe('⚠️ That did not work: start: got "01/02/2026", expected a date that reads one way only');
  });

  it('a form result is verbatim (no auto-links or mentions) and its title is cut between graphemes', () => {
    const view = resultView('Imported 7 👍🏽', 'done') as unknown as {
      title: { text: string };
      blocks: { text: { verbatim?: boolean } }[];
    };
    expect(view.blocks[0]?.text.verbatim).toBe(true);
    expect(view.title.text).toBe('Imported 7 👍🏽');
    // 24 is Slack's limit in UTF-16 units: the family emoji (11 units) does not fit after 20 x, and is not split.
    const long = resultView(`${'x'.repeat(20)}👩‍👩‍👧‍👦tail`, 'done') as unknown as { title: { text: string } };
    expect(long.title.text).toBe(`${'x'.repeat(20)}…`);
  });

  it("a form's title (End <the member's id>) is cut to 24 between graphemes", () => {
    const open = bareForm('end', '2026-01-10', `${'c'.repeat(15)}👩‍💻x`);
    if (!open) throw new Error('end has no form');
    const title = formView(open).title.text;
    expect(title.length).toBeLessThanOrEqual(24);
    // "End " + 15 c is 19 units; the 5-unit emoji and the ellipsis do not both fit, and the emoji is not split.
    expect(title).toBe(`End ${'c'.repeat(15)}…`);
  });
});
