// What Slack really sends, end to end: signed slash commands to the real Bolt app on loopback, with
// the command text as Slack delivers it (&amp; &lt; &gt; escaped, links, mentions and channels as
// <…> markup, curly quotes from phone keyboards, non-breaking spaces). Each reply is read as Slack
// shows it (mrkdwn entities undone, plain text as is) and checked for the exact text that matters:
// the decoded name, the cents, the score change. Nothing a member typed may ping anyone.
// The steps run in order on one member, as a session does: later steps read what earlier ones wrote.

import { describe, expect, it } from 'vitest';
import { useSlackApp } from '../../helpers/slack-app.ts';
import { signedSlackHeaders } from '../../helpers/slack-request.ts';

const TEAM = 'T0REAL';
/** The adapter's day (UTC); the members' own days come from the fixed clock in their zones. */
const AS_OF = '2026-11-22';
/** 20:00 UTC on AS_OF: already 23 November in Auckland (UTC+13 in November). */
const NOW = new Date('2026-11-22T20:00:00Z');
/** The member whose Slack profile says they are in Auckland (users.info tz). */
const KIWI = 'U0KIWI';
const NBSP = '\u00a0';

interface Shown {
  /** The blocks and the fallback text as Slack shows them. */
  text: string;
  /** The mrkdwn as sent: what Slack would turn into mentions and links. */
  wire: string;
}

/** A Slack message as the member sees it: mrkdwn entities undone, plain text as is. */
function shown(message: { text?: string; blocks?: unknown[] }): Shown {
  const seen: string[] = [];
  const wire: string[] = [];
  const decoded = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if ((object.type === 'mrkdwn' || object.type === 'plain_text') && typeof object.text === 'string') {
      seen.push(object.type === 'mrkdwn' ? decoded(object.text) : object.text);
      if (object.type === 'mrkdwn') wire.push(object.text);
      return;
    }
    Object.values(object).forEach(walk);
  };
  walk(message.blocks ?? []);
  // The fallback text (notifications) is mrkdwn too.
  seen.push(decoded(message.text ?? ''));
  wire.push(message.text ?? '');
  return { text: seen.join('\n'), wire: wire.join('\n') };
}

describe('Slack: what a member really sends, and exactly what they see', () => {
  const live = useSlackApp({
    answer: (request) => {
      if (request.path === '/api/users.info') {
        const user = String(request.data?.user ?? '');
        return {
          json: {
            ok: true,
            user: {
              id: user,
              is_admin: false,
              is_owner: false,
              ...(user === KIWI ? { tz: 'Pacific/Auckland' } : { tz: 'UTC' }),
            },
          },
        };
      }
      if (request.path.startsWith('/api/')) return { json: { ok: true } };
      return { text: 'ok' }; // response_url
    },
    services: { clock: { now: () => NOW } },
    app: () => ({ today: () => AS_OF }),
  });
  let sequence = 0;

  /** The raw message of a slash command (the ack, or the response_url post when slow). */
  async function rawReply(text: string, user: string): Promise<{ text?: string; blocks?: unknown[] }> {
    let message: { text?: string; blocks?: unknown[] } = {};
    await slash(text, user, (sent) => (message = sent));
    return message;
  }

  /** Sends `/jss <text>` as Slack does and returns the reply: from the ack, or (when slow) from response_url. */
  async function slash(
    text: string,
    user: string,
    keep: (message: { text?: string; blocks?: unknown[] }) => void = () => {},
  ): Promise<Shown> {
    const id = ++sequence;
    const body = new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: TEAM,
      team_domain: 'freelancers',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: user,
      user_name: `name-${user}`,
      command: '/jss',
      text,
      api_app_id: 'A0APP',
      is_enterprise_install: 'false',
      response_url: `${live.slack.url}/commands/${TEAM}/${id}/hook`,
      trigger_id: `${id}.1234.abcdef`,
    }).toString();
    const response = await fetch(live.endpoint, { method: 'POST', headers: signedSlackHeaders(body), body });
    expect(response.status).toBe(200);
    const ack = await response.text();
    const acked = ack.startsWith('{') ? (JSON.parse(ack) as { text?: string; blocks?: unknown[] }) : null;
    if (acked?.blocks) {
      keep(acked);
      return shown(acked);
    }
    const followUp = await live.slack.waitFor((request) => request.path === `/commands/${TEAM}/${id}/hook`);
    keep(followUp.data as { text?: string; blocks?: unknown[] });
    return shown(followUp.data as { text?: string; blocks?: unknown[] });
  }

  async function contractsOf(user: string) {
    const community = await live.store.ensureCommunity({ platform: 'slack', externalId: TEAM });
    const member = await live.store.findMember(community.id, user);
    return member ? live.store.listContracts(member.id) : [];
  }

  /** One step of a session: the text as Slack sends it, what the member must see, what they must not. */
  interface Step {
    what: string;
    sent: string;
    shows: string[];
    never?: string[];
  }

  const ANA = 'U0ANA';
  const session: Step[] = [
    {
      what: 'why with no contracts: the empty state',
      sent: 'why',
      shows: ['You have no contracts yet, so there is nothing to explain.'],
    },
    {
      what: 'list with no contracts: the empty state',
      sent: 'list',
      shows: ['You have no contracts yet', 'add client:"Acme Ltd" type:hourly start:2026-01-10'],
    },
    {
      what: 'Slack-escaped & in curly quotes, Jan 5 2026, 2026/03/01, $1,200.50 and 4,5',
      sent: 'add client:“Echo &amp; Co” type:hourly start:“Jan 5 2026” end:2026/03/01 earnings:$1,200.50 stars:4,5',
      shows: [
        'Added c1',
        'c1: Echo & Co (hourly) · 2026-01-05 → 2026-03-01 · $1,200.50 · 4.5★',
        'start: Jan 5 2026 as 2026-01-05',
        'end: 2026/03/01 as 2026-03-01',
        'earnings: $1,200.50 as 1200.50',
        'stars: 4,5 as 4.5',
        'No Job Success Score yet',
      ],
      never: ['&amp;', '“'],
    },
    {
      what: 'single curly quotes from a phone, 2026-1-5, 5 Jan 2026 and 1.2k, with non-breaking spaces between the arguments',
      sent: `add client:‘Single Quote’${NBSP}type:fixed start:2026-1-5${NBSP}end:'5 Jan 2026' earnings:1.2k stars:5`,
      shows: [
        'Added c2',
        'c2: Single Quote (fixed) · 2026-01-05 → 2026-01-05 · $1,200 · 5★',
        'Your estimated Job Success Score: 100% (your first).',
        'start: 2026-1-5 as 2026-01-05',
        'end: 5 Jan 2026 as 2026-01-05',
        'earnings: 1.2k as 1200',
      ],
      never: ['‘', '’'],
    },
    {
      what: 'straight quotes with a space after the colon, yesterday, 1200.50 and canceled',
      sent: 'add client: "Third" type:fixed start:2025-06-01 end:yesterday earnings:1200.50 stars:5 endReason:canceled',
      shows: [
        'Added c3',
        'c3: Third (fixed) · 2025-06-01 → 2026-11-21 · $1,200.50 · 5★ · cancelled',
        'end: yesterday as 2026-11-21',
        'endReason: canceled as cancelled',
      ],
    },
    {
      what: 'the decoded name is what was stored and listed',
      sent: 'list',
      shows: ['Your contracts (3)', 'c1: Echo & Co (hourly)', 'c2: Single Quote (fixed)', 'c3: Third (fixed)'],
      never: ['&amp;'],
    },
    {
      what: 'an unquoted name with a space: the quoting hint',
      sent: 'add client:Acme Ltd type:fixed start:2026-01-01',
      shows: ['add got an unexpected word "Ltd"; did you mean client:"Acme Ltd"? Values with spaces need quotes.'],
    },
    {
      what: 'an ambiguous date is refused with the reason',
      sent: 'add client:X type:fixed start:01/02/2026',
      shows: [
        'start: got "01/02/2026", expected a date that reads one way only: 01/02/2026 could be 1 February or January 2; write it as YYYY-MM-DD',
      ],
    },
    {
      what: 'an open contract to end later',
      sent: 'add client:&lt;Open&gt; type:hourly start:2026-10-01 earnings:100',
      shows: [
        'Added c4',
        'c4: <Open> (hourly) · 2026-10-01 → open · $100',
        'Your estimated Job Success Score stays 100%.',
      ],
    },
    {
      what: 'end: the score falls',
      sent: 'end c4 stars:2',
      shows: ['Ended c4 on 2026-11-22', 'Your estimated Job Success Score: 100% → 81%.'],
    },
    {
      what: 'edit: the score rises again',
      sent: 'edit c4 stars:5',
      shows: ['Changed c4', 'Your estimated Job Success Score: 81% → 100%.'],
    },
    { what: 'edit back down', sent: 'edit c4 stars:2', shows: ['Your estimated Job Success Score: 100% → 81%.'] },
    {
      what: 'pay with $ and a thousands comma: the cents and the new total',
      sent: 'pay c3 amount:$1,200',
      shows: [
        'Recorded $1,200 on c3 (2026-11-22)',
        'c3: Third (fixed) · 2025-06-01 → 2026-11-21 · $2,400.50 · 5★ · cancelled',
        'Your estimated Job Success Score stays 81%.',
        'amount: $1,200 as 1200',
      ],
    },
    {
      what: 'remove: the score change and the way back',
      sent: 'remove c4',
      shows: ['Removed c4', 'Your estimated Job Success Score: 81% → 100%.', 'Undo'],
    },
    {
      what: 'undo puts it back',
      sent: 'undo',
      shows: ['Undid "remove c4"', 'put back c4', 'Your estimated Job Success Score: 100% → 81%.'],
    },
    {
      what: 'the same contract again: asked first, with the exact command that confirms',
      sent: 'add client:“Echo &amp; Co” type:hourly start:2026-01-05 end:2026-03-01 earnings:1200.50 stars:4.5',
      shows: [
        'c1 is already recorded — add again?',
        'Nothing was added.',
        'add client:"Echo & Co" type:hourly start:2026-01-05 end:2026-03-01 earnings:1200.50 stars:4.5 confirm:yes',
        'Add again',
      ],
    },
    {
      what: 'the confirm command adds it',
      sent: 'add client:"Echo &amp; Co" type:hourly start:2026-01-05 end:2026-03-01 earnings:1200.50 stars:4.5 confirm:yes',
      shows: ['Added c5', 'Your estimated Job Success Score: 81% → 83%.'],
    },
    { what: 'target as a percentage', sent: 'plan target:90%', shows: ['Plan to reach 90%: now 83%'] },
  ];

  it.each(session.map((step, index) => [index + 1, step.what, step] as const))('step %i, %s', async (_, __, step) => {
    const reply = await slash(step.sent, ANA);
    for (const text of step.shows) expect(reply.text, step.sent).toContain(text);
    for (const text of step.never ?? []) expect(reply.text, step.sent).not.toContain(text);
  });

  it('the notification text and the blocks both read Echo & Co: escaped once for mrkdwn, never twice', async () => {
    const message = await rawReply('add client:“Echo &amp; Co” type:fixed start:2026-01-01', 'U0FALLBACK');
    expect(shown({ text: message.text ?? '' }).text).toBe('Added c1: c1: Echo & Co (fixed) · 2026-01-01 → open · $0');
    const wire = JSON.stringify(message);
    expect(wire).toContain('Echo &amp; Co');
    expect(wire).not.toContain('&amp;amp;');
    // The header is plain text: shown as is, so never escaped.
    const header = (message.blocks ?? []).find((block) => (block as { type: string }).type === 'header') as
      | { text: { type: string; text: string } }
      | undefined;
    expect(header?.text.type).toBe('plain_text');
    expect(header?.text.text).not.toContain('&amp;');
  });

  it('stores the names as the member typed them, not as Slack escaped them', async () => {
    expect((await contractsOf(ANA)).map((contract) => contract.client)).toEqual([
      'Echo & Co',
      'Single Quote',
      'Third',
      '<Open>',
      'Echo & Co',
    ]);
  });

  it('a CSV pasted after /jss import (escaped by Slack) reads Echo & Co as the same client', async () => {
    const user = 'U0CSV';
    await slash('add client:“Echo &amp; Co” type:hourly start:2026-01-05 end:2026-05-01 earnings:500 stars:5', user);
    const imported = await slash(
      'import\nid,client,type,start,end,earnings,stars\nx1,Echo &amp; Co,fixed,2026-06-01,2026-07-01,300,5',
      user,
    );
    expect(imported.text).toContain('Imported 1 contract');
    expect((await contractsOf(user)).map((contract) => contract.client)).toEqual(['Echo & Co', 'Echo & Co']);
    const longterm = await slash('longterm', user);
    // One client, worked with from January to July: both contracts are the same client's.
    expect(longterm.text).toContain('1 of 1 client');
    expect(longterm.text).toMatch(/Echo & Co +long-term +2026-01-05 → 2026-07-01/);
  });

  it.each([
    ['a user mention', 'add client:<@U0BOSS> type:fixed start:2026-01-01', '@U0BOSS', /<@U0BOSS>/],
    ['a labelled user mention', 'add client:<@U0BOSS|boss> type:fixed start:2026-01-01', '@boss', /<@U0BOSS/],
    ['@channel', 'add client:<!channel> type:fixed start:2026-01-01', '@channel', /<!channel>/],
    ['@here with a label', 'add client:<!here|here> type:fixed start:2026-01-01', 'here', /<!here/],
    ['a channel', 'add client:<#C0GENERAL|general> type:fixed start:2026-01-01', '#general', /<#C0GENERAL/],
    ['a link with a label', 'add client:<https://x.y|label> type:fixed start:2026-01-01', 'label', /<https:/],
    ['a mail link', 'add client:<mailto:a@b.c|a@b.c> type:fixed start:2026-01-01', 'a@b.c', /<mailto:/],
  ])('%s in a name is stored as the member sees it and pings nobody', async (_, sent, name, markup) => {
    const user = `U0PING${++sequence}`;
    const reply = await slash(sent, user);
    expect(reply.text).toContain(`c1: ${name} (fixed)`);
    expect(reply.wire).not.toMatch(markup);
    expect(reply.wire).not.toMatch(/<[@#!]/);
    expect((await contractsOf(user)).map((contract) => contract.client)).toEqual([name]);
    expect((await slash('list', user)).wire).not.toMatch(/<[@#!]|<https?:|<mailto:/);
  });

  it('an apostrophe inside single curly quotes (a phone types ’ for both) stays in the name', async () => {
    const user = 'U0PHONE';
    expect((await slash('add client:‘Joe’s Diner’ type:fixed start:2026-01-05', user)).text).toContain(
      'c1: Joe’s Diner (fixed)',
    );
    expect((await contractsOf(user)).map((contract) => contract.client)).toEqual(['Joe’s Diner']);
  });

  it('a non-breaking space after the colon (client:\u00a0“Acme Ltd”) is a space after the colon', async () => {
    const user = 'U0NBSPCOLON';
    expect((await slash(`add client:${NBSP}“Acme Ltd” type:fixed start:2026-01-05`, user)).text).toContain(
      'c1: Acme Ltd (fixed)',
    );
    expect((await contractsOf(user)).map((contract) => contract.client)).toEqual(['Acme Ltd']);
  });

  it('Slack-escaped & in an unquoted name: the quoting hint shows it as typed', async () => {
    const reply = await slash('add client:Echo &amp; Co type:fixed start:2026-01-05', 'U0HINT');
    expect(reply.text).toContain(
      'add got an unexpected word "&"; did you mean client:"Echo & Co"? Values with spaces need quotes.',
    );
    expect(await contractsOf('U0HINT')).toEqual([]);
  });

  it('a name with non-breaking spaces in it (as Slack’s composer sends runs of spaces) is the same client as with plain ones', async () => {
    const user = 'U0NBSP';
    await slash(
      `add client:“Echo${NBSP}&amp;${NBSP}Co” type:fixed start:2026-01-05 end:2026-05-01 earnings:500 stars:5`,
      user,
    );
    await slash('add client:“Echo &amp; Co” type:fixed start:2026-06-01 end:2026-07-01 earnings:300 stars:5', user);
    expect((await contractsOf(user)).map((contract) => contract.client)).toEqual(['Echo & Co', 'Echo & Co']);
    expect((await slash('longterm', user)).text).toContain('1 of 1 client');
  });

  it('the add form (view_submission): a client typed in curly quotes is the client without them; the cents shown', async () => {
    const user = 'U0FORM';
    const id = ++sequence;
    const values = {
      client: { value: { type: 'plain_text_input', value: '“Acme Ltd”' } },
      type: {
        value: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'fixed', emoji: true }, value: 'fixed' },
        },
      },
      start: { value: { type: 'datepicker', selected_date: '2026-05-01' } },
      end: { value: { type: 'datepicker', selected_date: '2026-06-01' } },
      earnings: { value: { type: 'number_input', value: '1200.50' } },
      stars: { value: { type: 'number_input', value: '5' } },
    };
    const view = {
      id: `V${id}`,
      team_id: TEAM,
      type: 'modal',
      hash: `${id}.hash`,
      callback_id: 'jss_add',
      private_metadata: '',
      app_id: 'A0APP',
      blocks: Object.keys(values).map((block_id) => ({ type: 'input', block_id })),
      state: { values },
    };
    const payload = {
      type: 'view_submission',
      team: { id: TEAM, domain: 'freelancers' },
      user: { id: user, username: `name-${user}`, name: `name-${user}`, team_id: TEAM },
      api_app_id: 'A0APP',
      token: 'legacy',
      trigger_id: `${id}.5678.abcdef`,
      view,
      response_urls: [],
      is_enterprise_install: false,
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const response = await fetch(live.endpoint, { method: 'POST', headers: signedSlackHeaders(body), body });
    const ack = (await response.json()) as { response_action: string; view: { blocks: unknown[] } };
    expect(ack.response_action).toBe('update');
    expect(shown({ blocks: ack.view.blocks }).text).toContain(
      'c1: Acme Ltd (fixed) · 2026-05-01 → 2026-06-01 · $1,200.50 · 5★',
    );
    expect((await contractsOf(user)).map((contract) => contract.client)).toEqual(['Acme Ltd']);
  });

  it('the member’s zone from Slack (users.info tz) makes start:today their day', async () => {
    const reply = await slash('add client:Kiwi type:fixed start:today', KIWI);
    expect(reply.text).toContain('c1: Kiwi (fixed) · 2026-11-23 → open');
    expect(reply.text).toContain('start: today as 2026-11-23');
  });

  it('timezone zone:Pacific/Auckland, then start:today is the member’s day there', async () => {
    const user = 'U0MOVED';
    const before = await slash('add client:Before type:fixed start:today', user);
    expect(before.text).toContain('start: today as 2026-11-22');
    const set = await slash('timezone zone:Pacific/Auckland', user);
    expect(set.text).toContain('Your time zone is Pacific/Auckland: today is 2026-11-23 for you');
    const after = await slash('add client:After type:fixed start:today', user);
    expect(after.text).toContain('c2: After (fixed) · 2026-11-23 → open');
    expect((await contractsOf(user)).map((contract) => contract.start)).toEqual(['2026-11-22', '2026-11-23']);
  });
});
