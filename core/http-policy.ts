/**
 * Browser-mode request policy as pure functions: which Host/Origin headers are ours
 * (DNS-rebinding defence), token checks, and safe static paths.
 */
import { posix } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { cookieRequestAllowed, readCookie, sessionCookieName } from './session-cookie';
import { em, type KeyedMessage } from '../shared/error-messages';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((h) => `http://${h}`);
}

/** Host must be ours; Origin, when the browser sends one, too. */
export function isAllowedRequest(headers: { host?: string; origin?: string }, port: number): boolean {
  const hosts = allowedHosts(port);
  if (!headers.host || !hosts.includes(headers.host.toLowerCase())) return false;
  if (headers.origin !== undefined && !allowedOrigins(port).includes(headers.origin.toLowerCase())) return false;
  return true;
}

/** The per-run token, compared in constant time. */
export function tokenMatches(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function hasValidToken(authorization: string | undefined, token: string): boolean {
  if (!authorization?.startsWith('Bearer ')) return false;
  return tokenMatches(authorization.slice(7), token);
}

export interface AuthRequest {
  method?: string;
  authorization?: string;
  cookie?: string;
  origin?: string;
}

/**
 * A refusal: its HTTP status, and its message as key + parameters with the English text
 * (shared/error-messages.ts): an API client reads `message`, the page words `messageData` in its
 * language (the session-ended screen, components/SessionScreen.tsx).
 */
export type Refusal<S extends number> = { ok: false; status: S } & KeyedMessage;

export type AuthResult<S> = { ok: true; via: 'token' } | { ok: true; via: 'session'; session: S } | Refusal<401 | 403>;

const refuse = <S extends number>(status: S, m: KeyedMessage): Refusal<S> => ({ ok: false, status, ...m });

/** What a page without a valid session is told (the renderer shows its session-ended screen on the 401). */
export const sessionEnded = (): Refusal<401> => refuse(401, em('http.session-ended'));

/**
 * Who may call the API and the feed (after the Host/Origin check, isAllowedRequest):
 * - a bearer token (the CLI, tests, scripts): it alone decides — right token or 401;
 * - else the session cookie of this port (a page that exchanged the token): a live session,
 *   and, for anything but GET/HEAD, an Origin header of ours (CSRF, cookieRequestAllowed) — 403 without;
 * - else 401.
 */
export function authenticate<S>(req: AuthRequest, opts: { token: string; port: number; lookupSession: (id: string | null) => S | null }): AuthResult<S> {
  if (req.authorization !== undefined) {
    return hasValidToken(req.authorization, opts.token) ? { ok: true, via: 'token' } : refuse(401, em('http.token-wrong'));
  }
  const session = opts.lookupSession(readCookie(req.cookie, sessionCookieName(opts.port)));
  if (session === null) return sessionEnded();
  if (!cookieRequestAllowed(req.method, req.origin, allowedOrigins(opts.port))) return refuse(403, em('http.cookie-no-origin'));
  return { ok: true, via: 'session', session };
}

/**
 * The token exchange (POST /api/session {token}): only from a page of ours — Origin present
 * and ours (a request without Origin is refused: no other site's page, no script hiding
 * where it comes from, may turn a leaked token into a cookie) — as JSON, with the right token.
 */
export function exchangeDecision(
  req: { origin?: string; contentType?: string; token: unknown },
  opts: { token: string; port: number },
): { ok: true } | Refusal<400 | 401 | 403 | 415> {
  if (req.origin === undefined || !allowedOrigins(opts.port).includes(req.origin.toLowerCase())) return refuse(403, em('http.sign-in-origin'));
  if ((req.contentType ?? '').split(';')[0].trim().toLowerCase() !== 'application/json') return refuse(415, em('http.sign-in-json'));
  if (typeof req.token !== 'string' || req.token === '') return refuse(400, em('http.sign-in-needs-token'));
  if (!tokenMatches(req.token, opts.token)) return refuse(401, em('http.sign-in-stale'));
  return { ok: true };
}

/**
 * Map a URL path to a file path relative to the static root, or null when it would
 * leave the root. Unknown paths fall back to index.html (single-page app).
 */
export function staticRelativePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return null;
  const normal = posix.normalize(decoded);
  if (!normal.startsWith('/')) return null;
  const rel = normal.replace(/^\/+/, '');
  return rel === '' ? 'index.html' : rel;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
export function contentType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.')).toLowerCase();
  return TYPES[ext] ?? 'application/octet-stream';
}

/** The CSP of the app: same for the Electron window and browser mode. */
/**
 * No 'unsafe-inline' for styles either: the renderer's CSS is one file from the build, and
 * React's style={{…}} props are set through the CSSOM, which style-src does not govern. Only
 * style="…" attributes in HTML strings and injected <style> elements would be blocked, and
 * the renderer has neither (the e2e fixture fails a spec on any CSP violation).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const ERROR_STATUS: Record<string, number> = {
  'invalid-input': 400,
  'import-rejected': 422,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  'edit-conflict': 409,
  'bundle-future': 422,
  'bundle-digest': 422,
  'db-busy': 503,
  'db-in-use': 409,
  'db-future': 409,
  'db-corrupt': 503,
  'team-unreachable': 502,
  'team-signed-out': 401,
  internal: 500,
};
export function statusForError(code: string): number {
  return ERROR_STATUS[code] ?? 500;
}
