import { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { answerGatewayInteraction } from '../../../adapters/discord/gateway.ts';
import { createInteractionHandler } from '../../../adapters/discord/interactions.ts';
import { IMPORT_FILE_MAX } from '../../../adapters/discord/limits.ts';
import { SHARE_PREFIX } from '../../../adapters/discord/render/index.ts';
import { formId } from '../../../src/commands/forms.ts';
import { add } from '../../../src/commands/handlers/add.ts';
import type { Store } from '../../../src/ports/store.ts';
import { throwingServices } from '../../helpers/command-session.ts';
import { useDiscordBot } from '../../helpers/discord-bot.ts';
import { discordNow, signedDiscordHeaders, TEST_DISCORD_APP } from '../../helpers/discord-request.ts';
import { historyMemberOf } from '../../helpers/history-member.ts';
import { startFakeServer, type RecordedRequest } from '../../helpers/fake-http.ts';

const APP = TEST_DISCORD_APP;
const GUILD = '223456789012345678';
const AS_OF = '2026-11-22';

describe('the Discord bot (signed HTTP interactions, fake Discord REST API)', () => {
  const session = useDiscordBot((request) => {
    if (request.path.startsWith('/gone/')) return { status: 404, text: 'gone' };
    if (request.path.startsWith('/files/'))
      return { text: 'id,client,type,start,end,earnings,stars\nf1,File Client,fixed,2026-02-01,2026-03-01,500,5\n' };
    if (request.path.includes('/callback')) return { status: 204 };
    return { json: { id: 'message-1' } };
  }, throwingServices);
  let sequence = 0;

  function interaction(type: number, data: unknown, user = 'U1', extra: Record<string, unknown> = {}) {
    const id = `${++sequence}`;
    return {
      id,
      application_id: APP,
      type,
      token: `token-${id}`,
      version: 1,
      guild_id: GUILD,
      channel_id: 'C1',
      member: {
        user: { id: user, username: `user-${user}`, global_name: `Name ${user}` },
        nick: null,
        permissions: '0',
        roles: [],
      },
      data,
      ...extra,
    };
  }

  const slash = (
    subcommand: string,
    options: { name: string; type: number; value: unknown; focused?: boolean }[] = [],
    user = 'U1',
    extra = {},
  ) =>
    interaction(2, { id: 'cmd', name: 'jss', type: 1, options: [{ name: subcommand, type: 1, options }] }, user, extra);

  async function post(body: unknown, tamper?: (text: string) => string, timestamp = discordNow()) {
    const text = JSON.stringify(body);
    const response = await fetch(session.endpoint, {
      method: 'POST',
      headers: signedDiscordHeaders(text, session.privateKey, timestamp),
      body: tamper ? tamper(text) : text,
    });
    const answer = await response.text();
    return { status: response.status, json: answer ? (JSON.parse(answer) as Record<string, unknown>) : null };
  }

  /** The PATCH that completes a deferred interaction. */
  function followUp(token: string) {
    const path = `/api/v10/webhooks/${APP}/${token}/messages/`;
    return session.discord.waitFor(
      (request) =>
        request.method === 'PATCH' && (request.path === `${path}@original` || request.path === `${path}%40original`),
    );
  }

  /** The JSON of a recorded PATCH: the body itself, or the payload_json part of a multipart one (files attached). */
  function payloadOf(request: RecordedRequest): Record<string, unknown> | null {
    if (request.data) return request.data;
    const part = request.body.split(/\r\n--/).find((chunk) => chunk.includes('name="payload_json"'));
    return part ? (JSON.parse(part.slice(part.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>) : null;
  }

  async function contractsOf(user: string) {
    // The person's contracts, whichever server they were added in.
    const member = await historyMemberOf(session.store, 'discord', GUILD, user);
    return member ? session.store.listContracts(member.id) : [];
  }

  it('answers PING with PONG', async () => {
    expect(await post({ id: 'p', application_id: APP, type: 1, token: 't', version: 1 })).toEqual({
      status: 200,
      json: { type: 1 },
    });
  });

  it.each([
    ['a tampered body', (text: string) => text.replace('Tampered', 'Tampered!'), undefined],
    ['an old timestamp', undefined, String(Math.floor(Date.now() / 1000) - 600)],
  ])('refuses %s with 401 and writes nothing', async (_, tamper, timestamp) => {
    const body = slash(
      'add',
      [
        { name: 'client', type: 3, value: 'Tampered' },
        { name: 'type', type: 3, value: 'fixed' },
        { name: 'start', type: 3, value: '2026-01-10' },
      ],
      'U-forged',
    );
    expect((await post(body, tamper, timestamp)).status).toBe(401);
    expect(await contractsOf('U-forged')).toEqual([]);
  });

  it('a slash command with options is deferred (ephemeral) and completed through the webhook, pinging nobody', async () => {
    const body = slash('add', [
      { name: 'client', type: 3, value: '@everyone <@123> **Acme**' },
      { name: 'type', type: 3, value: 'hourly' },
      { name: 'start', type: 3, value: '2026-01-10' },
      { name: 'end', type: 3, value: '2026-04-01' },
      { name: 'earnings', type: 10, value: 1200 },
      { name: 'stars', type: 10, value: 5 },
    ]);
    const { status, json } = await post(body);
    expect(status).toBe(200);
    expect(json).toEqual({ type: 5, data: { flags: 64 } });
    const patch = await followUp(body.token);
    expect(patch.data).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(patch.body).toContain('Added c1');
    expect(await contractsOf('U1')).toMatchObject([
      { id: 'c1', client: '@everyone <@123> **Acme**', earnings: 1200, stars: 5 },
    ]);
  });

  it('completes a score within the embed limits, with a share button', async () => {
    const body = slash('score');
    await post(body);
    const patch = await followUp(body.token);
    const embeds = (payloadOf(patch)?.embeds ?? []) as {
      title?: string;
      description?: string;
      fields?: { name: string; value: string }[];
      footer?: { text: string };
    }[];
    const total = embeds.reduce(
      (sum, embed) =>
        sum +
        (embed.title?.length ?? 0) +
        (embed.description?.length ?? 0) +
        (embed.footer?.text.length ?? 0) +
        (embed.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
      0,
    );
    expect(embeds.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(patch.body).toContain(`${SHARE_PREFIX}score`);
  });

  it('a score carries the forecast chart: forecast.png attached, shown in the first embed', async () => {
    const body = slash('score');
    await post(body);
    // The reply first (no file), then the same message edited with its chart.
    const reply = await followUp(body.token);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.body).not.toContain('forecast.png');
    const patch = await session.discord.waitFor(
      (request) => request !== reply && request.method === 'PATCH' && request.path.includes(`/${body.token}/messages/`),
    );
    expect(session.discord.requests.indexOf(patch)).toBeGreaterThan(session.discord.requests.indexOf(reply));
    expect(patch.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(patch.body).toMatch(/filename="forecast\.png"\r\nContent-Type: image\/png/);
    expect(patch.body).toContain('PNG\r\n');
    const payload = payloadOf(patch) as {
      embeds: { image?: { url: string } }[];
      attachments: { id: number; filename: string }[];
    };
    expect(payload.embeds[0]?.image).toEqual({ url: 'attachment://forecast.png' });
    expect(payload.embeds.slice(1).every((embed) => embed.image === undefined)).toBe(true);
    expect(payload.attachments).toEqual([{ id: 0, filename: 'forecast.png' }]);
  });

  it('a reply without a series block carries no chart', async () => {
    const body = slash('list');
    await post(body);
    const patch = await followUp(body.token);
    expect(patch.data).not.toBeNull();
    expect(patch.body).not.toContain('forecast.png');
  });

  it('autocompletes the member’s own contract ids', async () => {
    const { json } = await post(
      interaction(4, {
        id: 'cmd',
        name: 'jss',
        type: 1,
        options: [{ name: 'why', type: 1, options: [{ name: 'id', type: 3, value: 'c', focused: true }] }],
      }),
    );
    expect(json).toEqual({ type: 8, data: { choices: [{ name: 'c1', value: 'c1' }] } });
    const other = await post(
      interaction(
        4,
        {
          id: 'cmd',
          name: 'jss',
          type: 1,
          options: [{ name: 'why', type: 1, options: [{ name: 'id', type: 3, value: '', focused: true }] }],
        },
        'U-other',
      ),
    );
    expect(other.json).toEqual({ type: 8, data: { choices: [] } });
  });

  it("runs a grouped subcommand (/jss upwork actual) and autocompletes the days recorded, and help's command names", async () => {
    const user = 'U-actual';
    const add = slash(
      'add',
      [
        { name: 'client', type: 3, value: 'Acme' },
        { name: 'type', type: 3, value: 'hourly' },
        { name: 'start', type: 3, value: '2026-01-10' },
        { name: 'earnings', type: 10, value: 500 },
      ],
      user,
    );
    await post(add);
    await followUp(add.token);
    const grouped = (name: string, options: unknown[]) => ({
      id: 'cmd',
      name: 'jss',
      type: 1,
      options: [{ name: 'upwork', type: 2, options: [{ name, type: 1, options }] }],
    });
    const record = interaction(
      2,
      grouped('actual', [
        { name: 'score', type: 4, value: 88 },
        { name: 'date', type: 3, value: '2026-11-01' },
      ]),
      user,
    );
    await post(record);
    expect((await followUp(record.token)).body).toContain('Recorded 88% for 2026-11-01');
    const dates = await post(
      interaction(
        4,
        grouped('actual', [
          { name: 'remove', type: 5, value: true },
          { name: 'date', type: 3, value: '2026-11', focused: true },
        ]),
        user,
      ),
    );
    expect(dates.json).toEqual({ type: 8, data: { choices: [{ name: '2026-11-01', value: '2026-11-01' }] } });
    const other = await post(
      interaction(4, grouped('actual', [{ name: 'date', type: 3, value: '', focused: true }]), 'U-other'),
    );
    expect(other.json).toEqual({ type: 8, data: { choices: [] } });
    const help = await post(
      interaction(
        4,
        {
          id: 'cmd',
          name: 'jss',
          type: 1,
          options: [{ name: 'help', type: 1, options: [{ name: 'command', type: 3, value: 'acc', focused: true }] }],
        },
        user,
      ),
    );
    expect(help.json).toEqual({ type: 8, data: { choices: [{ name: 'accuracy', value: 'accuracy' }] } });
  });

  /** A modal submission's fields as Discord sends them for Label forms, or as older action rows (still accepted). */
  const submissionShapes = {
    labels: (fields: string[][]) =>
      fields.map(([custom_id, value], index) => ({
        type: 18,
        id: index + 1,
        component: { type: 4, id: 100 + index, custom_id, value },
      })),
    'action rows': (fields: string[][]) =>
      fields.map(([custom_id, value]) => ({ type: 1, components: [{ type: 4, custom_id, value }] })),
  };
  const ADD_FORM = formId(add);

  it.each(Object.entries(submissionShapes))(
    '/jss add without options opens a modal of Labels; its submission (as %s) adds the contract',
    async (shape, submitted) => {
      const user = `U-modal-${shape}`;
      const { json } = await post(slash('add', [], user));
      expect(json).toMatchObject({ type: 9, data: { custom_id: ADD_FORM } });
      const opened = (json!.data as { components: { type: number; component?: { custom_id: string } }[] }).components;
      expect(opened.map((component) => component.type)).toEqual(opened.map(() => 18));
      const fields = [
        ['client', 'Modal Client'],
        ['type', 'fixed'],
        ['start', '2026-05-01'],
        ['earnings', '300'],
        ['end', '2026-06-01'],
      ];
      expect(opened.map((component) => component.component?.custom_id).sort()).toEqual(
        fields.map(([name]) => name).sort(),
      );
      const submit = interaction(5, { custom_id: ADD_FORM, components: submitted(fields) }, user);
      expect((await post(submit)).json).toEqual({ type: 5, data: { flags: 64 } });
      expect((await followUp(submit.token)).body).toContain('Added c1');
      expect(await contractsOf(user)).toMatchObject([{ client: 'Modal Client', type: 'fixed', earnings: 300 }]);
    },
  );

  it.each(Object.entries(submissionShapes))(
    'a modal with bad input (as %s) gets the problem in the reply and writes nothing',
    async (shape, submitted) => {
      const user = `U-bad-${shape}`;
      const submit = interaction(
        5,
        {
          custom_id: ADD_FORM,
          components: submitted([
            ['client', 'Bad'],
            ['type', 'weekly'],
            ['start', '2026-05-01'],
          ]),
        },
        user,
      );
      await post(submit);
      expect((await followUp(submit.token)).body).toContain('expected one of hourly, fixed');
      expect(await contractsOf(user)).toEqual([]);
    },
  );

  /** /jss import with one attachment as Discord resolves it (size and url from the payload). */
  function importWith(
    user: string,
    attachment: { size: number; url: string },
    options: { name: string; type: number; value: unknown }[] = [],
  ) {
    const given = [{ name: 'file', type: 11, value: 'att-1' }, ...options];
    return slash('import', given, user, {
      data: {
        id: 'cmd',
        name: 'jss',
        type: 1,
        options: [{ name: 'import', type: 1, options: given }],
        resolved: {
          attachments: {
            'att-1': {
              id: 'att-1',
              filename: 'c.csv',
              content_type: 'text/csv',
              proxy_url: attachment.url,
              ...attachment,
            },
          },
        },
      },
    });
  }

  it('imports an attached CSV file, downloaded from the file host named in the payload', async () => {
    const body = importWith('U-import', { size: 100, url: `${session.discord.url}/files/c.csv` });
    await post(body);
    expect((await followUp(body.token)).body).toContain('Imported 1 contract');
    expect(await contractsOf('U-import')).toMatchObject([{ id: 'f1', client: 'File Client' }]);
    const replaced = importWith('U-import', { size: 100, url: `${session.discord.url}/files/c.csv` }, [
      { name: 'mode', type: 3, value: 'replace' },
    ]);
    await post(replaced);
    expect((await followUp(replaced.token)).body).toContain('They replace the contracts you had');
    expect(await contractsOf('U-import')).toHaveLength(1);
  });

  it('an attachment of exactly 10 MiB is downloaded; one byte more is refused without a download', async () => {
    const atLimit = importWith('U-limit', { size: IMPORT_FILE_MAX, url: `${session.discord.url}/files/limit.csv` });
    await post(atLimit);
    expect((await followUp(atLimit.token)).body).toContain('Imported 1 contract');
    const over = importWith('U-over', { size: IMPORT_FILE_MAX + 1, url: `${session.discord.url}/files/over.csv` });
    await post(over);
    const reply = await followUp(over.token);
    expect(reply.body).toContain('expected a file of at most 10 MiB');
    expect(reply.body).toContain('Nothing was imported.');
    expect(session.discord.requests.some((request) => request.path === '/files/over.csv')).toBe(false);
    expect(await contractsOf('U-over')).toEqual([]);
  });

  it('an attachment URL on another host is refused: nothing is fetched from it', async () => {
    const foreign = await startFakeServer(() => ({ text: 'id,client,type,start\nx1,Foreign,fixed,2026-01-01\n' }));
    try {
      const body = importWith('U-foreign', { size: 100, url: `${foreign.url}/files/c.csv` });
      await post(body);
      expect((await followUp(body.token)).body).toContain("not the platform's file host");
      expect(foreign.requests).toEqual([]);
      expect(await contractsOf('U-foreign')).toEqual([]);
    } finally {
      await foreign.close();
    }
  });

  it('/jss help command:upwork tells where Upwork keeps the CSV and how to attach it; autocomplete offers the topic', async () => {
    const body = slash('help', [{ name: 'command', type: 3, value: 'upwork' }], 'U-help');
    await post(body);
    const reply = await followUp(body.token);
    expect(reply.body).toContain('Where to find your Upwork CSV');
    expect(reply.body).toContain('Reports → Transaction history');
    expect(reply.body).toContain('attach the CSV');
    const suggested = await post(
      interaction(
        4,
        {
          id: 'cmd',
          name: 'jss',
          type: 1,
          options: [{ name: 'help', type: 1, options: [{ name: 'command', type: 3, value: 'upw', focused: true }] }],
        },
        'U-help',
      ),
    );
    expect(suggested.json).toEqual({ type: 8, data: { choices: [{ name: 'upwork', value: 'upwork' }] } });
  });

  it('an attachment the CDN no longer serves is told, nothing imported', async () => {
    const body = importWith('U-gone', { size: 100, url: `${session.discord.url}/gone/c.csv` });
    await post(body);
    expect((await followUp(body.token)).body).toContain('the platform answered 404 for the file');
    expect(await contractsOf('U-gone')).toEqual([]);
  });

  it('"Share in channel" posts a successful reply for everyone and answers the sharer privately', async () => {
    const click = interaction(3, { custom_id: `${SHARE_PREFIX}score`, component_type: 2 }, 'U1');
    expect((await post(click)).json).toEqual({ type: 5, data: { flags: 64 } });
    const posted = await session.discord.waitFor(
      (request) => request.method === 'POST' && request.path === `/api/v10/webhooks/${APP}/${click.token}`,
    );
    expect(posted.body).toContain('Shared by Name U1');
    expect(posted.body).not.toContain('"flags":64');
    expect((await followUp(click.token)).body).toContain('Shared in the channel');
  });

  it('a share that fails is told to the sharer only, never posted in the channel', async () => {
    const click = interaction(3, { custom_id: `${SHARE_PREFIX}why c999`, component_type: 2 }, 'U1');
    await post(click);
    expect((await followUp(click.token)).body).toContain('you have no contract');
    expect(
      session.discord.requests.some(
        (request) => request.method === 'POST' && request.path === `/api/v10/webhooks/${APP}/${click.token}`,
      ),
    ).toBe(false);
  });

  describe('user install: where the server did not install the bot, replies stay private', () => {
    // authorizing_integration_owners: "0" the server's guild install, "1" the member's user install.
    const userInstalled = { context: 0, authorizing_integration_owners: { '1': 'U1' } };
    const webhookPosts = (token: string) =>
      session.discord.requests.filter(
        (request) => request.method === 'POST' && request.path === `/api/v10/webhooks/${APP}/${token}`,
      );

    it('a score there is answered privately, without a Share button', async () => {
      const body = slash('score', [], 'U1', userInstalled);
      expect((await post(body)).json).toEqual({ type: 5, data: { flags: 64 } });
      const patch = await followUp(body.token);
      expect(patch.body).toMatch(/score/i);
      expect(patch.body).not.toContain(SHARE_PREFIX);
      expect(webhookPosts(body.token)).toEqual([]);
    });

    it('in a server that installed the bot (both installs authorizing) the Share button stays', async () => {
      const body = slash('score', [], 'U1', { context: 0, authorizing_integration_owners: { '0': GUILD, '1': 'U1' } });
      await post(body);
      expect((await followUp(body.token)).body).toContain(`${SHARE_PREFIX}score`);
    });

    it('in a group DM (private channel) there is no Share button either', async () => {
      const body = slash('score', [], 'U1', {
        context: 2,
        guild_id: undefined,
        member: undefined,
        user: { id: 'U1', username: 'user-U1', global_name: 'Name U1' },
        authorizing_integration_owners: { '1': 'U1' },
      });
      await post(body);
      const patch = await followUp(body.token);
      expect(patch.body).toMatch(/score/i);
      expect(patch.body).not.toContain(SHARE_PREFIX);
    });

    it("a Share click there (an old message's button) is refused privately and posts nothing", async () => {
      const click = interaction(3, { custom_id: `${SHARE_PREFIX}score`, component_type: 2 }, 'U1', userInstalled);
      expect((await post(click)).json).toEqual({ type: 5, data: { flags: 64 } });
      expect((await followUp(click.token)).body).toContain('this server has not installed jss-coach');
      expect(webhookPosts(click.token)).toEqual([]);
    });
  });

  it('the gateway path answers through the interaction callback with the same handler', async () => {
    const rest = new REST({ api: `${session.discord.url}/api` });
    const body = slash('list', [], 'U1');
    await answerGatewayInteraction(rest, session.bot.handler, body as never);
    const callback = await session.discord.waitFor(
      (request) => request.path === `/api/v10/interactions/${body.id}/${body.token}/callback`,
    );
    expect(callback.data).toEqual({ type: 5, data: { flags: 64 } });
    expect((await followUp(body.token)).body).toContain('c1');
  });
});

describe('regressions', () => {
  // adapters/discord/gateway.ts answerGatewayInteraction() awaited the initial callback POST before
  // attaching a handler to the follow-up, which deferred() had already started. When the callback
  // failed (the interaction expired, 10062 "Unknown interaction", a network error), the follow-up's
  // PATCH failed too and its rejection was never handled: an unhandledRejection, which ends Node 20
  // by default (the whole gateway bot).
  it('gateway: a failed initial callback leaves no unhandled promise rejection behind', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    // Vitest installs its own listener (and would report the error); count ours.
    process.on('unhandledRejection', listener);
    try {
      const rest = {
        post: async () => {
          throw new Error('Unknown interaction (10062)');
        },
        patch: async () => {
          await new Promise((r) => setTimeout(r, 20));
          throw new Error('Unknown Webhook (10015)');
        },
      } as unknown as REST;
      // A store that fails at once: the command itself is irrelevant.
      const store = new Proxy(
        {},
        {
          get: () => async () => {
            throw new Error('db down');
          },
        },
      ) as unknown as Store;
      const handler = createInteractionHandler({ services: { store }, rest, applicationId: 'app', today: () => AS_OF });
      const interaction = {
        id: '1',
        application_id: 'app',
        type: 2,
        token: 'tok',
        version: 1,
        guild_id: 'g',
        channel_id: 'c',
        member: { user: { id: 'u', username: 'u' }, permissions: '0', roles: [] },
        data: { id: 'cmd', name: 'jss', type: 1, options: [{ name: 'list', type: 1, options: [] }] },
      };
      const onError: unknown[] = [];
      await answerGatewayInteraction(rest, handler, interaction as never, (error) => onError.push(error)).catch(
        (error: unknown) => onError.push(error),
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
