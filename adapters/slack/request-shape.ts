// The shapes of request Slack really sends, checked before Bolt sees a body (Bolt reads fields of
// whatever JSON it is given, and `null` ends the process). Forms are parsed with node:querystring,
// as Bolt parses them, so what passes here is what Bolt will read.

import { parse as parseQuery } from 'node:querystring';

export const FORM_TYPE = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export type SlackBody = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

type Fields = Record<string, unknown>;

/** The media type of a content-type header, lower case and without parameters (null when absent). */
export function mediaTypeOf(contentType: string | undefined): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** A slash command: the command and who typed it where (the adapter reads these). */
function commandProblem(body: Fields): string | null {
  if (!isText(body.command) || !body.command.startsWith('/')) return 'command: expected a slash command such as /jss';
  if (!isText(body.team_id) || !isText(body.user_id)) return 'a slash command needs team_id and user_id';
  return null;
}

/** An interactive payload or an Events API body: an object with a string type. */
function typedProblem(body: unknown): string | null {
  if (!isObject(body)) return 'expected a JSON object';
  if (!isText(body.type)) return 'type: expected a string';
  if (body.type === 'url_verification' && typeof body.challenge !== 'string')
    return 'url_verification: expected a challenge';
  if (body.type === 'event_callback' && !(isObject(body.event) && isText(body.event.type)))
    return 'event_callback: expected an event with a type';
  return null;
}

/** Whether a parsed body (as a receiver hands it to Bolt) is one Slack sends; a short reason when not. */
export function slackBodyProblem(body: unknown): string | null {
  if (isObject(body) && 'command' in body) return commandProblem(body);
  return typedProblem(body);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function formBody(text: string): SlackBody {
  const fields = parseQuery(text);
  // Slack never repeats a field; querystring would hand Bolt an array where it reads a string.
  if (Object.values(fields).some(Array.isArray)) return { ok: false, reason: 'a form field appears twice' };
  if ('payload' in fields) {
    const payload = parseJson(String(fields.payload));
    if (!payload.ok) return { ok: false, reason: 'payload: expected JSON' };
    const problem = typedProblem(payload.value);
    return problem ? { ok: false, reason: `payload: ${problem}` } : { ok: true, body: payload.value as Fields };
  }
  if (!('command' in fields)) return { ok: false, reason: 'expected a slash command or a payload' };
  const problem = commandProblem(fields);
  return problem ? { ok: false, reason: problem } : { ok: true, body: fields };
}

function jsonBody(text: string): SlackBody {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, reason: 'expected JSON' };
  const problem = typedProblem(parsed.value);
  return problem ? { ok: false, reason: problem } : { ok: true, body: parsed.value as Fields };
}

/** Parses a request body of the given media type as Bolt will, and accepts only Slack's shapes. */
export function parseSlackBody(text: string, mediaType: string | null): SlackBody {
  if (mediaType === FORM_TYPE) return formBody(text);
  if (mediaType === JSON_TYPE) return jsonBody(text);
  return { ok: false, reason: `content-type: expected ${FORM_TYPE} or ${JSON_TYPE}` };
}

/** Slack's SSL check (a form with ssl_check=1): answered with 200 and nothing else. */
export function isSslCheck(text: string, mediaType: string | null): boolean {
  return mediaType === FORM_TYPE && parseQuery(text).ssl_check === '1';
}
