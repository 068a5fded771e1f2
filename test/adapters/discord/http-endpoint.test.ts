// POST /discord/interactions on loopback with a stand-in handler: what reaches the handler is a
// signed, fresh JSON object with an integer type; everything else is answered before it.

import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { interactionsEndpoint } from '../../../adapters/discord/http-endpoint.ts';
import type { InteractionHandler } from '../../../adapters/discord/interactions.ts';
import { isValidSignature, MAX_SIGNATURE_AGE_SECONDS, publicKeyFromHex } from '../../../adapters/discord/verify.ts';
import { discordKeys, discordSignature } from '../../helpers/discord-request.ts';

const { privateKey, publicHex } = discordKeys();
const now = () => Math.floor(Date.now() / 1000);
const signatureOf = (timestamp: string, body: string) => discordSignature(body, timestamp, privateKey);

describe('isValidSignature: the 5-minute window both ways', () => {
  const key = publicKeyFromHex(publicHex);
  const NOW = 1_800_000_000;
  it.each([
    ['exactly 5 minutes ago', -MAX_SIGNATURE_AGE_SECONDS, true],
    ['5 minutes and 1 second ago', -MAX_SIGNATURE_AGE_SECONDS - 1, false],
    ['exactly 5 minutes ahead', MAX_SIGNATURE_AGE_SECONDS, true],
    ['5 minutes and 1 second ahead', MAX_SIGNATURE_AGE_SECONDS + 1, false],
  ])('a request dated %s: %s', (_, offset, valid) => {
    const timestamp = String(NOW + offset);
    expect(isValidSignature(key, signatureOf(timestamp, '{}'), timestamp, Buffer.from('{}'), NOW)).toBe(valid);
  });
});

describe('the interactions endpoint', () => {
  const handler = vi.fn<InteractionHandler>(async () => ({ initial: { type: 1 }, followUp: null }));
  const errors: unknown[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  let server: Server;
  let endpoint: string;

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    const route = interactionsEndpoint({ publicKey: publicHex, handler, onError: (error) => void errors.push(error) });
    server = createServer((request, response) => void route(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discord/interactions`;
  });

  afterEach(() => {
    handler.mockClear();
    expect(errors).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await new Promise((resolve) => server.close(resolve));
  });

  async function post(body: string, timestamp = String(now())) {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': signatureOf(timestamp, body),
        'x-signature-timestamp': timestamp,
      },
      body,
    });
    return { status: response.status, json: (await response.json().catch(() => null)) as unknown };
  }

  it('hands a signed PING to the handler', async () => {
    const { status, json } = await post('{"type":1}');
    expect(status).toBe(200);
    expect(json).toEqual({ type: 1 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a number', '42'],
    ['a string', '"x"'],
    ['an object without a type', '{}'],
    ['a type that is a string', '{"type":"1"}'],
    ['a type that is not an integer', '{"type":1.5}'],
    ['a type that is null', '{"type":null}'],
  ])('a signed body that is %s: 400 with a reason, and the handler never runs', async (_, body) => {
    const { status, json } = await post(body);
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: expect.any(String) });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['more than 5 minutes in the future', MAX_SIGNATURE_AGE_SECONDS + 60, 401],
    ['more than 5 minutes in the past', -(MAX_SIGNATURE_AGE_SECONDS + 60), 401],
    ['4 minutes in the future', MAX_SIGNATURE_AGE_SECONDS - 60, 200],
  ])('a request dated %s: %i', async (_, offset, expected) => {
    expect((await post('{"type":1}', String(now() + offset))).status).toBe(expected);
  });

  it('a client that goes away in the middle of its body leaves no unhandled rejection', async () => {
    await new Promise<void>((resolve) => {
      const outgoing = httpRequest(endpoint, { method: 'POST', headers: { 'content-length': '1000' } });
      outgoing.on('error', () => resolve());
      outgoing.write('{"type":', () =>
        setTimeout(() => {
          outgoing.destroy();
          resolve();
        }, 50),
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(unhandled).toEqual([]);
    expect((await post('{"type":1}')).status).toBe(200);
  });
});
