// Socket Mode has no HTTP request to screen: the receiver drops (and acknowledges) bodies of the
// wrong shape before Bolt's processEvent, and a failing listener or ack is logged, not rejected.

import { AuthorizationError, type App, type Logger } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GuardedSocketModeReceiver } from '../../../adapters/slack/receivers.ts';

const silent = (): Logger =>
  ({
    debug: vi.fn(),
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
    setLevel: vi.fn(),
    getLevel: vi.fn(),
    setName: vi.fn(),
  }) as unknown as Logger;

const command = { command: '/jss', text: 'help', team_id: 'T1', user_id: 'U1', user_name: 'u', trigger_id: 't' };

describe('the Socket Mode receiver’s guard', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  beforeEach(() => void process.on('unhandledRejection', onUnhandled));
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
    unhandled.length = 0;
  });

  function setUp(processEvent: App['processEvent']) {
    const receiver = new GuardedSocketModeReceiver({ appToken: 'xapp-test', logger: silent() });
    const appLogger = silent();
    receiver.init({ logger: appLogger, processEvent } as unknown as App);
    /** Delivers a body as Slack's socket client does, and waits for the receiver's async listener. */
    async function deliver(body: unknown, ack: () => Promise<void>) {
      receiver.client.emit('slack_event', {
        ack,
        envelope_id: 'e1',
        type: 'slash_commands',
        body,
        accepts_response_payload: true,
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { deliver, appLogger };
  }

  it.each([
    ['null', null],
    ['an array', []],
    ['a number', 42],
    ['an object without a type or command', { user: { id: 'U1' } }],
    ['a command without user_id', { command: '/jss', team_id: 'T1' }],
    ['an event_callback without an event', { type: 'event_callback' }],
  ])('drops %s: acknowledged, never given to Bolt', async (_, body) => {
    const processEvent = vi.fn(async () => {});
    const { deliver, appLogger } = setUp(processEvent);
    const ack = vi.fn(async () => {});
    await deliver(body, ack);
    expect(processEvent).not.toHaveBeenCalled();
    expect(ack).toHaveBeenCalledTimes(1);
    expect(appLogger.warn).toHaveBeenCalledWith(expect.stringContaining('Slack event dropped'));
    expect(unhandled).toEqual([]);
  });

  it('hands a slash command to Bolt', async () => {
    const processEvent = vi.fn(async () => {});
    const { deliver } = setUp(processEvent);
    await deliver(
      command,
      vi.fn(async () => {}),
    );
    expect(processEvent).toHaveBeenCalledWith(expect.objectContaining({ body: command }));
  });

  it('a listener that throws and an ack that fails leave no unhandled rejection', async () => {
    // An authorization error is one Bolt acknowledges after the fact; here that ack fails too.
    const { deliver } = setUp(async () => {
      throw new AuthorizationError('no installation', new Error('none'));
    });
    await deliver(command, async () => {
      throw new Error('socket closed');
    });
    await deliver(null, async () => {
      throw new Error('socket closed');
    });
    expect(unhandled).toEqual([]);
  });
});
