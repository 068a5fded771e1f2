// What every platform's renderer promises alike, run against Slack's and Discord's: text cut to a
// limit never breaks an emoji or a letter with its accent, tables are padded the same, member text
// never pings, and the shared words (the problem reply, the share button) read the same. What is a
// platform's own (Slack's entities, Discord's markdown escapes and embed layout) stays in
// test/adapters/slack/blocks.test.ts and test/adapters/discord/render.test.ts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TEXT, problemReply } from '../../../src/replies/problem-reply.ts';
import { SHARE_LABEL as SHARED_SHARE_LABEL, sharedByLine } from '../../../adapters/shared/share.ts';
import { alignedTable, PAD_MAX } from '../../../adapters/shared/table-columns.ts';
import {
  EMBED_TITLE_MAX,
  ERROR_PREFIX as DISCORD_ERROR_PREFIX,
  FIELD_VALUE_MAX,
  renderDiscordMessage,
  SHARE_LABEL as DISCORD_SHARE_LABEL,
  truncate as discordTruncate,
  type DiscordMessage,
} from '../../../adapters/discord/render/index.ts';
import {
  ERROR_PREFIX as SLACK_ERROR_PREFIX,
  FIELD_TEXT_MAX,
  HEADER_TEXT_MAX,
  renderSlackMessage,
  SHARE_LABEL as SLACK_SHARE_LABEL,
  truncate as slackTruncate,
  type SlackMessage,
} from '../../../adapters/slack/blocks/index.ts';
import { reply, type Block, type Reply } from '../../../src/replies/reply.ts';
import { graphemes } from '../../../src/text/graphemes.ts';

/** One platform's renderer, seen through what the shared promises need. */
interface Platform {
  name: string;
  truncate: (text: string, max: number) => string;
  /** The title as shown, and its platform's limit. */
  title: (reply: Reply) => string;
  titleMax: number;
  /** A field's value as shown (member text, unescaped by nothing), and its limit. */
  fieldValue: (reply: Reply) => string;
  fieldValueMax: number;
  /** Every text the member sees, escapes as sent. */
  texts: (reply: Reply) => string[];
  /** The lines inside the table's code block, with the platform's escaping undone. */
  tableLines: (reply: Reply) => string[];
  /** What in the rendered reply could still ping someone (empty when nothing can). */
  pings: (reply: Reply) => string[];
  shareLabel: string;
  buttonLabels: (reply: Reply) => string[];
  errorPrefix: string;
}

const FENCED = /```\n([\s\S]*?)\n```/g;
const codeLines = (text: string) => [...text.matchAll(FENCED)].flatMap((match) => (match[1] ?? '').split('\n'));

function slackTexts(message: SlackMessage): string[] {
  return message.blocks.flatMap((block) => {
    if (block.type === 'header') return [block.text.text];
    if (block.type === 'section')
      return [...(block.text ? [block.text] : []), ...(block.fields ?? [])].map((text) => text.text);
    if (block.type === 'context') return block.elements.map((element) => element.text);
    return block.elements.map((button) => button.text.text);
  });
}
const unescapeMrkdwn = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const slack: Platform = {
  name: 'Slack',
  truncate: slackTruncate,
  title: (r) => {
    const header = renderSlackMessage(r).blocks[0];
    return header?.type === 'header' ? header.text.text : '';
  },
  titleMax: HEADER_TEXT_MAX,
  fieldValue: (r) => {
    const field =
      renderSlackMessage(r).blocks.flatMap((block) => (block.type === 'section' ? (block.fields ?? []) : []))[0]
        ?.text ?? '';
    // A field is `*label*\nvalue`; the test's fields have a blank label, so the text is the value.
    return field;
  },
  fieldValueMax: FIELD_TEXT_MAX,
  texts: (r) => [renderSlackMessage(r).text, ...slackTexts(renderSlackMessage(r))],
  tableLines: (r) => slackTexts(renderSlackMessage(r)).flatMap(codeLines).map(unescapeMrkdwn),
  pings: (r) => {
    const message = renderSlackMessage(r);
    const found: string[] = [];
    // Slack pings only through markup (<!channel>, <@U1>, <!here>) in mrkdwn and the message text:
    // a raw < or > there could make one. Header and button texts are plain_text, which never pings.
    const mrkdwn = message.blocks.flatMap((block) =>
      block.type === 'header' || block.type === 'actions' ? [] : slackTexts({ ...message, blocks: [block] }),
    );
    for (const text of [message.text, ...mrkdwn]) found.push(...(text.match(/[<>]/g) ?? []));
    // Bare "@here" pings only when Slack is asked to link names: every mrkdwn text is verbatim.
    for (const block of message.blocks) {
      if (block.type === 'section')
        for (const text of [...(block.text ? [block.text] : []), ...(block.fields ?? [])])
          if (text.verbatim !== true) found.push(`not verbatim: ${text.text}`);
      if (block.type === 'context')
        for (const element of block.elements)
          if (element.verbatim !== true) found.push(`not verbatim: ${element.text}`);
    }
    if ('link_names' in message || 'parse' in message) found.push('link_names or parse set');
    return found;
  },
  shareLabel: SLACK_SHARE_LABEL,
  buttonLabels: (r) =>
    renderSlackMessage(r).blocks.flatMap((block) =>
      block.type === 'actions' ? block.elements.map((button) => button.text.text) : [],
    ),
  errorPrefix: SLACK_ERROR_PREFIX,
};

function discordTexts(message: DiscordMessage): string[] {
  return [
    ...(message.content === undefined ? [] : [message.content]),
    ...message.embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
      embed.footer?.text ?? '',
    ]),
    ...message.components.flatMap((row) =>
      row.components.map((button) => ('label' in button ? (button.label ?? '') : '')),
    ),
  ].filter((text) => text !== '');
}

const discord: Platform = {
  name: 'Discord',
  truncate: discordTruncate,
  title: (r) => renderDiscordMessage(r).embeds[0]?.title ?? '',
  titleMax: EMBED_TITLE_MAX,
  fieldValue: (r) => renderDiscordMessage(r).embeds.flatMap((embed) => embed.fields ?? [])[0]?.value ?? '',
  fieldValueMax: FIELD_VALUE_MAX,
  texts: (r) => discordTexts(renderDiscordMessage(r)),
  tableLines: (r) =>
    discordTexts(renderDiscordMessage(r))
      .flatMap(codeLines)
      .map((line) => line.replace(/\u200b/g, '')),
  pings: (r) => {
    const message = renderDiscordMessage(r, { content: textOf(r) });
    const found: string[] = [];
    // allowed_mentions { parse: [] } is what stops every ping; the escapes only keep text looking inert.
    if (JSON.stringify(message.allowed_mentions) !== JSON.stringify({ parse: [] }))
      found.push(`allowed_mentions ${JSON.stringify(message.allowed_mentions)}`);
    // The markdown places (content, title, description, fields) read as typed; footers and labels are plain text.
    const markdown = [
      message.content ?? '',
      ...message.embeds.flatMap((embed) => [
        embed.title ?? '',
        embed.description ?? '',
        ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
      ]),
    ];
    for (const text of markdown) found.push(...(text.match(/(?<!\\)<[@#!&]|@(?:everyone|here)/gi) ?? []));
    return found;
  },
  shareLabel: DISCORD_SHARE_LABEL,
  buttonLabels: (r) =>
    renderDiscordMessage(r).components.flatMap((row) =>
      row.components.map((button) => ('label' in button ? (button.label ?? '') : '')),
    ),
  errorPrefix: DISCORD_ERROR_PREFIX,
};

/** The reply's first text block (what the member typed, in these tests). */
function textOf(r: Reply): string {
  const block = r.blocks.find((candidate): candidate is Extract<Block, { type: 'text' }> => candidate.type === 'text');
  return block?.text ?? '';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `cut` (its ellipsis off) is whole grapheme clusters of `text`'s beginning. */
function isWholeClusters(text: string, cut: string): boolean {
  const kept = cut.endsWith('…') && !text.startsWith(cut) ? cut.slice(0, -1) : cut;
  const parts = graphemes(text);
  let joined = '';
  for (const part of parts) {
    if (joined === kept) return true;
    joined += part;
  }
  return joined === kept;
}

// Emoji of several code units and a letter with a combining accent: a cut inside any of them shows garbage.
const CLUSTERS = ['👩‍💻', '🇩🇪', '👍🏽', 'e\u0301', '😀', 'a'];

describe.each([slack, discord])('$name renderer: what every platform promises', (platform) => {
  describe('truncate', () => {
    it('keeps a text of exactly max characters whole and cuts one more to max, ending with …', () => {
      expect(platform.truncate('abcde', 5)).toBe('abcde');
      expect(platform.truncate('abcdef', 5)).toBe('abcd…');
      expect(platform.truncate('abcdef', 5).length).toBe(5);
      expect(platform.truncate('', 5)).toBe('');
    });

    it('never cuts an emoji (a surrogate pair) in half', () => {
      const emoji = '😀'.repeat(10); // 20 UTF-16 units
      for (let max = 1; max < emoji.length; max++) {
        const cut = platform.truncate(emoji, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut).not.toMatch(LONE_SURROGATE);
        expect(cut.endsWith('…')).toBe(true);
      }
      expect(platform.truncate('ab😀', 3)).toBe('ab…');
    });

    it('never cuts inside a grapheme cluster: joined emoji, flags, skin tones, accents', () => {
      for (const cluster of CLUSTERS.slice(0, 4)) {
        const text = `a${cluster.repeat(8)}`;
        for (let max = 1; max < text.length; max++) {
          const cut = platform.truncate(text, max);
          expect(cut.length).toBeLessThanOrEqual(max);
          expect(isWholeClusters(text, cut), `${JSON.stringify(cut)} of ${JSON.stringify(text)} at ${max}`).toBe(true);
        }
      }
      expect(platform.truncate('ab👩‍💻', 5)).toBe('ab…');
      expect(platform.truncate('ab🇩🇪🇫🇷', 7)).toBe('ab🇩🇪…');
    });

    it('for any text and limit: fits, is a beginning of the text, breaks no pair and no cluster', () => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...CLUSTERS, ' ', 'x'), { maxLength: 60 }).map((parts) => parts.join('')),
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.integer({ min: 1, max: 80 }),
          (built, random, max) => {
            const text = built + random;
            const cut = platform.truncate(text, max);
            expect(cut.length).toBeLessThanOrEqual(max);
            if (text.length <= max) expect(cut).toBe(text);
            else {
              expect(cut.endsWith('…')).toBe(true);
              expect(text.startsWith(cut.slice(0, -1))).toBe(true);
            }
            expect(cut).not.toMatch(LONE_SURROGATE);
            expect(isWholeClusters(text, cut)).toBe(true);
          },
        ),
      );
    });
  });

  it("a long title and a long field are cut within the platform's limits, between clusters", () => {
    const title = `a${'👩‍💻'.repeat(200)}`;
    const value = `b${'🇩🇪'.repeat(800)}`;
    const long = reply('info', title, { blocks: [{ type: 'fields', fields: [{ label: '', value }] }] });
    const shownTitle = platform.title(long);
    expect(shownTitle.length).toBeLessThanOrEqual(platform.titleMax);
    expect(shownTitle.length).toBeGreaterThan(platform.titleMax - '👩‍💻'.length - 1);
    expect(shownTitle.endsWith('👩‍💻…')).toBe(true);
    expect(isWholeClusters(title, shownTitle)).toBe(true);
    const shownValue = platform.fieldValue(long);
    expect(shownValue.length).toBeLessThanOrEqual(platform.fieldValueMax);
    expect(shownValue.length).toBeGreaterThan(platform.fieldValueMax - '🇩🇪'.length - 1);
    expect(isWholeClusters(value, shownValue)).toBe(true);
  });

  it('tables: columns padded on the text as typed, the same lines on every platform', () => {
    const table: Block = {
      type: 'table',
      columns: ['id', 'client', 'stars'],
      rows: [
        ['c1', 'A & B', '5'],
        ['c22', 'Echo\nCo', '4.5'],
      ],
    };
    const lines = platform.tableLines(reply('info', 'T', { blocks: [table] }));
    expect(lines).toEqual(['id   client   stars', 'c1   A & B    5', 'c22  Echo Co  4.5']);
  });

  it('tables: one long cell widens its column to at most PAD_MAX', () => {
    const long = 'x'.repeat(PAD_MAX + 20);
    const lines = platform.tableLines(
      reply('info', 'T', {
        blocks: [
          {
            type: 'table',
            columns: ['a', 'b'],
            rows: [
              [long, '1'],
              ['y', '2'],
            ],
          },
        ],
      }),
    );
    expect(lines[0]).toBe(`${'a'.padEnd(PAD_MAX)}  b`);
    expect(lines[2]).toBe(`${'y'.padEnd(PAD_MAX)}  2`);
  });

  it('member text never pings: channel, here, everyone and user mentions, however typed', () => {
    const typed = [
      '<!channel>',
      '<!here>',
      '<@U1>',
      '<@123456>',
      '@here',
      '@everyone',
      '@channel',
      '<#C1>',
      '<!subteam^S1>',
    ];
    for (const text of typed) {
      const r = reply('info', text, {
        blocks: [
          { type: 'text', text },
          { type: 'fields', fields: [{ label: text, value: text }] },
          { type: 'context', text },
        ],
        actions: [{ label: text, command: 'score' }],
      });
      expect(platform.pings(r), text).toEqual([]);
    }
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('<', '>', '@', '!', '#', 'here', 'everyone', 'channel', 'U1', '&', ' ', '|'), {
          maxLength: 20,
        }),
        (parts) => {
          const text = parts.join('');
          expect(platform.pings(reply('info', text, { blocks: [{ type: 'text', text }] }))).toEqual([]);
        },
      ),
    );
  });

  it('the problem reply reads the same words: an error title, and that nothing changed', () => {
    const texts = platform.texts(problemReply());
    expect(texts.join('\n')).toContain(PROBLEM_TEXT);
    expect(platform.title(problemReply())).toBe(`${platform.errorPrefix}That did not work`);
  });

  it('a shareable reply carries the shared "Share in channel" button', () => {
    expect(platform.shareLabel).toBe(SHARED_SHARE_LABEL);
    const shareable = reply('info', 'Score', {
      blocks: [{ type: 'text', text: 'x' }],
      actions: [{ label: 'Why', command: 'why' }],
      shareable: true,
      shareCommand: 'score',
    });
    expect(platform.buttonLabels(shareable).at(-1)).toBe(SHARED_SHARE_LABEL);
    expect(platform.buttonLabels({ ...shareable, shareable: false })).not.toContain(SHARED_SHARE_LABEL);
  });
});

describe('the shared kit', () => {
  it('aligned tables: no columns and no rows is no table; columns only is a header alone', () => {
    expect(alignedTable({ type: 'table', columns: [], rows: [] })).toBeNull();
    expect(alignedTable({ type: 'table', columns: ['a', 'b'], rows: [] })).toEqual({ header: 'a  b', rows: [] });
    expect(alignedTable({ type: 'table', columns: [], rows: [['x', 'y']] })).toEqual({ header: null, rows: ['x  y'] });
  });

  it('the shared-by line names the member, or "a member" when the platform gave no name', () => {
    expect(sharedByLine('maria')).toBe('Shared by maria');
    expect(sharedByLine(undefined)).toBe('Shared by a member');
    expect(sharedByLine('  ')).toBe('Shared by a member');
  });
});
