/**
 * The one URL-safety rule for addresses the app writes as links or hands to other
 * programs (evidence URLs in every export, links in the renderer, Electron's
 * openExternal): only http: and https: addresses with a host. Everything else —
 * javascript:, data:, vbscript:, file:, mailto: … — is refused, because a viewer that
 * turns it into a link would run or open it. Parsed with WHATWG URL (as browsers do),
 * so spellings like "JaVaScRiPt:", leading spaces or tabs inside the scheme cannot slip
 * past a prefix test. Pure; runs in Node and the browser.
 */
export function isWebUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return false;
  }
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
}
