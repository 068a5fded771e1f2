// The daily reminder message: one platform-neutral reply, warnings first, capped, with the stop
// hint, and the member's own text (contract ids, client names) kept exactly as typed.

import { describe, expect, it } from 'vitest';
import { findReminders, type Reminder } from '../../src/scoring/index.ts';
import { MAX_REMINDER_ITEMS, reminderReply } from '../../src/reminders/message.ts';
import type { Block, Reply } from '../../src/replies/reply.ts';

const AS_OF = '2026-11-22';

function reminder(fields: Partial<Reminder> = {}): Reminder {
  return {
    kind: 'inactive-contract',
    tone: 'warning',
    date: '2026-11-23',
    contractId: 'C1',
    client: 'Acme',
    text: 'Something happens.',
    action: null,
    effect: null,
    ...fields,
  };
}

const warn = (text: string, fields: Partial<Reminder> = {}) => reminder({ text, ...fields });
const good = (text: string, fields: Partial<Reminder> = {}) =>
  reminder({ kind: 'score-rises', tone: 'good', text, ...fields });

function lists(reply: Reply): Extract<Block, { type: 'list' }>[] {
  return reply.blocks.filter((block): block is Extract<Block, { type: 'list' }> => block.type === 'list');
}

function allText(reply: Reply): string {
  return JSON.stringify(reply);
}

describe('reminderReply', () => {
  it('has a dated title, a summary, and the stop hint in a context line', () => {
    const reply = reminderReply([warn('w1'), good('g1')], AS_OF);
    expect(reply.kind).toBe('info');
    expect(reply.title).toBe('JSS reminders for 2026-11-22');
    expect(reply.summary).toBe('1 thing about to hurt your score and 1 piece of good news.');
    const context = reply.blocks.at(-1);
    expect(context?.type).toBe('context');
    expect(context && 'text' in context ? context.text : '').toContain('to stop them: "remind off"');
    expect(reply.actions.map((action) => action.command)).toEqual(['forecast', 'tips']);
    expect(reply.shareable).toBe(false);
  });

  it('lists warnings first, then good news, whatever the input order; actions follow their warning', () => {
    const reply = reminderReply(
      [
        good('g tomorrow'),
        warn('w in a week', { date: '2026-11-29' }),
        warn('w tomorrow', { action: 'Do this.' }),
        good('g2 tomorrow', { kind: 'becomes-long-term' }),
      ],
      AS_OF,
    );
    const [warnings, news] = lists(reply);
    expect(warnings?.title).toBe('About to hurt your score:');
    expect(warnings?.items).toEqual(['w tomorrow Do this.', 'w in a week']);
    expect(news?.title).toBe('Good news:');
    expect(news?.items).toEqual(['g tomorrow', 'g2 tomorrow']);
    expect(reply.blocks.map((block) => block.type)).toEqual(['list', 'list', 'context']);
  });

  it('only good news: one list, no warnings heading', () => {
    const reply = reminderReply([good('only good')], AS_OF);
    expect(lists(reply).map((list) => list.title)).toEqual(['Good news:']);
    expect(reply.summary).toBe('1 piece of good news.');
  });

  it(`shows at most ${MAX_REMINDER_ITEMS} reminders, warnings kept first, and counts the rest`, () => {
    const many = [
      ...Array.from({ length: 4 }, (_, index) => good(`good ${index}`)),
      ...Array.from({ length: MAX_REMINDER_ITEMS + 2 }, (_, index) =>
        warn(`warning ${index}`, { contractId: `C${String(index).padStart(2, '0')}` }),
      ),
    ];
    const reply = reminderReply(many, AS_OF);
    const shown = lists(reply).flatMap((list) => list.items);
    expect(shown).toHaveLength(MAX_REMINDER_ITEMS);
    expect(shown.every((item) => item.startsWith('warning'))).toBe(true);
    expect(reply.blocks.find((block) => block.type === 'text')).toEqual({
      type: 'text',
      text: '…and 6 more. See them all with "tips" and "forecast".',
    });
    // The summary counts everything, shown or not.
    expect(reply.summary).toBe(`${MAX_REMINDER_ITEMS + 2} things about to hurt your score and 4 pieces of good news.`);
  });

  it('no "more" line when everything fits', () => {
    const reply = reminderReply(
      Array.from({ length: MAX_REMINDER_ITEMS }, (_, index) => warn(`w${index}`)),
      AS_OF,
    );
    expect(reply.blocks.some((block) => block.type === 'text')).toBe(false);
  });

  it('an empty day still makes a valid reply (the job sends none, but nothing breaks)', () => {
    const reply = reminderReply([], AS_OF);
    expect(reply.title).toBe('JSS reminders for 2026-11-22');
    expect(reply.blocks[0]).toEqual({ type: 'text', text: 'Nothing needs your attention today.' });
  });

  it('keeps member-typed ids and client names verbatim: no escaping, no mentions at this layer', () => {
    const name = '<@U123> <!channel> *bold* _x_ `code` & @everyone';
    const reminders = findReminders(
      [
        ...['Acme', 'Bolt', 'Cobalt', 'Delta'].map((client, index) => ({
          id: `s${index}`,
          client,
          type: 'hourly' as const,
          start: '2026-06-01',
          end: '2026-07-01',
          earnings: 100,
          stars: 5,
        })),
        { id: 'C12.x_y-z', client: name, type: 'fixed' as const, start: '2026-10-01' },
      ],
      '2026-11-30',
      { model: 'upwork-2015' },
    );
    const reply = reminderReply(reminders, '2026-11-30');
    const [item] = lists(reply)[0]?.items ?? [];
    expect(item).toContain(`C12.x_y-z (${name}) passes 60 days`);
    expect(item).toContain('"end C12.x_y-z"');
    // Nothing was escaped or turned into markup anywhere in the reply.
    expect(allText(reply)).not.toMatch(/&amp;|&lt;|\\\\\*/);
  });
});
