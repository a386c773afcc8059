/**
 * The one dispatcher behind every transport: check the method name, validate the
 * arguments against the contract, call the service, and (in tests/dev) the result.
 */
import { z } from 'zod';
import { apiSchema, isMethodName, type ApiErrorPayload, type JiaoduiApi, type MethodName } from './api';
import { JiaoduiError, isJiaoduiError, type ErrorCode } from '../errors';
import { DEFAULT_CALLER, type CallerContext } from './caller';
import { em, isErrorMessageRef } from '../error-messages';

export function formatZodError(e: z.ZodError): string {
  return e.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** The field a zod error names first (`segments.0.text`), for the keyed message; the arguments as a whole when none. */
function firstField(e: z.ZodError): string {
  const path = e.issues[0]?.path ?? [];
  return path.length ? path.join('.') : 'args';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A string argument holding a lone surrogate (not well-formed UTF-16) cannot be stored:
 * SQLite keeps UTF-8, so it would silently become U+FFFD. Returns where it is, or null.
 */
function loneSurrogatePath(v: unknown, path: (string | number)[]): { path: string; message: string } | null {
  if (typeof v === 'string') {
    const m = LONE_SURROGATE.exec(v);
    if (!m) return null;
    const code = m[0].charCodeAt(0).toString(16).toUpperCase();
    return { path: path.join('.'), message: `${path.length ? `${path.join('.')}: ` : ''}contains a lone surrogate (U+${code}) at index ${m.index}; text must be well-formed Unicode` };
  }
  if (ArrayBuffer.isView(v)) return null; // bytes (a file from an in-process caller): no text
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = loneSurrogatePath(v[i], [...path, i]);
      if (r) return r;
    }
  } else if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      const r = loneSurrogatePath((v as Record<string, unknown>)[k], [...path, k]);
      if (r) return r;
    }
  }
  return null;
}

export interface DispatchOptions {
  /** Validate results too (on in tests and development; costs time on large documents). */
  checkResults?: boolean;
  /** Who calls: the transport fills it (electron/main.ts, core/server.ts, cli/main.ts); tests get DEFAULT_CALLER. */
  caller?: CallerContext;
}

function isPromiseLike(v: unknown): v is PromiseLike<unknown> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * Validate and call. Synchronous methods return their value; the AsyncMethods of the
 * contract (exportDocument) return a Promise of it — use `dispatchAsync` (or `envelope`)
 * when the method is not known to be synchronous.
 */
export function dispatch(api: JiaoduiApi, method: unknown, rawArgs: unknown, opts: DispatchOptions = {}): unknown {
  if (!isMethodName(method)) throw new JiaoduiError('invalid-input', em('args.unknown-method', { method: String(method).slice(0, 80) }));
  const spec = apiSchema[method];
  const parsed = spec.args.safeParse(rawArgs ?? {});
  // one keyed message naming the (first) field; the English keeps zod's words for every issue
  if (!parsed.success) throw new JiaoduiError('invalid-input', em('args.invalid', { method, field: firstField(parsed.error) }, `Invalid arguments for ${method}: ${formatZodError(parsed.error)}`));
  const bad = loneSurrogatePath(parsed.data, []);
  if (bad) throw new JiaoduiError('invalid-input', em('args.invalid', { method, field: bad.path || method }, `Invalid arguments for ${method}: ${bad.message}`));
  const fn = api[method] as (a: unknown, caller: CallerContext) => unknown;
  const result = fn.call(api, parsed.data, opts.caller ?? DEFAULT_CALLER);
  if (!opts.checkResults) return result;
  const check = (value: unknown) => {
    const r = spec.result.safeParse(value);
    if (!r.success) throw new JiaoduiError('internal', `Result of ${method} does not match the contract: ${formatZodError(r.error)}`);
    return value;
  };
  return isPromiseLike(result) ? Promise.resolve(result).then(check) : check(result);
}

/** `dispatch`, awaited: the value of any method, synchronous or not. */
export async function dispatchAsync(api: JiaoduiApi, method: unknown, rawArgs: unknown, opts: DispatchOptions = {}): Promise<unknown> {
  return await dispatch(api, method, rawArgs, opts);
}

/** An error as every transport carries it: code, English message, details, and the message's key and parameters (`messageData`) when it has them. */
export function toErrorPayload(e: unknown): ApiErrorPayload {
  if (isJiaoduiError(e)) {
    // an internal error is a fault of Jiaodui's: one generic message to show, its English detail in `message`
    const messageData = e.messageData ?? (e.code === 'internal' ? em('internal').messageData : undefined);
    return { error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}), ...(messageData ? { messageData } : {}) } };
  }
  const message = e instanceof Error ? e.message : String(e);
  const keyed = (code: ErrorCode, m: ReturnType<typeof em>): ApiErrorPayload => ({ error: { code, message: m.message, messageData: m.messageData } });
  if (/SQLITE_BUSY|database is locked/i.test(message)) return keyed('db-busy', em('db.busy.sqlite'));
  if (/SQLITE_CORRUPT|SQLITE_NOTADB|database disk image is malformed|file is not a database/i.test(`${(e as { code?: string })?.code ?? ''} ${message}`)) {
    return keyed('db-corrupt', em('db.corrupt', { problem: message }));
  }
  return keyed('internal', em('internal', {}, `Internal error: ${message}`));
}

/** A client over any async transport `call(method, args)`; the renderer, preload and tests use it. */
export function makeClient<C>(call: (method: MethodName, args: unknown) => Promise<unknown>): C {
  const client: Record<string, (a: unknown) => Promise<unknown>> = {};
  for (const m of Object.keys(apiSchema) as MethodName[]) client[m] = (args: unknown) => call(m, args ?? {});
  return client as C;
}

/** What every transport carries back: a value or an error payload. */
export type ApiEnvelope = { ok: true; value: unknown } | ({ ok: false } & ApiErrorPayload);

export async function envelope(api: JiaoduiApi, method: unknown, args: unknown, opts: DispatchOptions = {}): Promise<ApiEnvelope> {
  try {
    return { ok: true, value: await dispatch(api, method, args, opts) };
  } catch (e) {
    return { ok: false, ...toErrorPayload(e) };
  }
}

/** Turn an envelope back into a value or a thrown JiaoduiError (client side). */
export function unwrapEnvelope(env: unknown): unknown {
  const e = env as ApiEnvelope | undefined;
  if (e && e.ok === true) return e.value;
  if (e && e.ok === false && e.error) {
    const data: unknown = e.error.messageData;
    throw new JiaoduiError(e.error.code as ErrorCode, e.error.message, e.error.details, isErrorMessageRef(data) ? data : undefined);
  }
  throw new JiaoduiError('internal', em('internal', {}, 'Malformed response from the Jiaodui backend.'));
}
