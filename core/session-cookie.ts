/**
 * The session cookie's rules, as pure functions: its name, the Set-Cookie header that sets
 * and clears it, reading it back from a Cookie header, and when a request carrying it may
 * act (the CSRF rule). Nothing here knows how a session was earned (core/sessions.ts keeps
 * them; browser mode exchanges its per-run token for one, a team server may sign in accounts).
 */

/** Cookie prefix; the port follows (cookies are shared by every port of a host, see `sessionCookieName`). */
export const SESSION_COOKIE_PREFIX = 'jiaodui_session_';

/**
 * One name per port: browsers keep cookies per host, not per host and port, so two servers on
 * 127.0.0.1 (two `jiaodui serve`, or serve and a team server) would otherwise overwrite each
 * other's session and sign each other's pages out.
 */
export function sessionCookieName(port: number): string {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`not a port: ${port}`);
  return `${SESSION_COOKIE_PREFIX}${port}`;
}

export interface SessionCookieOptions {
  /** Seconds until the browser drops it (the session's own expiry, checked by the server, stays authoritative). */
  maxAgeSeconds: number;
  /**
   * Send it over HTTPS only. Browser mode's plain http://127.0.0.1 must leave it off: the
   * traffic never leaves the machine (loopback), so there is nothing for `Secure` to protect,
   * and browsers that do not count http://127.0.0.1 as a secure origin (Safari, older
   * Chromium and Firefox) would refuse to store a Secure cookie from it, so every reload
   * would end the session. A server reached over the network must serve HTTPS and set it.
   */
  secure: boolean;
}

/**
 * The Set-Cookie value: HttpOnly (page scripts never see it, so an injected script cannot
 * carry it off), SameSite=Strict (no other site's page or link sends it), Path=/ (the API
 * and the feed both get it).
 */
export function sessionCookie(name: string, id: string, opts: SessionCookieOptions): string {
  if (!/^[A-Za-z0-9_-]+$/.test(name) || !/^[A-Za-z0-9_-]+$/.test(id)) throw new Error('cookie name and value must be URL-safe base64 characters');
  const maxAge = Math.max(0, Math.floor(opts.maxAgeSeconds));
  return `${name}=${id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${opts.secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that removes it (sign-out, or a session the server no longer knows). */
export function clearedSessionCookie(name: string, secure: boolean): string {
  return sessionCookie(name, 'x', { maxAgeSeconds: 0, secure });
}

/** The value of cookie `name` in a Cookie request header, or null. The first one wins when repeated. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Methods that only read (they may go without an Origin header: browsers send none on same-origin GETs). */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/**
 * The CSRF rule for requests authenticated by the cookie: one that may change something
 * (anything but GET/HEAD) must name its Origin, and that Origin must be one of ours.
 * Browsers send Origin on every such fetch, so a page of ours always passes, while a request
 * that hides where it comes from is refused even though SameSite=Strict already keeps other
 * sites' requests cookie-less. (Requests with a bearer token carry no ambient credential and
 * need no Origin: the CLI and scripts.)
 */
export function cookieRequestAllowed(method: string | undefined, origin: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has((method ?? 'GET').toUpperCase())) return origin === undefined || allowedOrigins.includes(origin.toLowerCase());
  return origin !== undefined && allowedOrigins.includes(origin.toLowerCase());
}
