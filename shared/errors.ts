/**
 * The one error type every layer throws for problems the user can act on.
 * Transports map `code` to their own vocabulary (HTTP status, CLI exit code, IPC error payload).
 */
import type { ErrorMessageRef, KeyedMessage } from './error-messages';

export type ErrorCode =
  | 'invalid-input' // malformed arguments or payload
  | 'import-rejected' // empty, binary, too large or undecodable file
  | 'not-found'
  | 'forbidden' // a team reviewer's role does not allow the action (shared/contract/roles.ts)
  | 'conflict' // e.g. a project name already taken, nothing to undo
  | 'edit-conflict' // a write based on a version someone else has since changed (details: shared/domain/schemas.ts EditConflictDetails)
  | 'bundle-future' // a project bundle of a newer format than this Jiaodui reads (core/bundle.ts)
  | 'bundle-digest' // a project bundle whose content does not match its digest (changed or damaged on the way)
  | 'db-busy' // another process holds the write lock longer than busy_timeout
  | 'db-in-use' // a restore refused: another process has the database open (core/db-users-registry.ts)
  | 'db-future' // database written by a newer Jiaodui
  | 'db-corrupt' // the database file is damaged (core/recovery.ts offers a backup or a new database)
  | 'team-unreachable' // a team server this app is connected to did not answer (shared/contract/remote.ts)
  | 'team-signed-out' // a team server no longer knows this app's session there (revoked, expired): connect again
  | 'internal';

export class JiaoduiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** The message as a key and parameters (shared/error-messages.ts), for the UI language; `message` is its English text. */
  readonly messageData?: ErrorMessageRef;
  /** `message`: the English text, or `em(key, params)` (the English text and its key: README "Languages"). */
  constructor(code: ErrorCode, message: string | KeyedMessage, details?: unknown, messageData?: ErrorMessageRef) {
    super(typeof message === 'string' ? message : message.message);
    this.name = 'JiaoduiError';
    this.code = code;
    this.details = details;
    const data = typeof message === 'string' ? messageData : message.messageData;
    if (data) this.messageData = data;
  }
}

export function isJiaoduiError(e: unknown): e is JiaoduiError {
  return e instanceof JiaoduiError;
}

/**
 * Run `fn`; a file it refuses (an error of one of `codes`: by default 'import-rejected') is
 * refused naming the file: the message gets `NAME: ` in front (once), the details `fileName`.
 * Import, preview, attach and `check FILE` use it, so the CLI's one line and the app's import
 * dialog both say which file; the CLI's `import-xliff` and the glossary import (core/glossary.ts,
 * so the app's toast too) name theirs for 'invalid-input' too (a malformed XML, XLIFF, CSV or TBX file).
 */
export function namingFile<T>(fileName: string | null | undefined, fn: () => T, codes: readonly ErrorCode[] = ['import-rejected']): T {
  try {
    return fn();
  } catch (e) {
    if (!fileName || !isJiaoduiError(e) || !codes.includes(e.code) || e.message.startsWith(`${fileName}: `)) throw e;
    const details = e.details && typeof e.details === 'object' ? { ...e.details, fileName } : { fileName };
    throw new JiaoduiError(e.code, `${fileName}: ${e.message}`, details, e.messageData);
  }
}
