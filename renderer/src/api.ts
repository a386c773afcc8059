/**
 * The renderer's one way to reach the backend: the preload's `window.jiaodui` under
 * Electron, or HTTP in browser mode, signed in by the session cookie the page got for the
 * per-run token (see `signIn`). Both are typed by the contract in shared/ and return the same
 * envelopes. A 401 in browser mode raises the session-ended signal (state/session.ts).
 */
import type { JiaoduiClient } from '../../shared/contract/api';
import { makeNamedClient, unwrap } from '../../shared/contract/client';
import { HTTP_API_PREFIX, HTTP_SESSION_PATH, PRELOAD_GLOBAL } from '../../shared/contract/transport';
import { signInFromHash, signInProblem } from './state/team-signin';
import { reportSessionEnded, TEAM_PAGE_KEY, tokenFromText, withoutFragment } from './state/session';
import { CLIENT_ID_HEADER } from '../../shared/contract/changes';
import { SHELL_GLOBAL, type ShellBridge } from '../../shared/commands';
import { classifyRemoteAnswer, HTTP_CONNECTIONS_PATH, REMOTE_GLOBAL, remoteApiPath, TEAM_ANSWER_HEADER, type ConnectionId, type ConnectionInfo, type RemoteBridge } from '../../shared/contract/remote';
import type { FeedMessage } from '../../shared/contract/changes';
import { reportTeam } from './state/team';

declare global {
  interface Window {
    [PRELOAD_GLOBAL]?: JiaoduiClient;
    /** Electron only: menus and native dialogs (see ShellBridge). */
    [SHELL_GLOBAL]?: ShellBridge;
  }
}

/** The Electron shell bridge, when running under Electron. */
export function getShell(): ShellBridge | null {
  return window[SHELL_GLOBAL] ?? null;
}

/**
 * Browser mode: take `#token=…` out of the address (the address bar and the history entry lose
 * it at once, before anything else runs) and return it. The page keeps it nowhere: `signIn`
 * turns it into an HTTP-only cookie.
 */
export function takeTokenFromAddress(): string | null {
  if (!/(?:^#|&)token=/.test(window.location.hash)) return null;
  const token = tokenFromText(window.location.hash);
  history.replaceState(null, '', withoutFragment(window.location.href));
  return token;
}

export type SessionAnswer = 'ok' | 'ended';

/** One call to /api/session: 'ok', 'ended' (401), else an Error with the server's message. */
async function sessionCall(method: 'GET' | 'POST', body?: unknown): Promise<SessionAnswer> {
  const res = await fetch(HTTP_SESSION_PATH, {
    method,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (res.ok) return 'ok';
  if (res.status === 401) return 'ended';
  let message = `The Jiaodui server answered ${res.status}.`;
  try {
    message = ((await res.json()) as { error?: { message?: string } }).error?.message ?? message;
  } catch {
    /* not JSON: the status says it */
  }
  throw new Error(message);
}

/** Exchange the per-run token for this server's session cookie (set by the answer, HTTP-only). */
export function signIn(token: string): Promise<SessionAnswer> {
  return sessionCall('POST', { token });
}

/** Whether the page's cookie is a live session of this server. */
/** A team server's sign-in address taken from this page's address, while (and after) it is exchanged. */
let teamSignIn: Promise<string | null> | null = null;

export async function checkSession(): Promise<SessionAnswer> {
  // a team server's sign-in address is being exchanged (createClient): ask once it has set the cookie
  if (teamSignIn) await teamSignIn;
  return sessionCall('GET');
}


/**
 * Team server: take `#signin=…` out of the address and exchange it once for the session cookie
 * (HTTP-only: no script here ever sees it). Resolves to null, or what went wrong.
 */
function captureSignIn(): Promise<string | null> | null {
  const found = signInFromHash(window.location.hash);
  if (!found) return null;
  history.replaceState(null, '', window.location.pathname + window.location.search + found.rest);
  return fetch(HTTP_SESSION_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: found.token }) }).then(
    async (res) => {
      if (res.ok) {
        localStorage.setItem(TEAM_PAGE_KEY, '1');
        return null;
      }
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      return signInProblem(res.status, body?.error?.message);
    },
    () => 'The team server could not be reached to sign in.',
  );
}

export type TransportKind = 'electron' | 'http';

/**
 * Browser mode: this page's id, sent with every call and on the feed, so the server leaves this
 * window's own writes out of its feed. Per page load (not stored): a duplicated tab is another window.
 */
export const WINDOW_ID = `w-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

export function createClient(): { client: JiaoduiClient; transport: TransportKind } {
  const injected = window[PRELOAD_GLOBAL];
  if (injected) return { client: injected, transport: 'electron' };
  teamSignIn = captureSignIn();
  const client = makeNamedClient<JiaoduiClient>(async (method: string, args: unknown) => {
    // a team server's sign-in address: every call waits for the exchange; a refused one is what a 401 says
    // (an earlier session's cookie may still be good: a used address opened again then just works)
    const refused = teamSignIn ? await teamSignIn : null;
    const res = await fetch(`${HTTP_API_PREFIX}${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', [CLIENT_ID_HEADER]: WINDOW_ID },
      body: JSON.stringify(args ?? {}),
    });
    if (res.status === 401) {
      if (refused) throw new Error(refused);
      reportSessionEnded();
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new Error(`The Jiaodui server answered ${res.status} without JSON.`);
    }
    return unwrap(body);
  });
  return { client, transport: 'http' };
}

// ---- team server connections (issue 19, step 5) ----------------------------------------------

declare global {
  interface Window {
    /** Electron only: team server connections, held by the main process (see ElectronRemoteBridge). */
    [REMOTE_GLOBAL]?: ElectronRemoteBridge;
  }
}

/** The preload's bridge: the connections, and calls and the feed of one of them (validated by main). */
export interface ElectronRemoteBridge extends RemoteBridge {
  /** An API call on connection `id`: the envelope, with `team-unreachable` / `team-signed-out` errors. */
  call(id: ConnectionId, method: string, args: unknown): Promise<unknown>;
  /** Follow the team server's feed (one subscription per connection); the status events say when it cannot be reached. */
  subscribe(id: ConnectionId, since: number, cb: (m: FeedMessage) => void, onStatus: (s: { ok: true } | { ok: false; code: string; message: string }) => void): () => void;
}

/** Read an answer body as an envelope, or say what the server answered. */
async function envelopeOf(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw new Error(`The Jiaodui server answered ${res.status} without JSON.`);
  }
}

/** The connection bridge: the local server's /api/connections in browser mode, IPC under Electron. */
export function createRemoteBridge(): RemoteBridge {
  const electron = window[REMOTE_GLOBAL];
  if (electron) return electron;
  const call = async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => {
    const res = await fetch(path, {
      method,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (res.status === 401) reportSessionEnded();
    return unwrap(await envelopeOf(res));
  };
  return {
    list: () => call('GET', HTTP_CONNECTIONS_PATH) as Promise<ConnectionInfo[]>,
    connect: (address, signIn) => call('POST', HTTP_CONNECTIONS_PATH, { address, signIn }) as Promise<ConnectionInfo>,
    disconnect: async (id) => {
      await call('DELETE', `${HTTP_CONNECTIONS_PATH}/${id}`);
    },
  };
}

/**
 * What an answer of team connection `id` tells: its health (state/team.ts) and, for a 401 from
 * the local server itself (not the team's), that this page's own session ended.
 */
function noteTeamAnswer(id: ConnectionId, status: number, teamHeader: string | null, body: unknown): void {
  const error = (body as { ok?: boolean; error?: { code?: string; message?: string } } | null)?.error;
  const failure = classifyRemoteAnswer(status, teamHeader, error?.code);
  if (failure === 'page-session-ended') reportSessionEnded();
  else if (failure === 'team-unreachable') reportTeam(id, { kind: 'unreachable', message: error?.message ?? '' });
  else if (failure === 'team-signed-out') reportTeam(id, { kind: 'signed-out', message: error?.message ?? '' });
  else reportTeam(id, { kind: 'answered' });
}

/** A client for the contract's methods on team connection `id`, through the local server (browser mode) or main (Electron). */
export function createTeamClient(id: ConnectionId): JiaoduiClient {
  const electron = window[REMOTE_GLOBAL];
  return makeNamedClient<JiaoduiClient>(async (method: string, args: unknown) => {
    if (electron) {
      const env = await electron.call(id, method, args ?? {});
      noteTeamAnswer(id, 200, id, env);
      return unwrap(env);
    }
    let res: Response;
    try {
      res = await fetch(remoteApiPath(id, method), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', [CLIENT_ID_HEADER]: WINDOW_ID },
        body: JSON.stringify(args ?? {}),
      });
    } catch (e) {
      // the local server itself is gone: that is this page's session (the session screen says so)
      throw e instanceof Error ? e : new Error(String(e));
    }
    const body = await envelopeOf(res);
    noteTeamAnswer(id, res.status, res.headers.get(TEAM_ANSWER_HEADER), body);
    return unwrap(body);
  });
}
