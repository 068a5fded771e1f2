// What Discord really sends, end to end: signed interactions to the real HTTP endpoint, with options
// typed as Discord types them (money and stars as JSON numbers, dates and names as strings, with
// curly quotes, markdown and @everyone as members type them) and modal submissions of Label
// components (every value a string). The reply is read where Discord gets it, the webhook
// follow-up at a fake REST server, as Discord shows it (markdown escapes undone), and checked for
// the exact text that matters: the decoded name, the cents, the score change. Nothing pings.
// The steps run in order on one member, as a session does: later steps read what earlier ones wrote.

import { describe, expect, it } from 'vitest';
import { formId } from '../../../src/commands/forms.ts';
import { add } from '../../../src/commands/handlers/add.ts';
import { throwingServices } from '../../helpers/command-session.ts';
import { useDiscordBot } from '../../helpers/discord-bot.ts';
import { historyMemberOf } from '../../helpers/history-member.ts';
import { signedDiscordHeaders, TEST_DISCORD_APP } from '../../helpers/discord-request.ts';
import type { RecordedRequest } from '../../helpers/fake-http.ts';

const APP = TEST_DISCORD_APP;
const GUILD = '223456789012345678';
/** 20:00 UTC on 2026-11-22 (the adapter's day): already 23 November in Auckland (UTC+13 in November). */
const NOW = new Date('2026-11-22T20:00:00Z');
const ZERO_WIDTH_SPACE = '\u200b';

type Option = { name: string; type: number; value: unknown };
const text = (name: string, value: string): Option => ({ name, type: 3, value });
const number = (name: string, value: number): Option => ({ name, type: 10, value });
const integer = (name: string, value: number): Option => ({ name, type: 4, value });

interface Shown {
  /** Content, embeds and button labels as Discord shows them. */
  text: string;
  /** The JSON as sent: what Discord would format or turn into mentions. */
  wire: string;
  payload: Record<string, unknown>;
}

/** Discord's markdown as a member sees it: a backslash before punctuation shows the punctuation. */
const asShown = (value: string) => value.replace(/\\([!-/:-@[-`{-~])/g, '$1').replaceAll(ZERO_WIDTH_SPACE, '');

function shown(payload: Record<string, unknown>): Shown {
  const seen: string[] = [];
  const walk = (node: unknown, key = ''): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, key);
      return;
    }
    if (typeof node === 'string' && ['content', 'title', 'description', 'name', 'value', 'text', 'label'].includes(key))
      seen.push(asShown(node));
    if (node === null || typeof node !== 'object') return;
    for (const [name, value] of Object.entries(node)) walk(value, name);
  };
  walk(payload);
  return { text: seen.join('\n'), wire: JSON.stringify(payload), payload };
}

describe('Discord: what a member really sends, and exactly what they see', () => {
  const live = useDiscordBot(
    (request) => (request.path.includes('/callback') ? { status: 204 } : { json: { id: 'message-1' } }),
    (store) => throwingServices(store, { clock: { now: () => NOW } }),
  );
  let sequence = 0;

  function interaction(type: number, data: unknown, user: string) {
    const id = String(1_300_000_000_000_000_000n + BigInt(++sequence));
    return {
      id,
      application_id: APP,
      type,
      token: `token-${id}`,
      version: 1,
      guild_id: GUILD,
      channel_id: '323456789012345678',
      locale: 'en-US',
      guild_locale: 'en-US',
      app_permissions: '2248473465835073',
      member: {
        user: { id: user, username: `user-${user}`, global_name: `Name ${user}`, discriminator: '0' },
        nick: null,
        permissions: '2248473465835073',
        roles: [],
        joined_at: '2025-01-01T00:00:00.000000+00:00',
      },
      data,
    };
  }

  /** The JSON of the PATCH that completes the interaction (multipart when a file is attached). */
  function payloadOf(request: RecordedRequest): Record<string, unknown> {
    if (request.data) return request.data;
    const part = request.body.split(/\r\n--/).find((chunk) => chunk.includes('name="payload_json"')) ?? '';
    return JSON.parse(part.slice(part.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
  }

  /** Posts a signed interaction; a deferred one is answered by the webhook follow-up, which is returned. */
  async function send(body: ReturnType<typeof interaction>): Promise<Shown> {
    const json = JSON.stringify(body);
    const response = await fetch(live.endpoint, {
      method: 'POST',
      headers: signedDiscordHeaders(json, live.privateKey),
      body: json,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 5, data: { flags: 64 } });
    const path = `/api/v10/webhooks/${APP}/${body.token}/messages/`;
    const patch = await live.discord.waitFor(
      (request) =>
        request.method === 'PATCH' && (request.path === `${path}@original` || request.path === `${path}%40original`),
    );
    const payload = payloadOf(patch);
    // Whatever the member typed, the reply may ping no one.
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    return shown(payload);
  }

  const slash = (subcommand: string, options: Option[], user: string) =>
    send(
      interaction(
        2,
        { id: '423456789012345678', name: 'jss', type: 1, options: [{ name: subcommand, type: 1, options }] },
        user,
      ),
    );
  const grouped = (group: string, subcommand: string, options: Option[], user: string) =>
    send(
      interaction(
        2,
        {
          id: '423456789012345678',
          name: 'jss',
          type: 1,
          options: [{ name: group, type: 2, options: [{ name: subcommand, type: 1, options }] }],
        },
        user,
      ),
    );
  /** The add form submitted: Label components (type 18) around text inputs (type 4), as Discord sends them. */
  const addForm = (fields: [string, string][], user: string) =>
    send(
      interaction(
        5,
        {
          custom_id: formId(add),
          components: fields.map(([custom_id, value], index) => ({
            type: 18,
            id: index + 1,
            component: { type: 4, id: 100 + index, custom_id, value },
          })),
        },
        user,
      ),
    );

  /** A Discord member's contracts are their person's history row's (history-owner.ts). */
  async function contractsOf(user: string) {
    const member = await historyMemberOf(live.store, 'discord', GUILD, user);
    return member ? live.store.listContracts(member.id) : [];
  }

  interface Step {
    what: string;
    send: (user: string) => Promise<Shown>;
    shows: string[];
    never?: string[];
  }

  const ANA = '523456789012345678';
  const session: Step[] = [
    {
      what: 'why with no contracts: the empty state',
      send: (user) => slash('why', [], user),
      shows: ['You have no contracts yet, so there is nothing to explain.'],
    },
    {
      what: 'list with no contracts: the empty state',
      send: (user) => slash('list', [], user),
      shows: ['You have no contracts yet'],
    },
    {
      what: 'typed options: & in a name, Jan 5 2026 and 2026/03/01 as strings, 1200.5 and 4.5 as numbers',
      send: (user) =>
        slash(
          'add',
          [
            text('client', 'Echo & Co'),
            text('type', 'hourly'),
            text('start', 'Jan 5 2026'),
            text('end', '2026/03/01'),
            number('earnings', 1200.5),
            number('stars', 4.5),
          ],
          user,
        ),
      shows: [
        'Added c1',
        'c1: Echo & Co (hourly) · 2026-01-05 → 2026-03-01 · $1,200.50 · 4.5★',
        'start: Jan 5 2026 as 2026-01-05',
        'end: 2026/03/01 as 2026-03-01',
        'No Job Success Score yet',
      ],
      never: ['&amp;', '1200.5 as'],
    },
    {
      what: 'the add form (Labels): 2026-1-5, 5 Jan 2026, 1.2k and 4,5 as typed in text inputs',
      send: (user) =>
        addForm(
          [
            ['client', 'Single Quote'],
            ['type', 'fixed'],
            ['start', '2026-1-5'],
            ['end', '5 Jan 2026'],
            ['earnings', '1.2k'],
            ['stars', '4,5'],
          ],
          user,
        ),
      shows: [
        'Added c2',
        'c2: Single Quote (fixed) · 2026-01-05 → 2026-01-05 · $1,200 · 4.5★',
        'Your estimated Job Success Score: 100% (your first).',
        'start: 2026-1-5 as 2026-01-05',
        'end: 5 Jan 2026 as 2026-01-05',
        'earnings: 1.2k as 1200',
        'stars: 4,5 as 4.5',
      ],
    },
    {
      what: 'the add form: $1,200.50, yesterday and canceled',
      send: (user) =>
        addForm(
          [
            ['client', 'Third'],
            ['type', 'fixed'],
            ['start', '2025-06-01'],
            ['end', 'yesterday'],
            ['earnings', '$1,200.50'],
            ['stars', '5'],
            ['endReason', 'canceled'],
          ],
          user,
        ),
      shows: [
        'Added c3',
        'c3: Third (fixed) · 2025-06-01 → 2026-11-21 · $1,200.50 · 5★ · cancelled',
        'end: yesterday as 2026-11-21',
        'earnings: $1,200.50 as 1200.50',
        'endReason: canceled as cancelled',
        'Your estimated Job Success Score stays 100%.',
      ],
    },
    {
      what: 'markdown and @everyone in a name show as typed',
      send: (user) =>
        slash(
          'add',
          [
            text('client', '**Bold** @everyone <@123>'),
            text('type', 'hourly'),
            text('start', '2026-10-01'),
            number('earnings', 100),
          ],
          user,
        ),
      shows: [
        'Added c4',
        'c4: **Bold** @everyone <@123> (hourly) · 2026-10-01 → open · $100',
        'Your estimated Job Success Score stays 100%.',
      ],
    },
    {
      what: 'an ambiguous date is refused with the reason',
      send: (user) => slash('add', [text('client', 'X'), text('type', 'fixed'), text('start', '01/02/2026')], user),
      shows: [
        'start: got "01/02/2026", expected a date that reads one way only: 01/02/2026 could be 1 February or January 2; write it as YYYY-MM-DD',
      ],
    },
    {
      what: 'end: the score falls',
      send: (user) => slash('end', [text('id', 'c4'), number('stars', 2)], user),
      shows: ['Ended c4 on 2026-11-22', 'Your estimated Job Success Score: 100% → 81%.'],
    },
    {
      what: 'edit: the score rises again',
      send: (user) => slash('edit', [text('id', 'c4'), number('stars', 5)], user),
      shows: ['Changed c4', 'Your estimated Job Success Score: 81% → 100%.'],
    },
    {
      what: 'edit back down',
      send: (user) => slash('edit', [text('id', 'c4'), number('stars', 2)], user),
      shows: ['Your estimated Job Success Score: 100% → 81%.'],
    },
    {
      what: 'pay a number: the cents in the new total',
      send: (user) => slash('pay', [text('id', 'c3'), number('amount', 1200)], user),
      shows: [
        'Recorded $1,200 on c3 (2026-11-22)',
        'c3: Third (fixed) · 2025-06-01 → 2026-11-21 · $2,400.50 · 5★ · cancelled',
        'Your estimated Job Success Score stays 81%.',
      ],
    },
    {
      what: 'remove: the score change and the way back',
      send: (user) => slash('remove', [text('id', 'c4')], user),
      shows: ['Removed c4', 'Your estimated Job Success Score: 81% → 100%.', 'Undo'],
    },
    {
      what: 'undo puts it back',
      send: (user) => slash('undo', [], user),
      shows: ['Undid "remove c4"', 'put back c4', 'Your estimated Job Success Score: 100% → 81%.'],
    },
    {
      what: 'the same contract again: asked first, with the exact command that confirms',
      send: (user) =>
        slash(
          'add',
          [
            text('client', 'Echo & Co'),
            text('type', 'hourly'),
            text('start', '2026-01-05'),
            text('end', '2026-03-01'),
            number('earnings', 1200.5),
            number('stars', 4.5),
          ],
          user,
        ),
      shows: [
        'c1 is already recorded — add again?',
        'Nothing was added.',
        'add client:"Echo & Co" type:hourly start:2026-01-05 end:2026-03-01 earnings:1200.50 stars:4.5 confirm:yes',
      ],
    },
    {
      what: 'confirm:yes adds it',
      send: (user) =>
        slash(
          'add',
          [
            text('client', 'Echo & Co'),
            text('type', 'hourly'),
            text('start', '2026-01-05'),
            text('end', '2026-03-01'),
            number('earnings', 1200.5),
            number('stars', 4.5),
            text('confirm', 'yes'),
          ],
          user,
        ),
      shows: ['Added c5', 'Your estimated Job Success Score: 81% → 83%.'],
    },
    {
      what: 'plan with an integer target',
      send: (user) => slash('plan', [integer('target', 90)], user),
      shows: ['Plan to reach 90%: now 83%'],
    },
  ];

  it.each(session.map((step, index) => [index + 1, step.what, step] as const))('step %i, %s', async (_, __, step) => {
    const reply = await step.send(ANA);
    for (const fragment of step.shows) expect(reply.text).toContain(fragment);
    for (const fragment of step.never ?? []) expect(reply.text).not.toContain(fragment);
  });

  it('stores the names as typed; markdown and mentions are escaped on the way out, never stored escaped', async () => {
    expect((await contractsOf(ANA)).map((contract) => contract.client)).toEqual([
      'Echo & Co',
      'Single Quote',
      'Third',
      '**Bold** @everyone <@123>',
      'Echo & Co',
    ]);
    const list = await slash('list', [], ANA);
    expect(list.text).toContain('c4: **Bold** @everyone <@123>');
    // As sent: the asterisks escaped (no bold), @everyone broken by a zero-width space, <@123> no mention.
    expect(list.wire).not.toMatch(/(?<!\\)\*\*Bold/);
    expect(list.wire).not.toContain('@everyone');
    expect(list.wire).not.toMatch(/(?<!\\)<@123>/);
  });

  it.each([
    ['curly double quotes', '“Acme Ltd”'],
    ['single curly quotes', '‘Acme Ltd’'],
    ['straight double quotes', '"Acme Ltd"'],
  ])('a client typed in %s (as learnt from the text grammar) is the client without the quotes', async (_, typed) => {
    const user = `6234567890123456${String(++sequence).padStart(2, '0')}`;
    const reply = await slash('add', [text('client', typed), text('type', 'fixed'), text('start', '2026-01-05')], user);
    expect(reply.text).toContain('c1: Acme Ltd (fixed)');
    expect((await contractsOf(user)).map((contract) => contract.client)).toEqual(['Acme Ltd']);
  });

  it('the add form: a client typed in quotes is the client without them; quotes inside a name stay', async () => {
    const user = '823456789012345678';
    const reply = await addForm(
      [
        ['client', '“Acme Ltd”'],
        ['type', 'fixed'],
        ['start', '2026-01-05'],
      ],
      user,
    );
    expect(reply.text).toContain('c1: Acme Ltd (fixed)');
    await addForm(
      [
        ['client', "Joe's Diner"],
        ['type', 'fixed'],
        ['start', '2026-01-05'],
      ],
      user,
    );
    await slash('add', [text('client', '"A" and "B"'), text('type', 'fixed'), text('start', '2026-01-05')], user);
    expect((await contractsOf(user)).map((contract) => contract.client)).toEqual([
      'Acme Ltd',
      "Joe's Diner",
      '"A" and "B"',
    ]);
  });

  it('/jss account timezone zone:Pacific/Auckland, then start:today is the member’s day there', async () => {
    const user = '723456789012345678';
    const before = await slash('add', [text('client', 'Before'), text('type', 'fixed'), text('start', 'today')], user);
    expect(before.text).toContain('start: today as 2026-11-22');
    const set = await grouped('account', 'timezone', [text('zone', 'Pacific/Auckland')], user);
    expect(set.text).toContain('Your time zone is Pacific/Auckland: today is 2026-11-23 for you');
    const after = await slash('add', [text('client', 'After'), text('type', 'fixed'), text('start', 'today')], user);
    expect(after.text).toContain('c2: After (fixed) · 2026-11-23 → open');
    expect((await contractsOf(user)).map((contract) => contract.start)).toEqual(['2026-11-22', '2026-11-23']);
  });
});
