/**
 * The team server's request policy as pure functions (issue 19): where it may listen and over
 * what, which Host/Origin headers are its own (the public URL's), the session cookie's name and
 * attributes, and reading that cookie back. core/server.ts applies them; tests call them directly.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { clearedSessionCookie as baseClearedSessionCookie, sessionCookie as baseSessionCookie } from './session-cookie';

export const DEFAULT_TEAM_PORT = 7420;

export interface ListenAddress {
  host: string;
  port: number;
}

/** `--listen HOST:PORT` (IPv6 in brackets: `[::1]:7420`); a bare PORT listens on 127.0.0.1. */
export function parseListen(value: string | undefined): ListenAddress {
  if (value === undefined) return { host: '127.0.0.1', port: DEFAULT_TEAM_PORT };
  const m = /^(?:(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):)?(\d{1,5})$/.exec(value.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new Error(`--listen must be HOST:PORT (e.g. 0.0.0.0:7420 or [::1]:7420), got "${value}".`);
  const host = m[1] ?? m[2] ?? '127.0.0.1';
  if (m[1] !== undefined && isIP(host) !== 6) throw new Error(`--listen: "${host}" is not an IPv6 address.`);
  return { host, port };
}

/** Loopback addresses: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Whether the server may listen there: loopback always; any other address only with TLS, or
 * with an explicit `--allow-plain-http` (behind a TLS-terminating proxy), which is warned about.
 */
export function listenDecision(o: { host: string; tls: boolean; allowPlainHttp: boolean }): { ok: true; warning: string | null } | { ok: false; error: string } {
  if (o.tls || isLoopback(o.host)) return { ok: true, warning: null };
  if (o.allowPlainHttp) {
    return {
      ok: true,
      warning: `listening on ${o.host} over plain HTTP (--allow-plain-http): session cookies and sign-in addresses cross the network unencrypted unless a TLS proxy sits in front.`,
    };
  }
  return { ok: false, error: `Listening on ${o.host} (not loopback) needs --tls-cert FILE --tls-key FILE, or --allow-plain-http behind a TLS-terminating proxy.` };
}

/**
 * The public URL reviewers open: given (`--public-url`), or the listen address. Only its origin
 * counts (scheme, host, port); a path, query, fragment or credentials are refused.
 */
export function publicOrigin(given: string | undefined, listen: ListenAddress, tls: boolean): URL {
  if (given === undefined) {
    const host = listen.host === '0.0.0.0' || listen.host === '::' ? '127.0.0.1' : listen.host;
    return new URL(`${tls ? 'https' : 'http'}://${isIP(host) === 6 ? `[${host}]` : host}:${listen.port}`);
  }
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`--public-url must be an address such as https://review.example.org, got "${given}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--public-url must be http(s), got "${given}".`);
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new Error(`--public-url is the server's origin only (scheme, host, port), got "${given}".`);
  }
  return new URL(url.origin);
}

/** `host:port` as a browser sends it in Host for this origin (default ports left out, as browsers do). */
export function hostHeaderOf(origin: URL): string {
  return origin.host.toLowerCase();
}

/**
 * A team request is ours when its Host is the public URL's host (DNS rebinding, a stray
 * virtual host), and its Origin, when a browser sends one, the public URL's origin (another
 * site's page posting to the server). Extra hosts (the loopback address the server listens
 * on, for the CLI and health checks on the machine itself) may be allowed too.
 */
export function isTeamRequestAllowed(headers: { host?: string; origin?: string }, origin: URL, extraHosts: readonly string[] = []): boolean {
  const host = headers.host?.toLowerCase();
  const hosts = [hostHeaderOf(origin), ...extraHosts.map((h) => h.toLowerCase())];
  if (!host || !hosts.includes(host)) return false;
  if (headers.origin !== undefined) {
    const allowed = hosts.map((h) => `${origin.protocol}//${h}`);
    if (!allowed.includes(headers.origin.toLowerCase())) return false;
  }
  return true;
}

/**
 * The session cookie's name, per server: cookies are scoped by host, not port, so two team
 * servers on one host (or a team server and another app) must not overwrite each other's.
 * Over https the `__Host-` prefix makes browsers refuse the cookie unless it is Secure, has
 * Path=/ and no Domain, so a sibling subdomain cannot plant one.
 */
export function sessionCookieName(origin: URL): string {
  const id = createHash('sha256').update(origin.origin).digest('hex').slice(0, 12);
  return `${origin.protocol === 'https:' ? '__Host-' : ''}jiaodui-${id}`;
}

/** Set-Cookie for a new session (core/session-cookie.ts's rules: HttpOnly, SameSite=Strict, Path=/), Secure over https. */
export function sessionCookie(origin: URL, value: string, maxAgeSeconds: number): string {
  return baseSessionCookie(sessionCookieName(origin), value, { maxAgeSeconds, secure: origin.protocol === 'https:' });
}

/** Set-Cookie that removes the session cookie (sign out). */
export function clearedSessionCookie(origin: URL): string {
  return baseClearedSessionCookie(sessionCookieName(origin), origin.protocol === 'https:');
}

export { readCookie } from './session-cookie';
