// A PostgreSQL server of the test's own (its own data directory, port and socket folder), for
// tests that stop and start the server: never the shared one. The binaries refuse to run as
// root, so they run as the `postgres` OS user. The superuser `postgres` connects over TCP without
// a password; every other role must give its password (scram-sha-256).

import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const BIN = '/usr/lib/postgresql/15/bin';
const OS_USER = 'postgres';

export interface OwnPostgres {
  port: number;
  dataDir: string;
  /** The superuser's URL for `database` (default `postgres`). */
  url(database?: string): string;
  start(): Promise<void>;
  /** Like a crash: the server stops at once, its connections are cut. */
  stop(): Promise<void>;
  /** Runs SQL through psql as the superuser. */
  psql(sql: string, database?: string): Promise<string>;
  /** Stops the server and deletes its folder. */
  destroy(): Promise<void>;
}

const run = promisify(execFile);

/** Root runs the binaries as the postgres user; anyone else runs them as themselves. */
function asServerUser(command: string, args: string[]): Promise<{ stdout: string }> {
  const binary = join(BIN, command);
  return userInfo().uid === 0 ? run('runuser', ['-u', OS_USER, '--', binary, ...args]) : run(binary, args);
}

/** A port nobody listens on now: the kernel's pick for port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const folder = mkdtempSync(join(tmpdir(), 'jss-own-pg-'));
  if (userInfo().uid === 0) {
    const { stdout } = await run('id', ['-u', OS_USER]);
    const { stdout: gid } = await run('id', ['-g', OS_USER]);
    chownSync(folder, Number(stdout.trim()), Number(gid.trim()));
  }
  const dataDir = join(folder, 'data');
  const port = await freePort();
  await asServerUser('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '--no-instructions']);
  writeFileSync(
    join(dataDir, 'pg_hba.conf'),
    ['local all all trust', 'host all postgres 127.0.0.1/32 trust', 'host all all 127.0.0.1/32 scram-sha-256', ''].join(
      '\n',
    ),
  );
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${folder} -c fsync=off -c full_page_writes=off -c shared_buffers=16MB -c max_connections=40`;
  const server: OwnPostgres = {
    port,
    dataDir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await asServerUser('pg_ctl', [
        '-D',
        dataDir,
        '-o',
        options,
        '-l',
        join(folder, 'log'),
        '-w',
        '-t',
        '30',
        'start',
      ]);
    },
    async stop() {
      await asServerUser('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    },
    async psql(sql, database = 'postgres') {
      const { stdout } = await asServerUser('psql', [
        '-h',
        folder,
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        database,
        '-v',
        'ON_ERROR_STOP=1',
        '-Atc',
        sql,
      ]);
      return stdout.trim();
    },
    async destroy() {
      await server.stop().catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
