// Screens POSTs to Slack's events path before Bolt's HTTPReceiver sees them: size, signature and
// replay window, then the body's shape. Bolt 5.1 reads fields of any JSON it is given outside a
// try (a signed `payload=null` ended the process) and waits 3 s on bodies it cannot type, so only
// requests of the shapes Slack sends get through. Bolt reuses the body read here (req.rawBody)
// and checks the signature once more.

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { readBodyUpTo, refuseTooLarge } from '../shared/read-body.ts';
import { REQUEST_BODY_MAX } from './limits.ts';
import { isSslCheck, mediaTypeOf, parseSlackBody } from './request-shape.ts';
import { isValidSlackSignature } from './verify.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackRequestGuardOptions {
  signingSecret: string;
  /** Told why a request was refused (the requester only gets the status and a short reason). */
  warn: (message: string) => void;
  bodyMax?: number;
  nowSeconds?: () => number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function refuse(response: ServerResponse, status: number, reason: string): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(reason);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function isEventsPost(request: IncomingMessage): boolean {
  if (request.method !== 'POST') return false;
  try {
    return new URL(request.url ?? '/', 'http://localhost').pathname === SLACK_EVENTS_PATH;
  } catch {
    return false; // Bolt answers what it cannot route
  }
}

/** True when the request may go on to Bolt; otherwise it has been answered. */
async function screen(
  request: IncomingMessage,
  response: ServerResponse,
  options: SlackRequestGuardOptions,
): Promise<boolean> {
  const read = await readBodyUpTo(request, options.bodyMax ?? REQUEST_BODY_MAX);
  if (!read.ok) {
    options.warn('Slack request refused: body too large');
    refuseTooLarge(response);
    return false;
  }
  const raw = read.body;
  const mediaType = mediaTypeOf(header(request, 'content-type'));
  // Slack's SSL check carries nothing and changes nothing; Bolt answers it unsigned too.
  if (isSslCheck(raw.toString('latin1'), mediaType)) {
    response.writeHead(200);
    response.end();
    return false;
  }
  const now = options.nowSeconds?.();
  if (
    !isValidSlackSignature(
      options.signingSecret,
      header(request, 'x-slack-signature'),
      header(request, 'x-slack-request-timestamp'),
      raw,
      now,
    )
  ) {
    options.warn('Slack request refused: bad signature or timestamp outside the 5-minute window');
    refuse(response, 401, 'invalid request signature');
    return false;
  }
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    options.warn('Slack request refused: not UTF-8');
    refuse(response, 400, 'expected UTF-8');
    return false;
  }
  const parsed = parseSlackBody(text, mediaType);
  if (!parsed.ok) {
    options.warn(`Slack request refused: ${parsed.reason}`);
    refuse(response, 400, parsed.reason);
    return false;
  }
  // Bolt compares the content type exactly and buffers the body only when it has none yet.
  if (mediaType) request.headers['content-type'] = mediaType;
  Object.assign(request, { rawBody: raw });
  return true;
}

/** Wraps Bolt's request listener; other paths and methods go to Bolt as they came. */
export function guardSlackRequests(next: RequestListener, options: SlackRequestGuardOptions): RequestListener {
  return (request, response) => {
    // Synchronously, so Bolt's own dispatch error handler still answers what it cannot route.
    if (!isEventsPost(request)) return next(request, response);
    screen(request, response, options).then(
      (passed) => {
        if (!passed) return;
        try {
          next(request, response);
        } catch (error) {
          options.warn(`Slack request failed in Bolt: ${(error as Error).message}`);
          refuse(response, 500, 'internal error');
        }
      },
      (error: unknown) => {
        // The connection broke while its body was read: there is likely nobody left to answer.
        options.warn(`Slack request not read: ${(error as Error).message}`);
        refuse(response, 400, 'could not read the request');
      },
    );
  };
}
