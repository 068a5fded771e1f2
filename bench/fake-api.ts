// A slim stand-in for a platform's Web API in the bench process: reads each request whole, tells
// `seen` about it (the moment a member's reply or chart has arrived), and answers as the real API
// would. It keeps nothing, so 1,000s of chart uploads cost the bench no memory.

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ApiRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface ApiAnswer {
  status?: number;
  json?: unknown;
}

interface FakeApi {
  url: string;
  close(): Promise<void>;
}

export async function startFakeApi(answer: (request: ApiRequest) => ApiAnswer): Promise<FakeApi> {
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const { status = 200, json } = answer({
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks),
      });
      if (json === undefined) {
        outgoing.writeHead(status);
        outgoing.end();
        return;
      }
      outgoing.writeHead(status, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify(json));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Waiters by key, oldest first: what arrives for a key resolves the oldest request still waiting on it. */
export function arrivals() {
  const waiting = new Map<string, (() => void)[]>();
  return {
    wait(key: string): Promise<number> {
      return new Promise((resolve) => {
        const queue = waiting.get(key) ?? [];
        queue.push(() => resolve(performance.now()));
        waiting.set(key, queue);
      });
    },
    arrived(key: string): void {
      const queue = waiting.get(key);
      const next = queue?.shift();
      if (queue && queue.length === 0) waiting.delete(key);
      next?.();
    },
  };
}
