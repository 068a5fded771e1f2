// The Home's Slack rendering and its chart tokens, without a server: limits for any view, the
// sparkline without PUBLIC_URL, and tokens that name their member until their day and no longer.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartKeyFrom, chartToken, memberOfToken, tokenOfPath } from '../../../adapters/slack/chart-url.ts';
import {
  BUTTON_TEXT_MAX,
  HEADER_TEXT_MAX,
  RUN_ACTION_PATTERN,
  SECTION_TEXT_MAX,
} from '../../../adapters/slack/blocks/index.ts';
import { HOME_BLOCKS_MAX, homeBlocks } from '../../../adapters/slack/home-view.ts';
import type { HomeView } from '../../../src/replies/home.ts';

const KEY = chartKeyFrom('signing-secret');

function view(text: string, tips: number, contracts: number): HomeView {
  return {
    asOf: '2026-11-22',
    score: 91,
    band: 'excellent',
    title: `Job Success Score (estimate): 91% ${text}`,
    noScore: text,
    windows: {
      type: 'table',
      title: text,
      columns: ['window', 'score'],
      rows: Array.from({ length: contracts }, (_, i) => [`${text}${i}`, '91']),
    },
    longTerm: text,
    nextChange: text,
    plan: {
      title: `Plan ${text}`,
      summary: text,
      fields: Array.from({ length: 12 }, () => ({ label: text, value: text })),
    },
    tips: Array.from({ length: tips }, (_, i) => ({
      text: `${text} ${i}`,
      urgent: i % 2 === 0,
      action: { label: text, command: `end c${i}` },
    })),
    tipActions: [{ label: 'Why', command: 'why' }],
    leaderboard: { text, action: { label: text, command: 'join' } },
    reminders: { on: false, text, toggle: { label: 'Turn reminders on', command: 'remind on' } },
    forms: Array.from({ length: contracts }, (_, i) => ({ label: `End c${i} (${text})`, command: `end c${i}` })),
    series: {
      type: 'series',
      title: text || 'Your score',
      points: [
        { date: '2026-11-22', value: 91 },
        { date: '2027-11-22', value: 88 },
      ],
    },
    basis: text,
  };
}

type AnyBlock = {
  type: string;
  text?: { text: string };
  accessory?: { action_id: string; text: { text: string } };
  elements?: { action_id?: string; text?: { text: string } | string }[];
};

describe('the Home as Slack blocks', () => {
  it('stays within 100 blocks and every text limit, whatever the member typed and however much there is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4000 }), fc.nat(300), fc.nat(300), (text, tips, contracts) => {
        const blocks = homeBlocks(view(text, tips, contracts), 'https://jss.example.com/charts/x.png') as AnyBlock[];
        expect(blocks.length).toBeLessThanOrEqual(HOME_BLOCKS_MAX);
        expect(blocks.at(-1)?.type).toBe('context');
        for (const block of blocks) {
          if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(HEADER_TEXT_MAX);
          else if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
        }
        const buttons = blocks.flatMap((block) => [
          ...(block.accessory ? [block.accessory] : []),
          ...(block.type === 'actions' ? (block.elements ?? []) : []),
        ]) as { action_id: string; text: { text: string } }[];
        for (const button of buttons) {
          expect(button.action_id).toMatch(RUN_ACTION_PATTERN);
          expect(button.text.text.length).toBeLessThanOrEqual(BUTTON_TEXT_MAX);
        }
        expect(new Set(buttons.map((button) => button.action_id)).size).toBe(buttons.length);
      }),
      { numRuns: 60 },
    );
  });

  it('escapes what the member typed in mrkdwn (plain text, as in headers and buttons, is shown as is and pings no one)', () => {
    const mrkdwnTexts: string[] = [];
    JSON.stringify(homeBlocks(view('<!channel> & <@U1>', 3, 3)), (_key, value: unknown) => {
      if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'mrkdwn')
        mrkdwnTexts.push((value as { text: string }).text);
      return value;
    });
    expect(mrkdwnTexts.length).toBeGreaterThan(5);
    for (const text of mrkdwnTexts) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<@U1>');
    }
  });

  it('shows the chart as an image with PUBLIC_URL, else the sparkline line', () => {
    const withUrl = homeBlocks(view('x', 1, 1), 'https://jss.example.com/charts/t.png') as AnyBlock[];
    expect(withUrl.filter((block) => block.type === 'image')).toHaveLength(1);
    const without = homeBlocks(view('x', 1, 1)) as AnyBlock[];
    expect(without.some((block) => block.type === 'image')).toBe(false);
    expect(JSON.stringify(without)).toContain('2026-11-22');
  });
});

describe('chart tokens', () => {
  const days = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

  it('name their member through their last day, and no longer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), days, (memberId, day) => {
        const token = chartToken(KEY, memberId, day);
        expect(memberOfToken(KEY, token, day)).toBe(memberId);
        const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(memberOfToken(KEY, token, next)).toBeNull();
        expect(memberOfToken(chartKeyFrom('other-secret'), token, day)).toBeNull();
      }),
    );
  });

  it('refuse any changed character', () => {
    const token = chartToken(KEY, 42, '2026-12-01');
    fc.assert(
      fc.property(
        fc.nat(token.length - 1),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
        (at, char) => {
          fc.pre(token[at] !== char);
          const changed = `${token.slice(0, at)}${char}${token.slice(at + 1)}`;
          expect(memberOfToken(KEY, changed, '2026-11-22')).toBeNull();
        },
      ),
    );
  });

  it('are read from /charts/<token>.png paths only', () => {
    expect(tokenOfPath('/charts/abc.png')).toBe('abc');
    expect(tokenOfPath('/charts/.png')).toBeNull();
    expect(tokenOfPath('/charts/a/b.png')).toBeNull();
    expect(tokenOfPath('/charts/abc.jpg')).toBeNull();
  });
});
