/**
 * Team server sign-in (issue 19), the pure part: a sign-in address is `PUBLIC_URL/#signin=TOKEN`.
 * The page takes the token out of the address (so it is neither bookmarked nor shared from the
 * address bar) and exchanges it once for the HTTP-only session cookie (renderer/src/api.ts).
 */
const SIGN_IN = /(?:^#|&)signin=([A-Za-z0-9_-]{43})(?:&|$)/;

/** The sign-in token in an address's fragment, and the fragment without it. */
export function signInFromHash(hash: string): { token: string; rest: string } | null {
  const m = SIGN_IN.exec(hash);
  if (!m) return null;
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => !p.startsWith('signin='))
    .join('&');
  return { token: m[1], rest: rest ? `#${rest}` : '' };
}

/** What the page says when the exchange was refused, or the server could not be reached. */
export function signInProblem(status: number, message: string | undefined): string {
  if (status === 429) return message ?? 'Too many sign-in attempts; try again in a minute.';
  if (status === 401) return message ?? 'This sign-in address is not valid. Ask a team admin for a new one.';
  return `Signing in failed (HTTP ${status})${message ? `: ${message}` : ''}.`;
}
