// Slack OAuth mode, composed: the adapter's installer gets the PostgreSQL installation store
// (tokens sealed with SLACK_TOKEN_KEY), the used-state record, and what an uninstall does; and a
// job deletes the community data of workspaces whose grace period after an uninstall is over.

import type { SlackOAuthConfig } from '../adapters/slack/config.ts';
import type { SlackOAuthServices } from '../adapters/slack/oauth.ts';
import type { Database } from '../db/database.ts';
import { createSlackInstallationStore } from '../db/slack-installations.ts';
import { useStateOnce } from '../db/slack-oauth-states.ts';
import { forgetUninstalledCommunities, recordUninstall, UNINSTALL_GRACE_DAYS } from '../db/slack-uninstalls.ts';
import { createTokenCipher } from '../db/token-cipher.ts';
import type { Logger } from '../src/ports/logger.ts';

export function slackOAuthServices(
  db: Database,
  oauth: SlackOAuthConfig,
  logger: Logger,
  now: () => Date = () => new Date(),
): SlackOAuthServices {
  return {
    installationStore: createSlackInstallationStore(db, createTokenCipher(oauth.tokenKey), now),
    useStateOnce: (state, expiresAt) => useStateOnce(db, state, expiresAt, now()),
    async uninstalled(who) {
      await recordUninstall(db, who, now());
      logger.info(
        { platform: 'slack', team: who.teamId, enterprise: who.enterpriseId },
        `Slack app uninstalled; the workspace's data is deleted in ${UNINSTALL_GRACE_DAYS} days unless it installs again`,
      );
    },
  };
}

const FORGET_EVERY_MS = 6 * 3_600_000;

/** Runs at start and every 6 hours; returns its stop. */
export function startUninstallForgetting(
  db: Database,
  log: (message: string) => void,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = forgetUninstalledCommunities(db, new Date()).then((teams) => {
      if (teams.length > 0)
        log(
          `deleted the community data of ${teams.length} Slack workspace(s) uninstalled ${UNINSTALL_GRACE_DAYS} days ago`,
        );
    }, onError);
  };
  run();
  const timer = setInterval(run, FORGET_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
