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
}

/** The context of in-process calls that name no caller (tests, first-start sample import). */
export const DEFAULT_CALLER: CallerContext = Object.freeze({ kind: 'test', clientId: 'local' });

export function callerContext(kind: ClientKind, clientId: string | number, reviewer?: string | null): CallerContext {
  const name = reviewer?.trim();
  return Object.freeze({ kind, clientId: String(clientId), ...(name ? { reviewer: name } : {}) });
}
