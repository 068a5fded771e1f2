// Discord's 3 s window: the first response is "deferred" at once whatever the work takes, and a
// work that fails still ends in a reply (the failure text), never in "thinking…" forever.

import { describe, expect, it } from 'vitest';
import { DEFERRED_EPHEMERAL, deferWork, FAILED_TEXT } from '../../../adapters/discord/listeners/deferral.ts';
import { reply, type Reply } from '../../../src/replies/reply.ts';

describe('deferWork', () => {
  it('answers "deferred, ephemeral" before the work has finished', async () => {
    let release: (value: Reply) => void = () => {};
    const finished: Reply[] = [];
    const handled = deferWork(
      () => new Promise<Reply>((resolve) => (release = resolve)),
      async (done) => void finished.push(done),
    );
    expect(handled.initial).toEqual({ type: 5, data: { flags: 64 } });
    expect(handled.initial).toEqual(DEFERRED_EPHEMERAL);
    expect(finished).toEqual([]);
    release(reply('success', 'Done'));
    await handled.followUp;
    expect(finished.map((done) => done.title)).toEqual(['Done']);
  });

  it('a work that throws is finished with the failure text as an error reply', async () => {
    const finished: Reply[] = [];
    const handled = deferWork(
      async () => {
        throw new Error('db down');
      },
      async (done) => void finished.push(done),
    );
    await handled.followUp;
    expect(finished).toHaveLength(1);
    expect(finished[0]?.kind).toBe('error');
    expect(JSON.stringify(finished[0])).toContain(FAILED_TEXT);
  });
});
