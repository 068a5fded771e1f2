// Issue 10, defect 5: while the database is away a member is answered within seconds that
// nothing was changed, and the bot recovers by itself when the server is back (same handle).
// Runs on a PostgreSQL server of the test's own, which it stops (as in a crash) and starts.

import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/connect.ts';
import { createStoreFor } from '../../db/guarded-store.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import { renderText } from '../../src/replies/render-text.ts';
import type { Reply } from '../../src/replies/reply.ts';
import { commandContext } from '../helpers/command-context.ts';
import { startOwnPostgres, type OwnPostgres } from '../helpers/own-postgres.ts';

/** A behavioural bound ("within a few seconds"), not a benchmark. */
const ANSWER_WITHIN_MS = 5000;

describe('a database outage', () => {
  let server: OwnPostgres;
  let handle: DatabaseHandle;
  let services: Services;
  /** What the metrics and the request log are told about each command. */
  const outcomes: string[] = [];

  beforeAll(async () => {
    server = await startOwnPostgres();
    await server.psql('create database jss');
    handle = await openDatabase({ url: server.url('jss') });
    await migrateDatabase(handle);
    // A short stall bound keeps the frozen-server case quick.
    services = {
      store: createStoreFor(handle, { stallMs: 2000 }),
      observe: (observation) => outcomes.push(observation.outcome),
    };
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
    await server?.destroy();
  });

  const run = (text: string, user = 'alice') => runCommandText(services, commandContext('slack', 'team-1', user), text);

  async function timed(text: string, user?: string): Promise<{ reply: Reply; ms: number }> {
    const started = Date.now();
    const reply = await run(text, user);
    return { reply, ms: Date.now() - started };
  }

  function expectUnavailable({ reply, ms }: { reply: Reply; ms: number }): void {
    expect(reply.kind).toBe('error');
    expect(renderText(reply)).toContain('the database is unavailable; nothing was changed; try again shortly');
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
  }

  it('a stopped server: reads and writes answer "unavailable" within seconds, nothing is written, and it recovers without a restart', async () => {
    expect((await run('add id:a1 client:Acme type:hourly start:2026-01-10 earnings:100')).title).toBe('Added a1');
    await server.stop();
    try {
      outcomes.length = 0;
      expectUnavailable(await timed('list'));
      expectUnavailable(await timed('add id:a2 client:Globex type:hourly start:2026-02-10 earnings:100'));
      expect(outcomes).toEqual(['unavailable', 'unavailable']);
    } finally {
      await server.start();
    }
    const listed = renderText(await run('list'));
    expect(listed).toContain('a1: Acme');
    expect(listed).not.toContain('a2');
    expect((await run('add id:a3 client:Initech type:hourly start:2026-03-10 earnings:100')).title).toBe('Added a3');
  });

  it('a server that stops answering (frozen, connections open): "unavailable" within seconds, then recovery', async () => {
    expect((await run('list', 'bob')).kind).toBe('info');
    const frozen = serverPids(server);
    signal(frozen, 'STOP');
    try {
      expectUnavailable(await timed('list', 'bob'));
      expectUnavailable(await timed('add id:b1 client:Acme type:hourly start:2026-01-10 earnings:100', 'bob'));
    } finally {
      signal(frozen, 'CONT');
    }
    // The abandoned transaction rolled back when the server woke: b1 was never written.
    expect(renderText(await run('list', 'bob'))).not.toContain('b1');
    expect((await run('add id:b2 client:Acme type:hourly start:2026-01-10 earnings:100', 'bob')).title).toBe(
      'Added b2',
    );
  });
});

/** The postmaster and its children (the sessions of the pool among them). */
function serverPids(server: OwnPostgres): number[] {
  const postmaster = Number(readFileSync(`${server.dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  const children = execFileSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(Number);
  return [postmaster, ...children];
}

function signal(pids: number[], name: 'STOP' | 'CONT'): void {
  for (const pid of pids) process.kill(pid, `SIG${name}`);
}
