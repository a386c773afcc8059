/**
 * Every security decision of the Electron shell, as pure functions (no `electron`
 * import), so each rule is unit-tested here and main.ts only wires them up.
 *
 * The app is served from its own privileged scheme, `jiaodui://app/…`, not file://:
 * - the page gets a real origin, so CSP `'self'` means "the app" and not "any file on disk";
 * - the CSP arrives as a response header (file:// responses have no headers, and
 *   session.webRequest.onHeadersReceived never sees them);
 * - every request goes through one handler that refuses paths outside dist/renderer.
 */
import { CONTENT_SECURITY_POLICY, staticRelativePath } from '../core/http-policy';
import { isWebUrl } from '../shared/urls';

export const APP_SCHEME = 'jiaodui';
export const APP_HOST = 'app';
/** The URL the window loads. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Privileges of the app scheme (protocol.registerSchemesAsPrivileged, before `ready`). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true, // real origin, relative URLs resolve, web storage works
  secure: true, // a secure context, like https
  supportFetchAPI: true,
  corsEnabled: true, // Vite emits <script type="module" crossorigin>
  codeCache: true,
} as const;

/** The window's webPreferences: the whole renderer is untrusted web content. */
export function webPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Is `url` a page of the app itself? For the app scheme: same scheme and host (any path:
 * the protocol handler confines paths). For a file:// app URL: exactly the same file.
 * (Compared by hand: Node gives non-special schemes an opaque "null" origin.)
 */
export function isAppUrl(url: string | null | undefined, appUrl: string): boolean {
  if (!url) return false;
  const u = parse(url);
  const app = parse(appUrl);
  if (!u || !app) return false;
  if (u.protocol !== app.protocol || u.username || u.password) return false;
  if (app.protocol === 'file:') return u.host === app.host && decodeURIComponent(u.pathname) === decodeURIComponent(app.pathname);
  return u.host.toLowerCase() === app.host.toLowerCase() && u.port === app.port;
}

/** What main.ts knows about the frame that sent an IPC message (event.senderFrame). */
export interface SenderFrameInfo {
  url: string;
  /** True for the window's top frame (senderFrame.parent === null). */
  isTopFrame: boolean;
}

/** Only the app's own top frame may call the API: no iframe, no foreign page, no destroyed frame. */
export function isTrustedSender(frame: SenderFrameInfo | null | undefined, appUrl: string): boolean {
  return !!frame && frame.isTopFrame === true && isAppUrl(frame.url, appUrl);
}

/** will-navigate / will-redirect / will-frame-navigate: only the app itself (a reload). */
export function shouldAllowNavigation(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl);
}

/** Links the user may open in the system browser: plain http(s) (shared/urls.ts), no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048 || !isWebUrl(url)) return false;
  const u = parse(url);
  return !!u && !u.username && !u.password;
}

/**
 * Addresses of the app's own documentation, opened without asking (prefixes: same
 * origin, path under the prefix's path). The app's help lives inside it today (keyboard
 * shortcuts, licences), so the list is empty and every external address asks first;
 * a documentation site goes here when there is one.
 */
export const APP_DOCUMENTATION_URLS: readonly string[] = [];

export type ExternalOpenDecision = { action: 'open'; url: string } | { action: 'ask'; url: string; host: string } | { action: 'refuse' };

/**
 * What shell.openExternal may do with an address a link asked for: the app's own
 * documentation opens; any other http(s) address is shown to the reviewer first (an
 * evidence URL in a claim, a licence page: text someone else wrote decides where it
 * goes); everything else (file:, javascript:, custom schemes, credentials) is refused.
 */
export function externalOpenDecision(url: string, documentation: readonly string[] = APP_DOCUMENTATION_URLS): ExternalOpenDecision {
  if (!isSafeExternalUrl(url)) return { action: 'refuse' };
  const u = parse(url)!;
  const own = documentation.some((d) => {
    const p = parse(d);
    return !!p && p.origin === u.origin && (u.pathname === p.pathname || u.pathname.startsWith(p.pathname.endsWith('/') ? p.pathname : `${p.pathname}/`));
  });
  return own ? { action: 'open', url: u.href } : { action: 'ask', url: u.href, host: u.host };
}

/** The confirmation shown for an 'ask' decision: the full address, Cancel as the default. */
export function confirmExternalOpenBox(d: { url: string; host: string }) {
  return {
    type: 'question' as const,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Open an external address',
    message: `Open ${d.host} in your browser?`,
    detail: `${d.url}\n\nThis address comes from the document or a link in the app, not from Jiaodui itself. Open it only if you trust it.`,
  };
}

/**
 * setWindowOpenHandler: the app never opens a second window. A link the user opened
 * (target=_blank) may go to the system browser, as externalOpenDecision says.
 */
export function windowOpenDecision(url: string): { action: 'deny'; external: ExternalOpenDecision } {
  return { action: 'deny', external: externalOpenDecision(url) };
}

/** Permissions the app's page may have; everything else (camera, geolocation, notifications, …) is denied. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Permission request and check handlers: deny by default; allow the list above only to the app itself. */
export function permissionDecision(permission: string, requestingUrl: string | null | undefined, appUrl: string): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  return isAppUrl(requestingUrl, appUrl);
}

/** onHeadersReceived: the response headers with our CSP replacing any the response had. */
export function withCspHeader(
  headers: Record<string, string[] | string> | undefined,
  csp: string = CONTENT_SECURITY_POLICY,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'content-security-policy') continue;
    out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/** The app-scheme handler: map a request URL to a path under dist/renderer, or null (refuse). */
export function appRequestPath(url: string, appUrl: string = APP_URL): string | null {
  if (!isAppUrl(url, appUrl)) return null;
  const u = parse(url);
  return u ? staticRelativePath(u.pathname) : null;
}

/** Headers of every response the app scheme serves. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/** A file name offered by the renderer for the save dialog, reduced to a safe base name. */
export function safeSuggestedFileName(name: unknown, fallback = 'export.txt'): string {
  if (typeof name !== 'string') return fallback;
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
}

/** Largest text the renderer may ask the shell to write (an export of a very large document). */
export const MAX_SAVE_CHARS = 200 * 1024 * 1024;

export function isSaveContent(content: unknown): content is string {
  return typeof content === 'string' && content.length <= MAX_SAVE_CHARS;
}
