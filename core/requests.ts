/**
 * Request ids (shared/contract/request-id.ts): a write sent with a client-drawn `requestId` is
 * run at most once per caller. The service calls `once` for the methods that take one: inside one
 * IMMEDIATE transaction it looks the id up — found: the first answer is returned and nothing is
 * written (the same id with other arguments or another method is refused, `invalid-input`) —,
 * else runs the handler (its operation joins the transaction) and stores the id with the answer,
 * so the write and the id commit together: there is no moment at which the write is stored and
 * the id not (or the other way round). A refused write (a conflict, a role) stores nothing, so a
 * later try with the same id is judged again. Ids older than REQUEST_ID_KEPT_DAYS are pruned.
 */
import { createHash } from 'node:crypto';
import type { CallerContext } from '../shared/contract/caller';
import { REQUEST_ID_KEPT_DAYS, type RequestIdMethod } from '../shared/contract/request-id';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import { canonicalJson } from '../shared/bundle/schema';
import type { HandlerContext } from './features/context';

/** Whose ids these are: the team account (names are unique without regard to case), else local use (one user). */
export function requestCaller(caller: CallerContext): string {
  return caller.account ? `account:${caller.account.name.toLowerCase()}` : 'local';
}

/** The digest of a request's arguments (keys sorted, as bundles are digested: the same arguments in any order), its request id left out. */
export function requestDigest(method: string, args: Record<string, unknown>): string {
  const { requestId: _id, ...rest } = args;
  return createHash('sha256').update(`${method}\n${canonicalJson(rest)}`, 'utf8').digest('hex');
}

/** Run `run` once per (caller, requestId); a repeat gets the first answer. Without a request id: just `run`. */
export function once<T>(ctx: HandlerContext, method: RequestIdMethod, args: Record<string, unknown>, run: () => T): T {
  const requestId = args.requestId;
  if (typeof requestId !== 'string') return run();
  const caller = requestCaller(ctx.caller);
  const digest = requestDigest(method, args);
  const answer = (row: { method: string; argsDigest: string; result: string }): T => {
    if (row.method !== method || row.argsDigest !== digest) {
      throw new JiaoduiError('invalid-input', em('request.id-reused', { id: requestId, method: row.method }));
    }
    return JSON.parse(row.result) as T;
  };
  // a look outside the lock answers a repeat without waiting for the write lock
  const seen = ctx.store.findRequestId(caller, requestId);
  if (seen) return answer(seen);
  ctx.engine.warmUpOnce();
  return ctx.tx(() => {
    // again under the lock: two tries of one request racing each other store it once
    const prior = ctx.store.findRequestId(caller, requestId);
    if (prior) return answer(prior);
    const result = run();
    const now = ctx.now();
    ctx.store.addRequestId({ caller, requestId, method, argsDigest: digest, result: JSON.stringify(result), at: now });
    ctx.store.pruneRequestIds(new Date(Date.parse(now) - REQUEST_ID_KEPT_DAYS * 86_400_000).toISOString());
    return result;
  });
}
