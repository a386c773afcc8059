/** Names shared by the transports, so preload, main process and server cannot drift. */
export const IPC_CHANNEL = 'jiaodui:api';
export const HTTP_API_PREFIX = '/api/';
/** Browser mode: the change feed, streamed as NDJSON (GET, same token). */
export const HTTP_FEED_PATH = '/api/feed';
/** The global the preload exposes in the renderer (window.jiaodui). */
export const PRELOAD_GLOBAL = 'jiaodui';
/**
 * Sign-in: POST {token} exchanges a token — browser mode's per-run token, or a team reviewer's
 * sign-in token — for an HTTP-only session cookie; DELETE ends it; in browser mode GET says
 * whether the page's cookie is a live session. Not a contract method (the dispatcher never
 * sees it); answered with the same envelopes.
 */
export const HTTP_SESSION_PATH = '/api/session';
