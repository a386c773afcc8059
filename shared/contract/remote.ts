/**
 * Connecting the app to a team server (issue 19, step 5): the names and the pure rules shared by
 * the renderer, the local browser-mode server (core/server.ts, which proxies) and Electron's main
 * process (which calls the team server itself). zod-free and Node-free: the renderer imports it.
 *
 * The page never talks to a team server directly — its CSP allows `connect-src 'self'` only and
 * the team server refuses foreign Origins — and never holds the team session cookie: the local
 * process exchanges the sign-in token, keeps the cookie (core/remote/connections.ts) and forwards
 * the page's calls with it.
 */

import { METHOD_NAMES } from './methods';
import { isErrorMessageRef, type ErrorMessageRef } from '../error-messages';

/** Browser mode: GET lists the connections, POST {address, signIn} connects, DELETE …/ID disconnects. */
export const HTTP_CONNECTIONS_PATH = '/api/connections';
/** Browser mode: `/remote/ID/api/METHOD` (POST) and `/remote/ID/api/feed` (GET) reach team server ID through the local server. */
export const REMOTE_PREFIX = '/remote/';
/**
 * Set on every answer that comes from (or is about) a team server, naming the connection: the
 * page tells a team server's 401 ("signed out of the team") from its own session's 401.
 */
export const TEAM_ANSWER_HEADER = 'x-jiaodui-team';

/** IPC (Electron): the connection bridge's channels (trusted sender only, arguments validated in main). */
export const REMOTE_LIST_CHANNEL = 'jiaodui:remote:list';
export const REMOTE_CONNECT_CHANNEL = 'jiaodui:remote:connect';
export const REMOTE_DISCONNECT_CHANNEL = 'jiaodui:remote:disconnect';
export const REMOTE_CALL_CHANNEL = 'jiaodui:remote:call';
export const REMOTE_FEED_SUBSCRIBE_CHANNEL = 'jiaodui:remote:feed:subscribe';
export const REMOTE_FEED_EVENT_CHANNEL = 'jiaodui:remote:feed:event';
/** The global the preload exposes for the connection bridge (window.jiaoduiRemote). */
export const REMOTE_GLOBAL = 'jiaoduiRemote';

/** Where a project lives: this machine's database, or a team server connection. */
export type BackendId = 'local' | ConnectionId;
export type ConnectionId = string;

/** What the page may know of a connection (never its cookie). */
export interface ConnectionInfo {
  id: ConnectionId;
  /** the team server's origin, e.g. https://review.example.org */
  origin: string;
  /** the account signed in there, when the server said (whoAmI) */
  account: { name: string; role: 'reviewer' | 'lead' | 'admin' } | null;
  connectedAt: string;
}

/** `c-` and 16 hex digits (random, made by the connection store). */
export function isConnectionId(x: unknown): x is ConnectionId {
  return typeof x === 'string' && /^c-[0-9a-f]{16}$/.test(x);
}

export function isBackendId(x: unknown): x is BackendId {
  return x === 'local' || isConnectionId(x);
}

/**
 * A contract method's name: only these are forwarded to a team server (not its /api/session, nor
 * anything else a path could name).
 */
export function isMethodName(x: unknown): x is string {
  return typeof x === 'string' && (METHOD_NAMES as readonly string[]).includes(x);
}

export function remoteApiPath(id: ConnectionId, method: string): string {
  return `${REMOTE_PREFIX}${id}/api/${method}`;
}

export function remoteFeedPath(id: ConnectionId): string {
  return `${REMOTE_PREFIX}${id}/api/feed`;
}

/** A request path (query string allowed) under REMOTE_PREFIX: which connection, and an API method or the feed. Null: not one. */
export function parseRemotePath(url: string): { id: ConnectionId; target: { kind: 'api'; method: string } | { kind: 'feed'; query: string } } | null {
  const [path, query = ''] = url.split('?', 2);
  const m = /^\/remote\/([^/]+)\/api\/([^/]+)$/.exec(path);
  if (!m || !isConnectionId(m[1])) return null;
  if (m[2] === 'feed') return { id: m[1], target: { kind: 'feed', query } };
  if (!isMethodName(m[2])) return null;
  return { id: m[1], target: { kind: 'api', method: m[2] } };
}

/** The feed's query as the team server accepts it (since, client), rebuilt from what the page sent; null when malformed. */
export function feedQuery(query: string): string | null {
  const q = new URLSearchParams(query);
  const since = q.get('since');
  const client = q.get('client');
  if (since !== null && !/^\d{1,15}$/.test(since)) return null;
  if (client !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(client)) return null;
  const out = new URLSearchParams();
  if (client !== null) out.set('client', client);
  if (since !== null) out.set('since', since);
  const s = out.toString();
  return s ? `?${s}` : '';
}

export type ConnectProblem = 'no-address' | 'bad-address' | 'no-token' | 'bad-token' | 'mismatch';

/**
 * What the connect dialog was given: the server's address and a sign-in address
 * (`https://review.example.org/#signin=TOKEN`, which names the server too) or the token alone.
 * The address may be left empty when the sign-in address names the server; when both name one,
 * they must agree. http(s) only; only the origin counts.
 */
export function parseConnectInput(address: string, signIn: string): { ok: true; origin: string; token: string } | { ok: false; problem: ConnectProblem } {
  const a = address.trim();
  const s = signIn.trim();
  const originOf = (text: string): string | null => {
    try {
      const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
      if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || !u.hostname) return null;
      return u.origin;
    } catch {
      return null;
    }
  };
  let token: string | null = null;
  let fromSignIn: string | null = null;
  if (s === '') return { ok: false, problem: 'no-token' };
  const m = /(?:^|[#&])signin=([^&\s]*)/.exec(s);
  if (m) {
    token = m[1];
    const hash = s.indexOf('#');
    if (hash > 0) fromSignIn = originOf(s.slice(0, hash));
  } else if (!/[/#:]/.test(s)) token = s;
  if (token === null || !/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, problem: 'bad-token' };
  const given = a === '' ? null : originOf(a);
  if (a !== '' && given === null) return { ok: false, problem: 'bad-address' };
  if (given && fromSignIn && given !== fromSignIn) return { ok: false, problem: 'mismatch' };
  const origin = given ?? fromSignIn;
  if (!origin) return { ok: false, problem: 'no-address' };
  return { ok: true, origin, token };
}

/**
 * A team feed's status as Electron's main sends it to a window: following, or the error that
 * stopped it (its message keyed, so the window words it in the UI language: electron/remote-routing.ts
 * `teamFeedStatus`) and the HTTP status it came with, so the window tells a refusal (a 403, a
 * connection no longer known) from a server failure as browser mode does (renderer
 * state/team-health.ts teamEventOf).
 */
export type TeamFeedStatus = { ok: true } | { ok: false; code: string; message: string; messageData?: ErrorMessageRef; status?: number };

/** A status off the wire (the preload's check), or null when malformed; message data or a status of the wrong shape is dropped. */
export function parseTeamFeedStatus(s: unknown): TeamFeedStatus | null {
  const v = s as { ok?: unknown; code?: unknown; message?: unknown; messageData?: unknown; status?: unknown } | null;
  if (v?.ok === true) return { ok: true };
  if (v?.ok !== false || typeof v.code !== 'string' || typeof v.message !== 'string') return null;
  const status = typeof v.status === 'number' && Number.isInteger(v.status) && v.status >= 100 && v.status <= 599 ? { status: v.status } : {};
  return { ok: false, code: v.code, message: v.message, ...(isErrorMessageRef(v.messageData) ? { messageData: v.messageData } : {}), ...status };
}

/** How the renderer reads a failed answer of a team call: the page's own session, the team's, or the server out of reach. */
export type RemoteFailure = 'page-session-ended' | 'team-signed-out' | 'team-unreachable' | 'other';

export function classifyRemoteAnswer(status: number, teamHeader: string | null, code: string | undefined): RemoteFailure {
  if (code === 'team-unreachable') return 'team-unreachable';
  if (code === 'team-signed-out') return 'team-signed-out';
  // a 401 without the team header is the local server refusing this page (its own session ended)
  if (status === 401) return teamHeader ? 'team-signed-out' : 'page-session-ended';
  return 'other';
}

/**
 * Retrying an unreachable team server: 1 s, 2 s, 4 s … up to 30 s between attempts
 * (attempt counts from 0), so a server back after a restart is found within seconds and a long
 * outage costs one request every half minute.
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, Math.min(attempt, 10)));
}

/** The bridge the renderer uses for connections: the local server's routes in browser mode, IPC under Electron. */
export interface RemoteBridge {
  list(): Promise<ConnectionInfo[]>;
  connect(address: string, signIn: string): Promise<ConnectionInfo>;
  disconnect(id: ConnectionId): Promise<void>;
}
