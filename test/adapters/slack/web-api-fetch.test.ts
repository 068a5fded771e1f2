// The Web API clients' fetch over node:http: what the WebClient sends arrives as fetch would send
// it (form fields, a multipart upload byte for byte), and answers and failures come back as
// fetch's do (decoded bodies, headers, a rejected redirect, a refused connection, an abort).

import { WebClient } from '@slack/web-api';
import fc from 'fast-check';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApiFetch } from '../../../adapters/slack/web-api-fetch.ts';

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

describe('the Web API fetch over node:http', () => {
  let server: Server;
  let base: string;
  const received: Received[] = [];

  function answer(request: IncomingMessage, response: ServerResponse, body: Buffer): void {
    received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body });
    const path = request.url ?? '';
    if (path === '/gzip') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-seen': 'yes' });
      response.end(gzipSync(JSON.stringify({ ok: true, zipped: true })));
    } else if (path === '/redirect') {
      response.writeHead(302, { location: '/elsewhere' });
      response.end();
    } else if (path === '/slow') {
      setTimeout(() => response.end('late'), 2000).unref();
    } else if (path === '/empty') {
      response.writeHead(204);
      response.end();
    } else if (path.startsWith('/api/')) {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ ok: true, upload_url: `${base}/upload`, file_id: 'F1', channel: { id: 'D1' } }));
    } else {
      response.writeHead(path === '/teapot' ? 418 : 200, { 'content-type': 'text/plain', 'x-one': 'a' });
      response.end(`echo ${body.length}`);
    }
  }

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => answer(request, response, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (path: string, body: RequestInit['body'], extra: RequestInit = {}) =>
    webApiFetch(`${base}${path}`, { method: 'POST', body, redirect: 'error', ...extra });

  it('sends a form body with its headers and a length, and gives status, headers and text back', async () => {
    const response = await post('/teapot', 'channel=D1&text=hi%20there', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-1' },
    });
    expect(response.status).toBe(418);
    expect(response.headers.get('x-one')).toBe('a');
    expect(await response.text()).toBe('echo 26');
    const seen = received.at(-1) as Received;
    expect(seen.method).toBe('POST');
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen.headers.authorization).toBe('Bearer xoxb-1');
    expect(seen.headers['content-length']).toBe('26');
    expect(seen.body.toString()).toBe('channel=D1&text=hi%20there');
  });

  it('sends a FormData as the multipart body fetch sends: every field and file byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), fc.string(), async (bytes, text) => {
        const form = new FormData();
        form.append('comment', text);
        form.append('file', new Blob([bytes]), 'forecast.png');
        const response = await post('/upload', form);
        expect(response.status).toBe(200);
        const seen = received.at(-1) as Received;
        expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
        const parsed = await new Response(new Uint8Array(seen.body), {
          headers: { 'content-type': String(seen.headers['content-type']) },
        }).formData();
        expect(parsed.get('comment')).toBe(text);
        const file = parsed.get('file') as File;
        expect(file.name).toBe('forecast.png');
        expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
      }),
      { numRuns: 25 },
    );
  });

  it('decodes a gzip answer as fetch does; an empty answer has no body', async () => {
    const zipped = await post('/gzip', 'a=1');
    expect(await zipped.json()).toEqual({ ok: true, zipped: true });
    expect(zipped.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('x-seen')).toBe('yes');
    const empty = await post('/empty', 'a=1');
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  it('rejects as fetch does: a redirect (redirect: error), a refused connection, an abort', async () => {
    await expect(post('/redirect', 'a=1')).rejects.toThrow(TypeError);
    await expect(
      webApiFetch('http://127.0.0.1:1/api/x', { method: 'POST', body: 'a=1', redirect: 'error' }),
    ).rejects.toThrow('fetch failed');
    const aborted = post('/slow', 'a=1', { signal: AbortSignal.timeout(50) });
    await expect(aborted).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('serves a WebClient: a method call and a whole file upload (three calls) go through it', async () => {
    const client = new WebClient('xoxb-test', {
      slackApiUrl: `${base}/api/`,
      retryConfig: { retries: 0 },
      fetch: webApiFetch,
    });
    const before = received.length;
    expect((await client.conversations.open({ users: 'U1' })).channel?.id).toBe('D1');
    const png = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 255]);
    await client.files.uploadV2({ channel_id: 'D1', filename: 'forecast.png', file: png, initial_comment: 'c' });
    const paths = received.slice(before).map((seen) => seen.path);
    expect(paths).toEqual([
      '/api/conversations.open',
      '/api/files.getUploadURLExternal',
      '/upload',
      '/api/files.completeUploadExternal',
    ]);
    const upload = received.slice(before)[2] as Received;
    const parsed = await new Response(new Uint8Array(upload.body), {
      headers: { 'content-type': String(upload.headers['content-type']) },
    }).formData();
    // The WebClient sends the upload's bytes as the form's one file.
    const files = [...parsed.values()].filter((value) => typeof value !== 'string');
    expect(files).toHaveLength(1);
    expect(Buffer.from(await (files[0] as Blob).arrayBuffer())).toEqual(png);
  });
});
