/**
 * Kept writes survive a reload: the writes a team server could not be reached for (status changes,
 * claim edits, a save kept with its text and approval) are stored in local storage per team server
 * and reviewer (the format: state/kept-writes.ts) whenever what the window keeps changes, and
 * removed once they are sent or answered. On start they are put back into the window's queues (and
 * the kept save into its editor) and retried as before — with the versions read when the reviewer
 * asked, so a change made meanwhile opens the conflict view.
 *
 * A chunk of its own, loaded by App only in a window working on a team server: the first screen
 * carries only the call.
 */
import type { ConnectionInfo } from '../../../shared/contract/remote';
import { translateTeam } from '../i18n-team';
import type { ClaimStore } from './claim-store';
import { keptCount, keptWritesKey, keptWritesNow, mergeKeptWrites, parseKeptWrites, serializeKeptWrites, type KeptSaveEntry } from './kept-writes';
import { KEPT_DRAFT_KEY, LOCALE_KEY, sessionLocale } from './session';
import type { KeptSave, QueuedStatus } from './status-queue';
import { backendKey } from './team';
import type { EditState } from './useReview';

/** What of the review state this needs (useReview's `actions`). */
export interface KeptReview {
  kept: {
    statuses: { current: QueuedStatus[] };
    save: { current: KeptSave | null };
    live: { current: { doc: { id: number } | null; segments: readonly { id: number; text: string }[]; editing: EditState | null } };
  };
  restoreKeptDraft: () => number | null;
  saveEdit: (opts: { retry?: boolean }) => Promise<boolean>;
  openDocument: (documentId: number) => Promise<void>;
}

/** Where the entry goes: local storage, or another Storage (tests). */
export type KeptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Store what is kept now (called after each render of the app: a write kept, sent or answered, the
 * kept save's text edited). `back`: the server answered after being away — a kept save whose
 * document is not open (the start failed while the server was away) opens it to come back in its editor.
 */
export type KeptSync = (back?: boolean) => void;

// the follower of the mounted App (one at a time: switching backend mounts another App)
let stopActive: (() => void) | null = null;

/** Follow what the window keeps for this connection, after putting back what an earlier session stored. */
export function keepAcrossReloads(
  connection: ConnectionInfo,
  review: KeptReview,
  claims: ClaimStore,
  notify: (message: string) => void,
  retry: () => void,
  storage: KeptStorage = localStorage,
): KeptSync {
  stopActive?.();
  stopActive = null;
  if (!connection.account) return () => undefined;
  const key = keptWritesKey(connection.origin, connection.account.name);
  const { statuses, save, live } = review.kept;
  let locale: 'en' | 'zh-Hant' = 'en';
  let said = false;
  const problem = (e: unknown) => {
    if (said) return;
    said = true;
    notify(translateTeam(locale, 'team.kept.storageFailed', { message: e instanceof Error ? e.message : String(e) }));
  };
  const read = (k: string): string | null => {
    try {
      return storage.getItem(k);
    } catch (e) {
      problem(e);
      return null;
    }
  };
  locale = sessionLocale(read(LOCALE_KEY), navigator.language);

  // what the entry holds now (undefined: one this window cannot read, kept aside when first replaced)
  const raw = read(key);
  const parsed = parseKeptWrites(raw);
  let stored: string | null | undefined = parsed.kind === 'ok' ? raw : parsed.kind === 'none' ? null : undefined;
  let pendingSave: KeptSaveEntry | null = null;
  if (parsed.kind === 'unreadable') console.warn(`Jiaodui: kept writes stored for ${connection.origin} (${connection.account.name}) are ignored: ${parsed.reason}.`);

  // leaving (a reload, the window closing): the entry is written once more and then left as it is — the
  // page's calls still running are cut off then and would fail as answered, not as unreachable; it thaws
  // after a while in case the page stays (a download also says it leaves)
  let leaving = false;
  const store = () => {
    if (leaving) return;
    const now = keptWritesNow(statuses.current, claims.get(), save.current, live.current);
    // a save not yet back in its editor stays stored as it was
    const next = serializeKeptWrites({ ...now, save: now.save ?? pendingSave });
    // nothing to store over an entry this window cannot read: it stays (a newer version may read it)
    if (next === stored || next === undefined || (next === null && stored === undefined)) return;
    try {
      if (stored === undefined && raw !== null) storage.setItem(`${key}~unreadable`, raw);
      if (next === null) storage.removeItem(key);
      else storage.setItem(key, next);
      stored = next;
    } catch (e) {
      problem(e);
    }
  };

  let opening = false;
  const restoreSave = (back: boolean) => {
    const s = pendingSave;
    const { doc, editing } = live.current;
    // back into its editor once its document is open (the last document opens at start) and no other editor is
    if (!s || editing) return;
    if (doc?.id !== s.documentId) {
      if (back && !doc && !opening) {
        opening = true;
        void review.openDocument(s.documentId).finally(() => {
          opening = false;
          restoreSave(false);
        });
      }
      return;
    }
    // into its editor as a session's kept draft comes back (state/session.ts), then saved as a kept save is
    try {
      storage.setItem(backendKey(KEPT_DRAFT_KEY, connection.id), JSON.stringify({ documentId: s.documentId, segmentId: s.segmentId, row: s.row, text: s.text, version: s.version }));
    } catch (e) {
      problem(e);
      return;
    }
    if (review.restoreKeptDraft() === null) {
      // its segment is gone (split or merged meanwhile): the entry stays stored, nothing is lost
      storage.removeItem(backendKey(KEPT_DRAFT_KEY, connection.id));
      return;
    }
    pendingSave = null;
    save.current = { segmentId: s.segmentId, approve: s.approve, ...(s.statusVersion !== undefined ? { statusVersion: s.statusVersion } : {}) };
    void review.saveEdit({ retry: true }).finally(() => store());
  };

  if (parsed.kind === 'ok') {
    const merged = mergeKeptWrites(parsed.writes, keptWritesNow(statuses.current, claims.get(), save.current, live.current));
    statuses.current = merged.statuses;
    claims.set(merged.claims);
    pendingSave = save.current ? null : parsed.writes.save;
    const count = keptCount(parsed.writes);
    notify(translateTeam(locale, count === 1 ? 'team.kept.restored1' : 'team.kept.restored', { count }));
    retry();
  }
  const unsubscribe = claims.subscribe(() => store());
  const onHide = () => {
    store();
    leaving = true;
    setTimeout(() => {
      leaving = false;
    }, 3000);
  };
  window.addEventListener('beforeunload', onHide);
  window.addEventListener('pagehide', onHide);
  const sync = (back = false) => {
    restoreSave(back);
    store();
  };
  stopActive = () => {
    unsubscribe();
    window.removeEventListener('beforeunload', onHide);
    window.removeEventListener('pagehide', onHide);
  };
  sync();
  return sync;
}
