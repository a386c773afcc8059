/**
 * A client without zod: one async function per method name (METHOD_NAMES), and envelopes back
 * to values or thrown JiaoduiErrors. The sandboxed preload and the renderer use it, so that
 * neither bundle holds the schemas; `makeClient`/`unwrapEnvelope` (dispatch.ts) are the same
 * over the schemas' keys, and electron/preload-client.test.ts checks they agree.
 */
import { JiaoduiError, type ErrorCode } from '../errors';
import { METHOD_NAMES } from './methods';
import { isErrorMessageRef } from '../error-messages';

type Call = (method: string, args: unknown) => Promise<unknown>;

/** A client object with one async function per method name. */
export function makeNamedClient<C>(call: Call, names: readonly string[] = METHOD_NAMES): C {
  const client: Record<string, (a?: unknown) => Promise<unknown>> = {};
  for (const m of names) client[m] = (args?: unknown) => call(m, args ?? {});
  return Object.freeze(client) as C;
}

/** An envelope `{ ok, value } | { ok: false, error }` to its value, or a thrown JiaoduiError. */
export function unwrap(env: unknown): unknown {
  const e = env as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown; details?: unknown; messageData?: unknown } } | null | undefined;
  if (e && e.ok === true) return e.value;
  if (e && e.ok === false && e.error && typeof e.error.message === 'string') {
    // the message's key and parameters, when the server sent ones this client knows (an older or newer server: the English message alone)
    const data = e.error.messageData;
    throw new JiaoduiError(String(e.error.code) as ErrorCode, e.error.message, e.error.details, isErrorMessageRef(data) ? data : undefined);
  }
  throw new JiaoduiError('internal', 'Malformed response from the Jiaodui backend.');
}
