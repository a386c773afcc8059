/**
 * Team server sign-in (issue 19), the pure part: a sign-in address is `PUBLIC_URL/#signin=TOKEN`.
 * The page takes the token out of the address (so it is neither bookmarked nor shared from the
 * address bar) and exchanges it once for the HTTP-only session cookie (renderer/src/api.ts); a refused
 * exchange shows on the session-ended screen, in its language (i18n-session.ts `signInRefusalText`).
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
