/**
 * The renderer's one way to reach the backend: the preload's `window.jiaodui` under
 * Electron, or HTTP with the per-run token in browser mode. Both are typed by the
 * contract in shared/ and return the same envelopes.
 */
import type { JiaoduiClient } from '../../shared/contract/api';
import { makeNamedClient, unwrap } from '../../shared/contract/client';
import { HTTP_API_PREFIX, PRELOAD_GLOBAL, TOKEN_STORAGE_KEY } from '../../shared/contract/transport';
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
  const client = makeNamedClient<JiaoduiClient>(async (method: string, args: unknown) => {
    const res = await fetch(`${HTTP_API_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}`, [CLIENT_ID_HEADER]: WINDOW_ID },
      body: JSON.stringify(args ?? {}),
    });
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
