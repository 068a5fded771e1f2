// The database tables (drizzle pg-core). Money is integer cents, days are SQL `date` read as
// 'YYYY-MM-DD' strings; the CHECKs repeat the contract file's rules so a bad row cannot be stored
// even by code that skipped validation.

import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { MODEL_NAMES, type ModelName, type ModelParams } from '../src/scoring/index.ts';
import {
  CONTRACT_TYPES,
  COUNTED_OUTCOMES,
  END_REASONS,
  type ContractType,
  type CountedOutcome,
  type EndReason,
} from '../src/scoring/index.ts';
import { PLATFORMS, type Platform } from '../src/ports/store.ts';

/** `column IN ('a', 'b')` from one of the project's constant lists (inlined: CHECKs take no parameters). */
function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  for (const value of values) {
    if (!/^[a-z0-9_-]+$/.test(value)) throw new Error(`not a plain word for a CHECK: ${value}`);
  }
  return sql`${column} in (${sql.raw(values.map((value) => `'${value}'`).join(', '))})`;
}

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const day = (name: string) => date(name, { mode: 'string' });
const cents = (name: string) => bigint(name, { mode: 'number' });

export const communities = pgTable(
  'communities',
  {
    id: serial('id').primaryKey(),
    platform: text('platform').$type<Platform>().notNull(),
    externalId: text('external_id').notNull(),
    name: text('name'),
    model: text('model').$type<ModelName>().notNull().default('upwork-2025'),
    params: jsonb('params').$type<Partial<ModelParams>>().notNull().default({}),
    leaderboardEnabled: boolean('leaderboard_enabled').notNull().default(true),
    createdAt: createdAt(),
  },
  (table) => [
    unique('communities_platform_external_id_key').on(table.platform, table.externalId),
    check('communities_platform_check', oneOf(table.platform, PLATFORMS)),
    check('communities_model_check', oneOf(table.model, MODEL_NAMES)),
  ],
);

export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    platformUserId: text('platform_user_id').notNull(),
    displayName: text('display_name').notNull(),
    leaderboardOptIn: boolean('leaderboard_opt_in').notNull().default(false),
    remindersOptIn: boolean('reminders_opt_in').notNull().default(false),
    // The member's IANA time zone ("today" and the reminder hour are theirs). Set by the member
    // (time_zone_fetched_at null), or cached from the platform (Slack's users.info) at that time.
    timeZone: text('time_zone'),
    timeZoneFetchedAt: timestamp('time_zone_fetched_at', { withTimezone: true }),
    // Whose history (contracts, recorded scores, undo snapshot, reminders, time zone) this member's
    // is: null, their own (Slack, console, and a person's own history row); on Discord, the person's
    // row in the platform's personal-history community (src/commands/history-owner.ts), so one
    // person in many servers and in DMs keeps one history. Deleting that row deletes this one.
    historyMemberId: integer('history_member_id').references((): AnyPgColumn => members.id, { onDelete: 'cascade' }),
    // Contract ids the merge of per-server copies (migration 0010) renamed because the copies
    // differed: `list` names them until the member removes or renames them.
    mergedCopies: text('merged_copies').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (table) => [
    unique('members_community_id_platform_user_id_key').on(table.communityId, table.platformUserId),
    // A write expires the snapshots of every server row of the person; forget cascades through it.
    index('members_history_member_id_idx').on(table.historyMemberId),
  ],
);

// Contracts come back in the order they were added: by `id` (a sequence), which an edit keeps
// because replaceContract updates the row in place.
export const contracts = pgTable(
  'contracts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    contractId: text('contract_id').notNull(),
    client: text('client').notNull(),
    type: text('type').$type<ContractType>().notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    /** Null when the member listed only payments: earnings are then their sum. */
    earningsCents: cents('earnings_cents'),
    lastPayment: day('last_payment'),
    stars: doublePrecision('stars'),
    privateScore: doublePrecision('private_score'),
    endReason: text('end_reason').$type<EndReason>(),
    disputed: boolean('disputed').notNull().default(false),
    refunded: boolean('refunded').notNull().default(false),
    clientFlagged: boolean('client_flagged').notNull().default(false),
    pausedForClient: boolean('paused_for_client').notNull().default(false),
    /** What the member knows Upwork counted (overrides the model's outcome); null when not known. */
    counted: text('counted').$type<CountedOutcome>(),
    /** Upwork's contract number, for a contract imported from an Upwork report that named it. */
    upworkContract: text('upwork_contract'),
    /** The contract's title in the Upwork report it came from (matches rows that name no number). */
    upworkTitle: text('upwork_title'),
    /** Source ids of the Upwork refunds already taken off the earnings (so an import applies each once). */
    refundSources: text('refund_sources').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Members type ids in any case: "C1" and "c1" are one contract.
    uniqueIndex('contracts_member_id_lower_contract_id_key').on(table.memberId, sql`lower(${table.contractId})`),
    // One contract a member per Upwork contract number (several may have none).
    uniqueIndex('contracts_member_id_upwork_contract_key').on(table.memberId, table.upworkContract),
    check('contracts_type_check', oneOf(table.type, CONTRACT_TYPES)),
    check('contracts_end_after_start_check', sql`${table.endDate} >= ${table.startDate}`),
    check('contracts_earnings_check', sql`${table.earningsCents} >= 0`),
    check('contracts_stars_check', sql`${table.stars} between 1 and 5`),
    check('contracts_private_score_check', sql`${table.privateScore} between 0 and 10`),
    check('contracts_end_reason_check', oneOf(table.endReason, END_REASONS)),
    check('contracts_counted_check', oneOf(table.counted, COUNTED_OUTCOMES)),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contractRowId: bigint('contract_row_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    date: day('date').notNull(),
    amountCents: cents('amount_cents').notNull(),
    /** Where an imported payment came from (Upwork's transaction or ref id, else date + contract + amount + repeat); null when typed. */
    sourceId: text('source_id'),
  },
  (table) => [
    // Loading a member's contracts reads payments by contract; the FK alone has no index.
    index('payments_contract_row_id_idx').on(table.contractRowId),
    // A payment is imported once (null source ids, typed payments, are all distinct).
    uniqueIndex('payments_contract_row_id_source_id_key').on(table.contractRowId, table.sourceId),
    check('payments_amount_check', sql`${table.amountCents} >= 0`),
  ],
);

/**
 * What Upwork showed a member on a day (their JSS and, when noted, the long-term client %): one row
 * per member and day, so a second reading of the same day replaces the first.
 */
export const observations = pgTable(
  'observations',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    date: day('date').notNull(),
    score: integer('score').notNull(),
    longterm: integer('longterm'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: 'observations_pkey', columns: [table.memberId, table.date] }),
    check('observations_score_check', sql`${table.score} between 0 and 100`),
    check('observations_longterm_check', sql`${table.longterm} between 0 and 100`),
  ],
);

/** Request ids already handled, per community, with the reply given then (retries get it again). */
export const processedRequests = pgTable(
  'processed_requests',
  {
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    requestId: text('request_id').notNull(),
    // The member the request was for: their saved replies go when they are forgotten.
    memberId: integer('member_id').references(() => members.id, { onDelete: 'cascade' }),
    reply: jsonb('reply'),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ name: 'processed_requests_pkey', columns: [table.communityId, table.requestId] })],
);

/**
 * A sort key for one leaderboard: primary % (0–100), then secondary % (null ranks below 0), then
 * counted outcomes, packed into one bigint so "who is ahead of me" is one index range count.
 * Null when the primary is null: the member is listed apart, never ranked as 0.
 */
function rankKey(primary: AnyPgColumn, secondary: AnyPgColumn, outcomes: AnyPgColumn): SQL {
  return sql`case when ${primary} is null then null else ${primary}::bigint * ${sql.raw(String(RANK_KEY_PRIMARY))} + (coalesce(${secondary}, -1) + 1)::bigint * ${sql.raw(String(RANK_KEY_SECONDARY))} + least(${outcomes}, ${sql.raw(String(RANK_KEY_SECONDARY - 1))}) end`;
}

/**
 * The weights of rankKey's parts; db/leaderboard-queries.ts decodes keys with the same numbers. The
 * secondary part reaches 101 × RANK_KEY_SECONDARY (+ outcomes), which must stay below the primary's weight.
 */
export const RANK_KEY_PRIMARY = 10_000_000_000;
export const RANK_KEY_SECONDARY = 10_000_000;

/**
 * One row per member on a leaderboard (opted in): their displayed score as computed on
 * `computed_on`, which holds through `valid_until` if nothing new is recorded. Leaving the
 * leaderboard deletes the row.
 */
export const scoreSnapshots = pgTable(
  'score_snapshots',
  {
    memberId: integer('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    model: text('model').$type<ModelName>().notNull(),
    score: integer('score'),
    window: text('window'),
    longTermPercent: integer('long_term_percent'),
    outcomes: integer('outcomes').notNull(),
    computedOn: day('computed_on').notNull(),
    validUntil: day('valid_until').notNull(),
    // The standing from valid_until + 1 to next_valid_until, computed ahead by the refresh job
    // (nothing new recorded, it is known in advance), so a day change is one UPDATE, not a
    // recomputation. Null when not computed yet; cleared whenever the snapshot is expired.
    nextScore: integer('next_score'),
    nextWindow: text('next_window'),
    nextLongTermPercent: integer('next_long_term_percent'),
    nextOutcomes: integer('next_outcomes'),
    nextValidUntil: day('next_valid_until'),
    // When a write or a model change expired the snapshot (null while it holds, or once it only ran
    // out): how long members have waited for a recomputation, for the metrics.
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    scoreKey: bigint('score_key', { mode: 'number' }).generatedAlwaysAs(
      (): SQL => rankKey(scoreSnapshots.score, scoreSnapshots.longTermPercent, scoreSnapshots.outcomes),
    ),
    longTermKey: bigint('long_term_key', { mode: 'number' }).generatedAlwaysAs(
      (): SQL => rankKey(scoreSnapshots.longTermPercent, scoreSnapshots.score, scoreSnapshots.outcomes),
    ),
  },
  (table) => [
    // A page and "how many are ahead of me" are index range scans, whatever the community's size.
    index('score_snapshots_score_rank_idx')
      .on(table.communityId, table.scoreKey.desc(), table.memberId)
      .where(sql`${table.scoreKey} is not null`),
    index('score_snapshots_long_term_rank_idx')
      .on(table.communityId, table.longTermKey.desc(), table.memberId)
      .where(sql`${table.longTermKey} is not null`),
    // Finds the snapshots that ran out (or were computed for a later day than asked) and need recomputing.
    index('score_snapshots_community_valid_until_idx').on(table.communityId, table.validUntil),
    index('score_snapshots_community_computed_on_idx').on(table.communityId, table.computedOn),
    index('score_snapshots_valid_until_idx').on(table.validUntil),
    // The refresh job's list of snapshots whose next standing is still to compute.
    index('score_snapshots_without_next_idx').on(table.memberId).where(sql`${table.nextValidUntil} is null`),
    check('score_snapshots_model_check', oneOf(table.model, MODEL_NAMES)),
    check('score_snapshots_score_check', sql`${table.score} between 0 and 100`),
    check('score_snapshots_long_term_percent_check', sql`${table.longTermPercent} between 0 and 100`),
    check('score_snapshots_outcomes_check', sql`${table.outcomes} >= 0`),
  ],
);

export const LEADERBOARD_BOARDS = ['score', 'long_term'] as const;
export type LeaderboardBoard = (typeof LEADERBOARD_BOARDS)[number];

/**
 * How many snapshots of a community have each primary value (score or long-term %, -1 for none),
 * kept by triggers on score_snapshots (see migration 0002). Ranks count members ahead through
 * these ≤ 102 rows plus one index range inside the caller's own value, not through every member.
 * No CHECK on `members`: the triggers add signed deltas, which a CHECK on the proposed row would refuse.
 */
export const leaderboardCounts = pgTable(
  'leaderboard_counts',
  {
    communityId: integer('community_id').notNull(),
    board: text('board').$type<LeaderboardBoard>().notNull(),
    value: integer('value').notNull(),
    members: integer('members').notNull(),
  },
  (table) => [
    primaryKey({ name: 'leaderboard_counts_pkey', columns: [table.communityId, table.board, table.value] }),
    check('leaderboard_counts_board_check', oneOf(table.board, LEADERBOARD_BOARDS)),
    check('leaderboard_counts_value_check', sql`${table.value} between -1 and 100`),
  ],
);

export const REMINDER_STATUSES = ['pending', 'sent', 'nothing', 'failed'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/**
 * The daily reminder work: one row per member who wants reminders and day. A worker claims
 * pending rows with FOR UPDATE SKIP LOCKED and marks them done in the same transaction, so
 * several bot instances on one database send each reminder once.
 */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    day: day('day').notNull(),
    status: text('status').$type<ReminderStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: 'reminder_deliveries_pkey', columns: [table.memberId, table.day] }),
    index('reminder_deliveries_pending_idx').on(table.day, table.memberId).where(sql`${table.status} = 'pending'`),
    check('reminder_deliveries_status_check', oneOf(table.status, REMINDER_STATUSES)),
    check('reminder_deliveries_attempts_check', sql`${table.attempts} >= 0`),
  ],
);

/** A pending confirmation code for a dangerous action; one per member and action. */
export const confirmations = pgTable(
  'confirmations',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    code: text('code').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ name: 'confirmations_pkey', columns: [table.memberId, table.action] })],
);

/**
 * The member's contracts and payments as they were before their latest undoable change (remove,
 * import mode:replace), as whole rows (to_jsonb, ids and times included) so `undo` puts back exactly
 * what was there; and as they were right after it, so undo can tell what later writes it discards.
 * One per member (the latest change); kept until `expires_at` (24 hours).
 */
export const undoSnapshots = pgTable(
  'undo_snapshots',
  {
    memberId: integer('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    change: text('change').notNull(),
    contracts: jsonb('contracts').notNull(),
    payments: jsonb('payments').notNull(),
    afterContracts: jsonb('after_contracts'),
    afterPayments: jsonb('after_payments'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('undo_snapshots_expires_at_idx').on(table.expiresAt)],
);

/** PNG bytes as bytea (drizzle has no bytea column of its own). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * Rendered forecast charts, shared by every instance (src/charts/chart-service.ts). `key` hashes
 * the chart's SVG and the renderer's version, so a chart whose data changed is simply not found;
 * rows run out after `valid_until` (the SVG is dated: its first point is the day it was drawn).
 */
export const chartCache = pgTable(
  'chart_cache',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    png: bytea('png').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    validUntil: day('valid_until').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: 'chart_cache_pkey', columns: [table.memberId, table.key] }),
    index('chart_cache_valid_until_idx').on(table.validUntil),
  ],
);

/**
 * A Slack workspace (or Enterprise Grid org, for org-wide installs) that installed the bot through
 * OAuth. `key` is `T:<team id>` or `E:<enterprise id>`. Tokens are sealed (db/token-cipher.ts),
 * never stored in clear.
 */
export const slackInstallations = pgTable('slack_installations', {
  key: text('key').primaryKey(),
  teamId: text('team_id'),
  teamName: text('team_name'),
  enterpriseId: text('enterprise_id'),
  enterpriseName: text('enterprise_name'),
  enterpriseUrl: text('enterprise_url'),
  isEnterpriseInstall: boolean('is_enterprise_install').notNull().default(false),
  appId: text('app_id'),
  botId: text('bot_id'),
  botUserId: text('bot_user_id'),
  botScopes: text('bot_scopes').array().notNull().default(sql`'{}'::text[]`),
  botTokenSealed: text('bot_token_sealed'),
  botRefreshTokenSealed: text('bot_refresh_token_sealed'),
  botTokenExpiresAt: bigint('bot_token_expires_at', { mode: 'number' }),
  installerUserId: text('installer_user_id'),
  installerScopes: text('installer_scopes').array().notNull().default(sql`'{}'::text[]`),
  installerTokenSealed: text('installer_token_sealed'),
  tokenType: text('token_type'),
  authVersion: text('auth_version').notNull().default('v2'),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** OAuth states already used (a hash of each), so one is refused when it comes back. Pruned after they expire. */
export const slackOAuthStates = pgTable('slack_oauth_states', {
  stateHash: text('state_hash').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * The workspaces an org-wide installation (Enterprise Grid) has served, recorded when its row
 * authorises a team's request: the org's uninstall event names no team, so this is how its
 * workspaces' data is scheduled for deletion, and how a team's token is found without its org.
 */
export const slackEnterpriseTeams = pgTable(
  'slack_enterprise_teams',
  {
    teamId: text('team_id').primaryKey(),
    enterpriseId: text('enterprise_id').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('slack_enterprise_teams_enterprise_idx').on(table.enterpriseId)],
);

/**
 * A Slack workspace that uninstalled the bot: its community data is deleted at `forget_after`
 * (the grace period), unless it installs again before then.
 */
export const slackUninstalls = pgTable('slack_uninstalls', {
  teamId: text('team_id').primaryKey(),
  uninstalledAt: timestamp('uninstalled_at', { withTimezone: true }).notNull(),
  forgetAfter: timestamp('forget_after', { withTimezone: true }).notNull(),
});

/**
 * A member's Slack App Home as last published (one row per member who opened it): the day it holds
 * until (their standing's validUntil), so a job republishes it when that day has passed, and writes
 * refresh only Homes that exist. Forgetting the member deletes the row (ON DELETE CASCADE).
 */
export const homeTabs = pgTable(
  'home_tabs',
  {
    memberId: integer('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    validUntil: day('valid_until').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('home_tabs_valid_until_idx').on(table.validUntil)],
);
