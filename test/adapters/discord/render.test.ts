// The Discord message renderer: every limit in render/limits.ts at its boundary (exactly at the
// limit is kept whole, one over is split or cut with "…"), escaping of member text, huge replies
// that must still be postable, a property over arbitrary replies, and real replies of the command
// layer. discord.js' own embedLength is the oracle for what Discord counts.

import { readFileSync } from 'node:fs';
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord-api-types/v10';
import { embedLength } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_ROWS_MAX,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW_MAX,
  CONTENT_MAX,
  CUSTOM_ID_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELDS_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
  EMBEDS_PER_MESSAGE_MAX,
  embedsLength,
  ERROR_PREFIX,
  escapeCodeBlock,
  escapeMarkdown,
  FALLBACK_TITLE,
  FIELD_NAME_MAX,
  FIELD_VALUE_MAX,
  FOOTER_TEXT_MAX,
  KIND_COLORS,
  leftOutNotice,
  neutraliseMentions,
  renderDiscordMessage,
  RUN_PREFIX,
  SHARE_LABEL,
  SHARE_PREFIX,
  truncate,
  ZERO_WIDTH_SPACE,
  type DiscordMessage,
} from '../../../adapters/discord/render/index.ts';
import { errorReply, reply, type Action, type Block, type Reply } from '../../../src/replies/reply.ts';
import { replyArbitraries } from '../../helpers/reply-arbitrary.ts';
import {
  forecastReply,
  longTermReply,
  planReply,
  scoreReply,
  tipsReply,
  whyReply,
} from '../../../src/replies/score.ts';
import { analyze, forecastContracts, scoreContracts, tipsFor, type Contract } from '../../../src/scoring/index.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

const ZW = ZERO_WIDTH_SPACE;
const info = (blocks: Block[], parts: Partial<Reply> = {}) => reply('info', 'T', { blocks, ...parts });
const repeat = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

const descriptions = (message: DiscordMessage) =>
  message.embeds.flatMap((embed) => (embed.description === undefined ? [] : [embed.description]));
const fieldsOf = (message: DiscordMessage): APIEmbedField[] => message.embeds.flatMap((embed) => embed.fields ?? []);
const buttons = (message: DiscordMessage) =>
  message.components.flatMap((row) => row.components) as APIButtonComponentWithCustomId[];
const footerOf = (message: DiscordMessage) => message.embeds.at(-1)?.footer?.text;

const NOTICE = /^…and (\d+) more not shown$/;
function noticeCount(message: DiscordMessage): number | null {
  const match = NOTICE.exec(footerOf(message)?.split('\n')[0] ?? '');
  return match ? Number(match[1]) : null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FENCED = /^```\n[\s\S]*?\n```$/gm;
const URL = /(?<![A-Za-z0-9])https?:\/\/[^\s<`]+(?=\s|$)/g;

/**
 * What Discord would still read as markdown or a mention in a text the renderer escaped: a special
 * character with no backslash before it, or a line that starts a heading, quote or list. Links are
 * left as typed (Discord takes them whole) and code blocks show as they are, so both are skipped;
 * the renderer's own bold headings are taken off first.
 */
function liveMarkdown(text: string): string[] {
  const found: string[] = [];
  const plain = text
    .replace(FENCED, '')
    .replace(/^\*\*(.*)\*\*$/gm, '$1')
    .replace(URL, 'link');
  // A backslash and the punctuation after it read as that character; any other special character is live.
  for (let i = 0; i < plain.length; i++) {
    const char = plain[i] as string;
    if (char === '\\') {
      if (/[!-/:-@[-`{-~]/.test(plain[i + 1] ?? '')) i += 1;
      else found.push(char);
    } else if (/[*_~`|<[\]]/.test(char)) found.push(char);
  }
  for (const line of plain.split('\n')) if (/^[ \t]*([#>+-]|\d+[.)])/.test(line)) found.push(line);
  if (/@(everyone|here)/i.test(text)) found.push('@everyone/@here');
  return found;
}

function textsOf(message: DiscordMessage): string[] {
  return [
    ...(message.content === undefined ? [] : [message.content]),
    ...message.embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      embed.footer?.text ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ]),
    ...buttons(message).flatMap((button) => [button.label ?? '', button.custom_id]),
  ];
}

/** Everything Discord checks, plus what the house promises (escaped, no mass mention, nothing blank). */
function expectWithinLimits(message: DiscordMessage): void {
  expect(message.allowed_mentions).toEqual({ parse: [] });
  expect(message.embeds.length).toBeGreaterThan(0);
  expect(message.embeds.length).toBeLessThanOrEqual(EMBEDS_PER_MESSAGE_MAX);
  const total = embedsLength(message.embeds);
  expect(total).toBe(message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0));
  expect(total).toBeLessThanOrEqual(EMBED_TOTAL_MAX);
  if (message.content !== undefined) {
    expect(message.content.trim()).not.toBe('');
    expect(message.content.length).toBeLessThanOrEqual(CONTENT_MAX);
  }
  message.embeds.forEach((embed, index) => {
    expect(embed.title !== undefined).toBe(index === 0);
    if (embed.title !== undefined) {
      expect(embed.title.trim()).not.toBe('');
      expect(embed.title.length).toBeLessThanOrEqual(EMBED_TITLE_MAX);
      expect(liveMarkdown(embed.title)).toEqual([]);
    }
    if (embed.description !== undefined) {
      expect(embed.description.trim()).not.toBe('');
      expect(embed.description.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
      expect(liveMarkdown(embed.description)).toEqual([]);
      // Fences only as whole lines, in pairs: member backticks never open or close a block.
      const fences = embed.description.split('\n').filter((line) => line.includes('```'));
      expect(fences.every((line) => line === '```')).toBe(true);
      expect(fences.length % 2).toBe(0);
    }
    if (index > 0) expect(embed.description !== undefined || (embed.fields ?? []).length > 0).toBe(true);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(EMBED_FIELDS_MAX);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(FIELD_NAME_MAX);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(FIELD_VALUE_MAX);
      expect(field.inline).toBe(true);
      expect(liveMarkdown(field.name)).toEqual([]);
      expect(liveMarkdown(field.value)).toEqual([]);
    }
    expect(embed.footer === undefined || index === message.embeds.length - 1).toBe(true);
    if (embed.footer) {
      expect(embed.footer.text.trim()).not.toBe('');
      expect(embed.footer.text.length).toBeLessThanOrEqual(FOOTER_TEXT_MAX);
    }
    expect(embed.color).toBeTypeOf('number');
  });
  expect(message.components.length).toBeLessThanOrEqual(ACTION_ROWS_MAX);
  for (const row of message.components) {
    expect(row.type).toBe(ComponentType.ActionRow);
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(BUTTONS_PER_ROW_MAX);
  }
  const ids = buttons(message).map((button) => button.custom_id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const button of buttons(message)) {
    expect(button.type).toBe(ComponentType.Button);
    expect(button.label?.trim()).not.toBe('');
    expect(button.label?.length).toBeLessThanOrEqual(BUTTON_LABEL_MAX);
    expect(button.custom_id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(button.custom_id.startsWith(RUN_PREFIX) || button.custom_id.startsWith(SHARE_PREFIX)).toBe(true);
  }
  for (const text of textsOf(message)) expect(text).not.toMatch(LONE_SURROGATE);
  // No text the renderer writes pings or shows as a mass mention, not even a label or the footer.
  for (const text of textsOf(message).filter((text) => !ids.includes(text)))
    expect(text).not.toMatch(/@(everyone|here)/i);
}

// ---------------------------------------------------------------------------------------------

describe('Discord limits', () => {
  it('are the documented values', () => {
    expect({
      EMBED_TOTAL_MAX,
      EMBED_TITLE_MAX,
      EMBED_DESCRIPTION_MAX,
      EMBED_FIELDS_MAX,
      FIELD_NAME_MAX,
      FIELD_VALUE_MAX,
      FOOTER_TEXT_MAX,
      EMBEDS_PER_MESSAGE_MAX,
      CONTENT_MAX,
      ACTION_ROWS_MAX,
      BUTTONS_PER_ROW_MAX,
      BUTTON_LABEL_MAX,
      CUSTOM_ID_MAX,
    }).toEqual({
      EMBED_TOTAL_MAX: 6000,
      EMBED_TITLE_MAX: 256,
      EMBED_DESCRIPTION_MAX: 4096,
      EMBED_FIELDS_MAX: 25,
      FIELD_NAME_MAX: 256,
      FIELD_VALUE_MAX: 1024,
      FOOTER_TEXT_MAX: 2048,
      EMBEDS_PER_MESSAGE_MAX: 10,
      CONTENT_MAX: 2000,
      ACTION_ROWS_MAX: 5,
      BUTTONS_PER_ROW_MAX: 5,
      BUTTON_LABEL_MAX: 80,
      CUSTOM_ID_MAX: 100,
    });
    expect(MessageFlags.Ephemeral).toBe(64);
  });
});

describe('escapeMarkdown', () => {
  it('makes bold, code, spoilers, strikethrough, underline and escapes show as typed', () => {
    expect(escapeMarkdown('**x**')).toBe('\\*\\*x\\*\\*');
    expect(escapeMarkdown('*x* _y_ __u__')).toBe('\\*x\\* \\_y\\_ \\_\\_u\\_\\_');
    expect(escapeMarkdown('`x`')).toBe('\\`x\\`');
    expect(escapeMarkdown('```js\nx\n```')).toBe('\\`\\`\\`js\nx\n\\`\\`\\`');
    expect(escapeMarkdown('||x||')).toBe('\\|\\|x\\|\\|');
    expect(escapeMarkdown('~~x~~')).toBe('\\~\\~x\\~\\~');
    // A backslash typed by the member stays a backslash and cannot escape what the renderer adds.
    expect(escapeMarkdown('C:\\dir\\')).toBe('C:\\\\dir\\\\');
  });

  it('makes mentions, emoji, timestamps and masked links inert', () => {
    expect(escapeMarkdown('<@123> <@!123> <@&456> <#789>')).toBe('\\<@123> \\<@!123> \\<@&456> \\<#789>');
    expect(escapeMarkdown('<:blob:1> <t:1700000000:R> </jss score:1>')).toBe(
      '\\<:blob:1> \\<t:1700000000:R> \\</jss score:1>',
    );
    expect(escapeMarkdown('[click](https://evil.example)')).toBe('\\[click\\](https://evil.example)');
    expect(escapeMarkdown('<https://example.com>')).toBe('\\<https://example.com>');
  });

  it('defuses @everyone and @here with a zero-width space (any case)', () => {
    expect(escapeMarkdown('@everyone @here @Everyone')).toBe(`@${ZW}everyone @${ZW}here @${ZW}Everyone`);
    expect(neutraliseMentions('mail me@example.com, @heretic')).toBe(`mail me@example.com, @${ZW}heretic`);
  });

  it('escapes headings, subtext, quotes and lists only at the start of a line', () => {
    expect(escapeMarkdown('# big\n## h2\n-# small\n> quote\n>>> all\n- item\n  + item\n1. one\n 12) twelve')).toBe(
      '\\# big\n\\## h2\n\\-# small\n\\> quote\n\\>>> all\n\\- item\n  \\+ item\n1\\. one\n 12\\) twelve',
    );
    // Inside a line they mean nothing and stay as typed.
    expect(escapeMarkdown('Client #1 - a > b, 2026-11-22, 3.5 stars')).toBe('Client #1 - a > b, 2026-11-22, 3.5 stars');
  });

  it('leaves links as typed (a backslash inside would break them) but escapes around them', () => {
    const profile = 'https://www.upwork.com/freelancers/~01ab_cd?x=*1*';
    expect(escapeMarkdown(profile)).toBe(profile);
    expect(escapeMarkdown(`see **${profile}** now`)).toBe(`see \\*\\*${profile}** now`);
    // A link glued to a word or to a "<" is not linked: its colon is escaped and the rest with it.
    expect(escapeMarkdown('xhttps://a_b_')).toBe('xhttps\\://a\\_b\\_');
    expect(escapeMarkdown('https://x.y/a_b<@123>')).toBe('https\\://x.y/a\\_b\\<@123>');
    expect(escapeMarkdown('`https://x.y`')).toBe('\\`https\\://x.y\\`');
  });

  it('leaves plain text, punctuation that means nothing, emoji and accents alone', () => {
    const text = 'Acme Ltd (fixed): 5 stars, 58% — "ok"! é 😀 👍🏽 $1,650 & co';
    expect(escapeMarkdown(text)).toBe(text);
  });

  it('is undone by dropping the backslashes and zero-width spaces it added, and leaves nothing live', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '*',
        '**',
        '_',
        '__',
        '~~',
        '`',
        '```',
        '||',
        '\\',
        '<@123>',
        '<@&456>',
        '@everyone',
        '@here',
        '[a](b)',
        '# ',
        '> ',
        '- ',
        '1. ',
        '\n',
        'https://x.y/a_b*',
        ' ',
      ),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }).map((parts) => parts.join('')),
        (text) => {
          const escaped = escapeMarkdown(text);
          expect(liveMarkdown(escaped)).toEqual([]);
          // Links are left as typed, backslashes included.
          const undone = escaped
            .replace(new RegExp(`${URL.source}|\\\\([^0-9A-Za-z\\s])`, 'g'), (match, char?: string) => char ?? match)
            .replace(new RegExp(`@${ZW}`, 'g'), '@');
          expect(undone).toBe(text.replace(new RegExp(`@${ZW}`, 'g'), '@'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('escapeCodeBlock', () => {
  it('keeps text as typed but never lets three backticks close the block', () => {
    expect(escapeCodeBlock('**x** <@123> \\n')).toBe('**x** <@123> \\n');
    expect(escapeCodeBlock('a```b')).toBe(`a\`${ZW}\`${ZW}\`${ZW}b`);
    expect(escapeCodeBlock('a```b')).not.toContain('```');
    expect(escapeCodeBlock('@everyone')).toBe(`@${ZW}everyone`);
  });
});

// truncate itself (exact max, emoji, grapheme clusters, any text) is tested for both platforms in
// test/adapters/shared/renderers.test.ts; here, cuts in a rendered Discord reply.
describe('truncate', () => {
  it('in a rendered reply, no cut or split falls inside an emoji: title, field, description, footer, label', () => {
    const emoji = (length: number) => `a${'😀'.repeat(length)}`; // 1 + 2 × length UTF-16 units
    const message = renderDiscordMessage(
      reply('info', emoji(200), {
        blocks: [
          { type: 'fields', fields: [{ label: emoji(200), value: emoji(600) }] },
          { type: 'text', text: emoji(2500) },
          { type: 'context', text: emoji(1100) },
        ],
        actions: [{ label: emoji(50), command: 'why' }],
      }),
    );
    expectWithinLimits(message);
    expect(message.embeds[0]?.title).toBe(`${emoji(127)}…`);
    expect(fieldsOf(message)[0]).toEqual({ name: `${emoji(127)}…`, value: `${emoji(511)}…`, inline: true });
    expect(footerOf(message)).toBe(`${emoji(1023)}…`);
    expect(buttons(message)[0]?.label).toBe(`${emoji(39)}…`);
    // The description goes on after the fields, in a second embed, and is cut at the budget.
    const [description] = descriptions(message);
    expect(description?.startsWith(emoji(100))).toBe(true);
    expect(description?.endsWith('😀…')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('message basics', () => {
  it('is ephemeral by default, mentions nobody, and has one embed coloured by kind', () => {
    const message = renderDiscordMessage(reply('success', 'Added c1'));
    expect(message).toEqual({
      embeds: [{ title: 'Added c1', color: KIND_COLORS.success }],
      components: [],
      allowed_mentions: { parse: [] },
      flags: 64,
    });
    expect(renderDiscordMessage(reply('info', 'x'), { ephemeral: false })).not.toHaveProperty('flags');
    expect(renderDiscordMessage(reply('info', 'x'), { ephemeral: false }).allowed_mentions).toEqual({ parse: [] });
    expect(KIND_COLORS).toEqual({ success: 0x57f287, error: 0xed4245, info: 0x5865f2, confirm: 0xe67e22 });
    expect(renderDiscordMessage(reply('confirm', 'Remove c1?')).embeds[0]?.color).toBe(0xe67e22);
  });

  it('an error title carries ⚠️; a blank title falls back to the bot’s name', () => {
    expect(renderDiscordMessage(reply('error', 'That did not work')).embeds[0]?.title).toBe(
      `${ERROR_PREFIX}That did not work`,
    );
    expect(renderDiscordMessage(reply('info', ' \n ')).embeds[0]?.title).toBe(FALLBACK_TITLE);
  });

  it('summary, text, list, series in order in the description, blocks a blank line apart', () => {
    const message = renderDiscordMessage(
      info(
        [
          { type: 'text', text: 'first line\nsecond line' },
          { type: 'list', title: 'Tips:', items: ['one', 'two'] },
          { type: 'context', text: 'model upwork-2025' },
        ],
        { summary: 'The summary.' },
      ),
    );
    expect(message.embeds).toEqual([
      {
        title: 'T',
        description: 'The summary.\n\nfirst line\nsecond line\n\n**Tips:**\n• one\n• two',
        color: KIND_COLORS.info,
        footer: { text: 'model upwork-2025' },
      },
    ]);
  });

  it('fields after the description keep the reply’s order: text after fields goes in the next embed', () => {
    const message = renderDiscordMessage(
      info([
        { type: 'text', text: 'before' },
        {
          type: 'fields',
          fields: [
            { label: 'Model', value: 'upwork-2025' },
            { label: ' ', value: 'no label' },
            { label: '', value: '' },
          ],
        },
        { type: 'text', text: 'after' },
        { type: 'context', text: 'small print' },
      ]),
    );
    expectWithinLimits(message);
    expect(message.embeds).toEqual([
      {
        title: 'T',
        description: 'before',
        fields: [
          { name: 'Model', value: 'upwork-2025', inline: true },
          { name: ZW, value: 'no label', inline: true },
        ],
        color: KIND_COLORS.info,
      },
      { description: 'after', color: KIND_COLORS.info, footer: { text: 'small print' } },
    ]);
  });

  it('blank texts make nothing (Discord wants no blank description, name or value)', () => {
    const message = renderDiscordMessage(
      reply('info', 'T', {
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
    expect(message.embeds).toEqual([{ title: 'T', color: KIND_COLORS.info }]);
  });

  it('content, when asked for, is escaped and within 2000: exactly 2000 kept, 2001 cut with …', () => {
    expect(renderDiscordMessage(reply('info', 'T'), { content: 'Shared by **Ann** @everyone' }).content).toBe(
      `Shared by \\*\\*Ann\\*\\* @${ZW}everyone`,
    );
    expect(renderDiscordMessage(reply('info', 'T'), { content: repeat('c', CONTENT_MAX) }).content).toBe(
      repeat('c', CONTENT_MAX),
    );
    expect(renderDiscordMessage(reply('info', 'T'), { content: repeat('c', CONTENT_MAX + 1) }).content).toBe(
      `${repeat('c', CONTENT_MAX - 1)}…`,
    );
    // Escapes count: 1000 "*" are 2000 characters escaped; 1001 are cut before the escape that would not fit.
    expect(renderDiscordMessage(reply('info', 'T'), { content: repeat('*', 1000) }).content).toBe('\\*'.repeat(1000));
    const over = renderDiscordMessage(reply('info', 'T'), { content: repeat('*', 1001) }).content ?? '';
    expect(over).toBe(`${'\\*'.repeat(999)}…`);
    expect(renderDiscordMessage(reply('info', 'T'))).not.toHaveProperty('content');
    expect(renderDiscordMessage(reply('info', 'T'), { content: ' ' })).not.toHaveProperty('content');
  });
});

// ---------------------------------------------------------------------------------------------

describe('boundaries', () => {
  it('title: exactly 256 characters is kept whole; 257 is cut to 256 with …', () => {
    expect(renderDiscordMessage(reply('info', repeat('t', EMBED_TITLE_MAX))).embeds[0]?.title).toBe(
      repeat('t', EMBED_TITLE_MAX),
    );
    expect(renderDiscordMessage(reply('info', repeat('t', EMBED_TITLE_MAX + 1))).embeds[0]?.title).toBe(
      `${repeat('t', EMBED_TITLE_MAX - 1)}…`,
    );
    // The limit counts the escaped title: 128 "_" are 256 characters escaped, 129 are cut.
    expect(renderDiscordMessage(reply('info', repeat('_', 128))).embeds[0]?.title).toBe('\\_'.repeat(128));
    expect(renderDiscordMessage(reply('info', repeat('_', 129))).embeds[0]?.title).toBe(`${'\\_'.repeat(127)}…`);
  });

  it('title: the ⚠️ prefix of an error counts in the 256', () => {
    const title = repeat('e', EMBED_TITLE_MAX - ERROR_PREFIX.length);
    expect(renderDiscordMessage(reply('error', title)).embeds[0]?.title).toBe(`${ERROR_PREFIX}${title}`);
    const over = renderDiscordMessage(reply('error', `${title}e`)).embeds[0]?.title ?? '';
    expect(over.length).toBe(EMBED_TITLE_MAX);
    expect(over.startsWith(ERROR_PREFIX) && over.endsWith('…')).toBe(true);
  });

  it('description: exactly 4096 characters is one embed; 4097 is split over two, nothing lost', () => {
    const at = renderDiscordMessage(info([{ type: 'text', text: repeat('a', EMBED_DESCRIPTION_MAX) }]));
    expect(descriptions(at)).toEqual([repeat('a', EMBED_DESCRIPTION_MAX)]);
    const over = renderDiscordMessage(info([{ type: 'text', text: repeat('a', EMBED_DESCRIPTION_MAX + 1) }]));
    expect(descriptions(over)).toEqual([repeat('a', EMBED_DESCRIPTION_MAX), 'a']);
    expect(over.embeds.map((embed) => embed.title)).toEqual(['T', undefined]);
    expectWithinLimits(over);
  });

  it('description: long text is split between lines, each line whole', () => {
    const line = repeat('l', 999);
    // Four lines and their line breaks are 3999 characters: one embed. A fifth goes to the next one.
    const four = renderDiscordMessage(info([{ type: 'text', text: Array(4).fill(line).join('\n') }]));
    expect(descriptions(four)).toEqual([Array(4).fill(line).join('\n')]);
    const five = renderDiscordMessage(info([{ type: 'text', text: Array(5).fill(line).join('\n') }]));
    expect(descriptions(five)).toEqual([Array(4).fill(line).join('\n'), line]);
    expectWithinLimits(five);
  });

  it('description: a line longer than an embed is split at a space near the limit', () => {
    const words = Array.from({ length: 900 }, (_, i) => `w${String(i).padStart(3, '0')}`).join(' '); // 4499 characters
    const message = renderDiscordMessage(info([{ type: 'text', text: words }]));
    const parts = descriptions(message);
    expect(parts.length).toBe(2);
    expect(parts[0]?.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
    expect(parts[0]?.length).toBeGreaterThan(EMBED_DESCRIPTION_MAX - 80);
    expect(parts[0]).toMatch(/ w\d{3}$/);
    expect(parts[1]).toMatch(/^w\d{3} /);
    expect(`${parts[0]} ${parts[1]}`).toBe(words);
  });

  it('description: the limit counts escaped text, and a split never separates a backslash from its character', () => {
    // 2048 "*" are 4096 characters escaped: one embed. One more "*" needs a second embed.
    expect(descriptions(renderDiscordMessage(info([{ type: 'text', text: repeat('*', 2048) }])))).toEqual([
      '\\*'.repeat(2048),
    ]);
    const over = descriptions(renderDiscordMessage(info([{ type: 'text', text: repeat('*', 2049) }])));
    expect(over).toEqual(['\\*'.repeat(2048), '\\*']);
    // Shifted by one: "a" then 2048 "*" is 4097 escaped; the cut falls before the escape it would split.
    const shifted = descriptions(renderDiscordMessage(info([{ type: 'text', text: `a${repeat('*', 2048)}` }])));
    expect(shifted).toEqual([`a${'\\*'.repeat(2047)}`, '\\*']);
  });

  it('description: a split line that goes on in the next embed gets the escapes of a line start there', () => {
    const text = `${repeat('x', EMBED_DESCRIPTION_MAX)}# not a heading`;
    expect(descriptions(renderDiscordMessage(info([{ type: 'text', text }])))).toEqual([
      repeat('x', EMBED_DESCRIPTION_MAX),
      '\\# not a heading',
    ]);
  });

  it('total: embeds of exactly 6000 characters are kept whole; one more leaves the last field out, with a notice', () => {
    // Title "T" (1) + five fields of 1 + 1024 + one of 1 + 873: 6000.
    const fields = (last: number) => [
      ...Array.from({ length: 5 }, (_, i) => ({ label: `${i}`, value: repeat('v', FIELD_VALUE_MAX) })),
      { label: 'f', value: repeat('w', last) },
    ];
    const at = renderDiscordMessage(info([{ type: 'fields', fields: fields(873) }]));
    expect(embedsLength(at.embeds)).toBe(EMBED_TOTAL_MAX);
    expect(fieldsOf(at).length).toBe(6);
    expect(noticeCount(at)).toBeNull();
    const over = renderDiscordMessage(info([{ type: 'fields', fields: fields(874) }]));
    expectWithinLimits(over);
    expect(fieldsOf(over).map((field) => field.name)).toEqual(['0', '1', '2', '3', '4']);
    expect(footerOf(over)).toBe(leftOutNotice(1));
  });

  it('total: counted over all embeds of the message, title and footer included', () => {
    const line = (i: number) => `${String.fromCharCode(97 + i)} ${repeat('w', 997)}`; // 999 characters
    const text = Array.from({ length: 12 }, (_, i) => line(i)).join('\n');
    const message = renderDiscordMessage(
      info([
        { type: 'text', text },
        { type: 'context', text: repeat('c', 500) },
      ]),
    );
    expectWithinLimits(message);
    // 6000 - "T" - the footer ("…and 12 more not shown" at most, a line break, the context: 523) leave
    // 5476: four lines in the first embed (3999), one in the second (999), and 476 of the sixth with "…".
    expect(descriptions(message)).toEqual([[0, 1, 2, 3].map(line).join('\n'), `${line(4)}\n${line(5).slice(0, 476)}…`]);
    expect(noticeCount(message)).toBe(6);
    expect(footerOf(message)).toBe(`${leftOutNotice(6)}\n${repeat('c', 500)}`);
    expect(embedsLength(message.embeds)).toBe(1 + 3999 + 999 + 1 + 477 + leftOutNotice(6).length + 1 + 500);
  });

  it('total: a long paragraph at the end of the budget is cut with …', () => {
    const message = renderDiscordMessage(
      info([
        { type: 'text', text: repeat('a', 4000) },
        { type: 'text', text: repeat('b', 4000) },
      ]),
    );
    expectWithinLimits(message);
    expect(embedsLength(message.embeds)).toBe(EMBED_TOTAL_MAX);
    expect(descriptions(message)).toEqual([repeat('a', 4000), `${repeat('b', EMBED_TOTAL_MAX - 1 - 4000 - 1)}…`]);
    expect(noticeCount(message)).toBeNull();
  });

  it('fields: 25 go in one embed; a 26th goes in a second one', () => {
    const fields = (count: number) => Array.from({ length: count }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const at = renderDiscordMessage(info([{ type: 'fields', fields: fields(EMBED_FIELDS_MAX) }]));
    expect(at.embeds.map((embed) => embed.fields?.length)).toEqual([EMBED_FIELDS_MAX]);
    const over = renderDiscordMessage(info([{ type: 'fields', fields: fields(EMBED_FIELDS_MAX + 1) }]));
    expect(over.embeds.map((embed) => embed.fields?.length)).toEqual([EMBED_FIELDS_MAX, 1]);
    expect(over.embeds[1]?.fields?.[0]).toEqual({ name: 'L25', value: 'v25', inline: true });
    expectWithinLimits(over);
  });

  it('field name: exactly 256 characters is kept whole; 257 is cut to 256 with …', () => {
    const name = (label: string) =>
      fieldsOf(renderDiscordMessage(info([{ type: 'fields', fields: [{ label, value: 'v' }] }])))[0]?.name;
    expect(name(repeat('n', FIELD_NAME_MAX))).toBe(repeat('n', FIELD_NAME_MAX));
    expect(name(repeat('n', FIELD_NAME_MAX + 1))).toBe(`${repeat('n', FIELD_NAME_MAX - 1)}…`);
    expect(name('two\nlines')).toBe('two lines');
  });

  it('field value: exactly 1024 characters is kept whole; 1025 is cut to 1024 with …', () => {
    const value = (text: string) =>
      fieldsOf(renderDiscordMessage(info([{ type: 'fields', fields: [{ label: 'L', value: text }] }])))[0]?.value;
    expect(value(repeat('v', FIELD_VALUE_MAX))).toBe(repeat('v', FIELD_VALUE_MAX));
    expect(value(repeat('v', FIELD_VALUE_MAX + 1))).toBe(`${repeat('v', FIELD_VALUE_MAX - 1)}…`);
    expect(value('**bold** <@1>')).toBe('\\*\\*bold\\*\\* \\<@1>');
  });

  it('footer: exactly 2048 characters is kept whole; 2049 is cut to 2048 with …', () => {
    expect(footerOf(renderDiscordMessage(info([{ type: 'context', text: repeat('c', FOOTER_TEXT_MAX) }])))).toBe(
      repeat('c', FOOTER_TEXT_MAX),
    );
    expect(footerOf(renderDiscordMessage(info([{ type: 'context', text: repeat('c', FOOTER_TEXT_MAX + 1) }])))).toBe(
      `${repeat('c', FOOTER_TEXT_MAX - 1)}…`,
    );
    // Several context blocks share the footer, one a line; with a notice, the notice comes first, whole.
    expect(
      footerOf(
        renderDiscordMessage(
          info([
            { type: 'context', text: 'one' },
            { type: 'text', text: 'x' },
            { type: 'context', text: 'two' },
          ]),
        ),
      ),
    ).toBe('one\ntwo');
  });

  it('embeds: exactly 10 are kept; what would need an 11th is left out with a notice', () => {
    const fields = (count: number) => Array.from({ length: count }, (_, i) => ({ label: 'n', value: `${i}` }));
    const at = renderDiscordMessage(
      info([{ type: 'fields', fields: fields(EMBED_FIELDS_MAX * EMBEDS_PER_MESSAGE_MAX) }]),
    );
    expect(at.embeds.length).toBe(EMBEDS_PER_MESSAGE_MAX);
    expect(noticeCount(at)).toBeNull();
    const over = renderDiscordMessage(
      info([{ type: 'fields', fields: fields(EMBED_FIELDS_MAX * EMBEDS_PER_MESSAGE_MAX + 3) }]),
    );
    expectWithinLimits(over);
    expect(over.embeds.length).toBe(EMBEDS_PER_MESSAGE_MAX);
    expect(fieldsOf(over).length).toBe(EMBED_FIELDS_MAX * EMBEDS_PER_MESSAGE_MAX);
    expect(noticeCount(over)).toBe(3);
  });

  it('buttons: 25 actions make 5 rows of 5; a 26th is left out; share takes the last place', () => {
    const actions = (count: number): Action[] =>
      Array.from({ length: count }, (_, i) => ({ label: `Run ${i}`, command: `cmd ${i}` }));
    const at = renderDiscordMessage(reply('info', 'T', { actions: actions(25) }));
    expect(at.components.map((row) => row.components.length)).toEqual([5, 5, 5, 5, 5]);
    const over = renderDiscordMessage(reply('info', 'T', { actions: actions(26) }));
    expect(buttons(over).map((button) => button.custom_id)).toEqual(
      actions(25).map((action) => `${RUN_PREFIX}${action.command}`),
    );
    const shared = buttons(
      renderDiscordMessage(reply('info', 'T', { actions: actions(25), shareable: true, shareCommand: 'score' })),
    );
    expect(shared.length).toBe(25);
    expect(shared.at(-1)).toEqual({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: SHARE_LABEL,
      custom_id: `${SHARE_PREFIX}score`,
    });
    expect(shared.at(-2)?.custom_id).toBe(`${RUN_PREFIX}cmd 23`);
    expect(
      renderDiscordMessage(reply('info', 'T', { actions: actions(6) })).components.map((row) => row.components.length),
    ).toEqual([5, 1]);
  });

  it('buttons: a label of exactly 80 characters is kept whole; 81 is cut to 80 with …', () => {
    const label = (text: string) =>
      buttons(renderDiscordMessage(reply('info', 'T', { actions: [{ label: text, command: 'why' }] })))[0]?.label;
    expect(label(repeat('b', BUTTON_LABEL_MAX))).toBe(repeat('b', BUTTON_LABEL_MAX));
    expect(label(repeat('b', BUTTON_LABEL_MAX + 1))).toBe(`${repeat('b', BUTTON_LABEL_MAX - 1)}…`);
    // Labels are plain text: shown as typed, not escaped.
    expect(label('**Remove** <c1>')).toBe('**Remove** <c1>');
  });

  it('buttons: a custom_id of exactly 100 characters is kept; 101 gets no button (a cut command would run another)', () => {
    const command = `why ${repeat('x', CUSTOM_ID_MAX - RUN_PREFIX.length - 4)}`;
    const at = buttons(renderDiscordMessage(reply('info', 'T', { actions: [{ label: 'Why', command }] })));
    expect(at.map((button) => button.custom_id)).toEqual([`${RUN_PREFIX}${command}`]);
    expect(at[0]?.custom_id.length).toBe(CUSTOM_ID_MAX);
    const over = renderDiscordMessage(
      reply('info', 'T', {
        actions: [
          { label: 'Why', command: `${command}x` },
          { label: 'Plan', command: 'plan' },
        ],
      }),
    );
    expect(buttons(over).map((button) => button.custom_id)).toEqual([`${RUN_PREFIX}plan`]);
    // The share button is held to the same limit.
    const shareCommand = repeat('s', CUSTOM_ID_MAX - SHARE_PREFIX.length);
    expect(
      buttons(renderDiscordMessage(reply('info', 'T', { shareable: true }), { shareCommand })).map(
        (button) => button.custom_id,
      ),
    ).toEqual([`${SHARE_PREFIX}${shareCommand}`]);
    expect(
      buttons(renderDiscordMessage(reply('info', 'T', { shareable: true }), { shareCommand: `${shareCommand}s` })),
    ).toEqual([]);
  });

  it('buttons: styles map to Discord’s, a blank label shows the command, equal commands make one button', () => {
    const message = renderDiscordMessage(
      reply('confirm', 'Remove c1?', {
        actions: [
          { label: 'Remove', command: 'remove c1 --yes', style: 'danger' },
          { label: 'Keep', command: 'list', style: 'primary' },
          { label: ' ', command: 'score  <x>\n& y' },
          { label: 'List again', command: 'list' },
          { label: 'Nothing', command: ' ' },
        ],
      }),
    );
    expect(buttons(message)).toEqual([
      { type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Remove', custom_id: 'jss:run:remove c1 --yes' },
      { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Keep', custom_id: 'jss:run:list' },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'score <x> & y',
        custom_id: 'jss:run:score  <x>\n& y',
      },
    ]);
  });

  it('share button: the shareCommand option, else the reply’s own; none without one or when not shareable', () => {
    const share = (message: DiscordMessage) =>
      buttons(message).find((button) => button.custom_id.startsWith(SHARE_PREFIX));
    const shareable = reply('info', 'T', {
      shareable: true,
      shareCommand: 'score',
      actions: [{ label: 'Why', command: 'why' }],
    });
    expect(share(renderDiscordMessage(shareable))?.custom_id).toBe('jss:share:score');
    expect(share(renderDiscordMessage(shareable, { shareCommand: 'score --detailed' }))?.custom_id).toBe(
      'jss:share:score --detailed',
    );
    expect(buttons(renderDiscordMessage(shareable)).map((button) => button.label)).toEqual(['Why', SHARE_LABEL]);
    expect(share(renderDiscordMessage({ ...shareable, shareCommand: undefined }))).toBeUndefined();
    expect(share(renderDiscordMessage({ ...shareable, shareable: false }))).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------

describe('tables', () => {
  const table = (rows: number): Block => ({
    type: 'table',
    title: 'Contracts:',
    columns: ['id', 'client', 'outcome'],
    rows: Array.from({ length: rows }, (_, i) => [`c${i}`, i === 1 ? 'Echo & **Co**' : `Client ${i}`, 'success']),
  });

  it('are aligned columns in a code block under a bold title; cells show as typed', () => {
    const [text] = descriptions(renderDiscordMessage(info([table(2)])));
    expect(text).toBe(
      [
        '**Contracts:**',
        '```',
        'id  client         outcome',
        'c0  Client 0       success',
        'c1  Echo & **Co**  success',
        '```',
      ].join('\n'),
    );
  });

  it('member backticks cannot close the block; a table without columns or rows still renders', () => {
    const [text] = descriptions(
      renderDiscordMessage(info([{ type: 'table', columns: ['a'], rows: [['```'], ['x`']] }])),
    );
    expect(text).toBe(['```', 'a', `\`${ZW}\`${ZW}\`${ZW}`, `x\`${ZW}`, '```'].join('\n'));
    expect(descriptions(renderDiscordMessage(info([{ type: 'table', columns: ['a', 'b'], rows: [] }])))).toEqual([
      '```\na  b\n```',
    ]);
    expect(descriptions(renderDiscordMessage(info([{ type: 'table', columns: [], rows: [['x', 'y']] }])))).toEqual([
      '```\nx  y\n```',
    ]);
  });

  it('split between embeds by rows: each part is a closed block and starts with the header row', () => {
    const message = renderDiscordMessage(info([table(150)]));
    expectWithinLimits(message);
    const parts = descriptions(message);
    expect(parts.length).toBe(2);
    const rows: string[] = [];
    parts.forEach((part, index) => {
      const lines = part.split('\n');
      if (index === 0) expect(lines.shift()).toBe('**Contracts:**');
      expect(lines[0]).toBe('```');
      expect(lines[1]).toBe('id    client         outcome');
      expect(lines.at(-1)).toBe('```');
      rows.push(...lines.slice(2, -1));
    });
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(Array.from({ length: 150 }, (_, i) => `c${i}`));
  });

  it('a row too long is cut with …, the fences kept', () => {
    const [text] = descriptions(
      renderDiscordMessage(info([{ type: 'table', columns: ['a', 'b'], rows: [['x', repeat('y', 5000)]] }])),
    );
    const lines = text?.split('\n') ?? [];
    expect(lines[2]?.endsWith('…')).toBe(true);
    expect(lines[2]?.length).toBeLessThan(EMBED_DESCRIPTION_MAX / 2);
    expect(lines.at(-1)).toBe('```');
  });

  it('a title is never left at the end of an embed without its first row', () => {
    const filler = repeat('f', EMBED_DESCRIPTION_MAX - 30);
    const message = renderDiscordMessage(info([{ type: 'text', text: filler }, table(3)]));
    expect(descriptions(message)[0]).toBe(filler);
    expect(descriptions(message)[1]?.startsWith('**Contracts:**\n```\nid')).toBe(true);
  });
});

describe('series', () => {
  it('shows the sparkline with its dates and range, as the text reply does', () => {
    const message = renderDiscordMessage(
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
    const [text] = descriptions(message);
    expect(text?.split('\n')[0]).toBe('**Your score**');
    expect(text?.split('\n')[1]).toMatch(/^2026-11-22 [▁▂▃▄▅▆▇█]{25} 2027-11-22 36–58%$/);
    expect(descriptions(renderDiscordMessage(info([{ type: 'series', title: 'Empty', points: [] }])))).toEqual([
      '**Empty**',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('escaping in rendered replies', () => {
  const evil = [
    '@everyone',
    '@here',
    '<@123>',
    '<@&456>',
    '**bold**',
    '`code`',
    '||spoiler||',
    '[x](https://evil.example)',
    '# head',
  ];
  const name = evil.join(' ');
  const short = evil.slice(0, 4).join(' ');
  const escaped = `@${ZW}everyone @${ZW}here \\<@123> \\<@&456> \\*\\*bold\\*\\* \\\`code\\\` \\|\\|spoiler\\|\\| \\[x\\](https://evil.example) # head`;

  it('member text anywhere in a reply comes out inert', () => {
    const message = renderDiscordMessage(
      reply('info', `Client ${name}`, {
        summary: name,
        blocks: [
          { type: 'text', text: name },
          { type: 'list', title: name, items: [name] },
          { type: 'table', title: name, columns: ['client'], rows: [[name]] },
          { type: 'series', title: name, points: [{ date: '`2026`', value: 50 }] },
          { type: 'fields', fields: [{ label: name, value: name }] },
          { type: 'context', text: name },
        ],
        actions: [{ label: name, command: `why ${short}` }],
        shareable: true,
        shareCommand: `score ${short}`,
      }),
      { content: name },
    );
    expectWithinLimits(message);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).toBe(escaped);
    expect(message.embeds[0]?.title).toBe(`Client ${escaped}`);
    expect(descriptions(message)[0]?.split('\n')).toEqual([
      escaped,
      '',
      escaped,
      '',
      `**${escaped}**`,
      `• ${escaped}`,
      '',
      `**${escaped}**`,
      '```',
      'client',
      // In a code block nothing renders, so the text is as typed (mass mentions still defused).
      escapeCodeBlock(name),
      '```',
      '',
      `**${escaped}**`,
      expect.stringMatching(/^\\`2026\\` [▁▂▃▄▅▆▇█]{25} \\`2026\\` 50%$/),
    ]);
    expect(fieldsOf(message)).toEqual([{ name: escaped, value: escaped, inline: true }]);
    // Footers and labels show no markdown: as typed, mass mentions defused. custom_ids are data, never shown.
    expect(footerOf(message)).toBe(neutraliseMentions(name));
    expect(buttons(message).map((button) => [button.label, button.custom_id])).toEqual([
      [truncate(neutraliseMentions(name), BUTTON_LABEL_MAX), `jss:run:why ${short}`],
      [SHARE_LABEL, `jss:share:score ${short}`],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('huge replies stay postable and say what was left out', () => {
  it('300 list items', () => {
    const items = Array.from(
      { length: 300 },
      (_, i) => `Tip ${i}: ask your client for **feedback** <@${i}> ${'now '.repeat(5)}`,
    );
    const message = renderDiscordMessage(
      info([
        { type: 'list', title: 'Tips:', items },
        { type: 'context', text: 'model upwork-2025' },
      ]),
    );
    expectWithinLimits(message);
    const shown = descriptions(message)
      .join('\n')
      .split('\n')
      .filter((line) => line.startsWith('• '));
    expect(shown.length).toBeGreaterThan(50);
    expect(noticeCount(message)).toBe(300 - shown.length);
    expect(shown.map((line) => line.split(':')[0])).toEqual(
      Array.from({ length: shown.length }, (_, i) => `• Tip ${i}`),
    );
    expect(footerOf(message)).toBe(`${leftOutNotice(300 - shown.length)}\nmodel upwork-2025`);
    expect(embedsLength(message.embeds)).toBeGreaterThan(EMBED_TOTAL_MAX - 100);
  });

  it('a 400-row table', () => {
    const rows = Array.from({ length: 400 }, (_, i) => [
      `c${i}`,
      `Client <${i}>`,
      'success',
      `×${i}`,
      'because '.repeat(4),
    ]);
    const message = renderDiscordMessage(
      info([
        {
          type: 'table',
          title: 'How each contract counts:',
          columns: ['id', 'client', 'outcome', 'weight', 'why'],
          rows,
        },
        { type: 'context', text: 'model' },
      ]),
    );
    expectWithinLimits(message);
    const shownRows = descriptions(message)
      .flatMap((part) => part.split('\n'))
      .filter((line) => /^c\d+ /.test(line));
    expect(shownRows.length).toBeGreaterThan(40);
    expect(noticeCount(message)).toBe(400 - shownRows.length);
    for (const part of descriptions(message)) {
      expect(part.endsWith('\n```')).toBe(true);
      expect(part).toContain('```\nid    client');
    }
  });

  it('40 fields: small ones all shown over two embeds; large ones cut at the budget with a notice', () => {
    const small = Array.from({ length: 40 }, (_, i) => ({ label: `Field ${i}`, value: `value ${i}` }));
    const two = renderDiscordMessage(info([{ type: 'fields', fields: small }]));
    expectWithinLimits(two);
    expect(two.embeds.map((embed) => embed.fields?.length)).toEqual([25, 15]);
    expect(noticeCount(two)).toBeNull();
    const large = Array.from({ length: 40 }, (_, i) => ({ label: `Field ${i}`, value: `value ${i} `.repeat(60) }));
    const cut = renderDiscordMessage(info([{ type: 'fields', fields: large }]));
    expectWithinLimits(cut);
    expect(fieldsOf(cut).map((field) => field.name)).toEqual(
      Array.from({ length: fieldsOf(cut).length }, (_, i) => `Field ${i}`),
    );
    expect(noticeCount(cut)).toBe(40 - fieldsOf(cut).length);
    expect(noticeCount(cut)).toBeGreaterThan(20);
  });

  it('a huge context is cut so the notice and the body still fit', () => {
    const items = Array.from({ length: 200 }, (_, i) => `item ${i} ${'x'.repeat(40)}`);
    const message = renderDiscordMessage(
      info(
        [
          { type: 'list', items },
          { type: 'context', text: repeat('c', 5000) },
        ],
        { title: repeat('T', 400) },
      ),
    );
    expectWithinLimits(message);
    const footer = footerOf(message) ?? '';
    expect(footer.length).toBe(FOOTER_TEXT_MAX);
    expect(footer.split('\n')[0]).toMatch(NOTICE);
    expect(footer.endsWith('c…')).toBe(true);
    expect(noticeCount(message)).toBe(200 - (descriptions(message).join('\n').match(/^• /gm) ?? []).length);
  });
});

// ---------------------------------------------------------------------------------------------

describe('property: any reply renders within every limit', () => {
  const { text, reply: replyArb } = replyArbitraries(
    [
      '@everyone',
      '@here',
      '<@123>',
      '<@&456>',
      '<#7>',
      '**',
      '*',
      '_',
      '__',
      '~~',
      '`',
      '```',
      '||',
      '\\',
      '> ',
      '# ',
      '-# ',
      '- ',
      '1. ',
      '[a](https://x.y)',
      'https://x.y/a_b*c',
      '\n',
      ' ',
      '😀',
      '👍🏽',
      'é',
    ],
    ['a', '*', '<', '😀', 'line\n', 'word '],
    5000,
  );
  const contentArb = fc.option(text, { nil: undefined });

  it('generates replies that reach the limits the property is about', () => {
    const samples = fc.sample(replyArb, { numRuns: 150, seed: 7 });
    const messages = samples.map((generated) => renderDiscordMessage(generated));
    const counts = {
      leftOut: messages.filter((message) => noticeCount(message) !== null).length,
      nearTotal: messages.filter((message) => embedsLength(message.embeds) > EMBED_TOTAL_MAX - 500).length,
      severalEmbeds: messages.filter((message) => message.embeds.length > 1).length,
      fullDescription: messages.filter((message) =>
        descriptions(message).some((part) => part.length > EMBED_DESCRIPTION_MAX - 200),
      ).length,
      manyFields: messages.filter((message) =>
        message.embeds.some((embed) => (embed.fields ?? []).length === EMBED_FIELDS_MAX),
      ).length,
      manyButtons: messages.filter((message) => buttons(message).length >= 20).length,
      mentions: samples.filter((generated) => JSON.stringify(generated).includes('@everyone')).length,
    };
    for (const [edge, count] of Object.entries(counts)) expect(count, edge).toBeGreaterThan(5);
  });

  it('≤ 10 embeds, ≤ 6000 characters in all, every text within its limit and inert, buttons within theirs', () => {
    fc.assert(
      fc.property(replyArb, contentArb, (generated, content) => {
        const message = renderDiscordMessage(generated, content === undefined ? {} : { content });
        expectWithinLimits(message);
        expect(message.flags).toBe(64);
        expect(message.embeds[0]?.color).toBe(KIND_COLORS[generated.kind]);
        // The buttons are the first actions whose commands fit, in order, one per command; share last.
        const commands = [
          ...new Set(
            generated.actions
              .map((action) => action.command)
              .filter((command) => command.trim() !== '' && RUN_PREFIX.length + command.length <= CUSTOM_ID_MAX),
          ),
        ];
        const shares =
          generated.shareable &&
          generated.shareCommand !== undefined &&
          generated.shareCommand.trim() !== '' &&
          SHARE_PREFIX.length + generated.shareCommand.length <= CUSTOM_ID_MAX;
        const runs = buttons(message).filter((button) => button.custom_id.startsWith(RUN_PREFIX));
        expect(runs.map((button) => button.custom_id.slice(RUN_PREFIX.length))).toEqual(
          commands.slice(0, 25 - (shares ? 1 : 0)),
        );
        expect(buttons(message).at(-1)?.custom_id === `${SHARE_PREFIX}${generated.shareCommand}`).toBe(shares);
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('real replies from the command layer', () => {
  const contracts = (JSON.parse(readFileSync('examples/contracts.json', 'utf8')) as { contracts: Contract[] })
    .contracts;
  const asOf = '2026-11-22';
  const analysis = analyze(contracts, asOf);

  const score = scoreContracts(contracts, asOf);

  it('a detailed score: title, tables in code blocks, tips, sparkline, footer and buttons with share', () => {
    const scored = scoreReply(score, tipsFor(contracts, asOf), forecastContracts(contracts, asOf), true);
    const message = renderDiscordMessage(scored, { shareCommand: 'score --detailed' });
    expectWithinLimits(message);
    expect(message.embeds.length).toBe(1);
    const [embed] = message.embeds as [APIEmbed];
    expect(embed.title).toBe(scored.title);
    expect(embed.color).toBe(KIND_COLORS.info);
    expect(noticeCount(message)).toBeNull();
    const description = embed.description ?? '';
    expect(description.startsWith('**Windows (weighted; the best eligible one is shown):**\n```\nwindow')).toBe(true);
    // The client "Echo & Co" of examples/contracts.json, as typed inside the code block.
    expect(description).toMatch(/^retainer +Echo & Co +success/m);
    expect(description).toMatch(/\*\*Tips:\*\*\n• /);
    expect(description).toMatch(/[▁▂▃▄▅▆▇█]{25}/);
    expect(embed.footer?.text).toMatch(/^Estimate under model upwork-2025, as of 2026-11-22\./);
    expect(buttons(message).map((button) => [button.label, button.custom_id, button.style])).toEqual([
      ['Why', 'jss:run:why', ButtonStyle.Secondary],
      ['Forecast', 'jss:run:forecast', ButtonStyle.Secondary],
      ['Plan to 90%', 'jss:run:plan', ButtonStyle.Secondary],
      [SHARE_LABEL, 'jss:share:score --detailed', ButtonStyle.Secondary],
    ]);
  });

  it('why, forecast, long-term, tips and plan: each one embed within limits, share button only when shareable', () => {
    const replies = [
      whyReply(score),
      whyReply(score, 'retainer'),
      forecastReply(analysis.forecast),
      longTermReply(score, analysis.tips),
      tipsReply(analysis.tips, score),
      planReply(analysis.plan),
    ].map((real) => (real.shareable ? { ...real, shareCommand: 'again' } : real));
    for (const real of replies) {
      const message = renderDiscordMessage(real);
      expectWithinLimits(message);
      expect(message.embeds.length).toBe(1);
      expect(message.embeds[0]?.title).toBe(real.title);
      expect(buttons(message).some((button) => button.custom_id === 'jss:share:again')).toBe(real.shareable);
      expect(footerOf(message)).toMatch(/Estimate under model upwork-2025, as of 2026-11-22\./);
    }
    const plan = renderDiscordMessage(planReply(analysis.plan));
    expect(plan.embeds[0]?.description).toBe(escapeMarkdown(analysis.plan.summary));
    expect(fieldsOf(plan)[0]).toEqual({
      name: 'New contracts needed',
      value: String(analysis.plan.contractsNeeded),
      inline: true,
    });
    expect(plan.components).toEqual([]);
  });

  it('an error: red, ⚠️ title, the problems as a list, the hint in the footer, no buttons', () => {
    const message = renderDiscordMessage(
      errorReply(
        ['start: not a date <2026-13-01>', 'stars: 6 is more than 5'],
        'Try: add client="A & B" start=2026-01-05',
      ),
    );
    expectWithinLimits(message);
    expect(message.embeds).toEqual([
      {
        title: `${ERROR_PREFIX}That did not work (2 problems)`,
        description: '• start: not a date \\<2026-13-01>\n• stars: 6 is more than 5',
        color: KIND_COLORS.error,
        footer: { text: 'Try: add client="A & B" start=2026-01-05' },
      },
    ]);
    expect(message.components).toEqual([]);
  });
});
