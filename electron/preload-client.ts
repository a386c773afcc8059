/**
 * The preload's client, without zod: shared/contract/client.ts (the renderer uses it too);
 * preload-client.test.ts checks it agrees with `makeClient`/`unwrapEnvelope`.
 */
export { makeNamedClient, unwrap } from '../shared/contract/client';
