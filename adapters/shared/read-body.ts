// Reads a request body up to a limit, for the platforms' webhook endpoints. Past the limit nothing
// more is kept, but the rest is read and dropped rather than the socket destroyed: a client still
// sending would otherwise get a connection reset instead of the 413.

import type { IncomingMessage, ServerResponse } from 'node:http';

export type ReadBody = { ok: true; body: Buffer } | { ok: false; tooLarge: true };

export function readBodyUpTo(request: IncomingMessage, maxBytes: number): Promise<ReadBody> {
  // A declared length over the limit is refused before a byte is read.
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    request.resume();
    return Promise.resolve({ ok: false, tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      request.off('data', onData).off('end', onEnd);
      request.resume();
      resolve({ ok: false, tooLarge: true });
    };
    const onEnd = (): void => resolve({ ok: true, body: Buffer.concat(chunks) });
    // A client that goes away mid-body: settle instead of waiting forever (a no-op once settled).
    const onClose = (): void => reject(new Error('the connection closed before the body ended'));
    request.on('data', onData).once('end', onEnd).once('error', reject).once('close', onClose);
  });
}

export function refuseTooLarge(response: ServerResponse): void {
  response.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('request body too large');
}
