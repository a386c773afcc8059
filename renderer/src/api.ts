/**
 * The renderer's one way to reach the backend: the preload's `window.jiaodui` under
 * Electron, or HTTP in browser mode, signed in by the session cookie the page got for the
 * per-run token (see `signIn`). Both are typed by the contract in shared/ and return the same
 * envelopes. A 401 in browser mode raises the session-ended signal (state/session.ts).
 */
import type { JiaoduiClient } from '../../shared/contract/api';
import { makeNamedClient, notJsonAnswer, reviveBridged, unwrap } from '../../shared/contract/client';
import { HTTP_API_PREFIX, HTTP_SESSION_PATH, PRELOAD_GLOBAL } from '../../shared/contract/transport';
import { signInFromHash } from './state/team-signin';
import { reportSessionEnded, TEAM_PAGE_KEY, tokenFromText, withoutFragment, type SessionProblem, type SignInRefusal } from './state/session';
import { CLIENT_ID_HEADER } from '../../shared/contract/changes';
import { SHELL_GLOBAL, type ShellBridge } from '../../shared/commands';

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

/** 'ok'; 'ended': a session check's 401; else the refusal (a sign-in's, or a check's other than 401). Rejects when the server cannot be reached. */
export type SessionAnswer = 'ok' | 'ended' | SignInRefusal;

/** A refused answer: its status, and its error envelope as a JiaoduiError (message data kept) when it is one. */
async function refusalOf(res: Response): Promise<SignInRefusal> {
  const body = (await res.json().catch(() => null)) as { ok?: unknown } | null;
  let error: Error | null = null;
  try {
    if (body?.ok === false) unwrap(body);
  } catch (e) {
    error = e as Error;
  }
  return { status: res.status, error };
}

/** One call to /api/session (see SessionAnswer). */
async function sessionCall(method: 'GET' | 'POST', body?: unknown): Promise<SessionAnswer> {
  const res = await fetch(HTTP_SESSION_PATH, {
    method,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (res.ok) return 'ok';
  return method === 'GET' && res.status === 401 ? 'ended' : refusalOf(res);
}

/** Exchange the per-run token (or a team server's sign-in token) for this server's session cookie (set by the answer, HTTP-only). */
export function signIn(token: string): Promise<SessionAnswer> {
  return sessionCall('POST', { token });
}

/** A team server's sign-in address taken from this page's address, while (and after) it is exchanged: why it gave no session, or null. */
let teamSignIn: Promise<SessionProblem> | null = null;

/** Whether the page's cookie is a live session of this server. */
export async function checkSession(): Promise<SessionAnswer> {
  // a team server's sign-in address is being exchanged (createClient): ask once it has set the cookie
  if (teamSignIn) await teamSignIn;
  return sessionCall('GET');
}

/** Why this page's team sign-in address gave no session (refused, or the server out of reach), or null: what the session-ended screen says. */
export function teamSignInProblem(): Promise<SessionProblem> {
  return teamSignIn ?? Promise.resolve(null);
}


/**
 * Team server: take `#signin=…` out of the address and exchange it once for the session cookie
 * (HTTP-only: no script here ever sees it). Resolves to null, or what went wrong.
 */
function captureSignIn(): Promise<SessionProblem> | null {
  const found = signInFromHash(window.location.hash);
  if (!found) return null;
  history.replaceState(null, '', window.location.pathname + window.location.search + found.rest);
  return signIn(found.token).then(
    (answer) => {
      if (answer !== 'ok') return { kind: 'refused', refusal: answer as SignInRefusal, team: true };
      localStorage.setItem(TEAM_PAGE_KEY, '1');
      return null;
    },
    (e: unknown) => ({ kind: 'unreachable', message: e instanceof Error ? e.message : String(e), team: true }),
  );
}

/**
 * A sign-in address pasted into the address bar of an open page (only the fragment changes: no
 * load): exchanged as at load, every call waiting for it. Null when the address holds none.
 */
export function teamSignInFromAddress(): Promise<SessionProblem> | null {
  const next = captureSignIn();
  if (next) teamSignIn = next;
  return next;
}

export type TransportKind = 'electron' | 'http';

/**
 * Browser mode: this page's id, sent with every call and on the feed, so the server leaves this
 * window's own writes out of its feed. Per page load (not stored): a duplicated tab is another window.
 */
export const WINDOW_ID = `w-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

export function createClient(): { client: JiaoduiClient; transport: TransportKind } {
  const injected = window[PRELOAD_GLOBAL];
  // the preload's rejections cross the context bridge as plain objects: back to JiaoduiErrors (code, details, message data)
  if (injected) {
    const methods = injected as unknown as Record<string, (args: unknown) => Promise<unknown>>;
    return {
      client: makeNamedClient<JiaoduiClient>((method, args) =>
        methods[method](args).catch((e: unknown) => {
          throw reviveBridged(e);
        }),
      ),
      transport: 'electron',
    };
  }
  teamSignIn = captureSignIn();
  const client = makeNamedClient<JiaoduiClient>(async (method: string, args: unknown) => {
    // a team server's sign-in address: every call waits for the exchange (an earlier session's cookie
    // may still be good: a used address opened again then just works; else the session-ended screen says why)
    if (teamSignIn) await teamSignIn;
    const res = await fetch(`${HTTP_API_PREFIX}${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', [CLIENT_ID_HEADER]: WINDOW_ID },
      body: JSON.stringify(args ?? {}),
    });
    if (res.status === 401) reportSessionEnded();
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw notJsonAnswer(res.status);
    }
    return unwrap(body);
  });
  return { client, transport: 'http' };
}
