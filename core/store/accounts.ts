/** Team accounts' part of the store (migration 014): reviewers, their sign-in tokens and sessions (hashes only). */
import type { Db } from '../../db/connection';
import * as accq from '../../db/queries/accounts';
import { on } from './bind';

export type { AccountRow, AccountListRow, TokenRow, TokenKind } from '../../db/queries/accounts';

export function accountStore(db: Db) {
  return {
    accountNamed: on(db, accq.getAccountByName),
    account: on(db, accq.getAccount),
    /** Every account with its live session count and sign-in state at `now`. */
    accounts: on(db, accq.listAccounts),
    addAccount: on(db, accq.insertAccount),
    reactivateAccount: on(db, accq.reactivateAccount),
    revokeAccount: on(db, accq.setAccountRevoked),
    addToken: on(db, accq.insertToken),
    /** A sign-in token or session by the hash of its secret. */
    tokenByHash: on(db, accq.tokenByHash),
    /** The name and role of a live session's active account, by the session's hash (one indexed query). */
    liveSessionAccount: on(db, accq.liveSessionAccount),
    markTokenUsed: on(db, accq.markTokenUsed),
    endToken: on(db, accq.endToken),
    /** End every open token of an account; returns how many live sessions that ended. */
    endAccountTokens: on(db, accq.endAccountTokens),
    pruneTokens: on(db, accq.pruneTokens),
    /** Live sessions of active accounts at `now`, with the account's name and role. */
    liveSessions: on(db, accq.liveSessions),
  };
}
