/**
 * The review workflow on top of the review state: row filters (the list handed to the
 * virtualizer), annotations (highlights, side list, annotate-on-selection), find and
 * replace, repetitions after a correction, the change log, and the keyboard extras
 * (`?` for the shortcut sheet, next segment needing attention). App wires the returned
 * pieces in; everything else lives here and in the components it renders.
 */
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { AnnotationLabel, Repetitions } from '../../../shared/domain/review';
import type { Locale } from '../i18n';
import { translateReview, type ReviewMessageKey } from '../i18n-review';
import type { Params } from '../i18n';
import { IS_MAC, isTextTarget } from '../lib/keys';
import { readCellSelection, type CellSelection } from '../lib/selection';
import { useClient } from './client';
import type { Review } from './useReview';
import { useAnnotations } from './useAnnotations';
import { filterRows, NO_FILTER, type RowFilter } from './filters';
import { nextInOrder, previousInOrder } from './navigation';
import { useQuery } from './queries';
import { keys } from './live';
import { rowFindings } from './row-findings';
import { DEFAULT_FINDINGS_FILTER, useFindingsFilter } from './findings-filter';
import type { ReplacePanelHandle } from '../components/ReplacePanel';
import type { PendingSpan } from '../components/AnnotateBar';
import '../styles/review.css';

export type WorkflowPanel = 'replace' | 'annotations';
export type WorkflowCommand = 'edit.replace' | 'view.annotations' | 'view.changelog' | 'segment.nextAttention' | 'segment.comment' | 'segment.nextFinding' | 'segment.previousFinding';

export interface WorkflowOptions {
  review: Review;
  toasts: { notify: (m: string) => void; fail: (e: unknown) => void };
  locale: Locale;
  panel: string | null;
  setPanel: (p: WorkflowPanel | null) => void;
  openShortcuts: () => void;
  /** make a selected span a claim (the label bar's Claim button and claim labels; state/useClaimsView.ts) */
  onClaim?: (span: PendingSpan) => void;
}

export function useReviewWorkflow({ review, toasts, locale, panel, setPanel, openShortcuts, onClaim }: WorkflowOptions) {
  const { client } = useClient();
  const { doc, segments, selection, actions } = review;
  const rt = useCallback((key: ReviewMessageKey, params?: Params) => translateReview(locale, key, params), [locale]);
  // a refused stale annotation edit opens the conflict view; other errors are a toast
  const offerConflict = review.conflict.offer;
  const failOrConflict = useCallback((e: unknown) => {
    if (!offerConflict(e)) toasts.fail(e);
  }, [offerConflict, toasts]);
  const annotations = useAnnotations(doc?.id ?? null, failOrConflict);

  // ---- per-row QA marks: the stored findings (the findings query, refetched when a fix, an undo
  // or another window invalidates it), counted per segment (state/row-findings.ts)
  const documentId = doc?.id ?? null;
  const findings = useQuery({ queryKey: keys.findings(documentId ?? 0), queryFn: () => client.listFindings({ documentId: documentId! }), enabled: documentId !== null });
  // counted under the Findings panel's current filter: a mark's number is what the panel lists for its row
  const [findingsFilter, setFindingsFilter] = useFindingsFilter();
  useEffect(() => setFindingsFilter(DEFAULT_FINDINGS_FILTER), [documentId, setFindingsFilter]); // another document: all its findings
  const qa = useMemo(() => rowFindings(findings.data, documentId, findingsFilter), [findings.data, documentId, findingsFilter]);
  const decor = useMemo(() => ({ ...annotations.decor, qa }), [annotations.decor, qa]);

  // ---- filters ------------------------------------------------------------------------
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  useEffect(() => setFilter(NO_FILTER), [doc?.id]);
  const rows = useMemo(() => filterRows(segments, filter, annotations.decor.bySegment, qa), [segments, filter, annotations.decor.bySegment, qa]);
  useEffect(() => actions.setRows(rows), [actions, rows]);
  // A filter that hides the selected row moves the selection to the nearest shown row
  // (when the rows change; a selection moved by hand is not pulled back).
  const followFilter = useEffectEvent((shown: typeof rows) => {
    if (!shown || !shown.length || shown.includes(selection.index)) return;
    const next = shown.find((i) => i > selection.index) ?? shown[shown.length - 1];
    actions.select(next, { focus: false });
  });
  useEffect(() => followFilter(rows), [rows]);

  // ---- repetitions after a correction ---------------------------------------------------
  const [reps, setReps] = useState<Repetitions | null>(null);
  useEffect(() => {
    const e = review.lastEdit;
    if (!e) return;
    let cancelled = false;
    client.findRepetitions({ segmentId: e.segmentId }).then(
      (r) => !cancelled && setReps(r.repetitions.length ? r : null),
      () => undefined, // an offer, not an action: stay quiet
    );
    return () => {
      cancelled = true;
    };
  }, [client, review.lastEdit]);
  useEffect(() => setReps(null), [doc?.id]);

  const propagate = useCallback(
    async (targetIds: number[]) => {
      if (!reps) return;
      try {
        const r = await client.propagateEdit({ segmentId: reps.segmentId, targetIds });
        await actions.applyChange(r);
        toasts.notify(rt('reps.done', { count: r.changedSegments }) + (r.unapproved ? ' ' + rt('reps.approvedNote') : ''));
        const left = reps.repetitions.filter((x) => !targetIds.includes(x.segmentId));
        setReps(left.length ? { ...reps, repetitions: left } : null);
      } catch (e) {
        toasts.fail(e);
      }
    },
    [client, reps, actions, toasts, rt],
  );

  // ---- annotations ----------------------------------------------------------------------
  const segRef = useRef(segments);
  segRef.current = segments;
  const quoteOf = useCallback((sel: CellSelection) => {
    const s = segRef.current.find((x) => x.id === sel.segmentId);
    if (!s) return null;
    return (sel.column === 'rendering' ? s.rendering : s.text).slice(sel.start, sel.end) || null;
  }, []);
  const onTag = useCallback(
    (span: PendingSpan, label: AnnotationLabel) => {
      void annotations.actions
        .add({ segmentId: span.segmentId, start: span.start, end: span.end, kind: 'tag', body: '', labelId: label.id, in: span.column })
        .then((a) => a && toasts.notify(rt('anno.tagged', { quote: a.exact, label: label.name })));
    },
    [annotations.actions, toasts, rt],
  );
  const onComment = useCallback(
    async (span: PendingSpan, body: string) => {
      const a = await annotations.actions.add({ segmentId: span.segmentId, start: span.start, end: span.end, kind: 'comment', body, labelId: null, in: span.column });
      if (a) toasts.notify(rt('anno.added'));
      return !!a;
    },
    [annotations.actions, toasts, rt],
  );
  const [commentRequest, setCommentRequest] = useState<{ span: PendingSpan; nonce: number } | null>(null);
  const nonce = useRef(0);

  // ---- change log -----------------------------------------------------------------------
  const [changeLogOpen, setChangeLogOpen] = useState(false);
  useEffect(() => setChangeLogOpen(false), [doc?.id]);

  // ---- keyboard: "?" opens the shortcut sheet when not typing; Ctrl+H (Windows/Linux) finds and replaces
  const replaceKey = useRef<() => void>(() => undefined);
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.isComposing || document.querySelector('[aria-modal="true"]')) return;
      if (!IS_MAC && e.ctrlKey && !e.shiftKey && !e.altKey && !e.metaKey && e.code === 'KeyH') {
        e.preventDefault();
        replaceKey.current();
        return;
      }
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || isTextTarget(e.target)) return;
      e.preventDefault();
      openShortcuts();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openShortcuts]);

  // ---- commands ---------------------------------------------------------------------------
  const replaceRef = useRef<ReplacePanelHandle>(null);
  const initialFind = useRef<string | undefined>(undefined);
  const live = useRef({ panel, selection, segments, rows, qa });
  live.current = { panel, selection, segments, rows, qa };
  /** Alt+Q / Alt+Shift+Q: the next or previous shown row with open findings. */
  const stepFinding = (dir: 1 | -1) => {
    const { segments: segs, selection: sel, rows: order, qa: marks } = live.current;
    const has = (k: number) => marks.has(segs[k].id);
    const i = (dir > 0 ? nextInOrder : previousInOrder)(order, segs.length, sel.index, has);
    if (i >= 0) actions.select(i, { align: 'center', focus: true });
    else if (!has(sel.index)) toasts.notify(rt('qa.none'));
  };

  const handlers: Record<WorkflowCommand, () => void> = {
    'edit.replace': () => {
      if (!doc) return;
      const picked = document.getSelection()?.toString() ?? '';
      const initial = picked && picked.length <= 100 && !picked.includes('\n') ? picked : undefined;
      if (live.current.panel === 'replace') replaceRef.current?.focusFind(initial);
      else {
        initialFind.current = initial;
        setPanel('replace');
      }
    },
    'view.annotations': () => setPanel(live.current.panel === 'annotations' ? null : 'annotations'),
    'view.changelog': () => doc && setChangeLogOpen((o) => !o),
    'segment.nextAttention': () => {
      if (!doc) return;
      void client.attention({ documentId: doc.id }).then(
        (att) => {
          const { segments: segs, selection: sel, rows: order } = live.current;
          const open = new Set([...att.openComments, ...att.openFindings]);
          const i = nextInOrder(order, segs.length, sel.index, (k) => (segs[k].status === 'unreviewed' && segs[k].furniture === null) || open.has(segs[k].id));
          if (i >= 0) actions.select(i, { align: 'center', focus: true });
          else toasts.notify(rt('attention.none'));
        },
        toasts.fail,
      );
    },
    'segment.nextFinding': () => stepFinding(1),
    'segment.previousFinding': () => stepFinding(-1),
    'segment.comment': () => {
      const sel = readCellSelection(document.getSelection());
      const q = sel ? quoteOf(sel) : null;
      if (sel && q) {
        setCommentRequest({ span: { ...sel, quote: q }, nonce: ++nonce.current });
        return;
      }
      const { segments: segs, selection: cur } = live.current;
      const s = segs[cur.index];
      if (!s || !s.text) return toasts.notify(rt('anno.noSelection'));
      const row = document.querySelector(`[data-segment-id="${s.id}"] .cell-hant`);
      const r = row?.getBoundingClientRect() ?? { top: 120, left: 240, bottom: 160, right: 600 };
      setCommentRequest({
        span: { segmentId: s.id, column: 'text', start: 0, end: s.text.length, rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right }, quote: s.text },
        nonce: ++nonce.current,
      });
    },
  };
  replaceKey.current = handlers['edit.replace'];

  const closePanel = useCallback(() => {
    setPanel(null);
    actions.select(live.current.selection.index, { focus: true });
  }, [setPanel, actions]);

  const selected = segments[selection.index] ?? null;

  /** What components/ReviewWorkflowViews.tsx draws: the filter bar, the side panel, the overlays. */
  const views = {
    doc,
    segments,
    rows,
    filter,
    setFilter,
    rt,
    panel,
    replaceRef,
    initialFind: initialFind.current,
    selectedSegmentId: selected?.id ?? null,
    annotations,
    closePanel,
    applyChange: actions.applyChange,
    openHit: (h: { documentId: number; segmentId: number; index: number }) => void actions.openDocument(h.documentId, { segmentId: h.segmentId, index: h.index }),
    jumpTo: (i: number) => actions.select(i, { align: 'center', focus: true }),
    notify: toasts.notify,
    fail: toasts.fail,
    quoteOf,
    commentRequest,
    onTag,
    onClaim,
    onComment,
    reps,
    applyRepetitions: (ids: number[]) => void propagate(ids),
    openSegment: (documentId: number, segmentId: number) => void actions.openDocument(documentId, { segmentId }),
    dismissRepetitions: () => setReps(null),
    changeLogOpen,
    closeChangeLog: () => setChangeLogOpen(false),
  };

  const historyProps = {
    machineText: selected?.machineText,
    currentText: selected?.text,
    onChange: actions.applyChange,
    onChangeLog: () => setChangeLogOpen(true),
    onNotify: toasts.notify,
  };

  return { rows, decor, annotations, views, handlers, historyProps, failOrConflict };
}

export type WorkflowViews = ReturnType<typeof useReviewWorkflow>['views'];
