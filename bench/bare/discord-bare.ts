// The bare Discord endpoint of bench:discord, run as a child like the bot: verifies the Ed25519
// signature as the bot does and answers "deferred", doing nothing else. BENCH_PUBLIC_KEY names the key.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidSignature, publicKeyFromHex } from '../../adapters/discord/verify.ts';

const key = publicKeyFromHex(process.env.BENCH_PUBLIC_KEY as string);
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const ok = isValidSignature(
      key,
      request.headers['x-signature-ed25519'] as string,
      request.headers['x-signature-timestamp'] as string,
      Buffer.concat(chunks),
    );
    response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ type: 5, data: { flags: 64 } }));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`bare listening on port ${(server.address() as AddressInfo).port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
