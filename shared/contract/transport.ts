/** Names shared by the transports, so preload, main process and server cannot drift. */
export const IPC_CHANNEL = 'jiaodui:api';
export const HTTP_API_PREFIX = '/api/';
/** Browser mode: the change feed, streamed as NDJSON (GET, same token). */
export const HTTP_FEED_PATH = '/api/feed';
/** Team server: POST exchanges a sign-in token for the session cookie, DELETE signs out. */
export const HTTP_SESSION_PATH = '/api/session';
/** The global the preload exposes in the renderer (window.jiaodui). */
export const PRELOAD_GLOBAL = 'jiaodui';
/** sessionStorage key of the browser-mode token. */
export const TOKEN_STORAGE_KEY = 'jiaodui.token';
