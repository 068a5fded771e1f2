// Running a command for a member from any listener: the admin check asks Slack's users.info only
// when the command's admin rule applies; whatever fails, the member gets an answer. A reply's files
// go after its message, and a failed upload is reported while the message stands.

import type { WebClient } from '@slack/web-api';
import { needsAdmin } from '../../../src/commands/define.ts';
import { runCommand, type CommandInput } from '../../../src/commands/dispatch.ts';
import { findCommand } from '../../../src/commands/registry.ts';
import type { CommandContext } from '../../../src/commands/types.ts';
import type { Reply } from '../../../src/replies/reply.ts';
import { problemReply } from '../../../src/replies/problem-reply.ts';
import { slackContext, type SlackWho } from '../context.ts';
import { slackTimeZoneOf, slackUserTimeZone } from '../user-time-zone.ts';
import type { Member } from '../../../src/ports/store.ts';
import { systemClock } from '../../../src/ports/clock.ts';
import { uploadFiles, type UploadTarget } from '../reply-files.ts';
import type { ListenerDeps } from './deps.ts';
import { refreshHomeAfter } from './app-home.ts';

type UserInfo = ReturnType<WebClient['users']['info']>;

/** users.info asked at most once per request: the admin check and the time zone both read it. */
function userInfoOnce(client: WebClient, userId: string): () => UserInfo {
  let answer: UserInfo | null = null;
  return () => {
    answer ??= client.users.info({ user: userId });
    return answer;
  };
}

/** Whether the workspace says this user may change the community's settings. */
async function isWorkspaceAdmin(userInfo: () => UserInfo): Promise<boolean> {
  const info = await userInfo();
  return info.user?.is_admin === true || info.user?.is_owner === true;
}

/** Whether the command's admin rule applies to this input (then Slack's users.info is asked). */
function needsAdminCheck(input: CommandInput): boolean {
  const command = findCommand(input.command ?? 'help');
  return command !== undefined && needsAdmin(command, input.named, input.positionals);
}

/**
 * The command context for a member: users.info is asked for the admin check only when the admin
 * rule applies, and for the member's time zone about once a day (cached in their row).
 */
export async function memberContext(
  deps: ListenerDeps,
  who: SlackWho,
  input: CommandInput,
  client: WebClient,
): Promise<CommandContext> {
  const userInfo = userInfoOnce(client, who.userId);
  const admin = needsAdminCheck(input) ? await isWorkspaceAdmin(userInfo) : false;
  const { services } = deps;
  const community = slackContext(who, '').community;
  const now = (services.clock ?? systemClock).now();
  const timeZone = await slackUserTimeZone({
    store: services.store,
    client: { users: { info: () => userInfo() } },
    community,
    userId: who.userId,
    now,
    logger: deps.logger,
    cache: deps.timeZones,
  });
  return { ...slackContext(who, deps.today(), admin), timeZone };
}

/**
 * The command context for a command: as memberContext, but the time zone is asked by the
 * dispatcher with the member's row it reads anyway (no second read of community and member).
 */
async function commandContextFor(
  deps: ListenerDeps,
  who: SlackWho,
  input: CommandInput,
  client: WebClient,
): Promise<CommandContext> {
  const userInfo = userInfoOnce(client, who.userId);
  const admin = needsAdminCheck(input) ? await isWorkspaceAdmin(userInfo) : false;
  const { services } = deps;
  const platformTimeZone = (member: Member | null) =>
    slackTimeZoneOf(member, {
      store: services.store,
      client: { users: { info: () => userInfo() } },
      userId: who.userId,
      now: (services.clock ?? systemClock).now(),
      logger: deps.logger,
    });
  return { ...slackContext(who, deps.today(), admin), platformTimeZone };
}

/** Reports an error that happened while serving this member (the member is answered separately). */
export function reportError(deps: ListenerDeps, who: SlackWho, error: unknown): void {
  deps.services.onError?.(error, slackContext(who, deps.today()));
}

/** Runs a command for a member; whatever fails (users.info for the admin check included), they get an answer. */
export function runForMember(
  deps: ListenerDeps,
  who: SlackWho,
  input: CommandInput,
  client: WebClient,
): Promise<Reply> {
  return commandContextFor(deps, who, input, client)
    .then((ctx) => runCommand(deps.services, ctx, input))
    .then((reply) => {
      refreshHomeAfter(deps, client, who, input.command, reply);
      return reply;
    })
    .catch((error: unknown) => {
      reportError(deps, who, error);
      return problemReply();
    });
}

/** Uploads a reply's files after its message went out; a failed upload is reported, the message stands. */
export async function sendFiles(
  deps: ListenerDeps,
  client: WebClient,
  target: UploadTarget,
  reply: Reply,
  who: SlackWho,
): Promise<void> {
  try {
    await uploadFiles(client, target, reply);
  } catch (error) {
    reportError(deps, who, error);
  }
}
