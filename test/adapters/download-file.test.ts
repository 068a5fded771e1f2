import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile } from '../../adapters/shared/download-file.ts';
import { startFakeServer, type FakeServer } from '../helpers/fake-http.ts';

const MAX = 1000;

describe('downloadFile: an uploaded file, from allowed origins only, never larger than the limit', () => {
  let files: FakeServer;
  let other: FakeServer;
  /** Sends bodies in chunks without Content-Length, so only the count while reading can stop them. */
  let chunked: Server;
  let chunkedUrl: string;

  beforeAll(async () => {
    other = await startFakeServer(() => ({ text: 'secret-free' }));
    files = await startFakeServer((request) => {
      if (request.path === '/at-limit') return { text: 'x'.repeat(MAX) };
      if (request.path === '/over-limit') return { text: 'x'.repeat(MAX + 1) };
      if (request.path === '/bom') return { text: '\uFEFFid,client\n' };
      if (request.path === '/missing') return { status: 404, text: 'no' };
      return { text: 'ok' };
    });
    chunked = createServer((request, response) => {
      const size = request.url === '/chunked-over' ? MAX + 1 : MAX;
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.write('y'.repeat(size - 10));
      setTimeout(() => response.end('y'.repeat(10)), 20);
    });
    await new Promise<void>((resolve) => chunked.listen(0, '127.0.0.1', resolve));
    chunkedUrl = `http://127.0.0.1:${(chunked.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await files.close();
    await other.close();
    await new Promise((resolve) => chunked.close(resolve));
  });

  const get = (url: string, allowed = [files.url, chunkedUrl], headers = {}) =>
    downloadFile({ url, allowedOrigins: allowed, maxBytes: MAX, headers });

  it('reads a file of exactly the limit; one byte more is refused (Content-Length, or counted while reading)', async () => {
    expect(await get(`${files.url}/at-limit`)).toEqual({ ok: true, text: 'x'.repeat(MAX) });
    expect(await get(`${files.url}/over-limit`)).toEqual({
      ok: false,
      reason: expect.stringContaining('expected a file of at most'),
    });
    expect(await get(`${chunkedUrl}/chunked`)).toEqual({ ok: true, text: 'y'.repeat(MAX) });
    expect(await get(`${chunkedUrl}/chunked-over`)).toEqual({
      ok: false,
      reason: expect.stringContaining('expected a file of at most'),
    });
  });

  it('refuses another origin (scheme, host and port) before any request, and sends its headers to none', async () => {
    const refused = await get(`${other.url}/file.csv`, [files.url], { authorization: 'Bearer xoxb-secret' });
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining("not the platform's file host") });
    expect(await get('https://evil.example/file.csv', [files.url])).toMatchObject({ ok: false });
    expect(await get('not a url', [files.url])).toMatchObject({ ok: false });
    expect(other.requests).toEqual([]);
  });

  it('follows a redirect only to an allowed origin', async () => {
    const hop = createServer((request, response) => {
      response.writeHead(302, { location: request.url === '/to-other' ? `${other.url}/x` : `${files.url}/ok` });
      response.end();
    });
    await new Promise<void>((resolve) => hop.listen(0, '127.0.0.1', resolve));
    const hopUrl = `http://127.0.0.1:${(hop.address() as AddressInfo).port}`;
    try {
      expect(await get(`${hopUrl}/to-files`, [hopUrl, files.url])).toEqual({ ok: true, text: 'ok' });
      expect(
        await get(`${hopUrl}/to-other`, [hopUrl, files.url], { authorization: 'Bearer xoxb-secret' }),
      ).toMatchObject({ ok: false, reason: expect.stringContaining("not the platform's file host") });
      expect(other.requests).toEqual([]);
    } finally {
      await new Promise((resolve) => hop.close(resolve));
    }
  });

  it('says what the host answered for a missing file, and drops a byte-order mark', async () => {
    expect(await get(`${files.url}/missing`)).toEqual({
      ok: false,
      reason: 'the platform answered 404 for the file; expected the file itself',
    });
    expect(await get(`${files.url}/bom`)).toEqual({ ok: true, text: 'id,client\n' });
  });
});
