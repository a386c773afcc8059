/**
 * Browser-mode request policy as pure functions: which Host/Origin headers are ours
 * (DNS-rebinding defence), token checks, and safe static paths.
 */
import { posix } from 'node:path';
import { timingSafeEqual } from 'node:crypto';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Host must be ours; Origin, when the browser sends one, too. */
export function isAllowedRequest(headers: { host?: string; origin?: string }, port: number): boolean {
  const hosts = allowedHosts(port);
  if (!headers.host || !hosts.includes(headers.host.toLowerCase())) return false;
  if (headers.origin !== undefined) {
    const origins = hosts.map((h) => `http://${h}`);
    if (!origins.includes(headers.origin.toLowerCase())) return false;
  }
  return true;
}

export function hasValidToken(authorization: string | undefined, token: string): boolean {
  if (!authorization?.startsWith('Bearer ')) return false;
  const given = Buffer.from(authorization.slice(7));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
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
  'db-busy': 503,
  'db-in-use': 409,
  'db-future': 409,
  'db-corrupt': 503,
  internal: 500,
};
export function statusForError(code: string): number {
  return ERROR_STATUS[code] ?? 500;
}
