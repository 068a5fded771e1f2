// The real Bolt app for end-to-end tests: HTTP on a loopback port, its Web API calls going to a
// fake Slack. useSlackApp sets up the whole session for a describe block (a database, the fake
// Web API, the app; all stopped in afterAll; onError collected and expected empty after each
// test); startTestSlackApp starts one app for tests that want several (each with its own services).

import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createSlackApp, type SlackAdapter, type SlackAppOptions } from '../../adapters/slack/app.ts';
import type { Database } from '../../db/database.ts';
import type { Services } from '../../src/commands/dispatch.ts';
import type { Store } from '../../src/ports/store.ts';
import { TEST_AS_OF } from './command-context.ts';
import { databaseKinds, type DatabaseKind, type OpenedDatabase } from './databases.ts';
import { startFakeServer, type FakeResponse, type FakeServer, type RecordedRequest } from './fake-http.ts';
import { TEST_SIGNING_SECRET } from './slack-request.ts';

/** What a test may set of the app's options: all but its services and config. */
type AppOptions = Partial<Omit<SlackAppOptions, 'services' | 'config'>>;

export interface TestSlackApp {
  adapter: SlackAdapter;
  /** http://127.0.0.1:<port> */
  base: string;
  /** base + /slack/events */
  endpoint: string;
}

/** Starts the app on `services`, signed with TEST_SIGNING_SECRET, its Web API calls going to `fakeApiUrl`. */
export async function startTestSlackApp(
  services: Services,
  fakeApiUrl: string,
  options: AppOptions = {},
): Promise<TestSlackApp> {
  const adapter = createSlackApp({
    services,
    config: {
      signingSecret: TEST_SIGNING_SECRET,
      botToken: 'xoxb-test',
      appToken: null,
      port: 0,
      apiUrl: `${fakeApiUrl}/api/`,
    },
    today: () => TEST_AS_OF,
    ...options,
  });
  const base = `http://127.0.0.1:${await adapter.start()}`;
  return { adapter, base, endpoint: `${base}/slack/events` };
}

/** `store` with every call delayed by delayMs() milliseconds (none while it is 0): a slow database. */
function slowable(store: Store, delayMs: () => number): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (delayMs() > 0) await new Promise((resolve) => setTimeout(resolve, delayMs()));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export interface SlackSessionOptions {
  /** The database (PGlite unless told). */
  kind?: DatabaseKind;
  /** How the fake Slack Web API (and response_url, uploads) answers. */
  answer: (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;
  /** More services than the store and the collecting onError (a clock, charts). */
  services?: Omit<Partial<Services>, 'store' | 'onError'>;
  /** More app options (ack budget, App Home…), from the opened database. */
  app?: (database: { store: Store; db: Database }) => AppOptions;
}

export interface SlackSession extends TestSlackApp {
  /** The store itself (the app's calls go through a copy that can be slowed down). */
  readonly store: Store;
  readonly db: Database;
  /** The fake Slack Web API: what the app sent it. */
  readonly slack: FakeServer;
  /** What the app reported to services.onError; expected empty after every test (clear it after provoking one). */
  readonly errors: unknown[];
  /** Milliseconds every store call of the app waits first (0: none), to play a slow database. */
  slowDown: number;
}

/** The database, the fake Web API and the app for the enclosing describe block. */
export function useSlackApp(options: SlackSessionOptions): SlackSession {
  const errors: unknown[] = [];
  let slowDown = 0;
  let database: OpenedDatabase | undefined;
  let slack: FakeServer | undefined;
  let started: TestSlackApp | undefined;
  beforeAll(async () => {
    const kind = options.kind ?? databaseKinds[0];
    if (!kind) throw new Error('no database kinds');
    database = await kind.open();
    slack = await startFakeServer(options.answer);
    const services: Services = {
      ...options.services,
      store: slowable(database.store, () => slowDown),
      onError: (error) => void errors.push(error),
    };
    started = await startTestSlackApp(services, slack.url, options.app?.(database));
  });
  afterEach(() => {
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await started?.adapter.stop();
    await slack?.close();
    await database?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the Slack session starts in beforeAll: read it inside a test');
    return value;
  };
  return {
    errors,
    get slowDown() {
      return slowDown;
    },
    set slowDown(ms: number) {
      slowDown = ms;
    },
    get store() {
      return ready(database).store;
    },
    get db() {
      return ready(database).db;
    },
    get slack() {
      return ready(slack);
    },
    get adapter() {
      return ready(started).adapter;
    },
    get base() {
      return ready(started).base;
    },
    get endpoint() {
      return ready(started).endpoint;
    },
  };
}
