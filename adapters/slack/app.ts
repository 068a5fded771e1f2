// /jss on Slack: a Bolt app (HTTP or Socket Mode) in front of the shared command layer.
// Every request is acknowledged within Slack's 3 seconds: with the reply when it is ready in
// time, else empty, and the reply follows through response_url. Serving needs no call to Slack
// at start-up (the authorize function hands Bolt the token, so there is no auth.test).

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { App, LogLevel, type App as BoltApp, type RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { forecastChart, seriesBlockOf } from '../../src/charts/forecast-chart.ts';
import { runCommand, type CommandInput, type Services } from '../../src/commands/dispatch.ts';
import { needsAdmin } from '../../src/commands/define.ts';
import { formId, formToOpen } from '../../src/commands/forms.ts';
import { parseCommandText } from '../../src/commands/grammar.ts';
import { COMMANDS, findCommand } from '../../src/commands/registry.ts';
import type { CommandContext } from '../../src/commands/types.ts';
import { errorReply, sharedView, type Reply } from '../../src/replies/reply.ts';
import { renderText } from '../../src/replies/render-text.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { escapeMrkdwn, renderSlackMessage } from './blocks/index.ts';
import { boltLogger } from './bolt-logger.ts';
import { plainCommandText } from './command-text.ts';
import type { SlackConfig } from './config.ts';
import { slackContext, type SlackWho } from './context.ts';
import { downloadFile, tooLarge, type Downloaded } from '../shared/download-file.ts';
import { ACK_BUDGET_MS, IMPORT_FILE_MAX, INLINE_ATTACHMENT_MAX, SLACK_FILE_ORIGINS } from './limits.ts';
import { GuardedHTTPReceiver, GuardedSocketModeReceiver } from './receivers.ts';
import { oauthReceiverOptions, type SlackOAuthServices } from './oauth.ts';
import { registerUninstallListeners } from './uninstall-listeners.ts';
import { formView, IMPORT_FILE_BLOCK, resultView, submittedArgs, submittedFileIds } from './modals.ts';


export interface SlackAppOptions {
  services: Services;
  config: SlackConfig;
  /** Today where the member is (the workspace's time zone is not in the payload: the server's). */
  today: () => string;
  /** Milliseconds a command may take before the ack goes out without it. */
  ackBudgetMs?: number;
  /** More routes on the same HTTP server (e.g. Discord's interactions endpoint). */
  extraRoutes?: { path: string; method: string; handler: (request: IncomingMessage, response: ServerResponse) => void }[];
  logLevel?: LogLevel;
  /** Where Bolt's own messages go (in the bot's log format); Bolt's console logger when absent. */
  logger?: Logger;
  /** OAuth mode (config.oauth set): where installations are kept and uninstalls go. */
  oauth?: SlackOAuthServices;
}

export interface SlackAdapter {
  app: BoltApp;
  /** Starts serving; resolves with the HTTP port (null in Socket Mode). */
  start(): Promise<number | null>;
  stop(): Promise<void>;
}

type SlackMessage = ReturnType<typeof renderSlackMessage>;

function showsInline(content: string): boolean {
  return escapeMrkdwn(content).length <= INLINE_ATTACHMENT_MAX;
}

/** The rendered reply; small attachments become part of it (so the renderer fits them to the limits). */
function messageOf(reply: Reply): SlackMessage {
  const inline = reply.attachments.filter((attachment) => showsInline(attachment.content));
  const blocks = [...reply.blocks, ...inline.map((attachment) => ({ type: 'text' as const, text: `${attachment.filename}\n${attachment.content}` }))];
  return renderSlackMessage({ ...reply, blocks }, reply.shareCommand ? { shareCommand: reply.shareCommand } : {});
}

/** Where a reply's files go: the member's direct messages, or the channel a reply was shared in. */
type UploadTarget = { userId: string } | { channelId: string };

interface UploadFile {
  filename: string;
  /** Text goes up as `content`, bytes as `file`. */
  data: string | Buffer;
  comment: string;
  altText?: string;
}

/** The files a reply sends beside its message: attachments too large to show inline, and the forecast chart. */
function filesOf(reply: Reply, withAttachments: boolean): UploadFile[] {
  const files: UploadFile[] = withAttachments
    ? reply.attachments
        .filter((attachment) => !showsInline(attachment.content))
        .map((attachment) => ({ filename: attachment.filename, data: attachment.content, comment: reply.title }))
    : [];
  const series = seriesBlockOf(reply);
  if (series) {
    const chart = forecastChart(series);
    files.push({ filename: chart.filename, data: chart.png, comment: series.title, altText: series.title });
  }
  return files;
}

/** Uploads a reply's files; to a channel only its chart goes (large attachments are the member's own data). */
async function uploadFiles(client: WebClient, target: UploadTarget, reply: Reply): Promise<void> {
  const files = filesOf(reply, 'userId' in target);
  if (files.length === 0) return;
  let channel: string | undefined;
  if ('channelId' in target) channel = target.channelId;
  else {
    const opened = await client.conversations.open({ users: target.userId });
    channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
  }
  for (const file of files) {
    const contents = typeof file.data === 'string' ? { content: file.data } : { file: file.data, ...(file.altText && { alt_text: file.altText }) };
    await client.files.uploadV2({ channel_id: channel, filename: file.filename, initial_comment: file.comment, ...contents });
  }
}

function delay(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms).unref());
}

/** Whether the workspace says this user may change the community's settings. */
async function isWorkspaceAdmin(client: WebClient, userId: string): Promise<boolean> {
  const info = await client.users.info({ user: userId });
  return info.user?.is_admin === true || info.user?.is_owner === true;
}

/** What Slack said when a Web API call failed (its error code when it gave one). */
function slackProblem(error: unknown): string {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === 'string' ? code : (error as Error).message;
}

/** Whether the command's admin rule applies to this input (then Slack's users.info is asked). */
function needsAdminCheck(input: CommandInput): boolean {
  const command = findCommand(input.command ?? 'help');
  return command !== undefined && needsAdmin(command, input.named, input.positionals);
}

export function createSlackApp(options: SlackAppOptions): SlackAdapter {
  const { services, config } = options;
  const budget = options.ackBudgetMs ?? ACK_BUDGET_MS;
  const logLevel = options.logLevel ?? LogLevel.WARN;
  // Bolt's messages in the bot's log format, when the bot gives a logger.
  const logger = options.logger ? boltLogger(options.logger, logLevel) : undefined;
  // Our receivers: Bolt's own, with guards in front (malformed bodies must not reach Bolt).
  // OAuth mode: the receiver runs Bolt's installer and Bolt authorises each team from its installation.
  const oauth = config.oauth && options.oauth ? oauthReceiverOptions(config.oauth, options.oauth, config.apiUrl, logger) : null;
  if (config.oauth && !options.oauth) throw new Error('Slack OAuth mode needs its installation store (SlackAppOptions.oauth)');
  const botToken = config.botToken;
  const receiver = config.appToken
    ? new GuardedSocketModeReceiver({ appToken: config.appToken, logLevel, ...(logger && { logger }) })
    : new GuardedHTTPReceiver({ signingSecret: config.signingSecret, port: config.port, logLevel, customRoutes: options.extraRoutes ?? [], ...(logger && { logger }), ...oauth });
  const app = new App({
    receiver,
    ...(config.appToken && { socketMode: true }),
    ...(!oauth && botToken !== null && { authorize: async () => ({ botToken }) }),
    clientOptions: { ...(config.apiUrl && { slackApiUrl: config.apiUrl }), retryConfig: { retries: 2 } },
    logLevel,
    ...(logger && { logger }),
  });
  if (options.oauth) registerUninstallListeners(app, options.oauth);

  async function contextFor(who: SlackWho, input: CommandInput, client: WebClient): Promise<CommandContext> {
    const admin = needsAdminCheck(input) ? await isWorkspaceAdmin(client, who.userId) : false;
    return slackContext(who, options.today(), admin);
  }

  /** Uploads a reply's files after its message went out; a failed upload is reported, the message stands. */
  async function sendFiles(client: WebClient, target: UploadTarget, reply: Reply, who: SlackWho): Promise<void> {
    try {
      await uploadFiles(client, target, reply);
    } catch (error) {
      services.onError?.(error, slackContext(who, options.today()));
    }
  }

  /** Runs a command for a member; whatever fails (users.info for the admin check included), they get an answer. */
  function runFor(who: SlackWho, input: CommandInput, client: WebClient): Promise<Reply> {
    return contextFor(who, input, client)
      .then((ctx) => runCommand(services, ctx, input))
      .catch((error: unknown) => {
        services.onError?.(error, slackContext(who, options.today()));
        return errorReply('jss-coach had a problem on its side and changed nothing. Please try again.');
      });
  }

  /** Runs a command; acks with its reply when it is quick, else acks at once and responds later. */
  async function answer(
    who: SlackWho,
    input: CommandInput,
    ack: (message?: SlackMessage & { response_type: 'ephemeral' }) => Promise<void>,
    respond: RespondFn,
    client: WebClient,
  ): Promise<void> {
    const work = runFor(who, input, client);
    const quick = await Promise.race([work, delay(budget)]);
    if (quick) {
      await ack({ response_type: 'ephemeral', ...messageOf(quick) });
      await sendFiles(client, { userId: who.userId }, quick, who);
      return;
    }
    await ack();
    const reply = await work;
    await respond({ response_type: 'ephemeral', replace_original: false, ...messageOf(reply) });
    await sendFiles(client, { userId: who.userId }, reply, who);
  }

  app.command('/jss', async ({ command, ack, respond, client }) => {
    const who: SlackWho = { teamId: command.team_id, teamDomain: command.team_domain, userId: command.user_id, userName: command.user_name, requestId: command.trigger_id };
    // Slack escapes & < > and sends links and mentions as markup: read what the member typed.
    const parsed = parseCommandText(plainCommandText(command.text ?? ''));
    if (!parsed.ok) {
      await ack({ response_type: 'ephemeral', ...messageOf(errorReply(parsed.message, 'Example: /jss add client:"Acme Ltd" type:hourly start:2026-01-10')) });
      return;
    }
    const input = parsed.parsed;
    // Forms (when the command's definition opens one): the trigger_id is valid 3 seconds and once,
    // so the modal opens before anything else.
    const open = formToOpen(input, options.today());
    const form = open ? formView(open) : null;
    if (form) {
      // Ack first (the trigger_id stays valid for its 3 s), then open the form; if Slack refuses it,
      // say so instead of leaving the command unanswered.
      await ack();
      try {
        await client.views.open({ trigger_id: command.trigger_id, view: form });
      } catch (error) {
        services.onError?.(error, slackContext(who, options.today()));
        await respond({ response_type: 'ephemeral', ...messageOf(errorReply('the form could not be opened; type the command with its arguments instead, e.g. /jss add client:"Acme Ltd" type:hourly start:2026-01-10')) });
      }
      return;
    }
    await answer(who, input, ack as never, respond, client);
  });

  // Files come from Slack's file host only (or the Web API's own host when SLACK_API_URL points elsewhere, as in tests).
  const fileOrigins = config.apiUrl ? [...SLACK_FILE_ORIGINS, new URL(config.apiUrl).origin] : SLACK_FILE_ORIGINS;

  /** An uploaded file's text: files.info first (its size is checked before anything is downloaded), then its private URL with the bot token. */
  async function uploadedFileText(client: WebClient, fileId: string): Promise<Downloaded> {
    let file: { size?: number; url_private_download?: string; url_private?: string } | undefined;
    try {
      file = (await client.files.info({ file: fileId })).file;
    } catch (error) {
      return { ok: false, reason: `Slack did not give the bot the file (${slackProblem(error)}); upload it again` };
    }
    if (!file) return { ok: false, reason: 'Slack did not give the bot the file; upload it again' };
    if (typeof file.size === 'number' && file.size > IMPORT_FILE_MAX) return { ok: false, reason: tooLarge(file.size, IMPORT_FILE_MAX) };
    const url = file.url_private_download ?? file.url_private;
    if (!url) return { ok: false, reason: 'Slack gave no address to download the file from; upload it again' };
    return downloadFile({ url, allowedOrigins: fileOrigins, maxBytes: IMPORT_FILE_MAX, headers: { authorization: `Bearer ${client.token ?? config.botToken}` } });
  }

  type FormOutcome = { kind: 'fileRefused'; reason: string } | { kind: 'reply'; reply: Reply };

  /** The modal's answer to an outcome: errors on the fields it names, else the result in the modal. */
  function formAnswer(outcome: FormOutcome, blockIds: readonly string[]) {
    if (outcome.kind === 'fileRefused') return { response_action: 'errors' as const, errors: { [IMPORT_FILE_BLOCK]: `${outcome.reason}. Nothing was imported.` } };
    const { reply } = outcome;
    if (reply.kind === 'error') {
      const fieldErrors = reply.fieldErrors ?? {};
      const known = Object.keys(fieldErrors).filter((field) => blockIds.includes(field));
      if (known.length > 0) return { response_action: 'errors' as const, errors: Object.fromEntries(known.map((field) => [field, fieldErrors[field] as string])) };
    }
    return { response_action: 'update' as const, view: resultView(reply.title, escapeMrkdwn(renderText({ ...reply, title: '', actions: [] }).trim())) };
  }

  // The import form: the file is read through the Web API, then imported as if it had been pasted.
  // The answer goes in the ack when it is ready in time; else the ack says "Importing…" and the
  // result follows with views.update.
  const fileForms = COMMANDS.filter((command) => command.form && command.body);
  for (const command of fileForms) app.view(formId(command), async ({ ack, body, view, client }) => {
    const fileIds = submittedFileIds(view.state.values as never);
    const named = submittedArgs(view.state.values as never);
    const positionals = view.private_metadata ? [view.private_metadata] : [];
    const who: SlackWho = { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, userName: body.user.name, requestId: `view:${view.id}:${view.hash}` };
    const blockIds = view.blocks.map((block) => block.block_id ?? '');
    const work = (async (): Promise<FormOutcome> => {
      const [fileId] = fileIds;
      if (!fileId) return { kind: 'fileRefused', reason: 'expected a CSV file' };
      const file = await uploadedFileText(client, fileId);
      if (!file.ok) return { kind: 'fileRefused', reason: file.reason };
      const input: CommandInput = { command: command.name, positionals, named, body: file.text };
      return { kind: 'reply', reply: await runCommand(services, slackContext(who, options.today()), input) };
    })().catch((error: unknown): FormOutcome => {
      services.onError?.(error, slackContext(who, options.today()));
      return { kind: 'reply', reply: errorReply('jss-coach had a problem on its side and changed nothing. Please try again.') };
    });
    const quick = await Promise.race([work, delay(budget)]);
    if (quick) {
      await ack(formAnswer(quick, blockIds));
      return;
    }
    await ack({ response_action: 'update', view: resultView('Importing…', 'Reading your file; the result shows here in a moment.') });
    const outcome = await work;
    // Too late for errors on the field: a refused file is told in the modal instead.
    const reply = outcome.kind === 'fileRefused' ? errorReply(`file: ${outcome.reason}`, 'Nothing was imported.') : outcome.reply;
    try {
      await client.views.update({ view_id: view.id, view: resultView(reply.title, escapeMrkdwn(renderText({ ...reply, title: '', actions: [] }).trim())) });
    } catch (error) {
      services.onError?.(error, slackContext(who, options.today()));
    }
  });

  for (const command of COMMANDS.filter((candidate) => candidate.form && !candidate.body)) {
    app.view(formId(command), async ({ ack, body, view }) => {
      const named = submittedArgs(view.state.values as never);
      const positionals = command.form?.opensWhen === 'only-positional' ? [view.private_metadata] : [];
      const input: CommandInput = { command: command.name, positionals, named, body: '' };
      const who: SlackWho = { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, userName: body.user.name, requestId: `view:${view.id}:${view.hash}` };
      const reply = await runCommand(services, slackContext(who, options.today()), input);
      await ack(formAnswer({ kind: 'reply', reply }, view.blocks.map((block) => block.block_id ?? '')));
    });
  }

  // Buttons under a reply run the command they name, privately.
  app.action(/^jss_run_\d+$/, async ({ ack, body, action, respond, client }) => {
    await ack();
    const parsed = parseCommandText((action as { value?: string }).value ?? '');
    if (!parsed.ok || body.type !== 'block_actions') return;
    const who: SlackWho = { teamId: body.team?.id ?? '', userId: body.user.id, userName: body.user.name, requestId: null };
    const reply = await runFor(who, parsed.parsed, client);
    await respond({ response_type: 'ephemeral', replace_original: false, ...messageOf(reply) });
    await sendFiles(client, { userId: who.userId }, reply, who);
  });

  // "Share in channel": the same (read-only) reply, posted for everyone, without buttons.
  app.action('jss_share', async ({ ack, body, action, respond, client }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    const parsed = parseCommandText((action as { value?: string }).value || 'score');
    if (!parsed.ok) return;
    const who: SlackWho = { teamId: body.team?.id ?? '', userId: body.user.id, userName: body.user.name, requestId: null };
    const reply = await runCommand(services, slackContext(who, options.today()), parsed.parsed);
    if (reply.kind === 'error' || !reply.shareable) return;
    const shared = sharedView(reply, `Shared by ${body.user.name ?? 'a member'}`);
    await respond({ response_type: 'in_channel', replace_original: false, ...messageOf(shared) });
    // The chart goes where the reply was shared (Slack needs the bot in that channel), drawn from
    // the shared view: without the member's recorded scores.
    const channelId = body.channel?.id;
    if (channelId) await sendFiles(client, { channelId }, shared, who);
  });

  return {
    app,
    async start() {
      const started: unknown = await app.start(config.port);
      const address = (started as Partial<Server> | undefined)?.address?.();
      return address && typeof address === 'object' ? address.port : null;
    },
    async stop() {
      await app.stop();
    },
  };
}
