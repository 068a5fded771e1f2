// OAuth mode: many workspaces install the bot from one deployment. Bolt's HTTPReceiver runs
// @slack/oauth's installer when given these options: GET /slack/install serves the "Add to Slack"
// page (and sets the state cookie), GET /slack/oauth_redirect checks the state, calls
// oauth.v2.access (and auth.test) through SLACK_API_URL like every other Web API call, and saves the
// installation in the store the composition root gives (PostgreSQL, tokens encrypted). Bolt then
// authorises every request from that store, per team. The request guard screens only POSTs to
// /slack/events, so these GET routes reach the installer as they came.

import type { HTTPReceiverOptions, InstallationStore, Logger } from '@slack/bolt';
import type { SlackOAuthConfig } from './config.ts';
import { createOAuthStateStore, type UseStateOnce } from './oauth-state.ts';
import { webApiFetch } from './web-api-fetch.ts';

const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes asked at install (as adapters/slack/manifest.yml lists them; a test keeps them in step). */
export const BOT_SCOPES = ['commands', 'chat:write', 'users:read', 'im:write', 'files:write', 'files:read'] as const;

/** Who uninstalled: a workspace, or an Enterprise Grid org for org-wide installs. */
export interface SlackUninstall {
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
}

/** What OAuth mode needs from outside the adapter (the database, through app/). */
export interface SlackOAuthServices {
  installationStore: InstallationStore;
  /** True the first time an OAuth state comes back; false when it was used before. */
  useStateOnce: UseStateOnce;
  /** The app was uninstalled or its bot token revoked: forget the installation (and, later, the data). */
  uninstalled(who: SlackUninstall): Promise<void>;
}

/** The receiver options that turn Bolt's installer on. */
export function oauthReceiverOptions(
  oauth: SlackOAuthConfig,
  services: SlackOAuthServices,
  apiUrl: string | null,
  logger?: Logger,
): Pick<
  HTTPReceiverOptions,
  'clientId' | 'clientSecret' | 'installationStore' | 'scopes' | 'redirectUri' | 'installerOptions'
> {
  const store = services.installationStore;
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    // Logged, so an operator sees each workspace arrive; the installation itself is never logged.
    installationStore: {
      storeInstallation: async (installation, storeLogger) => {
        await store.storeInstallation(installation, storeLogger);
        logger?.info(
          `Slack app installed in ${installation.isEnterpriseInstall ? `org ${installation.enterprise?.id}` : `workspace ${installation.team?.id}`}`,
        );
      },
      fetchInstallation: (query, storeLogger) => store.fetchInstallation(query, storeLogger),
      ...(store.deleteInstallation && { deleteInstallation: store.deleteInstallation.bind(store) }),
    },
    scopes: [...BOT_SCOPES],
    ...(oauth.redirectUrl && { redirectUri: oauth.redirectUrl }),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      stateStore: createOAuthStateStore(oauth.stateSecret, services.useStateOnce),
      // The installer's own Web API client (oauth.v2.access, auth.test): the receiver builds it, not
      // the App, so the App's clientOptions do not reach it.
      clientOptions: { ...(apiUrl && { slackApiUrl: apiUrl }), retryConfig: { retries: 2 }, fetch: webApiFetch },
    },
  };
}
