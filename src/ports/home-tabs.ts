// The Home-tab port: which members have a published Home (a dashboard the platform keeps showing,
// Slack's App Home) and until which day it holds. db/home-tab-queries.ts keeps them in PostgreSQL.

import type { Platform } from './store.ts';

/** A member's published Home: who they are on their platform, and the last day it holds. */
export interface HomeTab {
  memberId: number;
  platform: Platform;
  /** The community's platform id (a Slack team id). */
  communityExternalId: string;
  platformUserId: string;
  validUntil: string;
}

export interface HomeTabs {
  /** Records that the member's Home was published and holds through `validUntil`. */
  published(memberId: number, validUntil: string): Promise<void>;
  /** The member's Home, or null when they never opened one (or were forgotten). */
  find(memberId: number): Promise<HomeTab | null>;
  /**
   * Takes up to `limit` Homes on `platform` that ran out before `today`, moving their day to `today`
   * in the same statement so another instance (or the next run, when a publish fails) skips them.
   */
  claimDue(platform: Platform, today: string, limit: number): Promise<HomeTab[]>;
}
