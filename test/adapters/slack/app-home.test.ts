// App Home end to end: the real Bolt app on loopback, hand-signed app_home_opened events and
// button payloads, the fake Slack Web API recording views.publish; the Home's chart served at
// /charts/<token>.png and refused for a wrong or expired token.

import { LogLevel } from '@slack/bolt';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { chartKeyFrom, chartToken } from '../../../adapters/slack/chart-url.ts';
import { RUN_ACTION_PATTERN, SECTION_TEXT_MAX } from '../../../adapters/slack/blocks/index.ts';
import { clientForTeam, refreshDueHomes } from '../../../adapters/slack/home-refresh-job.ts';
import { HOME_BLOCKS_MAX } from '../../../adapters/slack/home-view.ts';
import { createHomeTabs } from '../../../db/home-tab-queries.ts';
import { homeTabs } from '../../../db/schema.ts';
import { runCommandText } from '../../../src/commands/dispatch.ts';
import { loadHome } from '../../../src/commands/home.ts';
import type { HomeTabs } from '../../../src/ports/home-tabs.ts';
import { commandContext } from '../../helpers/command-context.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import type { RecordedRequest } from '../../helpers/fake-http.ts';
import { signedSlackHeaders, TEST_SIGNING_SECRET } from '../../helpers/slack-request.ts';
import { seedContracts } from '../../helpers/seed-contracts.ts';
import { useSlackApp } from '../../helpers/slack-app.ts';

const AS_OF = '2026-11-22';
const TEAM = 'T0HOME';
const PUBLIC_URL = 'https://jss.example.com';

interface Block {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { type: string; action_id?: string; value?: string; text?: { text: string } }[];
  accessory?: { type: string; action_id: string; value: string };
  image_url?: string;
}

interface PublishedView {
  type: string;
  blocks: Block[];
}

/** Every button of a Home, in accessories and actions blocks. */
function buttonsOf(view: PublishedView) {
  return view.blocks.flatMap((block) => [
    ...(block.accessory ? [block.accessory] : []),
    ...(block.elements ?? []).filter((element) => element.type === 'button'),
  ]) as { action_id: string; value: string }[];
}

describe.each(databaseKinds)('the Slack App Home on $name', (kind) => {
  let tabs: HomeTabs;
  let event = 0;
  const live = useSlackApp({
    kind,
    answer: (request: RecordedRequest) => {
      if (request.path === '/api/users.info')
        return { json: { ok: true, user: { id: String(request.data?.user ?? ''), is_admin: false, is_owner: false } } };
      // One member's Slack cannot fetch the chart: it refuses views with an image, as Slack does.
      if (
        request.path === '/api/views.publish' &&
        request.data?.user_id === 'U-no-image' &&
        String(request.data?.view).includes('"image"')
      )
        return { json: { ok: false, error: 'invalid_blocks' } };
      if (request.path === '/api/views.open')
        return { json: { ok: true, view: { id: `V-opened-${String(request.data?.trigger_id)}` } } };
      if (request.path.startsWith('/api/')) return { json: { ok: true } };
      return { text: 'ok' };
    },
    app: ({ db }) => {
      tabs = createHomeTabs(db);
      return {
        today: () => AS_OF,
        ackBudgetMs: 1000,
        logLevel: LogLevel.ERROR,
        // The job's own timer stays out of the way: the test runs it by hand.
        home: { tabs, publicUrl: PUBLIC_URL, refreshEveryMs: 3_600_000 },
      };
    },
  });

  async function postJson(payload: unknown) {
    const body = JSON.stringify(payload);
    return fetch(`${live.base}/slack/events`, {
      method: 'POST',
      headers: signedSlackHeaders(body, { contentType: 'application/json' }),
      body,
    });
  }

  async function postForm(body: string) {
    return fetch(`${live.base}/slack/events`, { method: 'POST', headers: signedSlackHeaders(body), body });
  }

  function publishesTo(user: string): RecordedRequest[] {
    return live.slack.requests.filter(
      (request) => request.path === '/api/views.publish' && request.data?.user_id === user,
    );
  }

  /** The view of a publish request (Bolt's client sends the view as JSON in a form field). */
  function viewOf(request: RecordedRequest): PublishedView {
    const view = request.data?.view;
    return (typeof view === 'string' ? JSON.parse(view) : view) as PublishedView;
  }

  /** Opens the member's Home and returns the view Slack was asked to publish. */
  async function openHome(user: string, tab: 'home' | 'messages' = 'home'): Promise<PublishedView> {
    const before = publishesTo(user).length;
    const response = await postJson({
      type: 'event_callback',
      team_id: TEAM,
      api_app_id: 'A1',
      event_id: `Ev${++event}`,
      event_time: 1,
      event: { type: 'app_home_opened', user, channel: `D-${user}`, tab, event_ts: '1.0' },
    });
    expect(response.status).toBe(200);
    const published = await live.slack.waitFor(
      (request) =>
        request.path === '/api/views.publish' && request.data?.user_id === user && publishesTo(user).length > before,
    );
    // The Home is recorded once Slack has answered the publish.
    const id = await memberId(user);
    await vi.waitFor(async () => expect(await tabs.find(id)).not.toBeNull());
    return viewOf(published);
  }

  async function memberId(user: string): Promise<number> {
    const community = await live.store.ensureCommunity({ platform: 'slack', externalId: TEAM });
    return (await live.store.ensureMember(community.id, user, user)).id;
  }

  async function pressHomeButton(user: string, value: string) {
    const payload = {
      type: 'block_actions',
      team: { id: TEAM, domain: 'home' },
      user: { id: user, name: user, team_id: TEAM },
      actions: [{ action_id: 'jss_run_3', block_id: 'b', type: 'button', value, action_ts: '1' }],
      trigger_id: `trigger-${user}-${value}`,
      api_app_id: 'A1',
      container: { type: 'view', view_id: `V-${user}` },
      view: {
        id: `V-${user}`,
        type: 'home',
        team_id: TEAM,
        blocks: [],
        private_metadata: '',
        callback_id: '',
        state: { values: {} },
        hash: 'h',
        title: { type: 'plain_text', text: 'Home' },
        close: null,
        submit: null,
        root_view_id: `V-${user}`,
        app_id: 'A1',
        external_id: '',
        app_installed_team_id: TEAM,
        bot_id: 'B1',
      },
    };
    return postForm(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  }

  it('publishes the Home of a member without contracts, within Slack limits', async () => {
    const view = await openHome('U-empty');
    expect(view.type).toBe('home');
    // Published with the listener's client (the team's token).
    expect(publishesTo('U-empty')[0]?.headers.authorization).toBe('Bearer xoxb-test');
    expect(view.blocks.length).toBeGreaterThan(0);
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_BLOCKS_MAX);
    expect(JSON.stringify(view.blocks)).toContain('none yet');
    // Buttons open the forms and run the commands, with the run buttons' action ids.
    const values = buttonsOf(view).map((button) => button.value);
    expect(values).toEqual(expect.arrayContaining(['add', 'import', 'why', 'plan', 'tips', 'remind on', 'join']));
    // Opening the Home records it, so later writes and the refresh job know to publish it again.
    const id = await memberId('U-empty');
    // Recorded once Slack has answered the publish.
    await vi.waitFor(async () =>
      expect(await tabs.find(id)).toMatchObject({
        platformUserId: 'U-empty',
        communityExternalId: TEAM,
        validUntil: expect.any(String),
      }),
    );
  });

  it('a refresh never creates a member: a forgotten one gets the Home of someone with nothing recorded', async () => {
    const ctx = commandContext('slack', TEAM, 'U-gone', {
      community: { platform: 'slack', externalId: TEAM },
      requestId: null,
    });
    const home = await loadHome({ store: live.store }, ctx, { create: false });
    expect(home.memberId).toBeNull();
    expect(home.view.score).toBeNull();
    expect(home.view.reminders.on).toBe(false);
    const community = await live.store.ensureCommunity({ platform: 'slack', externalId: TEAM });
    expect(await live.store.findMember(community.id, 'U-gone')).toBeNull();
  });

  it('ignores the Messages tab', async () => {
    const response = await postJson({
      type: 'event_callback',
      team_id: TEAM,
      api_app_id: 'A1',
      event_id: `Ev${++event}`,
      event_time: 1,
      event: { type: 'app_home_opened', user: 'U-messages', channel: 'D-U-messages', tab: 'messages', event_ts: '1.0' },
    });
    expect(response.status).toBe(200);
    // Another member's Home afterwards: had the messages tab been published, it would be recorded by now.
    await openHome('U-after-messages');
    expect(publishesTo('U-messages')).toEqual([]);
  });

  it('shows a member with contracts the very score the score command gives, and their chart from PUBLIC_URL', async () => {
    const id = await memberId('U-full');
    await live.store.insertContract(id, {
      id: 'c1',
      client: 'Acme <!channel>',
      type: 'fixed',
      start: '2025-06-01',
      end: '2025-09-01',
      earnings: 1500,
      stars: 5,
    });
    await live.store.insertContract(id, {
      id: 'c2',
      client: 'Beta',
      type: 'hourly',
      start: '2025-10-01',
      end: '2026-02-01',
      earnings: 2400,
      stars: 4.8,
    });
    await live.store.insertContract(id, {
      id: 'c3',
      client: 'Gamma',
      type: 'hourly',
      start: '2026-03-01',
      end: '2026-05-01',
      earnings: 900,
      stars: 5,
    });
    await live.store.insertContract(id, {
      id: 'c4',
      client: 'Delta',
      type: 'hourly',
      start: '2026-08-01',
      earnings: 300,
    });
    const view = await openHome('U-full');
    const ctx = commandContext('slack', TEAM, 'U-full', {
      community: { platform: 'slack', externalId: TEAM },
      requestId: null,
    });
    const scored = await runCommandText({ store: live.store }, ctx, 'score');
    const home = await loadHome({ store: live.store }, ctx, { create: false });
    expect(home.view.score).not.toBeNull();
    expect(scored.title).toContain(`${home.view.score}%`);
    expect(home.view.title).toBe(scored.title);
    // The header of the published Home is that title.
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: scored.title } });
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_BLOCKS_MAX);
    // Member text is escaped: the client's name cannot ping anyone.
    const text = JSON.stringify(view.blocks);
    expect(text).not.toContain('<!channel>');
    // The open contract's end form is a button.
    expect(buttonsOf(view).map((button) => button.value)).toContain('end c4');
    // The chart is an image at PUBLIC_URL, its token naming this member.
    const image = view.blocks.find((block) => block.type === 'image');
    expect(image?.image_url).toMatch(new RegExp(`^${PUBLIC_URL}/charts/[A-Za-z0-9_-]+\\.png$`));
    const served = await fetch(`${live.base}${new URL(image?.image_url ?? '').pathname}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await served.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('publishes the Home with the sparkline when Slack refuses its chart image', async () => {
    const id = await memberId('U-no-image');
    await live.store.insertContract(id, {
      id: 'c1',
      client: 'Acme',
      type: 'fixed',
      start: '2026-01-10',
      end: '2026-06-10',
      earnings: 1500,
      stars: 5,
    });
    await openHome('U-no-image');
    const [first, second] = publishesTo('U-no-image').map(viewOf);
    expect(first?.blocks.some((block) => block.type === 'image')).toBe(true);
    expect(second?.blocks.some((block) => block.type === 'image')).toBe(false);
    expect(JSON.stringify(second?.blocks)).toContain('next 12 months');
  });

  it('refuses the chart URL when its token is wrong, forged or expired, the same way each time', async () => {
    await openHome('U-chart');
    const id = await memberId('U-chart');
    const key = chartKeyFrom(TEST_SIGNING_SECRET);
    const good = chartToken(key, id, AS_OF);
    expect((await fetch(`${live.base}/charts/${good}.png`)).status).toBe(200);
    const flipped = `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`;
    const otherKey = chartToken(chartKeyFrom('another-secret'), id, AS_OF);
    const expired = chartToken(key, id, '2026-11-21');
    const anotherMember = chartToken(key, id + 1000, AS_OF);
    for (const token of [flipped, otherKey, expired, anotherMember, 'not-a-token', '']) {
      const response = await fetch(`${live.base}/charts/${token}.png`);
      expect(response.status, token).toBe(404);
      expect(await response.text()).toBe('not found');
    }
  });

  it('stays within 100 blocks and every text limit for a member with hundreds of contracts', async () => {
    const id = await memberId('U-many');
    await seedContracts(live.db, id, 300);
    for (let i = 0; i < 20; i++)
      await live.store.insertContract(id, {
        id: `open${i}`,
        client: `${'Long client name '.repeat(8)}${i}`,
        type: 'hourly',
        start: '2026-06-01',
        earnings: 100,
      });
    const view = await openHome('U-many');
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_BLOCKS_MAX);
    for (const block of view.blocks) {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
    }
    const buttons = buttonsOf(view);
    expect(buttons.every((button) => RUN_ACTION_PATTERN.test(button.action_id))).toBe(true);
    expect(new Set(buttons.map((button) => button.action_id)).size).toBe(buttons.length);
  });

  it('is refreshed after the member adds a contract with /jss', async () => {
    await openHome('U-add');
    const before = publishesTo('U-add').length;
    const body = new URLSearchParams({
      command: '/jss',
      text: 'add client:"Fresh Client" type:hourly start:2026-10-01',
      team_id: TEAM,
      team_domain: 'home',
      user_id: 'U-add',
      user_name: 'U-add',
      channel_id: 'C1',
      response_url: `${live.slack.url}/response/add`,
      trigger_id: 'trigger-add',
    }).toString();
    const response = await postForm(body);
    expect(await response.text()).toContain('Added c1');
    const refreshed = await live.slack.waitFor(
      (request) =>
        request.path === '/api/views.publish' &&
        request.data?.user_id === 'U-add' &&
        publishesTo('U-add').length > before,
    );
    expect(buttonsOf(viewOf(refreshed)).map((button) => button.value)).toContain('end c1');
  });

  it('is refreshed after the member submits the add form it opened', async () => {
    await openHome('U-form');
    const before = publishesTo('U-form').length;
    const values = {
      client: { value: { type: 'plain_text_input', value: 'Form Client' } },
      type: { value: { type: 'static_select', selected_option: { value: 'hourly' } } },
      start: { value: { type: 'datepicker', selected_date: '2026-10-01' } },
    };
    const view = {
      id: 'V-form',
      hash: 'h-form',
      type: 'modal',
      callback_id: 'jss_add',
      private_metadata: '',
      blocks: Object.keys(values).map((block_id) => ({ block_id })),
      state: { values },
    };
    const payload = {
      type: 'view_submission',
      team: { id: TEAM, domain: 'home' },
      user: { id: 'U-form', name: 'U-form', team_id: TEAM },
      view,
      trigger_id: 't-form',
      api_app_id: 'A1',
    };
    const response = await postForm(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    expect(await response.json()).toMatchObject({ response_action: 'update' });
    const refreshed = await live.slack.waitFor(
      (request) =>
        request.path === '/api/views.publish' &&
        request.data?.user_id === 'U-form' &&
        publishesTo('U-form').length > before,
    );
    expect(buttonsOf(viewOf(refreshed)).map((button) => button.value)).toContain('end c1');
  });

  it('does not publish a Home after a write of a member who never opened it', async () => {
    const body = new URLSearchParams({
      command: '/jss',
      text: 'remind on',
      team_id: TEAM,
      user_id: 'U-no-home',
      user_name: 'U-no-home',
      channel_id: 'C1',
      response_url: `${live.slack.url}/response/r`,
      trigger_id: 'trigger-no-home',
    }).toString();
    expect(await (await postForm(body)).text()).toContain('Daily reminders are on');
    await openHome('U-after-no-home');
    expect(publishesTo('U-no-home')).toEqual([]);
  });

  it('runs its buttons: the reminders toggle republishes the Home, add opens the form', async () => {
    await openHome('U-toggle');
    const before = publishesTo('U-toggle').length;
    expect((await pressHomeButton('U-toggle', 'remind on')).status).toBe(200);
    const refreshed = await live.slack.waitFor(
      (request) =>
        request.path === '/api/views.publish' &&
        request.data?.user_id === 'U-toggle' &&
        publishesTo('U-toggle').length > before,
    );
    expect(buttonsOf(viewOf(refreshed)).map((button) => button.value)).toContain('remind off');
    const community = await live.store.ensureCommunity({ platform: 'slack', externalId: TEAM });
    expect((await live.store.findMember(community.id, 'U-toggle'))?.remindersOptIn).toBe(true);

    expect((await pressHomeButton('U-toggle', 'add')).status).toBe(200);
    const opened = await live.slack.waitFor(
      (request) => request.path === '/api/views.open' && request.data?.trigger_id === 'trigger-U-toggle-add',
    );
    expect(JSON.parse(String(opened.data?.view))).toMatchObject({ type: 'modal', callback_id: 'jss_add' });

    // A read answers in a modal (there is no response_url in a Home).
    expect((await pressHomeButton('U-toggle', 'plan')).status).toBe(200);
    const answered = await live.slack.waitFor(
      (request) => request.path === '/api/views.open' && request.data?.trigger_id === 'trigger-U-toggle-plan',
    );
    expect(String(answered.data?.view)).toContain('Plan to reach 90%');
  });

  it('a slow answer to a Home button opens "Working on it…" within the trigger\'s 3 s, then shows the reply', async () => {
    await openHome('U-slow');
    live.slowDown = 250;
    try {
      expect((await pressHomeButton('U-slow', 'tips')).status).toBe(200);
      const opened = await live.slack.waitFor(
        (request) => request.path === '/api/views.open' && request.data?.trigger_id === 'trigger-U-slow-tips',
      );
      expect(String(opened.data?.view)).toContain('Working on it');
      const updated = await live.slack.waitFor(
        (request) => request.path === '/api/views.update' && request.data?.view_id === 'V-opened-trigger-U-slow-tips',
        10_000,
      );
      expect(String(updated.data?.view)).toContain('Tips');
    } finally {
      live.slowDown = 0;
    }
  }, 15_000);

  it('the refresh job republishes the Homes whose standing ran out, and only those', async () => {
    const due = await memberId('U-due');
    await openHome('U-due');
    await openHome('U-fresh');
    await live.db.update(homeTabs).set({ validUntil: '2026-11-01' }).where(eq(homeTabs.memberId, due));
    const beforeDue = publishesTo('U-due').length;
    const beforeFresh = publishesTo('U-fresh').length;
    const deps = {
      services: { store: live.store },
      config: {
        signingSecret: TEST_SIGNING_SECRET,
        botToken: 'xoxb-test',
        appToken: null,
        port: 0,
        apiUrl: `${live.slack.url}/api/`,
      },
      today: () => AS_OF,
      ackBudgetMs: 1000,
      home: { tabs, publicUrl: null, chartKey: chartKeyFrom(TEST_SIGNING_SECRET) },
    };
    expect(await refreshDueHomes(deps, clientForTeam(deps.config))).toBe(1);
    expect(publishesTo('U-due').length).toBe(beforeDue + 1);
    expect(publishesTo('U-fresh').length).toBe(beforeFresh);
    // Its day moved on: the next run finds nothing.
    expect((await tabs.find(due))?.validUntil).not.toBe('2026-11-01');
    expect(await refreshDueHomes(deps, clientForTeam(deps.config))).toBe(0);
    // In OAuth mode each team's Home goes out with that team's token, from its installation.
    await live.db.update(homeTabs).set({ validUntil: '2026-11-01' }).where(eq(homeTabs.memberId, due));
    const installations = {
      storeInstallation: async () => {},
      fetchInstallation: async ({ teamId }: { teamId?: string }) => ({ bot: { token: `xoxb-installed-${teamId}` } }),
    } as unknown as Parameters<typeof clientForTeam>[1];
    expect(await refreshDueHomes(deps, clientForTeam({ ...deps.config, botToken: null }, installations))).toBe(1);
    expect(publishesTo('U-due').at(-1)?.headers.authorization).toBe(`Bearer xoxb-installed-${TEAM}`);
    // Without PUBLIC_URL the Home shows the sparkline instead of an image.
    const view = viewOf(publishesTo('U-due').at(-1) as RecordedRequest);
    expect(view.blocks.some((block) => block.type === 'image')).toBe(false);
    expect(JSON.stringify(view.blocks)).toContain('next 12 months');
  });
});
