// Downloads a file a member uploaded to their platform (a Slack file, a Discord attachment), for
// `import`. Only from the origins the adapter allows (the platform's file hosts, or the fake API
// in tests): a credential in `headers` never leaves for another host, redirects included. The size
// is checked before the download (as the platform declared it, then Content-Length) and again
// while reading, so a file larger than declared is cut off, not buffered.

/** How long a download may take, start to end. */
export const DOWNLOAD_TIMEOUT_MS = 15_000;
/** Redirects followed, each to an allowed origin only. */
export const DOWNLOAD_REDIRECTS_MAX = 3;

export interface DownloadRequest {
  url: string;
  /** Origins (scheme://host[:port]) the file may come from, e.g. https://files.slack.com. */
  allowedOrigins: readonly string[];
  maxBytes: number;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export type Downloaded = { ok: true; text: string } | { ok: false; reason: string };

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
}

/** The refusal for a file of `size` bytes over `maxBytes` (the same words before and during a download). */
export function tooLarge(size: number | null, maxBytes: number): string {
  return `the file is ${size === null ? 'larger than that' : `${mib(size)} (${size} bytes)`}; expected a file of at most ${mib(maxBytes)}`;
}

/** The origin of a URL when it is one of the allowed ones, else null. */
export function allowedOrigin(url: string, allowedOrigins: readonly string[]): string | null {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  return allowedOrigins.includes(origin) ? origin : null;
}

async function readUpTo(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function downloadFile(request: DownloadRequest): Promise<Downloaded> {
  const signal = AbortSignal.timeout(request.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  let url = request.url;
  try {
    for (let hop = 0; hop <= DOWNLOAD_REDIRECTS_MAX; hop++) {
      if (!allowedOrigin(url, request.allowedOrigins)) {
        return {
          ok: false,
          reason: `the file is served from ${JSON.stringify(safeOrigin(url))}, which is not the platform's file host; expected one of ${request.allowedOrigins.join(', ')}`,
        };
      }
      const response = await fetch(url, { headers: request.headers ?? {}, redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url).toString();
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, reason: `the platform answered ${response.status} for the file; expected the file itself` };
      }
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > request.maxBytes) {
        await response.body?.cancel();
        return { ok: false, reason: tooLarge(declared, request.maxBytes) };
      }
      const bytes = response.body ? await readUpTo(response.body, request.maxBytes) : Buffer.alloc(0);
      if (!bytes) return { ok: false, reason: tooLarge(null, request.maxBytes) };
      return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
    }
    return { ok: false, reason: `the file was redirected more than ${DOWNLOAD_REDIRECTS_MAX} times` };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError' || signal.aborted;
    return {
      ok: false,
      reason: timedOut
        ? 'the file did not arrive in time; try again'
        : `the file could not be downloaded (${(error as Error).message})`,
    };
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url.slice(0, 60);
  }
}
