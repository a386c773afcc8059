/**
 * The open document: its segments, the selected row, the inline edit, the save state
 * and undo state. Every change goes through the API and the returned ChangeResult; changes
 * made elsewhere arrive through the feed (useLiveUpdates → applyRemote). The undo state and
 * everything panels show live in the query cache (./queries.ts), invalidated by both.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from './queries';
import type { ChangeResult, DocumentMeta, RecordKind, Segment, SegmentStatus, UndoState } from '../../../shared/domain/schemas';
import type { Translate } from '../i18n';
import { useClient } from './client';
import { nextInOrder, stepInOrder } from './navigation';
import { invalidationsForOwnChange, keys, patchSegments, type RemotePlan } from './live';
import type { Toasts } from './useToasts';
import { useConflict } from './useConflict';
import { backendKey } from './team';
import { draftRestoreIndex, draftToKeep, KEPT_DRAFT_KEY, onSessionEnded, parseKeptDraft } from './session';
import { approveStep } from './permissions';
import { DISCARDED_EDIT_KEY, discardedBy, editHeldBy, parseDiscardedEdit, restoreIndex, unsavedEdit, type DiscardedEdit } from './open-edit';
import { isEmptyUndoStack } from './undo-steps';
import { afterBatch, enqueueStatus, isUnreachable, keepSave, keptSaveFor, observedQueue, pendingStatuses, saveRequest, statusBatches, type KeptSave, type QueuedStatus } from './status-queue';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };

export interface Selection {
  index: number;
  /** how to scroll the row into view */
  align: 'auto' | 'center';
  /** move keyboard focus to the row */
  focus: boolean;
  /** changes on every request, so the same index can be scrolled to again */
  nonce: number;
}

export interface EditState {
  segmentId: number;
  draft: string;
  /**
   * The text's version when the editor opened: the save sends it, so a change made elsewhere
   * meanwhile (even one the live feed has already shown in the row) is a conflict, not overwritten.
   */
  version?: number | null;
}

export const LAST_DOCUMENT_KEY = 'jiaodui.lastDocument';

/** The row as this window last read it (from live.current): writes send its versions, so a stale save is refused, never silently applied. */
const liveSegment = (segments: readonly Segment[], id: number): Segment | undefined => segments.find((s) => s.id === id);

export interface JumpTarget {
  segmentId?: number;
  index?: number;
  /** move the keyboard focus to the grid (a document chosen in the library: arrows and End work at once) */
  focus?: boolean;
}

export function useReview(toastsIn: Toasts, t: Translate, onDocumentsChanged: () => void) {
  const { client, backend = 'local' } = useClient();
  // ids are the backend's: this machine's document 3 is not a team server's (state/team.ts backendKey)
  const lastDocumentKey = backendKey(LAST_DOCUMENT_KEY, backend);
  const keptDraftKey = backendKey(KEPT_DRAFT_KEY, backend);
  const queryClient = useQueryClient();
  // Only the stable callbacks: the toast list changing must not recreate every action.
  const { notify, fail, describe, dismiss } = toastsIn;
  const toasts = useMemo(() => ({ notify, fail, describe, dismiss }), [notify, fail, describe, dismiss]);
  const [doc, setDoc] = useState<DocumentMeta | null>(null);
  const [segments, setSegments] = useState<Segment[]>([]);
  const [loading, setLoading] = useState(false);
  const [selection, setSelection] = useState<Selection>({ index: 0, align: 'auto', focus: false, nonce: 0 });
  const [editing, setEditing] = useState<EditState | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const projectId = doc?.projectId ?? null;
  const undoQuery = useQuery({
    queryKey: keys.undo(projectId ?? 0),
    queryFn: (): Promise<UndoState> => client.undoState({ projectId: projectId! }),
    enabled: projectId !== null,
  });
  const undo = projectId !== null ? (undoQuery.data ?? null) : null;

  // The latest values, for handlers called from key events and menus.
  const live = useRef({ doc, segments, selection, editing });
  live.current = { doc, segments, selection, editing };
  const loadSeq = useRef(0);
  const nonce = useRef(0);
  // The rows a filter shows (segment indices; null: all): moving and approve-then-next stay inside them.
  const rowsRef = useRef<readonly number[] | null>(null);
  const setRows = useCallback((rows: readonly number[] | null) => {
    rowsRef.current = rows;
  }, []);
  // Whether this window's reviewer may approve (a team account's role, state/permissions.ts; local use: yes):
  // null, or what to say when Ctrl+Enter cannot approve (`refused`) or saved without approving (`saved`).
  const approveRefusalRef = useRef<{ refused: string; saved: string } | null>(null);
  const setApproveRefusal = useCallback((r: { refused: string; saved: string } | null) => {
    approveRefusalRef.current = r;
  }, []);
  // The last saved correction, so the review workflow can offer it for repetitions.
  const [lastEdit, setLastEdit] = useState<{ segmentId: number; nonce: number } | null>(null);

  const select = useCallback((index: number, opts: { align?: 'auto' | 'center'; focus?: boolean } = {}) => {
    const n = live.current.segments.length;
    if (n === 0) return;
    const clamped = Math.max(0, Math.min(n - 1, index));
    setSelection({ index: clamped, align: opts.align ?? 'auto', focus: opts.focus ?? true, nonce: ++nonce.current });
  }, []);

  const selectedSegment = (): Segment | null => {
    const { segments: segs, selection: sel } = live.current;
    return segs[sel.index] ?? null;
  };

  /**
   * Opening the editor of segment `target` (null: another document) while the open editor holds
   * an unsaved correction: say so, give that editor the keyboard back and return true (state/open-edit.ts).
   */
  const holdUnsavedEdit = useCallback(
    (target: number | null): boolean => {
      const held = editHeldBy(live.current.editing, live.current.segments, target);
      if (!held) return false;
      toasts.notify(t('toast.unsavedEdit', { row: held.row }));
      select(held.index, { focus: true });
      return true;
    },
    [toasts, t, select],
  );

  const openDocument = useCallback(
    async (documentId: number, target: JumpTarget = {}) => {
      const cur = live.current;
      if (cur.doc?.id !== documentId && holdUnsavedEdit(null)) return;
      if (cur.doc?.id === documentId && cur.segments.length) {
        const idx = target.segmentId !== undefined ? cur.segments.findIndex((s) => s.id === target.segmentId) : (target.index ?? -1);
        if (idx >= 0) select(idx, { align: 'center', focus: true });
        else if (target.focus) select(cur.selection.index, { focus: true });
        return;
      }
      const seq = ++loadSeq.current;
      setLoading(true);
      setEditing(null);
      try {
        const [d, segs] = await Promise.all([client.getDocument({ documentId }), client.getSegments({ documentId })]);
        if (seq !== loadSeq.current) return;
        live.current = { ...live.current, doc: d, segments: segs };
        setDoc(d);
        setSegments(segs);
        localStorage.setItem(lastDocumentKey, String(documentId));
        let idx = target.segmentId !== undefined ? segs.findIndex((s) => s.id === target.segmentId) : (target.index ?? 0);
        if (idx < 0) idx = target.index ?? 0;
        const hasTarget = target.segmentId !== undefined || target.index !== undefined;
        setSelection({ index: Math.max(0, Math.min(segs.length - 1, idx)), align: hasTarget ? 'center' : 'auto', focus: hasTarget || !!target.focus, nonce: ++nonce.current });
      } catch (e) {
        toasts.fail(e);
      } finally {
        if (seq === loadSeq.current) setLoading(false);
      }
    },
    [client, select, toasts, lastDocumentKey, holdUnsavedEdit],
  );

  const closeDocument = useCallback(() => {
    loadSeq.current++;
    setDoc(null);
    setSegments([]);
    setEditing(null);
    localStorage.removeItem(lastDocumentKey);
  }, [lastDocumentKey]);

  const refreshDoc = useCallback(async () => {
    const d = live.current.doc;
    if (!d) return;
    try {
      const fresh = await client.getDocument({ documentId: d.id });
      if (live.current.doc?.id === fresh.id) setDoc(fresh);
    } catch (e) {
      toasts.fail(e);
    }
    onDocumentsChanged();
  }, [client, toasts, onDocumentsChanged]);

  /**
   * Apply what a write of this window returned: patch the rows (split and merge too), the undo state, and invalidate what panels show.
   * True when the keyboard goes to a row of this document (a structural change, or `selectChanged` and a row of it changed).
   */
  const applyChange = useCallback(
    async (r: ChangeResult, opts: { selectChanged?: boolean } = {}): Promise<boolean> => {
      const { doc: d, segments: segs, selection: sel } = live.current;
      if (d) queryClient.setQueryData(keys.undo(d.projectId), r.undo);
      for (const queryKey of invalidationsForOwnChange(r, d?.id ?? null)) void queryClient.invalidateQueries({ queryKey });
      if (!d) return false;
      const ids = new Set(segs.map((s) => s.id));
      const mine = r.segments.filter((s) => s.documentId === d.id);
      const structural = r.removedSegmentIds.some((id) => ids.has(id)) || mine.some((s) => !ids.has(s.id));
      const next = patchSegments(segs, mine, r.removedSegmentIds);
      if (next !== segs) {
        live.current = { ...live.current, segments: next };
        setSegments(next);
      }
      if (structural) {
        const selectedId = segs[sel.index]?.id;
        const firstChanged = mine.length ? next.findIndex((s) => s.id === mine[0].id) : -1;
        const keep = next.findIndex((s) => s.id === selectedId);
        const idx = firstChanged >= 0 ? firstChanged : keep >= 0 ? keep : sel.index;
        setSelection({ index: Math.max(0, Math.min(next.length - 1, idx)), align: 'auto', focus: true, nonce: ++nonce.current });
      }
      const changedIndex = !structural && opts.selectChanged && mine.length ? next.findIndex((s) => s.id === mine[0].id) : -1;
      if (changedIndex >= 0) setSelection({ index: changedIndex, align: 'center', focus: true, nonce: ++nonce.current });
      await refreshDoc();
      return structural || changedIndex >= 0;
    },
    [queryClient, refreshDoc],
  );

  /**
   * Apply a change made elsewhere (planned by live.ts from a feed event): fetch only the rows it
   * names, patch them in, keep the selected row selected; refresh progress. The whole document is
   * refetched only when every row changed (a parallel text attached) or after a resync.
   */
  const applyRemote = useCallback(
    async (plan: RemotePlan) => {
      const d = live.current.doc;
      if (!d) return;
      let fetched: Segment[] | null = null;
      if (plan.reloadRows) fetched = await client.getSegments({ documentId: d.id });
      else if (plan.fetchSegments.length) fetched = (await client.getSegmentsById({ segmentIds: plan.fetchSegments })).filter((s) => s.documentId === d.id);
      const { doc: now, segments: segs, selection: sel, editing: ed } = live.current;
      if (now?.id !== d.id) return;
      const next = plan.reloadRows ? (fetched ?? segs) : patchSegments(segs, fetched ?? [], plan.removeSegments);
      if (next !== segs) {
        live.current = { ...live.current, segments: next };
        setSegments(next);
        // the same row stays selected when rows above it were split or merged
        const selectedId = segs[sel.index]?.id;
        const idx = next.findIndex((s) => s.id === selectedId);
        if (idx !== sel.index) setSelection((s) => ({ ...s, index: Math.max(0, Math.min(next.length - 1, idx >= 0 ? idx : s.index)), focus: false, nonce: ++nonce.current }));
        if (ed && !next.some((s) => s.id === ed.segmentId)) setEditing(null);
      }
      if (plan.refreshDocument) await refreshDoc();
    },
    [client, refreshDoc],
  );

  /** Read the open document's rows again (the conflict view's keep theirs). */
  const reloadSegments = useCallback(async () => {
    const d = live.current.doc;
    if (!d) return;
    const fresh = await client.getSegments({ documentId: d.id });
    if (live.current.doc?.id !== d.id) return;
    live.current = { ...live.current, segments: fresh };
    setSegments(fresh);
  }, [client]);

  // A save the team server could not be reached for (state/status-queue.ts KeptSave): its text stays in
  // the editor; the approval asked for and the status version read then are kept for the retry.
  const keptSave = useRef<KeptSave | null>(null);
  // The open editor's save that the conflict view shows a status conflict of (an approval refused because
  // someone changed the status since): its choice saves the editor's text too (state/conflict.ts saveResolution).
  const refusedSave = useRef<number | null>(null);

  // A save refused because someone else changed the field since (issue 16): the conflict view.
  const conflict = useConflict({
    applyChange,
    reload: reloadSegments,
    // an annotation, claim or glossary entry: refetch what shows them (and the rows a glossary entry re-rendered)
    recordSettled: useCallback(
      async (_kind: RecordKind, rerendered: boolean) => {
        const d = live.current.doc;
        if (!d) return;
        const [undo, segments] = await Promise.all([client.undoState({ projectId: d.projectId }), rerendered ? client.getSegments({ documentId: d.id }) : Promise.resolve([])]);
        await applyChange({ operationId: null, segments, removedSegmentIds: [], undo });
      },
      [client, applyChange],
    ),
    onResolved: useCallback((keepEditor: boolean) => {
      keptSave.current = null;
      refusedSave.current = null;
      if (!keepEditor) setEditing(null);
      setSaveState({ kind: 'saved' });
    }, []),
    refusedSave: useCallback(() => {
      const e = live.current.editing;
      return e && refusedSave.current === e.segmentId ? { segmentId: e.segmentId, text: e.draft, version: e.version } : null;
    }, []),
    fail: toasts.fail,
  });
  const offerConflict = conflict.offer;

  /**
   * Run a write with the save state shown in the status bar; an edit conflict opens the conflict
   * view, other errors become a toast — except a team server that cannot be reached, for a write
   * that waits for it (`onUnreachable`: a status change queued, or a save kept with its approval, sent
   * again when it is back; what it returns is said instead of the error).
   */
  const write = useCallback(
    async <T,>(fn: () => Promise<T>, opts: { conflictView?: boolean; onUnreachable?: () => string | void; notice?: (e: unknown) => boolean } = {}): Promise<T | null> => {
      setSaveState({ kind: 'saving' });
      try {
        const r = await fn();
        setSaveState({ kind: 'saved' });
        return r;
      } catch (e) {
        // a refusal that is only news (nothing was written, nothing lost): a notice, and the status bar says Saved
        if (opts.notice?.(e)) {
          setSaveState({ kind: 'saved' });
          toasts.notify(toasts.describe(e));
          return null;
        }
        setSaveState({ kind: 'error', message: toasts.describe(e) });
        const said = opts.onUnreachable && isUnreachable(e) ? opts.onUnreachable() : undefined;
        if (said) toasts.notify(said);
        else if (opts.conflictView === false || !offerConflict(e)) toasts.fail(e);
        return null;
      }
    },
    [toasts, offerConflict],
  );

  // Status changes a team server could not be reached for (state/status-queue.ts): sent again when it is back.
  // (observed: each row shows the status change it waits to send, until it is sent or refused as a conflict)
  const [queuedStatuses, setQueuedStatuses] = useState<readonly QueuedStatus[]>([]);
  const [statusQueue] = useState(() => observedQueue(setQueuedStatuses));
  const pending = useMemo(() => pendingStatuses(queuedStatuses), [queuedStatuses]);
  const retrying = useRef(false);
  // asked again while a retry runs (the server back again after the retry met it away): one more round after it
  const retryAgain = useRef(false);
  /** Send the queued status changes (App calls this when the team server is back); a conflict opens the conflict view. */
  const retryStatuses = useCallback(async (): Promise<void> => {
    if (retrying.current) {
      retryAgain.current = true;
      return;
    }
    retrying.current = true;
    try {
      for (const batch of statusBatches(statusQueue.current)) {
        const answer = { unreachable: false };
        const r = await write(() => client.setStatus({ segmentIds: batch.segmentIds, status: batch.status, ...(batch.versions ? { versions: batch.versions } : {}) }), {
          onUnreachable: () => {
            answer.unreachable = true;
            return t('toast.statusQueued');
          },
        });
        statusQueue.current = afterBatch(statusQueue.current, batch, answer.unreachable ? 'unreachable' : 'answered');
        if (r) await applyChange(r);
        if (answer.unreachable) break;
      }
    } finally {
      retrying.current = false;
    }
    if (retryAgain.current) {
      retryAgain.current = false;
      await retryStatusesRef.current();
    }
  }, [client, write, applyChange, t, statusQueue]);
  const retryStatusesRef = useRef(retryStatuses);
  retryStatusesRef.current = retryStatuses;

  const startEdit = useCallback((index?: number) => {
    const seg = index !== undefined ? (live.current.segments[index] ?? null) : selectedSegment();
    if (!seg || holdUnsavedEdit(seg.id)) return;
    setEditing((e) => (e && e.segmentId === seg.id ? e : { segmentId: seg.id, draft: seg.text, version: seg.versions?.text }));
  }, [holdUnsavedEdit]);

  const setDraft = useCallback((draft: string) => setEditing((e) => (e ? { ...e, draft } : e)), []);

  /** Keep the open editor's unsaved text in local storage (restoreKeptDraft puts it back at the next start). */
  const keepDraft = useCallback(() => {
    const { doc: d, segments: segs, editing: e } = live.current;
    const kept = draftToKeep(e, d?.id ?? null, segs);
    if (kept) localStorage.setItem(keptDraftKey, JSON.stringify(kept));
  }, [keptDraftKey]);
  // Browser mode: when the session ends (a 401), keep the open editor's unsaved text in local
  // storage too — the editor itself stays (the app is only hidden), but a reload would lose it.
  useEffect(() => onSessionEnded(keepDraft), [keepDraft]);
  // Leaving the page (a reload, a closed tab or window) with an unsaved correction open: kept the
  // same way, so it comes back in its editor. This machine's database only: a team server's
  // unsent edits are state/kept-storage.ts's, under the same key.
  useEffect(() => {
    if (backend !== 'local') return;
    window.addEventListener('pagehide', keepDraft);
    return () => window.removeEventListener('pagehide', keepDraft);
  }, [backend, keepDraft]);

  /**
   * Put an edit kept when a session ended back into the editor of the open document, on the
   * version it was based on (so saving it is checked as any edit is). Returns its row (1-based),
   * or null when there is none for this document.
   */
  const restoreKeptDraft = useCallback((): number | null => {
    const kept = parseKeptDraft(localStorage.getItem(keptDraftKey));
    const index = draftRestoreIndex(kept, live.current.doc?.id ?? null, live.current.segments);
    if (kept === null || index === null) return null;
    localStorage.removeItem(keptDraftKey);
    const edit = { segmentId: kept.segmentId, draft: kept.text, version: kept.version };
    live.current = { ...live.current, editing: edit };
    setEditing(edit);
    select(index, { align: 'center', focus: true });
    return index + 1;
  }, [select, keptDraftKey]);

  // The correction Esc discarded last (state/open-edit.ts): the notice's Restore and Alt+Z put it back.
  // Also in local storage, so that it is still there after a reload, a crash or a closed window.
  const discardedKey = backendKey(DISCARDED_EDIT_KEY, backend);
  // undefined until read: local storage is read once per window (and team server), not on every save
  const discarded = useRef<DiscardedEdit | null | undefined>(undefined);
  const discardNotice = useRef(0);
  useEffect(() => {
    discarded.current = undefined;
  }, [discardedKey]);
  const discardedNow = useCallback((): DiscardedEdit | null => {
    if (discarded.current === undefined) discarded.current = parseDiscardedEdit(localStorage.getItem(discardedKey));
    return discarded.current;
  }, [discardedKey]);
  const keepDiscarded = useCallback(
    (edit: DiscardedEdit | null) => {
      discarded.current = edit;
      try {
        if (edit) localStorage.setItem(discardedKey, JSON.stringify(edit));
        else localStorage.removeItem(discardedKey);
      } catch {
        /* storage full or refused: it is still kept in memory until the window closes */
      }
    },
    [discardedKey],
  );

  /** Put the discarded correction back in its editor (on the version it was based on); say so when there is none. */
  const restoreDiscarded = useCallback(() => {
    const { doc: d, segments: segs } = live.current;
    // the window's own, else the one kept in local storage before a reload
    const kept = discardedNow();
    const index = restoreIndex(kept, d?.id ?? null, segs);
    if (kept === null || index === null) return toasts.notify(t('toast.nothingDiscarded'));
    if (holdUnsavedEdit(kept.segmentId)) return;
    keepDiscarded(null);
    toasts.dismiss(discardNotice.current);
    const edit = { segmentId: kept.segmentId, draft: kept.draft, version: kept.version };
    live.current = { ...live.current, editing: edit };
    setEditing(edit);
    select(index, { align: 'center', focus: true });
  }, [toasts, t, holdUnsavedEdit, select, discardedNow, keepDiscarded]);

  /** Esc in the editor: it closes; changed text is kept and a notice offers it back (Restore, Alt+Z). */
  const cancelEdit = useCallback(() => {
    const { doc: d, segments: segs, editing: e } = live.current;
    const gone = discardedBy(e, d?.id ?? null, segs);
    keptSave.current = null;
    refusedSave.current = null;
    setEditing(null);
    setSelection((s) => ({ ...s, focus: true, nonce: ++nonce.current }));
    if (!gone) return;
    keepDiscarded(gone);
    const row = segs.findIndex((x) => x.id === gone.segmentId) + 1;
    discardNotice.current = toasts.notify(t('toast.editDiscarded', { row }), { label: t('toast.restore'), keys: 'Alt+Z', run: restoreDiscarded });
  }, [toasts, t, restoreDiscarded, keepDiscarded]);

  const moveBy = useCallback(
    (delta: number) => {
      select(stepInOrder(rowsRef.current, live.current.segments.length, live.current.selection.index, delta), { focus: true });
    },
    [select],
  );

  /** After an approval: the next unreviewed segment (not page furniture), else simply the next row. */
  const advanceAfterApprove = useCallback(() => {
    const { segments: segs, selection: sel } = live.current;
    const i = nextInOrder(rowsRef.current, segs.length, sel.index, (k) => segs[k].status === 'unreviewed' && segs[k].furniture === null);
    if (i >= 0) select(i, { focus: true });
    else moveBy(1);
  }, [select, moveBy]);

  /**
   * Save the open edit. Returns false (and keeps the editor open) when it failed. `retry`: the save
   * again after the team server came back, with the approval and status version kept when it failed.
   */
  const saveEdit = useCallback(
    async (opts: { approve?: boolean; retry?: boolean } = {}): Promise<boolean> => {
      const e = live.current.editing;
      if (!e) return true;
      const seg = live.current.segments.find((s) => s.id === e.segmentId);
      if (!seg) return true;
      const asked = saveRequest(opts, keptSaveFor(keptSave.current, e.segmentId), seg.versions?.status);
      // save and approve (Ctrl+Enter) is one operation, so one undo step; where this reviewer may not
      // approve (a team account's role) the text is saved as an edit and no approval is sent
      const refusal = approveRefusalRef.current;
      const step = approveStep({ approve: asked.approve, changed: e.draft !== seg.text, mayApprove: refusal === null });
      // not sent (the team server cannot be reached): the text stays in the editor, the approval is kept with the version read now
      const keep = () => {
        keptSave.current = keepSave(keptSave.current, { segmentId: e.segmentId, approve: asked.approve, statusVersion: asked.statusVersion });
        return step === 'inOne' ? t('toast.statusQueued') : undefined;
      };
      if (e.draft !== seg.text) {
        const approve = step === 'inOne' ? { approve: true, statusVersion: asked.statusVersion } : {};
        refusedSave.current = step === 'inOne' ? e.segmentId : null;
        const r = await write(() => client.editSegment({ segmentId: e.segmentId, text: e.draft, version: e.version, ...approve }), { onUnreachable: keep });
        if (!r) return false;
        keptSave.current = null;
        refusedSave.current = null;
        if (discardedNow()?.segmentId === e.segmentId) keepDiscarded(null);
        // the text is stored: close the editor before applyChange refetches progress, so keys pressed
        // next (Ctrl+Z, Alt+H) reach the app rather than the editor's textarea
        if (step !== 'separate') setEditing(null);
        await applyChange(r);
        setLastEdit({ segmentId: e.segmentId, nonce: ++nonce.current });
      }
      if (step === 'separate') {
        // the text is unchanged (else the approval went with it): the status version read when asked — a retry's kept one
        const version = asked.statusVersion;
        let queued = false;
        const r2 = await write(() => client.setStatus({ segmentIds: [e.segmentId], status: 'approved', ...(version !== undefined ? { versions: [version] } : {}) }), {
          // nothing left in the editor to keep: the approval waits with the other status changes
          onUnreachable: () => {
            statusQueue.current = enqueueStatus(statusQueue.current, { segmentId: e.segmentId, status: 'approved', version });
            queued = true;
            return t('toast.statusQueued');
          },
        });
        if (!r2 && !queued) return false;
        if (r2) await applyChange(r2);
      }
      keptSave.current = null;
      refusedSave.current = null;
      setEditing(null);
      if (step === 'saveOnly' && refusal) toasts.notify(e.draft !== seg.text ? refusal.saved : refusal.refused);
      if (step === 'inOne' || step === 'separate') advanceAfterApprove();
      else setSelection((s) => ({ ...s, focus: true, nonce: ++nonce.current }));
      return true;
    },
    [client, write, applyChange, advanceAfterApprove, toasts, t, statusQueue, discardedNow, keepDiscarded],
  );

  const setStatus = useCallback(
    async (status: SegmentStatus) => {
      if (live.current.editing) {
        if (status === 'approved') await saveEdit({ approve: true });
        return;
      }
      const seg = selectedSegment();
      if (!seg) return;
      // the approve command of a reviewer who may not approve never reaches here (App's guardCommands)
      const r = await write(() => client.setStatus({ segmentIds: [seg.id], status, ...(seg.versions ? { versions: [seg.versions.status] } : {}) }), {
        // not sent: the team server cannot be reached; sent with the version read here when it is back
        onUnreachable: () => {
          statusQueue.current = enqueueStatus(statusQueue.current, { segmentId: seg.id, status, version: seg.versions?.status });
          return t('toast.statusQueued');
        },
      });
      if (!r) return;
      await applyChange(r);
      if (status === 'approved') advanceAfterApprove();
    },
    [client, write, applyChange, saveEdit, advanceAfterApprove, t, statusQueue],
  );

  const split = useCallback(
    async (caret: number | null) => {
      const e = live.current.editing;
      if (!e || caret === null) {
        startEdit();
        toasts.notify(t('toast.splitHint'));
        return;
      }
      const seg = live.current.segments.find((s) => s.id === e.segmentId);
      if (!seg) return;
      if (e.draft !== seg.text) {
        const r = await write(() => client.editSegment({ segmentId: e.segmentId, text: e.draft, version: e.version }));
        if (!r) return;
        await applyChange(r);
      }
      const now = liveSegment(live.current.segments, e.segmentId) ?? seg;
      const r = await write(() => client.splitSegment({ segmentId: e.segmentId, at: caret, version: now.versions?.text }));
      if (!r) return;
      setEditing(null);
      await applyChange(r);
    },
    [client, write, applyChange, startEdit, toasts, t],
  );

  const merge = useCallback(async () => {
    if (live.current.editing && !(await saveEdit())) return;
    const seg = selectedSegment();
    if (!seg) return;
    if (live.current.selection.index >= live.current.segments.length - 1) {
      toasts.notify(t('toast.mergeLast'));
      return;
    }
    const next = live.current.segments[live.current.selection.index + 1];
    const r = await write(() => client.mergeSegments({ segmentId: seg.id, version: seg.versions?.text, nextSegmentId: next?.id, nextVersion: next?.versions?.text }));
    if (r) await applyChange(r);
  }, [client, write, applyChange, saveEdit, toasts, t]);

  const toggleFurniture = useCallback(async () => {
    const seg = selectedSegment();
    if (!seg || live.current.editing) return;
    const r = await write(() => client.setFurniture({ segmentId: seg.id, furniture: seg.furniture === null, version: seg.versions?.furniture }));
    if (r) await applyChange(r);
  }, [client, write, applyChange]);

  const undoRedo = useCallback(
    async (kind: 'undo' | 'redo') => {
      const d = live.current.doc;
      if (!d) {
        toasts.notify(t('toast.noDocument'));
        return;
      }
      if (live.current.editing) setEditing(null);
      // a refused undo (someone changed its fields since) is a message naming who, not a conflict to resolve
      // nothing to undo or redo is a notice, not a failed save (state/undo-steps.ts)
      const r = await write(() => (kind === 'undo' ? client.undo({ projectId: d.projectId }) : client.redo({ projectId: d.projectId })), { conflictView: false, notice: isEmptyUndoStack });
      if (!r) return;
      await applyChange(r, { selectChanged: true });
      toasts.notify(t(kind === 'undo' ? 'toast.undone' : 'toast.redone'));
    },
    [client, write, applyChange, toasts, t],
  );

  const nextUnreviewed = useCallback(() => {
    const { segments: segs, selection: sel } = live.current;
    const i = nextInOrder(rowsRef.current, segs.length, sel.index, (k) => segs[k].status === 'unreviewed' && segs[k].furniture === null);
    if (i >= 0) select(i, { align: 'center', focus: true });
  }, [select]);

  const actions = useMemo(
    () => ({
      openDocument,
      closeDocument,
      refreshDoc,
      select,
      moveBy,
      startEdit,
      setDraft,
      cancelEdit,
      restoreDiscarded,
      saveEdit,
      setStatus,
      retryStatuses,
      split,
      merge,
      toggleFurniture,
      undoRedo,
      nextUnreviewed,
      setDoc,
      applyChange,
      applyRemote,
      setRows,
      restoreKeptDraft,
      setApproveRefusal,
      // what waits for an unreachable team server, stored across reloads by state/kept-storage.ts
      kept: { statuses: statusQueue, save: keptSave, live },
    }),
    [restoreKeptDraft, setApproveRefusal, applyChange, applyRemote, openDocument, closeDocument, refreshDoc, select, moveBy, startEdit, setDraft, cancelEdit, restoreDiscarded, saveEdit, setStatus, retryStatuses, split, merge, toggleFurniture, undoRedo, nextUnreviewed, setRows, statusQueue],
  );

  // the open editor's row while its text differs from the segment's (the status bar says it is not saved yet)
  const unsavedRow = useMemo(() => unsavedEdit(editing, segments)?.row ?? null, [editing, segments]);
  return { doc, segments, loading, selection, editing, unsavedRow, saveState, undo, lastEdit, actions, conflict, pendingStatuses: pending };
}

export type Review = ReturnType<typeof useReview>;
