/** Names shared by the transports, so preload, main process and server cannot drift. */
export const IPC_CHANNEL = 'jiaodui:api';
export const HTTP_API_PREFIX = '/api/';
/** Browser mode: the change feed, streamed as NDJSON (GET, same token). */
export const HTTP_FEED_PATH = '/api/feed';
/** The global the preload exposes in the renderer (window.jiaodui). */
export const PRELOAD_GLOBAL = 'jiaodui';
/** sessionStorage key of the browser-mode token. */
export const TOKEN_STORAGE_KEY = 'jiaodui.token';
