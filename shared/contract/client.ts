/**
 * A client without zod: one async function per method name (METHOD_NAMES), and envelopes back
 * to values or thrown JiaoduiErrors. The sandboxed preload and the renderer use it, so that
 * neither bundle holds the schemas; `makeClient`/`unwrapEnvelope` (dispatch.ts) are the same
 * over the schemas' keys, and electron/preload-client.test.ts checks they agree.
 */
import { JiaoduiError, type ErrorCode } from '../errors';
import { METHOD_NAMES } from './methods';
import type { ErrorMessageRef } from '../error-messages';

type Call = (method: string, args: unknown) => Promise<unknown>;

/** A client object with one async function per method name. */
export function makeNamedClient<C>(call: Call, names: readonly string[] = METHOD_NAMES): C {
  const client: Record<string, (a?: unknown) => Promise<unknown>> = {};
  for (const m of names) client[m] = (args?: unknown) => call(m, args ?? {});
  return Object.freeze(client) as C;
}

/**
 * Message data off the wire, when it looks like it (an object with a key): the wording side checks
 * it whole (shared/error-messages.ts isErrorMessageRef, renderer/src/i18n-errors-zh.ts), so this
 * client, on the first screen, does not carry the catalog module.
 */
function messageDataOf(v: unknown): ErrorMessageRef | undefined {
  return v && typeof v === 'object' && typeof (v as { key?: unknown }).key === 'string' ? (v as ErrorMessageRef) : undefined;
}

/** An envelope `{ ok, value } | { ok: false, error }` to its value, or a thrown JiaoduiError. */
export function unwrap(env: unknown): unknown {
  const e = env as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown; details?: unknown; messageData?: unknown } } | null | undefined;
  if (e && e.ok === true) return e.value;
  if (e && e.ok === false && e.error && typeof e.error.message === 'string') {
    // the message's key and parameters, when the server sent ones this client knows (an older or newer server: the English message alone)
    const data = e.error.messageData;
    throw new JiaoduiError(String(e.error.code) as ErrorCode, e.error.message, e.error.details, messageDataOf(data));
  }
  throw new JiaoduiError('internal', 'Malformed response from the Jiaodui backend.', undefined, { key: 'internal', params: {} });
}

/**
 * A page's answer that is no JSON (a proxy's error page, a server stopping): a JiaoduiError saying
 * what the server answered, keyed (its English written out here, the template's text: the first
 * screen does not carry the catalog; renderer/src/i18n-errors.test.ts holds them equal).
 */
export function notJsonAnswer(status: number): JiaoduiError {
  return new JiaoduiError('internal', `The Jiaodui server answered ${status} without JSON.`, undefined, { key: 'http.answer-not-json', params: { status } });
}

/**
 * Electron's context bridge copies an Error thrown in the preload as its message alone (custom
 * properties are lost), so the preload rejects with this plain object instead, which the bridge
 * copies whole, and the page turns it back into a JiaoduiError (`reviveBridged`): the code,
 * details (an edit conflict's versions) and message data (the UI language's wording) survive.
 */
export interface BridgedError {
  jiaoduiError: true;
  code: string;
  message: string;
  details?: unknown;
  messageData?: unknown;
}

/** The preload side: a JiaoduiError as a plain object the context bridge copies whole; anything else as it is. */
export function toBridged(e: unknown): unknown {
  if (!(e instanceof JiaoduiError)) return e;
  const out: BridgedError = { jiaoduiError: true, code: e.code, message: e.message };
  if (e.details !== undefined) out.details = e.details;
  if (e.messageData) out.messageData = e.messageData;
  return out;
}

/** The page side: a bridged error back as a JiaoduiError (an Error of any other kind, or anything else, as it is). */
export function reviveBridged(e: unknown): unknown {
  const b = e as Partial<BridgedError> | null;
  return b?.jiaoduiError === true && !(e instanceof Error) ? new JiaoduiError(String(b.code) as ErrorCode, String(b.message), b.details, messageDataOf(b.messageData)) : e;
}
