/**
 * The preload's client, without zod: shared/contract/client.ts (the renderer uses it too);
 * preload-client.test.ts checks it agrees with `makeClient`/`unwrapEnvelope`.
 */
export { makeNamedClient, unwrap, toBridged } from '../shared/contract/client';
import { toBridged, unwrap } from '../shared/contract/client';

/** An envelope's value, or a rejection the context bridge copies whole (`toBridged`: code, details, message data). */
export function unwrapForPage(env: unknown): unknown {
  try {
    return unwrap(env);
  } catch (e) {
    throw toBridged(e);
  }
}
