// Slack's 3-second rule (adapters/slack/ack-race.ts): a reply ready within the budget goes in the
// ack and response_url is not used; a slow one gets an empty ack at once and follows through
// respond. Either way the files go after the message, once.

import type { RespondArguments, RespondFn } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ackOrRespond, withinBudget } from '../../../adapters/slack/ack-race.ts';

const resolvesAfter = (ms: number, value: string) =>
  new Promise<string>((resolve) => setTimeout(() => resolve(value), ms));

function recorder() {
  const events: string[] = [];
  const acks: (RespondArguments | undefined)[] = [];
  const responds: (string | RespondArguments)[] = [];
  return {
    events,
    acks,
    responds,
    ack: async (message?: RespondArguments) => {
      events.push('ack');
      acks.push(message);
    },
    respond: async (message: string | RespondArguments) => {
      events.push('respond');
      responds.push(message);
      return {} as Awaited<ReturnType<RespondFn>>;
    },
    files: async (result: string) => {
      events.push(`files:${result}`);
    },
  };
}

describe('the ack race', () => {
  it('withinBudget: the result when it is ready in time, else null while the work goes on', async () => {
    expect(await withinBudget(resolvesAfter(5, 'quick'), 200)).toBe('quick');
    const slow = resolvesAfter(150, 'slow');
    expect(await withinBudget(slow, 20)).toBeNull();
    expect(await slow).toBe('slow');
  });

  it('a quick reply goes in the ack; respond is never called; files after', async () => {
    const r = recorder();
    await ackOrRespond(resolvesAfter(5, 'r1'), 200, r.ack, r.respond, (text) => ({ text }), r.files);
    expect(r.events).toEqual(['ack', 'files:r1']);
    expect(r.acks).toEqual([{ response_type: 'ephemeral', text: 'r1' }]);
  });

  it('a slow reply: an empty ack at once, then the reply through respond (ephemeral, not replacing), then files', async () => {
    const r = recorder();
    const started = Date.now();
    let ackedAt = 0;
    const ack = async (message?: RespondArguments) => {
      ackedAt = Date.now() - started;
      await r.ack(message);
    };
    await ackOrRespond(resolvesAfter(200, 'r2'), 30, ack, r.respond, (text) => ({ text }), r.files);
    expect(r.events).toEqual(['ack', 'respond', 'files:r2']);
    expect(r.acks).toEqual([undefined]);
    expect(ackedAt).toBeLessThan(150);
    expect(r.responds).toEqual([{ response_type: 'ephemeral', replace_original: false, text: 'r2' }]);
  });
});
