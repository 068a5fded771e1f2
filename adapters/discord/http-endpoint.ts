// POST /discord/interactions: verifies Discord's Ed25519 signature over the raw body, answers 400
// to a body that is not an interaction before the handler reads it, answers with the first
// response at once, and lets the follow-up complete in the background. Stateless, so several
// instances can serve one application behind a load balancer on one database.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIInteraction } from 'discord-api-types/v10';
import { readBodyUpTo, refuseTooLarge } from '../shared/read-body.ts';
import type { InteractionHandler } from './interactions.ts';
import { REQUEST_BODY_MAX } from './limits.ts';
import { isValidSignature, publicKeyFromHex } from './verify.ts';

export const INTERACTIONS_PATH = '/discord/interactions';

function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status);
    response.end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Discord sends a JSON object with an integer type; the handler reads its fields without asking. */
function interactionProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  if (!Number.isInteger((value as { type?: unknown }).type)) return 'type: expected an integer';
  return null;
}

export interface InteractionsEndpointOptions {
  publicKey: string;
  handler: InteractionHandler;
  onError?: (error: unknown) => void;
}

export function interactionsEndpoint(
  options: InteractionsEndpointOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const key = publicKeyFromHex(options.publicKey);
  return async (request, response) => {
    if (request.method !== 'POST') return send(response, 405);
    let read;
    try {
      read = await readBodyUpTo(request, REQUEST_BODY_MAX);
    } catch {
      // The client went away mid-body: nobody is left to answer.
      return;
    }
    if (!read.ok) return refuseTooLarge(response);
    const body = read.body;
    const signature = request.headers['x-signature-ed25519'];
    const timestamp = request.headers['x-signature-timestamp'];
    if (
      !isValidSignature(
        key,
        typeof signature === 'string' ? signature : undefined,
        typeof timestamp === 'string' ? timestamp : undefined,
        body,
      )
    ) {
      return send(response, 401, { error: 'invalid request signature' });
    }
    let interaction: unknown;
    try {
      interaction = JSON.parse(body.toString('utf8'));
    } catch {
      return send(response, 400, { error: 'expected a JSON interaction' });
    }
    const problem = interactionProblem(interaction);
    if (problem) return send(response, 400, { error: problem });
    try {
      // Signed by Discord and shaped like an interaction: its fields are Discord's to vouch for.
      const handled = await options.handler(interaction as APIInteraction);
      send(response, 200, handled.initial);
      handled.followUp?.catch((error: unknown) => options.onError?.(error));
    } catch (error) {
      options.onError?.(error);
      send(response, 500, { error: 'internal error' });
    }
  };
}
