// The composition of OAuth mode: startPlatforms with OAuth settings serves the install page on the
// shared port, with installations in the database it is given (and refuses to start without one).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatforms } from '../../app/platforms.ts';
import { readSettings, type Settings } from '../../app/settings/read.ts';
import { silentLogger } from '../../src/ports/logger.ts';
import { databaseKinds, type OpenedDatabase } from '../helpers/databases.ts';

const pglite = databaseKinds[0];
if (!pglite) throw new Error('no database kinds');

function oauthSettings(): Settings {
  const result = readSettings({
    SLACK_CLIENT_ID: '1.2',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 's'.repeat(40),
    SLACK_TOKEN_KEY: 'ab'.repeat(32),
    SLACK_SIGNING_SECRET: 'signing',
    PORT: '0',
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.settings;
}

describe('Slack OAuth mode, composed', () => {
  let database: OpenedDatabase;

  beforeAll(async () => {
    database = await pglite.open();
  });
  afterAll(async () => database?.close());

  it('serves the "Add to Slack" page and keeps the health route on the same port', async () => {
    const settings = oauthSettings();
    let port = 0;
    const platforms = await startPlatforms({
      settings,
      services: { store: database.store },
      today: () => '2026-11-22',
      logger: {
        ...silentLogger,
        info: (fields) => void (port = Number((fields as { port?: number }).port ?? port)),
        child: () => silentLogger,
      },
      routes: [
        {
          path: '/healthz',
          method: 'GET',
          handler: (_request, response) => (response.writeHead(200), response.end('ok')),
        },
      ],
      db: database.db,
    });
    try {
      expect(port).toBeGreaterThan(0);
      const page = await fetch(`http://127.0.0.1:${port}/slack/install`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Add to Slack');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await platforms.stop();
    }
  });

  it('refuses to start OAuth mode without the database', async () => {
    await expect(
      startPlatforms({
        settings: oauthSettings(),
        services: { store: database.store },
        today: () => '2026-11-22',
        logger: silentLogger,
        routes: [],
      }),
    ).rejects.toThrow(/needs the database/);
  });
});
