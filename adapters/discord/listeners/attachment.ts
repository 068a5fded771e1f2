// The file a member attached to a slash command (/jss import file:…), as text. Its size (as the
// payload gives it) is checked before anything is downloaded, and only Discord's file hosts are
// asked, whatever URL a payload names.

import type { APIChatInputApplicationCommandInteraction } from 'discord-api-types/v10';
import { downloadFile, tooLarge, type Downloaded } from '../../shared/download-file.ts';
import { IMPORT_FILE_MAX } from '../limits.ts';

export async function attachmentText(
  interaction: APIChatInputApplicationCommandInteraction,
  attachmentId: string,
  allowedOrigins: readonly string[],
): Promise<Downloaded> {
  const attachment = interaction.data.resolved?.attachments?.[attachmentId];
  if (!attachment) return { ok: false, reason: 'the attached file is missing from the interaction' };
  if (attachment.size > IMPORT_FILE_MAX) return { ok: false, reason: tooLarge(attachment.size, IMPORT_FILE_MAX) };
  return downloadFile({ url: attachment.url, allowedOrigins, maxBytes: IMPORT_FILE_MAX });
}
