/**
 * The grid's second column (issue 7): Simplified (the OpenCC rendering of the current
 * text, the default), the original source, or the English rendering — chosen per document
 * (kept in localStorage) and cycled with Alt+O. Also the inline English editor (which row
 * is open; the draft lives in the editor), alignment fixes and the attach dialog. Rows read
 * all of this from ColumnsContext, so the grid passes nothing new down. The attach dialog's
 * state is returned for components/ColumnsDialog.tsx to draw.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentMeta, Segment } from '../../../shared/domain/schemas';
import type { ArgsOf, ResultOf } from '../../../shared/contract/api';
import { useClient } from './client';
import type { Review } from './useReview';
import type { Toasts } from './useToasts';
import { translateColumns } from '../i18n-columns';
import type { Locale } from '../i18n';
import { COLUMN_MODES, nextColumnMode, parseColumnMode, parseThirdChoice, type ColumnMode, type ThirdChoice } from './column-layout';
import { approveStep } from './permissions';
import { discardedEnglish, restoreIndex, type DiscardedEdit } from './open-edit';
import type { Permissions } from './usePermissions';
import '../styles/columns.css';

export { COLUMN_MODES, type ColumnMode };
const KEY = (docId: number) => `jiaodui.column.${docId}`;
const THIRD_KEY = (docId: number) => `jiaodui.column3.${docId}`;

export interface ColumnsState {
  /** the second column (always shown) */
  mode: ColumnMode;
  setMode: (m: ColumnMode) => void;
  /** the third column, shown when the grid is wide enough (state/column-layout.ts) */
  third: ThirdChoice;
  setThird: (c: ThirdChoice) => void;
  attached: { source: boolean; english: boolean };
  /** the segment whose English is open in the inline editor */
  editingEnglishId: number | null;
  startEnglish: (segmentId: number) => void;
  saveEnglish: (segmentId: number, text: string, opts?: { approve?: boolean }) => Promise<boolean>;
  /** Esc: the editor closes; a changed `draft` is kept and a notice offers it back (Restore) */
  cancelEnglish: (draft?: string) => void;
  /** the text the English editor of `segmentId` opens with: a restored draft once, else null (the English as saved) */
  takeEnglishDraft: (segmentId: number) => string | null;
  /** an alignment fix of the `kind` column (default: the second column's) */
  align: (segmentId: number, op: ArgsOf<'editAlignment'>['op'], extra?: { at?: number; direction?: 'up' | 'down' }, kind?: 'source' | 'english') => Promise<void>;
  openAttach: () => void;
  /** give the keyboard focus back to the selected row (after an inline editor closes) */
  refocus: () => void;
  /** the grid reports which parallel columns it draws (its width decides the third) */
  reportShown: (parallel: readonly ColumnMode[]) => void;
}

export const ColumnsContext = createContext<ColumnsState | null>(null);
export function useColumnsContext(): ColumnsState | null {
  return useContext(ColumnsContext);
}

function readMode(docId: number | undefined): ColumnMode {
  return docId === undefined ? 'hans' : parseColumnMode(localStorage.getItem(KEY(docId)));
}
function readThird(docId: number | undefined): ThirdChoice {
  return docId === undefined ? 'auto' : parseThirdChoice(localStorage.getItem(THIRD_KEY(docId)));
}

export function useParallelColumns({ doc, segments, review, toasts, locale, permissions }: { doc: DocumentMeta | null; segments: Segment[]; review: Review; toasts: Toasts; locale: Locale; permissions: Permissions }) {
  const { client } = useClient();
  const { actions, selection } = review;
  const offerConflict = review.conflict.offer;
  const [mode, setModeState] = useState<ColumnMode>(() => readMode(doc?.id));
  const [third, setThirdState] = useState<ThirdChoice>(() => readThird(doc?.id));
  const [editingEnglishId, setEditing] = useState<number | null>(null);
  // the English's version when its editor opened: the save sends it (a change elsewhere meanwhile is a conflict)
  const englishBase = useRef<{ id: number; version: number | null | undefined } | null>(null);
  const [attachOpen, setAttachOpen] = useState(false);
  // the parallel columns the grid draws now (reported by ReviewGrid)
  const shown = useRef<readonly ColumnMode[]>([mode]);

  useEffect(() => {
    setModeState(readMode(doc?.id));
    setThirdState(readThird(doc?.id));
    setEditing(null);
  }, [doc?.id]);

  const setThird = useCallback(
    (c: ThirdChoice) => {
      setThirdState(c);
      if (doc) localStorage.setItem(THIRD_KEY(doc.id), c);
    },
    [doc],
  );

  const setMode = useCallback(
    (m: ColumnMode) => {
      setModeState(m);
      if (doc) localStorage.setItem(KEY(doc.id), m);
      // an English editor stays open only while the English still shows (as the third column)
      if (m !== 'english' && !shown.current.slice(1).includes('english')) setEditing(null);
    },
    [doc],
  );

  const attached = useMemo(
    () => ({ source: segments.some((s) => s.source !== undefined && s.source !== null), english: segments.some((s) => s.english !== undefined && s.english !== null) }),
    [segments],
  );

  // the English draft Esc discarded last, and the one a Restore hands to the editor it reopens
  const discarded = useRef<DiscardedEdit | null>(null);
  const restoring = useRef<{ segmentId: number; draft: string } | null>(null);
  const discardNotice = useRef(0);

  const restoreEnglish = useCallback(() => {
    const kept = discarded.current;
    const index = restoreIndex(kept, doc?.id ?? null, segments, (s) => s.english?.text ?? '');
    if (!kept || index === null) return;
    discarded.current = null;
    toasts.dismiss(discardNotice.current);
    if (!shown.current.includes('english')) setMode('english');
    restoring.current = { segmentId: kept.segmentId, draft: kept.draft };
    // the version the discarded draft was typed on: saving it is checked as any edit is
    englishBase.current = { id: kept.segmentId, version: kept.version };
    actions.select(index, { align: 'center' });
    setEditing(kept.segmentId);
  }, [doc?.id, segments, toasts, setMode, actions]);

  const cancelEnglish = useCallback(
    (draft?: string) => {
      const seg = segments.find((s) => s.id === editingEnglishId);
      const gone = seg && draft !== undefined ? discardedEnglish(doc?.id ?? null, seg.id, draft, seg.english?.text ?? '', englishBase.current?.id === seg.id ? englishBase.current.version : seg.versions?.en) : null;
      setEditing(null);
      actions.select(selection.index, { focus: true });
      if (!gone) return;
      discarded.current = gone;
      const row = segments.indexOf(seg!) + 1;
      discardNotice.current = toasts.notify(translateColumns(locale, 'columns.englishDiscarded', { row }), { label: translateColumns(locale, 'columns.restore'), run: restoreEnglish });
    },
    [segments, editingEnglishId, doc?.id, actions, selection.index, toasts, locale, restoreEnglish],
  );

  const saveEnglish = useCallback(
    async (segmentId: number, text: string, opts: { approve?: boolean } = {}) => {
      let seg = segments.find((s) => s.id === segmentId);
      try {
        // the versions this window read go with each save: a stale one opens the conflict view
        // save and approve (Ctrl+Enter) is one operation, so one undo step, when this reviewer may approve
        const changed = text !== (seg?.english?.text ?? '');
        const refused = permissions.message('approveEnglish', changed ? 'roles.savedEnglishNotApproved' : 'roles.only.approveEnglish');
        const step = approveStep({ approve: !!opts.approve, changed, mayApprove: refused === null });
        const inOne = step === 'inOne';
        if (text !== (seg?.english?.text ?? '')) {
          const version = englishBase.current?.id === segmentId ? englishBase.current.version : seg?.versions?.en;
          const approve = inOne ? { approve: true, statusVersion: seg?.versions?.enStatus } : {};
          const r = await client.editEnglish({ segmentId, text, version, ...approve });
          seg = r.segments.find((s) => s.id === segmentId) ?? seg;
          englishBase.current = { id: segmentId, version: seg?.versions?.en };
          await actions.applyChange(r);
        }
        if (step === 'saveOnly' && refused) toasts.notify(refused);
        if (step === 'separate') await actions.applyChange(await client.setEnglishStatus({ segmentIds: [segmentId], status: 'approved', ...(seg?.versions ? { versions: [seg.versions.enStatus] } : {}) }));
        setEditing(null);
        actions.select(selection.index, { focus: true });
        return true;
      } catch (e) {
        if (!offerConflict(e)) toasts.fail(e);
        return false;
      }
    },
    [client, actions, segments, selection.index, toasts, offerConflict, permissions],
  );

  const align = useCallback(
    async (segmentId: number, op: ArgsOf<'editAlignment'>['op'], extra: { at?: number; direction?: 'up' | 'down' } = {}, kind?: 'source' | 'english') => {
      const k = kind ?? (mode === 'hans' ? null : mode);
      if (!k) return;
      try {
        await actions.applyChange(await client.editAlignment({ segmentId, kind: k, op, ...extra }));
        setEditing(null);
      } catch (e) {
        toasts.fail(e);
      }
      // an editor that closed took the focus with it: back to the row, where the keys work
      if (!document.activeElement || document.activeElement === document.body || document.activeElement instanceof HTMLTextAreaElement)
        actions.select(selection.index, { focus: true });
    },
    [client, actions, mode, toasts, selection.index],
  );

  const value = useMemo<ColumnsState>(
    () => ({
      mode,
      setMode,
      third,
      setThird,
      attached,
      editingEnglishId,
      startEnglish: (id) => {
        // the English shows in the second column, or already in the third (the grid's width decides: state/column-layout.ts)
        if (!shown.current.includes('english')) setMode('english');
        englishBase.current = { id, version: segments.find((s) => s.id === id)?.versions?.en };
        setEditing(id);
      },
      saveEnglish,
      cancelEnglish,
      takeEnglishDraft: (id) => {
        const r = restoring.current;
        if (!r || r.segmentId !== id) return null;
        restoring.current = null;
        return r.draft;
      },
      align,
      openAttach: () => setAttachOpen(true),
      refocus: () => actions.select(selection.index, { focus: true }),
      reportShown: (parallel) => {
        shown.current = parallel;
      },
    }),
    [mode, setMode, third, setThird, attached, editingEnglishId, saveEnglish, cancelEnglish, align, actions, selection.index, segments],
  );

  const handlers = {
    'view.cycleColumn': () => setMode(nextColumnMode(mode)),
    'segment.editEnglish': () => {
      const seg = segments[selection.index];
      if (seg) value.startEnglish(seg.id);
    },
    'file.attachParallel': () => setAttachOpen(true),
  };

  const reload = useCallback(async () => {
    if (!doc) return;
    const [fresh, undo] = await Promise.all([client.getSegments({ documentId: doc.id }), client.undoState({ projectId: doc.projectId })]);
    await actions.applyChange({ operationId: null, segments: fresh, removedSegmentIds: [], undo });
  }, [client, doc, actions]);

  /** The attach dialog (components/ColumnsDialog.tsx): open for `doc`, or null. */
  const dialog = {
    open: attachOpen && doc ? { doc, defaultKind: mode === 'source' ? ('source' as const) : ('english' as const), attached } : null,
    close: () => setAttachOpen(false),
    onAttached: async (r: ResultOf<'attachParallelText'>) => {
      setAttachOpen(false);
      await reload();
      setMode(r.kind);
      toasts.notify(
        translateColumns(locale, 'columns.attached', {
          kind: translateColumns(locale, r.kind === 'english' ? 'columns.english' : 'columns.source'),
          aligned: r.aligned,
          segments: r.segments,
          method: translateColumns(locale, r.method === 'paragraphs' ? 'columns.method.paragraphs' : 'columns.method.sentences'),
        }),
      );
    },
    onError: toasts.fail,
  };

  return { value, handlers, dialog };
}

export type ColumnsDialogState = ReturnType<typeof useParallelColumns>['dialog'];
