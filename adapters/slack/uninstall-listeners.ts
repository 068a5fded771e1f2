// app_uninstalled and tokens_revoked (the bot's token): the workspace's installation is deleted at
// once, its community data after the grace period (SlackOAuthServices.uninstalled). Bolt skips
// authorize for these two events, so they arrive even though the token is already gone.

import type { App } from '@slack/bolt';
import type { SlackOAuthServices, SlackUninstall } from './oauth.ts';

interface EnvelopeFields {
  team_id?: unknown;
  enterprise_id?: unknown;
  is_enterprise_install?: unknown;
}

function whoOf(body: EnvelopeFields): SlackUninstall {
  return {
    teamId: typeof body.team_id === 'string' && body.team_id !== '' ? body.team_id : null,
    enterpriseId: typeof body.enterprise_id === 'string' && body.enterprise_id !== '' ? body.enterprise_id : null,
    isEnterpriseInstall: body.is_enterprise_install === true,
  };
}

export function registerUninstallListeners(app: App, services: Pick<SlackOAuthServices, 'uninstalled'>): void {
  app.event('app_uninstalled', async ({ body }) => {
    await services.uninstalled(whoOf(body as EnvelopeFields));
  });
  app.event('tokens_revoked', async ({ body, event }) => {
    // Only the bot's token matters: the app asks for no user scopes.
    const bots = (event as { tokens?: { bot?: unknown } }).tokens?.bot;
    if (!Array.isArray(bots) || bots.length === 0) return;
    await services.uninstalled(whoOf(body as EnvelopeFields));
  });
}
