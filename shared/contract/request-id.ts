/**
 * Request ids (idempotency keys) for writes that carry no version of what they write: making a
 * claim (from a selection or a candidate), rejecting or restoring a candidate, deleting a claim.
 * A window that cannot reach its team server keeps such a write and sends it again when the server
 * is back (renderer/src/state/claim-queue.ts); a first try that reached the server but whose answer
 * was lost must not make a second claim. So the client draws one random id when the reviewer asks
 * and sends it with every try; the service (core/requests.ts) remembers, per caller and in the same
 * transaction as the write, the id with the request and its answer (migration 016), and answers a
 * repeated id with that first answer instead of writing again. Pure: the zod field and the list.
 */
import { z } from 'zod';

/** A client-drawn request id: 16–64 characters of [A-Za-z0-9_-] (a UUID fits). */
export const RequestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'a request id is 16–64 characters of A–Z, a–z, 0–9, "_" and "-" (e.g. a UUID)')
  .optional();

/** The methods that take `requestId`: a repeated id is answered with the first answer, never written twice. */
export const REQUEST_ID_METHODS = ['createClaim', 'addClaim', 'deleteClaim', 'rejectClaimCandidate', 'restoreClaimCandidate'] as const;
export type RequestIdMethod = (typeof REQUEST_ID_METHODS)[number];

export function takesRequestId(method: string): method is RequestIdMethod {
  return (REQUEST_ID_METHODS as readonly string[]).includes(method);
}

/** How long a server remembers a request id (a kept write retried later than this could be stored again). */
export const REQUEST_ID_KEPT_DAYS = 90;
