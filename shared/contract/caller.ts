/**
 * Who calls the API: every transport fills one of these and the dispatcher hands it to
 * the service, so the author of revisions, undo scope, history and (later) roles are
 * read from one place. No node:* here: the contract runs in the browser too.
 */
export type ClientKind = 'window' | 'cli' | 'server' | 'test';

export interface CallerContext {
  /** Which kind of client sent the call. */
  readonly kind: ClientKind;
  /** Which client of that kind (a window's id, a server client's address, the CLI's pid). */
  readonly clientId: string;
  /**
   * The reviewer's name when the transport knows it (e.g. `--author` on the CLI). Absent:
   * the author set in Settings (or the OS user) signs the revisions, as before.
   */
  readonly reviewer?: string;
  /**
   * The signed-in team account (a team server's session, issue 19): its name signs the
   * revisions (it is also `reviewer`) and its role limits the methods (shared/contract/roles.ts).
   * Absent: local use, every role.
   */
  readonly account?: CallerAccount;
  /**
   * An in-process caller's listener for how far long work has got (the CLI's progress bar:
   * an import reports its stages). Never sent over a transport; a handler that reports
   * progress calls it only when present, and it must not throw.
   */
  readonly progress?: ProgressListener;
}

/** A step of long work: `stage` names it ('segmenting', 'converting', 'storing' for an import), `done` of `total` units. */
export interface ProgressReport {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}
export type ProgressListener = (p: ProgressReport) => void;

/** A team reviewer as the caller context carries it. */
export interface CallerAccount {
  readonly name: string;
  readonly role: 'reviewer' | 'lead' | 'admin';
}

/** The context of in-process calls that name no caller (tests, first-start sample import). */
export const DEFAULT_CALLER: CallerContext = Object.freeze({ kind: 'test', clientId: 'local' });

export function callerContext(kind: ClientKind, clientId: string | number, reviewer?: string | null): CallerContext {
  const name = reviewer?.trim();
  return Object.freeze({ kind, clientId: String(clientId), ...(name ? { reviewer: name } : {}) });
}

/** The caller of a team server's request: the signed-in account signs and is checked against the roles. */
export function accountCaller(kind: ClientKind, clientId: string | number, account: CallerAccount): CallerContext {
  return Object.freeze({ kind, clientId: String(clientId), reviewer: account.name, account: Object.freeze({ name: account.name, role: account.role }) });
}
