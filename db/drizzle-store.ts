// The Store over drizzle: one object per database or transaction, each method a small query
// module's function bound to it.

import { forgetCommunity } from './community-forget.ts';
import { historyContracts } from './history-queries.ts';
import * as linkQueries from './link-queries.ts';
import { PERSONAL_HISTORIES_ID } from '../src/commands/history-owner.ts';
import * as contractQueries from './contract-queries.ts';
import * as importQueries from './import-queries.ts';
import type { Database } from './database.ts';
import * as leaderboardQueries from './leaderboard-queries.ts';
import * as memberQueries from './member-queries.ts';
import * as observationQueries from './observation-queries.ts';
import * as requestQueries from './request-queries.ts';
import * as snapshotQueries from './snapshot-queries.ts';
import * as undoQueries from './undo-queries.ts';
import type { Store } from '../src/ports/store.ts';

/** `inTransaction`: `db` is a transaction already, so transaction() runs work in it rather than nesting. */
export function createStore(db: Database, inTransaction = false): Store {
  const store: Store = {
    transaction: (work) => (inTransaction ? work(store) : db.transaction((tx) => work(createStore(tx, true)))),

    ensureCommunity: (ref) => memberQueries.ensureCommunity(db, ref),
    updateCommunity: (communityId, settings) => memberQueries.updateCommunity(db, communityId, settings),
    ensureMember: (communityId, platformUserId, displayName) =>
      memberQueries.ensureMember(db, communityId, platformUserId, displayName),
    findMember: (communityId, platformUserId) => memberQueries.findMember(db, communityId, platformUserId),
    findCommunityMember: (ref, platformUserId) => memberQueries.findCommunityMember(db, ref, platformUserId),
    findMemberById: (memberId) => memberQueries.findMemberById(db, memberId),
    takeLinkCode: (code, now) => linkQueries.takeLinkCode(db, code, now),
    joinHistories: (winner, loser) => linkQueries.joinHistories(db, winner, loser),
    splitHistory: (owner, platform, platformUserId) =>
      linkQueries.splitHistory(db, owner, platform, platformUserId, PERSONAL_HISTORIES_ID),
    ensureMemberWithHistory: (communityId, historyCommunityId, platformUserId, displayName) =>
      memberQueries.ensureMemberWithHistory(db, communityId, historyCommunityId, platformUserId, displayName),
    lockMember: async (memberId) => {
      if (!inTransaction)
        throw new Error('lockMember holds a row lock to the end of a transaction: call it inside transaction()');
      return memberQueries.lockMember(db, memberId);
    },
    setMemberFlags: (memberId, flags) => memberQueries.setMemberFlags(db, memberId, flags),
    setMemberTimeZone: (memberId, timeZone, fetchedAt) =>
      memberQueries.setMemberTimeZone(db, memberId, timeZone, fetchedAt),

    listContracts: (memberId) => contractQueries.listContracts(db, memberId),
    getContract: (memberId, contractId) => contractQueries.getContract(db, memberId, contractId),
    insertContract: (memberId, contract) => contractQueries.insertContract(db, memberId, contract),
    insertContracts: (memberId, list) => importQueries.insertContracts(db, memberId, list),
    replaceContract: (memberId, contractId, contract) =>
      contractQueries.replaceContract(db, memberId, contractId, contract),
    addPayment: (memberId, contractId, payment) => contractQueries.addPayment(db, memberId, contractId, payment),
    deleteContract: (memberId, contractId) => contractQueries.deleteContract(db, memberId, contractId),
    deleteAllContracts: (memberId) => contractQueries.deleteAllContracts(db, memberId),
    importedKeys: (memberId) => importQueries.importedKeys(db, memberId),
    saveImport: (memberId, changes) => importQueries.saveImport(db, memberId, changes),
    forgetMember: (memberId) => memberQueries.forgetMember(db, memberId),
    forgetCommunity: (communityId) => forgetCommunity(db, communityId),

    listObservations: (memberId) => observationQueries.listObservations(db, memberId),
    recordObservation: (memberId, observation) => observationQueries.recordObservation(db, memberId, observation),
    deleteObservation: (memberId, date) => observationQueries.deleteObservation(db, memberId, date),
    deleteAllObservations: (memberId) => observationQueries.deleteAllObservations(db, memberId),
    observationsInCommunity: (communityId) => observationQueries.observationsInCommunity(db, communityId),

    listContractsOf: (memberIds) => historyContracts(db, memberIds),

    saveSnapshots: (snapshots) => snapshotQueries.saveSnapshots(db, snapshots),
    getSnapshot: (memberId) => snapshotQueries.getSnapshot(db, memberId),
    expireSnapshots: (target) => snapshotQueries.expireSnapshots(db, target),
    claimStaleSnapshots: async (scope) => {
      if (!inTransaction) throw new Error('claimStaleSnapshots locks rows: call it inside transaction()');
      return snapshotQueries.claimStaleSnapshots(db, scope);
    },
    hasStaleSnapshots: (communityId, today) => snapshotQueries.hasStaleSnapshots(db, communityId, today),
    promoteSnapshots: (scope) => snapshotQueries.promoteSnapshots(db, scope),
    claimSnapshotsToPromote: async (scope) => {
      if (!inTransaction) throw new Error('claimSnapshotsToPromote locks rows: call it inside transaction()');
      return snapshotQueries.claimSnapshotsToPromote(db, scope);
    },
    claimSnapshotsWithoutNext: async (scope) => {
      if (!inTransaction) throw new Error('claimSnapshotsWithoutNext locks rows: call it inside transaction()');
      return snapshotQueries.claimSnapshotsWithoutNext(db, scope);
    },
    leaderboardPage: (query) => leaderboardQueries.leaderboardPage(db, query),
    scoreHistogram: (communityId) => leaderboardQueries.scoreHistogram(db, communityId),

    claimRequest: (communityId, requestId, memberId) =>
      requestQueries.claimRequest(db, communityId, requestId, memberId),
    pruneRequests: (before) => requestQueries.pruneRequests(db, before),
    saveRequestReply: (communityId, requestId, reply) =>
      requestQueries.saveRequestReply(db, communityId, requestId, reply),

    createConfirmation: (memberId, action, code, expiresAt) =>
      requestQueries.createConfirmation(db, memberId, action, code, expiresAt),
    consumeConfirmation: (memberId, action, code, now) =>
      requestQueries.consumeConfirmation(db, memberId, action, code, now),

    saveUndoSnapshot: (memberId, change, takenAt, expiresAt) =>
      undoQueries.saveUndoSnapshot(db, memberId, change, takenAt, expiresAt),
    sealUndoSnapshot: (memberId) => undoQueries.sealUndoSnapshot(db, memberId),
    getUndoSnapshot: (memberId) => undoQueries.getUndoSnapshot(db, memberId),
    restoreUndoSnapshot: (memberId, now) => undoQueries.restoreUndoSnapshot(db, memberId, now),
    pruneUndoSnapshots: (now, memberId) => undoQueries.pruneUndoSnapshots(db, now, memberId),
  };
  return store;
}
