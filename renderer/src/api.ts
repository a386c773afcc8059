/**
 * The renderer's one way to reach the backend: the preload's `window.jiaodui` under
 * Electron, or HTTP with the per-run token in browser mode. Both are typed by the
 * contract in shared/ and return the same envelopes.
 */
import type { JiaoduiClient } from '../../shared/contract/api';
import { makeNamedClient, unwrap } from '../../shared/contract/client';
import { HTTP_API_PREFIX, HTTP_SESSION_PATH, PRELOAD_GLOBAL, TOKEN_STORAGE_KEY } from '../../shared/contract/transport';
import { signInFromHash, signInProblem } from './state/team-signin';
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

/** Browser mode: move `#token=…` from the address into sessionStorage and strip it from the URL. */
export function captureToken(): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, decodeURIComponent(m[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
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
      if (res.ok) return null;
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

/** The browser-mode token (captured from the address at start). */
export function feedToken(): string | null {
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

export function createClient(): { client: JiaoduiClient; transport: TransportKind } {
  const injected = window[PRELOAD_GLOBAL];
  if (injected) return { client: injected, transport: 'electron' };
  const token = captureToken();
  const signIn = captureSignIn();
  const client = makeNamedClient<JiaoduiClient>(async (method: string, args: unknown) => {
    // a team server's sign-in address: every call waits for the exchange; a refused one is what a 401 says
    // (an earlier session's cookie may still be good: a used address opened again then just works)
    const refused = signIn ? await signIn : null;
    const res = await fetch(`${HTTP_API_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}`, [CLIENT_ID_HEADER]: WINDOW_ID },
      body: JSON.stringify(args ?? {}),
    });
    if (res.status === 401 && refused) throw new Error(refused);
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
