// Issue 10, defect 6: a wrong DATABASE_URL printed only `Failed query: CREATE SCHEMA IF NOT
// EXISTS "drizzle"`. Start-up now says what went wrong and what to check (never the password), and
// waits, with backoff and a log line per try, for a server that is down at start.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseStartError, openAndMigrate } from '../../db/startup.ts';
import { freePort, startOwnPostgres, type OwnPostgres } from '../helpers/own-postgres.ts';

const PASSWORD = 'Sesame-7f3a';

describe('start-up errors', () => {
  let server: OwnPostgres;
  const at = (credentials: string, database = 'jss') =>
    `postgres://${credentials}@127.0.0.1:${server.port}/${database}`;

  beforeAll(async () => {
    server = await startOwnPostgres();
    await server.psql(`create database jss`);
    await server.psql(
      `create role pw login password '${PASSWORD}'; create role nopriv login password '${PASSWORD}'; create role shut nologin password '${PASSWORD}'`,
    );
  }, 60_000);
  afterAll(async () => server?.destroy());

  /** The start-up error for `url`, with the log lines written meanwhile. */
  async function failure(url: string, startTimeoutMs = 10_000): Promise<{ message: string; logs: string[] }> {
    const logs: string[] = [];
    try {
      const handle = await openAndMigrate({ url }, { startTimeoutMs, log: (line) => logs.push(line) });
      await handle.close();
    } catch (error) {
      expect(error).toBeInstanceOf(DatabaseStartError);
      const message = (error as Error).message;
      expect(message).not.toContain('Failed query');
      expect(message).not.toContain(PASSWORD);
      return { message, logs };
    }
    throw new Error(`${url} opened`);
  }

  it('a database that does not exist: names it, and how to create it', async () => {
    const { message, logs } = await failure(at('postgres', 'nope'));
    expect(message).toContain(`the database "nope" does not exist on 127.0.0.1:${server.port}`);
    expect(message).toContain('createdb nope');
    expect(logs).toEqual([]);
  });

  it('a wrong password: says so, shows the URL with the password masked', async () => {
    const { message } = await failure(at(`pw:${PASSWORD}x`));
    expect(message).toContain('the server refused the password of user "pw"');
    expect(message).toContain(`postgres://pw:***@127.0.0.1:${server.port}/jss`);
  });

  it('a role that may not log in: says the server does not let it in, and what to check', async () => {
    const { message } = await failure(at(`shut:${PASSWORD}`));
    expect(message).toContain('the server does not let user "shut" in');
    expect(message).toContain('pg_hba.conf');
  });

  it('a role without CREATE on the database: names the privilege to grant', async () => {
    const { message } = await failure(at(`nopriv:${PASSWORD}`));
    expect(message).toContain('user "nopriv" lacks a privilege the migrations need');
    expect(message).toContain('GRANT CREATE ON DATABASE jss TO nopriv');
  });

  it('an unknown host: says so at once', async () => {
    const { message, logs } = await failure('postgres://postgres@no-such-host.invalid:5432/jss');
    expect(message).toContain('the host of no-such-host.invalid:5432 is unknown');
    expect(logs).toEqual([]);
  });

  it('a refused port: tried again with backoff, each try logged, then the cause and what to check', async () => {
    const port = await freePort();
    const started = Date.now();
    const { message, logs } = await failure(`postgres://postgres@127.0.0.1:${port}/jss`, 2500);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(message).toContain(`nothing accepts connections at 127.0.0.1:${port}`);
    expect(message).toContain('Check that PostgreSQL is running');
    expect(message).toMatch(/Gave up after \d+ tries/);
    expect(logs.length).toBeGreaterThanOrEqual(2);
    expect(logs[0]).toContain('database not ready, try 1: nothing accepts connections');
    expect(logs[0]).toContain('Trying again in 1 s');
  });

  it('a server down at start and up within the window: start-up waits for it and succeeds', async () => {
    await server.stop();
    const logs: string[] = [];
    let restarted: Promise<void> | null = null;
    const handle = await openAndMigrate(
      { url: at('postgres') },
      {
        startTimeoutMs: 30_000,
        log: (line) => {
          logs.push(line);
          restarted ??= server.start();
        },
      },
    );
    try {
      await restarted;
      expect(logs.length).toBeGreaterThanOrEqual(1);
      expect(handle.driver).toBe('postgres');
      if (handle.driver === 'postgres')
        expect(await handle.db.$client`select count(*)::int as n from drizzle.__drizzle_migrations`).toEqual([
          { n: expect.any(Number) },
        ]);
    } finally {
      await handle.close();
    }
  });
});
