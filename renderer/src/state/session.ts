/**
 * Browser mode's session, on the page's side: the token in the address (`#token=…`, read once
 * and removed), the one "session ended" signal every call and the feed raise on a 401, the
 * unsaved edit kept in local storage when that happens, and the language of the
 * session-ended screen (it cannot read the settings: they are behind the session).
 * Pure functions, plus the small signal; the HTTP calls are in api.ts, the screen in
 * components/SessionScreen.tsx.
 */
import type { Locale } from '../i18n-catalog';
import { parseStoredJson } from './json';

/**
 * The token in an address or a bit of one: `http://127.0.0.1:PORT/#token=…`, `#token=…`, or
 * the token alone (URL-safe base64, as `jiaodui serve` makes it). Null when there is none.
 */
export function tokenFromText(text: string): string | null {
  const t = text.trim();
  const m = /(?:^|[#&])(?:token|signin)=([^&\s]+)/.exec(t);
  let token: string;
  try {
    token = m ? decodeURIComponent(m[1]) : t;
  } catch {
    return null;
  }
  return /^[A-Za-z0-9_-]{16,256}$/.test(token) ? token : null;
}

/** The origin of a pasted address (`http://127.0.0.1:5173`), or null when it is no address. */
export function originOf(text: string): string | null {
  try {
    const u = new URL(text.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** The address without its fragment (what the address bar shows once the token is taken out). */
export function withoutFragment(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

/**
 * A sign-in (or session check) the server refused: its HTTP status and its error when the answer
 * was an envelope (a JiaoduiError with the message's key and parameters), else null. The
 * session-ended screen words it in its language (i18n-session.ts `signInRefusalText`).
 */
export interface SignInRefusal {
  status: number;
  error: Error | null;
}

/**
 * Why the session-ended screen shows, beyond "no session": an address was refused, or the server
 * could not be reached; `team`: the address was a team server's sign-in address (`#signin=`).
 */
export type SessionProblem = { kind: 'refused'; refusal: SignInRefusal; team: boolean } | { kind: 'unreachable'; message: string; team: boolean } | null;

// ---- the signal ------------------------------------------------------------------------

const listeners = new Set<() => void>();
let ended = false;

/** A call or the feed met a 401: tell every listener once (until `sessionResumed`). */
export function reportSessionEnded(): void {
  if (ended) return;
  ended = true;
  for (const l of [...listeners]) {
    try {
      l();
    } catch {
      /* one listener's failure must not keep the others from hearing it */
    }
  }
}

/** Signed in again (the page went on): the next 401 is news again. */
export function sessionResumed(): void {
  ended = false;
}

export function sessionHasEnded(): boolean {
  return ended;
}

/** Listen for the end of the session; returns the function that stops listening. */
export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

// ---- the unsaved edit --------------------------------------------------------------------

/** localStorage key of the unsaved edit kept when the session ended (per origin, so per server port). */
export const KEPT_DRAFT_KEY = 'jiaodui.keptDraft';

/**
 * Set (per address) once a team server's sign-in address was exchanged here: the session-ended
 * screen then says to open a new sign-in address from a team admin, not to restart a local
 * `jiaodui serve`.
 */
export const TEAM_PAGE_KEY = 'jiaodui.teamServer';

export interface KeptDraft {
  documentId: number;
  segmentId: number;
  /** The row number shown to the reviewer (1-based). */
  row: number;
  text: string;
  /** The text's version the editor opened on: saving it later is checked against it (a conflict, not an overwrite). */
  version: number | null;
}

/** Parse what KEPT_DRAFT_KEY holds; null for nothing or anything malformed. */
export function parseKeptDraft(raw: string | null): KeptDraft | null {
  if (!raw) return null;
  const v = parseStoredJson(raw);
  if (v === undefined) return null;
  if (typeof v !== 'object' || v === null) return null;
  const d = v as Record<string, unknown>;
  const int = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x > 0;
  if (!int(d.documentId) || !int(d.segmentId) || !int(d.row) || typeof d.text !== 'string') return null;
  if (d.version !== null && !int(d.version)) return null;
  return { documentId: d.documentId as number, segmentId: d.segmentId as number, row: d.row as number, text: d.text, version: d.version as number | null };
}

/**
 * What to keep of an open editor when the session ends: its text when it differs from the
 * saved one (an editor opened and left unchanged loses nothing), else null.
 */
export function draftToKeep(
  editing: { segmentId: number; draft: string; version?: number | null } | null,
  documentId: number | null,
  segments: readonly { id: number; text: string }[],
): KeptDraft | null {
  if (!editing || documentId === null) return null;
  const index = segments.findIndex((s) => s.id === editing.segmentId);
  if (index < 0 || segments[index].text === editing.draft) return null;
  return { documentId, segmentId: editing.segmentId, row: index + 1, text: editing.draft, version: editing.version ?? null };
}

/** Where a kept edit goes back into the editor: its row in the open document, or null (another document, or the segment is gone). */
export function draftRestoreIndex(kept: KeptDraft | null, documentId: number | null, segments: readonly { id: number }[]): number | null {
  if (!kept || kept.documentId !== documentId) return null;
  const index = segments.findIndex((s) => s.id === kept.segmentId);
  return index < 0 ? null : index;
}

// ---- the screen's language ---------------------------------------------------------------

/** localStorage key of the UI language last used (the settings are out of reach without a session). */
export const LOCALE_KEY = 'jiaodui.locale';

/** The session screen's language: the one last used on this address, else the browser's (Chinese → 繁體中文). */
export function sessionLocale(stored: string | null, browserLanguage: string | undefined): Locale {
  if (stored === 'en' || stored === 'zh-Hant') return stored;
  return /^zh/i.test(browserLanguage ?? '') ? 'zh-Hant' : 'en';
}
