// A small HTTP server on loopback that stands in for a platform's Web API in tests: it records
// every request and answers with what the test's handler returns.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body parsed as JSON or as a form, when it is one. */
  data: Record<string, unknown> | null;
}

export interface FakeResponse {
  status?: number;
  json?: unknown;
  text?: string;
}

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  /** Resolves with the first recorded request that matches (now or later). */
  waitFor(match: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

function parseBody(body: string, type: string | undefined): Record<string, unknown> | null {
  try {
    if (type?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
    if (type?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body));
  } catch {
    return null;
  }
  return null;
}

export async function startFakeServer(
  handle: (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>,
): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const waiters: { match: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: incoming.headers,
        body,
        data: parseBody(body, incoming.headers['content-type']),
      };
      requests.push(request);
      for (const waiter of [...waiters]) {
        if (waiter.match(request)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(request);
        }
      }
      const response = await handle(request);
      const status = response.status ?? 200;
      if (response.json !== undefined) {
        outgoing.writeHead(status, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify(response.json));
      } else {
        // No JSON content type on an empty body (Discord's REST client is strict about it).
        outgoing.writeHead(status);
        outgoing.end(response.text ?? '');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    waitFor(match, timeoutMs = 5000) {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the fake server saw no matching request in time')), timeoutMs);
        waiters.push({ match, resolve: (request) => (clearTimeout(timer), resolve(request)) });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
