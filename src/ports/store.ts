// The store port: what the command layer asks of the database. db/ implements it (and only db/ writes
// SQL); commands see communities, members and contracts in the contract file's vocabulary.

import type { ContractImport, ImportedKeys } from '../contracts/upwork/plan.ts';
import type { Contract, ModelName, ModelParams, Observation, Payment } from '../scoring/index.ts';

export const PLATFORMS = ['console', 'slack', 'discord'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface CommunityRef {
  platform: Platform;
  /** The platform's own id: a Slack team id, a Discord guild id (or a DM space), "local" for the console. */
  externalId: string;
  name?: string | null;
}

export interface Community {
  id: number;
  platform: Platform;
  externalId: string;
  name: string | null;
  model: ModelName;
  params: Partial<ModelParams>;
  leaderboardEnabled: boolean;
}

export interface Member {
  id: number;
  communityId: number;
  platformUserId: string;
  displayName: string;
  leaderboardOptIn: boolean;
  remindersOptIn: boolean;
  /** IANA time zone: "today" and the reminder hour are the member's; null: the fallback (UTC). */
  timeZone: string | null;
  /** When the platform was last asked for the zone; null when the member set it themselves. */
  timeZoneFetchedAt: Date | null;
  /** The person's row that owns this member's history (src/commands/history-owner.ts); null or absent: their own. */
  historyMemberId?: number | null;
  /** Contract ids renamed when per-server copies of the history were merged (they differed); `list` names them. */
  mergedCopies?: readonly string[];
}

/** A community member and the member whose history (contracts, scores, reminders, zone) is theirs. */
export interface MemberWithHistory {
  member: Member;
  history: Member;
}

export interface CommunitySettings {
  model?: ModelName;
  params?: Partial<ModelParams>;
  leaderboardEnabled?: boolean;
}

export interface MemberFlags {
  leaderboardOptIn?: boolean;
  remindersOptIn?: boolean;
}

/** A member's displayed score as last computed, for leaderboards; it holds until `validUntil`. */
export interface ScoreSnapshot {
  memberId: number;
  communityId: number;
  model: ModelName;
  score: number | null;
  window: string | null;
  longTermPercent: number | null;
  outcomes: number;
  computedOn: string;
  /** The last day the snapshot holds (the day before the member's next forecast change). */
  validUntil: string;
  /** The standing from validUntil + 1, computed ahead; null (or absent) when not computed yet. */
  next?: NextStanding | null;
}

/** A standing that starts the day after a snapshot runs out, and holds until its own validUntil. */
export interface NextStanding {
  score: number | null;
  window: string | null;
  longTermPercent: number | null;
  outcomes: number;
  validUntil: string;
}

/** A stale snapshot locked for recomputing, with what its community scores by. */
export interface StaleSnapshot {
  memberId: number;
  communityId: number;
  model: ModelName;
  params: Partial<ModelParams>;
}

export type LeaderboardOrder = 'score' | 'longTerm';

export interface LeaderboardPageQuery {
  communityId: number;
  order: LeaderboardOrder;
  /** The caller: their rank is returned, and their page is shown when `page` is undefined. */
  memberId: number;
  page: number | undefined;
  pageSize: number;
  /** At most this many names of members listed apart (no value to rank by yet). */
  unrankedLimit: number;
  /** Also tell whether any snapshot of the community is stale as of this day (YYYY-MM-DD), in the same read. */
  staleAsOf?: string;
}

export interface RankedRow {
  memberId: number;
  displayName: string;
  /** Competition rank: 1 + the number of members strictly ahead. */
  rank: number;
  key: number;
  score: number | null;
  longTermPercent: number | null;
  outcomes: number;
}

export interface LeaderboardView {
  page: number;
  pages: number;
  /** Members ranked (with a value to rank by). */
  total: number;
  rows: RankedRow[];
  /** The caller's rank and 1-based place in the order, when ranked. */
  me: { rank: number; position: number } | null;
  /** The caller is on the leaderboard but has no value to rank by yet. */
  meListedApart: boolean;
  unranked: { total: number; names: string[] };
  /** Some snapshot of the community is stale as of `staleAsOf` (always false without it). */
  stale: boolean;
}

/**
 * The outcome of recording a request id: new, or seen before (with the reply saved then, and
 * whether it was this member's request: another member's saved reply must not be shown).
 */
/** What replaceContract did: replaced it, found no contract with that id, or found the new id taken. */
export type ReplaceOutcome = 'replaced' | 'not-found' | 'id-taken';

export type RequestClaim = { fresh: true } | { fresh: false; reply: unknown; sameMember: boolean };

/** What recording a day's reading did: created the day's record, or replaced this one. */
export interface RecordedObservation {
  replaced: Observation | null;
}

/** A member's contracts before (and right after) their latest undoable change; see the `undo` command. */
export interface UndoSnapshot {
  /** What the change was, as the member would type it ("remove c2", "import mode:replace"). */
  change: string;
  takenAt: Date;
  expiresAt: Date;
  before: Contract[];
  /** Right after the change; null when it was never noted (treated as "changed since"). */
  after: Contract[] | null;
}

/** What `findCommunityMember` found: neither, the community alone, or both. */
export interface CommunityMember {
  community: Community | null;
  member: Member | null;
  /** The row the member's `historyMemberId` points to, when it is set and the row is there. */
  history: Member | null;
}

export interface Store {
  /** Runs `work` in one database transaction; it rolls back when `work` throws. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;

  /** Finds or creates the community (safe under concurrency). */
  ensureCommunity(ref: CommunityRef): Promise<Community>;
  updateCommunity(communityId: number, settings: CommunitySettings): Promise<Community>;

  /** Finds or creates the member, updating the display name when it changed (safe under concurrency). */
  ensureMember(communityId: number, platformUserId: string, displayName: string): Promise<Member>;
  findMember(communityId: number, platformUserId: string): Promise<Member | null>;
  /**
   * The community and, when both are stored, the member in it and their history row: one read that
   * writes nothing (the dispatcher's first statement on every command; ensure* make what it did not find).
   */
  findCommunityMember(ref: CommunityRef, platformUserId: string): Promise<CommunityMember>;
  /**
   * Finds or creates the member and the person's history row in `historyCommunityId`, the member
   * pointing at it (safe under concurrency; the history row's name is set once, never renamed).
   */
  ensureMemberWithHistory(
    communityId: number,
    historyCommunityId: number,
    platformUserId: string,
    displayName: string,
  ): Promise<MemberWithHistory>;
  findMemberById(memberId: number): Promise<Member | null>;

  /** Uses up an unexpired `link` code (made with createConfirmation, action 'link'): the member row that issued it, and its platform. */
  takeLinkCode(code: string, now: Date): Promise<{ memberId: number; platform: Platform } | null>;
  /**
   * Joins `loser`'s history into `winner`'s (both locked): the loser's contracts whose id or Upwork
   * number the winner lacks move over, and scores of days it lacks; the rest of the loser's goes.
   */
  joinHistories(winner: number, loser: number): Promise<{ movedContracts: number; droppedContracts: number }>;
  /**
   * Splits the rows of `platform`/`platformUserId` from the other identities sharing `owner`'s
   * history, the side without the owner getting a copy of it; false when nothing is linked.
   */
  splitHistory(owner: number, platform: Platform, platformUserId: string): Promise<boolean>;
  /**
   * Locks the member's row to the end of the transaction, so one member's writes run one after
   * another (other members and foreign-key checks are not held up); returns the member as now
   * stored, or null when they were deleted meanwhile. Only inside transaction().
   */
  lockMember(memberId: number): Promise<Member | null>;
  setMemberFlags(memberId: number, flags: MemberFlags): Promise<Member>;
  /** Sets (null: clears) the member's time zone; `fetchedAt` null when the member chose it. Null when the member is gone. */
  setMemberTimeZone(memberId: number, timeZone: string | null, fetchedAt: Date | null): Promise<Member | null>;

  /** The member's contracts, in the order they were added; every field present (null when absent). */
  listContracts(memberId: number): Promise<Contract[]>;
  /** One contract by the member's own id (case-insensitive). */
  getContract(memberId: number, contractId: string): Promise<Contract | null>;
  /** False when the member already has a contract with that id (case-insensitive). */
  insertContract(memberId: number, contract: Contract): Promise<boolean>;
  /** Inserts all the contracts or none; returns the ids the member already has (empty: all stored). */
  insertContracts(memberId: number, contracts: readonly Contract[]): Promise<string[]>;
  /** Replaces the contract with id `contractId` (its id may change), or says there is none, or that the new id is taken. */
  replaceContract(memberId: number, contractId: string, contract: Contract): Promise<ReplaceOutcome>;
  addPayment(memberId: number, contractId: string, payment: Payment): Promise<boolean>;
  deleteContract(memberId: number, contractId: string): Promise<boolean>;
  deleteAllContracts(memberId: number): Promise<number>;
  /** What the member's Upwork imports left: contracts' Upwork numbers and titles, source ids of payments and refunds. */
  importedKeys(memberId: number): Promise<ImportedKeys>;
  /** Stores an Upwork import whole; false (nothing stored) when something it relied on changed meanwhile. */
  saveImport(memberId: number, changes: readonly ContractImport[]): Promise<boolean>;
  /** Deletes the member and everything of theirs (contracts, payments, observations, snapshots, undo snapshots, confirmations); false when there was no such member. */
  forgetMember(memberId: number): Promise<boolean>;
  /**
   * Deletes every member of the community with all of theirs, its request ids, and resets its
   * settings (the community stays, empty); returns how many members went, or null when there is no
   * such community.
   */
  forgetCommunity(communityId: number): Promise<number | null>;

  /** The scores the member saw on Upwork, oldest first. */
  listObservations(memberId: number): Promise<Observation[]>;
  /** Records the day's reading; one per member and day, so an earlier one of that day is replaced. */
  recordObservation(memberId: number, observation: Observation): Promise<RecordedObservation>;
  deleteObservation(memberId: number, date: string): Promise<boolean>;
  deleteAllObservations(memberId: number): Promise<number>;
  /** Every member of the community who recorded a score, keyed by their history's owner, with their records (for figures without names). */
  observationsInCommunity(communityId: number): Promise<Map<number, Observation[]>>;

  /** Several members' contracts at once, each read from their history's owner (members without any are absent from the map). */
  listContractsOf(memberIds: readonly number[]): Promise<Map<number, Contract[]>>;

  /** Stores members' standings; a newer snapshot replaces the member's older one. */
  saveSnapshots(snapshots: readonly ScoreSnapshot[]): Promise<void>;
  /** The member's snapshot; present exactly while they are on the leaderboard (opted in). */
  getSnapshot(memberId: number): Promise<ScoreSnapshot | null>;
  /** Marks snapshots stale (the member's contracts, or their history's, or the community's settings changed). */
  expireSnapshots(target: { memberId: number } | { communityId: number }): Promise<void>;
  /**
   * Locks up to `limit` stale snapshots (valid_until before `today`, or computed after it) of a
   * community, or of every community when `communityId` is null. Only inside transaction().
   */
  claimStaleSnapshots(scope: {
    communityId: number | null;
    today: string;
    limit: number;
    skipLocked: boolean;
  }): Promise<StaleSnapshot[]>;
  /** Whether any snapshot of the community needs moving on or recomputing as of `today`. */
  hasStaleSnapshots(communityId: number, today: string): Promise<boolean>;
  /**
   * Moves snapshots that ran out before `today` on to their precomputed next standing, when that
   * covers `today` (one UPDATE; no contracts read). Returns how many moved.
   */
  promoteSnapshots(scope: { communityId: number | null; today: string }): Promise<number>;
  /**
   * Locks up to `limit` snapshots that promoteSnapshots would move on (of a community, or of all),
   * with their community's model, so the job can save each promoted with its following standing
   * in one write. Only inside transaction().
   */
  claimSnapshotsToPromote(scope: {
    communityId: number | null;
    today: string;
    limit: number;
    skipLocked: boolean;
  }): Promise<(StaleSnapshot & { snapshot: ScoreSnapshot })[]>;
  /** Locks up to `limit` fresh snapshots without a next standing, skipping locked ones. Only inside transaction(). */
  claimSnapshotsWithoutNext(scope: {
    today: string;
    limit: number;
  }): Promise<(StaleSnapshot & { snapshot: ScoreSnapshot })[]>;
  /** A leaderboard page from fresh snapshots (refresh stale ones first), the caller's rank, and who is listed apart. */
  leaderboardPage(query: LeaderboardPageQuery): Promise<LeaderboardView>;
  /** How many members of the leaderboard have each score. */
  scoreHistogram(communityId: number): Promise<Map<number, number>>;

  /**
   * Records a request id (per community) in the current transaction. A request seen before
   * returns the reply saved for it, so a retried request has its effect once.
   */
  claimRequest(communityId: number, requestId: string, memberId: number): Promise<RequestClaim>;
  saveRequestReply(communityId: number, requestId: string, reply: unknown): Promise<void>;
  /** Drops request ids recorded before `before`; returns how many. */
  pruneRequests(before: Date): Promise<number>;

  /** A pending confirmation for a dangerous action (e.g. forget), valid until `expiresAt` (ISO time). */
  createConfirmation(memberId: number, action: string, code: string, expiresAt: Date): Promise<void>;
  /** True once when the code matches an unexpired confirmation of the member's; it is used up then. */
  consumeConfirmation(memberId: number, action: string, code: string, now: Date): Promise<boolean>;

  /** Saves the member's contracts and payments, whole rows, before an undoable change (replacing their older snapshot). */
  saveUndoSnapshot(memberId: number, change: string, takenAt: Date, expiresAt: Date): Promise<void>;
  /** Notes the member's contracts right after the change, in the same transaction. */
  sealUndoSnapshot(memberId: number): Promise<void>;
  /** The member's snapshot, expired or not. */
  getUndoSnapshot(memberId: number): Promise<UndoSnapshot | null>;
  /** Puts the snapshot's rows back in place of the member's contracts and uses it up; false (nothing changed) without an unexpired one. */
  restoreUndoSnapshot(memberId: number, now: Date): Promise<boolean>;
  /** Deletes snapshots expired by `now`, of one member or of all; returns how many. */
  pruneUndoSnapshots(now: Date, memberId?: number): Promise<number>;
}
