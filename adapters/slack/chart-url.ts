// The Home's forecast chart at a public URL (Slack's image blocks fetch their picture from one):
// /charts/<token>.png, the token base64url(member id, last valid day, HMAC-SHA256 of both). It is
// unguessable without the key and expires after its day, so a URL seen by someone else shows at
// most one member's chart until then. The key is derived from SLACK_SIGNING_SECRET with HKDF (its
// own purpose, so a chart token never signs anything else); rotating the secret voids every URL.

import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { parseDay } from '../../src/scoring/index.ts';

const CHART_PATH_PREFIX = '/charts/';
const CHART_PATH_SUFFIX = '.png';
/** The route as Bolt's custom routes (path-to-regexp) and the operations server read it. */
export const CHART_ROUTE_PATH = '/charts/:file';

const HKDF_INFO = 'jss-coach chart url v1';
const ID_BYTES = 4;
const DAY_BYTES = 4;
const MAC_BYTES = 32;
const TOKEN_BYTES = ID_BYTES + DAY_BYTES + MAC_BYTES;

/** The key chart tokens are signed with, from the signing secret. */
export function chartKeyFrom(signingSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', signingSecret, Buffer.alloc(0), HKDF_INFO, 32));
}

function payload(memberId: number, day: number): Buffer {
  const bytes = Buffer.alloc(ID_BYTES + DAY_BYTES);
  bytes.writeUInt32BE(memberId, 0);
  bytes.writeUInt32BE(day, ID_BYTES);
  return bytes;
}

function mac(key: Buffer, data: Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

const DAY_MS = 86_400_000;

function dayNumber(day: string): number | null {
  const parsed = parseDay(day);
  return parsed === undefined ? null : Math.round(new Date(`${day}T00:00:00Z`).getTime() / DAY_MS);
}

/** The token for a member's chart, valid through `validUntil` (YYYY-MM-DD). */
export function chartToken(key: Buffer, memberId: number, validUntil: string): string {
  const day = dayNumber(validUntil);
  if (day === null || !Number.isInteger(memberId) || memberId < 0)
    throw new Error(`no chart token for member ${memberId} until ${validUntil}`);
  const data = payload(memberId, day);
  return Buffer.concat([data, mac(key, data)]).toString('base64url');
}

/** The public URL of the member's chart. */
export function chartUrl(publicUrl: string, key: Buffer, memberId: number, validUntil: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${CHART_PATH_PREFIX}${chartToken(key, memberId, validUntil)}${CHART_PATH_SUFFIX}`;
}

/** The member a token names, when it is genuine and still valid on `today`; else null (never saying which). */
export function memberOfToken(key: Buffer, token: string, today: string): number | null {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== TOKEN_BYTES || bytes.toString('base64url') !== token) return null;
  const data = bytes.subarray(0, ID_BYTES + DAY_BYTES);
  if (!timingSafeEqual(bytes.subarray(ID_BYTES + DAY_BYTES), mac(key, data))) return null;
  const now = dayNumber(today);
  if (now === null || data.readUInt32BE(ID_BYTES) < now) return null;
  return data.readUInt32BE(0);
}

/** The token in a request path /charts/<token>.png, or null when the path is not one. */
export function tokenOfPath(path: string): string | null {
  if (!path.startsWith(CHART_PATH_PREFIX) || !path.endsWith(CHART_PATH_SUFFIX)) return null;
  const token = path.slice(CHART_PATH_PREFIX.length, -CHART_PATH_SUFFIX.length);
  return token.length > 0 && !token.includes('/') ? token : null;
}
