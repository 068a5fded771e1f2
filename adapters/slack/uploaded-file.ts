// A file the member uploaded in a form, read through the Web API: files.info first (its size is
// checked before anything is downloaded), then its private URL with the bot token, from Slack's
// file host only (or the Web API's own host when SLACK_API_URL points elsewhere, as in tests).

import type { WebClient } from '@slack/web-api';
import { downloadFile, tooLarge, type Downloaded } from '../shared/download-file.ts';
import type { SlackConfig } from './config.ts';
import { IMPORT_FILE_MAX, SLACK_FILE_ORIGINS } from './limits.ts';

/** What Slack said when a Web API call failed (its error code when it gave one). */
function slackProblem(error: unknown): string {
  const code =
    error instanceof Error && 'data' in error ? (error.data as { error?: unknown } | undefined)?.error : undefined;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/** The origins files may be downloaded from. */
export function fileOriginsOf(config: Pick<SlackConfig, 'apiUrl'>): readonly string[] {
  return config.apiUrl ? [...SLACK_FILE_ORIGINS, new URL(config.apiUrl).origin] : SLACK_FILE_ORIGINS;
}

/** The uploaded file's text, or why it could not be read (said to the member; nothing is imported). */
export async function uploadedFileText(
  client: WebClient,
  fileId: string,
  config: Pick<SlackConfig, 'apiUrl' | 'botToken'>,
): Promise<Downloaded> {
  let file: { size?: number; url_private_download?: string; url_private?: string } | undefined;
  try {
    file = (await client.files.info({ file: fileId })).file;
  } catch (error) {
    return { ok: false, reason: `Slack did not give the bot the file (${slackProblem(error)}); upload it again` };
  }
  if (!file) return { ok: false, reason: 'Slack did not give the bot the file; upload it again' };
  if (typeof file.size === 'number' && file.size > IMPORT_FILE_MAX)
    return { ok: false, reason: tooLarge(file.size, IMPORT_FILE_MAX) };
  const url = file.url_private_download ?? file.url_private;
  if (!url) return { ok: false, reason: 'Slack gave no address to download the file from; upload it again' };
  return downloadFile({
    url,
    allowedOrigins: fileOriginsOf(config),
    maxBytes: IMPORT_FILE_MAX,
    headers: { authorization: `Bearer ${client.token ?? config.botToken}` },
  });
}
