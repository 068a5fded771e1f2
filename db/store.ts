// What the command layer asks of the database. Only db/ implements it (and only db/ writes
// SQL); commands see communities, members and contracts in the contract file's vocabulary.

import type { Contract, ModelName, ModelParams, Payment } from '../src/scoring/index.ts';

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
}

/**
 * The outcome of recording a request id: new, or seen before (with the reply saved then, and
 * whether it was this member's request: another member's saved reply must not be shown).
 */
export type RequestClaim = { fresh: true } | { fresh: false; reply: unknown; sameMember: boolean };

export interface Store {
  /** Runs `work` in one database transaction; it rolls back when `work` throws. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;

  /** Finds or creates the community (safe under concurrency). */
  ensureCommunity(ref: CommunityRef): Promise<Community>;
  updateCommunity(communityId: number, settings: CommunitySettings): Promise<Community>;

  /** Finds or creates the member, updating the display name when it changed (safe under concurrency). */
  ensureMember(communityId: number, platformUserId: string, displayName: string): Promise<Member>;
  findMember(communityId: number, platformUserId: string): Promise<Member | null>;
  setMemberFlags(memberId: number, flags: MemberFlags): Promise<Member>;

  /** The member's contracts, in the order they were added; every field present (null when absent). */
  listContracts(memberId: number): Promise<Contract[]>;
  /** One contract by the member's own id (case-insensitive). */
  getContract(memberId: number, contractId: string): Promise<Contract | null>;
  /** False when the member already has a contract with that id (case-insensitive). */
  insertContract(memberId: number, contract: Contract): Promise<boolean>;
  /** Replaces the contract with id `contractId` (its id may change); false when there is none, or the new id is taken. */
  replaceContract(memberId: number, contractId: string, contract: Contract): Promise<boolean>;
  addPayment(memberId: number, contractId: string, payment: Payment): Promise<boolean>;
  deleteContract(memberId: number, contractId: string): Promise<boolean>;
  deleteAllContracts(memberId: number): Promise<number>;
  /** Deletes the member and everything of theirs (contracts, payments, snapshots, confirmations). */
  forgetMember(memberId: number): Promise<void>;

  /** Members of a community who opted in to the leaderboard, with their contracts. */
  leaderboardMembers(communityId: number): Promise<{ member: Member; contracts: Contract[] }[]>;
  saveSnapshot(snapshot: ScoreSnapshot): Promise<void>;

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
}
