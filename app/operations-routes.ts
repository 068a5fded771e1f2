// GET /healthz (the process is alive), GET /readyz (the database answers and its migrations are
// applied; 503 with the reason otherwise) and, with METRICS=on, GET /metrics. Mounted on the
// platform's HTTP server, or served alone when no platform needs one and PORT is set.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export type Readiness = { ready: true } | { ready: false; reason: string };

export interface Route {
  path: string;
  method: string;
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}

export interface OperationsOptions {
  readiness: () => Promise<Readiness>;
  metrics: Registry | null;
  /** Set once a stop has begun: /readyz says so, so a load balancer sends no new requests. */
  stopping: () => boolean;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

export function operationsRoutes(options: OperationsOptions): Route[] {
  const routes: Route[] = [
    { path: '/healthz', method: 'GET', handler: (_request, response) => sendJson(response, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_request, response) => {
        if (options.stopping()) return sendJson(response, 503, { status: 'unavailable', reason: 'shutting down' });
        options
          .readiness()
          .then((readiness) =>
            readiness.ready
              ? sendJson(response, 200, { status: 'ready' })
              : sendJson(response, 503, { status: 'unavailable', reason: readiness.reason }),
          )
          .catch((error: unknown) =>
            sendJson(response, 503, { status: 'unavailable', reason: (error as Error).message }),
          );
      },
    },
  ];
  const registry = options.metrics;
  if (registry) {
    routes.push({
      path: '/metrics',
      method: 'GET',
      handler: (_request, response) => {
        registry
          .metrics()
          .then((text) => {
            response.writeHead(200, { 'content-type': registry.contentType });
            response.end(text);
          })
          .catch((error: unknown) => {
            response.writeHead(500, { 'content-type': 'text/plain' });
            response.end(`metrics failed: ${(error as Error).message}`);
          });
      },
    });
  }
  return routes;
}

/** Answers the routes; anything else is 404. */
export function routeRequest(routes: readonly Route[], request: IncomingMessage, response: ServerResponse): boolean {
  const path = (request.url ?? '/').split('?')[0];
  const route = routes.find((candidate) => candidate.path === path && candidate.method === request.method);
  if (!route) return false;
  route.handler(request, response);
  return true;
}

/** A server with only these routes (Socket Mode, gateway-only, or a console with PORT set). */
export async function serveRoutes(
  routes: readonly Route[],
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (!routeRequest(routes, request, response)) {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
