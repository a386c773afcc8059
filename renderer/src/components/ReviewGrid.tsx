/**
 * The review grid: a virtualized ARIA grid of segments with measured, variable row
 * heights. Only the rows in view (plus overscan, plus the row being edited) are in the DOM.
 */
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type CSSProperties } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { DocumentMeta, Segment } from '../../../shared/domain/schemas';
import type { EditState, Review, Selection } from '../state/useReview';
import { useI18n } from '../i18n';
import { SegmentRow } from './SegmentRow';
import { SegmentEditor } from './SegmentEditor';
import { ColumnSwitcher, ThirdColumnHeader } from './ColumnSwitcher';
import { useColumnsContext } from '../state/useColumns';
import { layoutColumns } from '../state/column-layout';
import { rowUnderNotices } from '../state/notice-inset';

export interface ReviewGridProps {
  doc: DocumentMeta;
  segments: Segment[];
  selection: Selection;
  editing: EditState | null;
  zoom: number;
  actions: Review['actions'];
  /** segment indices to show, in order (the filters above the grid); null or absent: all */
  rows?: readonly number[] | null;
  /** px the notices stacked over the grid's bottom take (state/notice-inset.ts): the rows scroll clear of them */
  bottomInset?: number;
}

const ESTIMATE = 46;

export function ReviewGrid({ doc, segments, selection, editing, zoom, actions, rows = null, bottomInset = 0 }: ReviewGridProps) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  // The column layout (state/column-layout.ts): a third text column when the grid is wide enough,
  // the Speaker column only when the document has speakers.
  const cols = useColumnsContext();
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = gridRef.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const speakers = useMemo(() => segments.some((s) => !!s.speaker), [segments]);
  const attachedSource = !!cols?.attached.source;
  const attachedEnglish = !!cols?.attached.english;
  const layout = useMemo(
    () => layoutColumns({ width, zoom, second: cols?.mode ?? 'hans', third: cols?.third ?? 'off', attached: { source: attachedSource, english: attachedEnglish }, speakers }),
    [width, zoom, cols?.mode, cols?.third, attachedSource, attachedEnglish, speakers],
  );
  const parallel = layout.parallel;
  const reportShown = cols?.reportShown;
  useEffect(() => reportShown?.(parallel), [reportShown, parallel]);
  // Filtered: virtual item k shows segment rows[k]; toV maps a segment index back (-1: hidden).
  const vIndex = useMemo(() => (rows ? new Map(rows.map((i, k) => [i, k])) : null), [rows]);
  const toV = (i: number) => (vIndex ? (vIndex.get(i) ?? -1) : i);
  const segAt = (k: number) => (rows ? rows[k] : k);
  const count = rows ? rows.length : segments.length;
  const editIndex = editing ? toV(segments.findIndex((s) => s.id === editing.segmentId)) : -1;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const r = defaultRangeExtractor(range);
      if (editIndex >= 0 && !r.includes(editIndex)) {
        r.push(editIndex);
        r.sort((a, b) => a - b);
      }
      return r;
    },
    [editIndex],
  );

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE * zoom,
    overscan: 10,
    getItemKey: (i) => segments[segAt(i)]?.id ?? i,
    rangeExtractor,
    // the last rows can scroll above the notices, and a row brought into view stops above them
    paddingEnd: bottomInset,
    scrollPaddingEnd: bottomInset,
  });

  // Row heights change with zoom and width: re-measure, and keep the selected row in view.
  const selectedRef = useRef(selection.index);
  selectedRef.current = Math.max(0, toV(selection.index));
  useEffect(() => {
    virtualizer.measure();
    const h = requestAnimationFrame(() => virtualizer.scrollToIndex(selectedRef.current, { align: 'auto' }));
    return () => cancelAnimationFrame(h);
  }, [zoom, virtualizer]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let width = el.clientWidth;
    let h = 0;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      cancelAnimationFrame(h);
      h = requestAnimationFrame(() => virtualizer.scrollToIndex(selectedRef.current, { align: 'auto' }));
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(h);
    };
  }, [virtualizer]);

  // A notice that appears over the selected row (the one just edited, say) moves the row up, clear of it.
  useEffect(() => {
    const el = scrollRef.current;
    const row = virtualizer.measurementsCache[selectedRef.current];
    if (!el || !row || !rowUnderNotices(row, { top: el.scrollTop, height: el.clientHeight }, bottomInset)) return;
    const h = requestAnimationFrame(() => virtualizer.scrollToIndex(selectedRef.current, { align: 'auto' }));
    return () => cancelAnimationFrame(h);
  }, [bottomInset, virtualizer]);

  // Scroll the selected row into view, and move focus to it when asked: on a new selection
  // request (nonce) or a new row count, reading the selection and the virtualizer as they are then.
  const revealSelection = useEffectEvent(() => {
    if (!segments.length) return;
    const index = Math.min(selection.index, segments.length - 1);
    if (toV(index) >= 0) virtualizer.scrollToIndex(toV(index), { align: selection.align });
    if (!selection.focus) return;
    let frames = 0;
    let handle = 0;
    // where the keyboard was when the focus was asked for: the row takes it only from there (or from nothing)
    const asked = document.activeElement;
    const tryFocus = () => {
      // a dialog opened meanwhile (the command palette right after a panel closed) keeps the keyboard: it gives it back when it closes
      if (document.querySelector('[aria-modal="true"]')) return;
      // so does anything that took the keyboard since (a side panel opened by its shortcut before this frame came)
      const now = document.activeElement;
      if (now !== asked && now !== null && now !== document.body) return;
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      // a row with an open editor: the editor gets the keyboard (its unsaved text held, state/open-edit.ts)
      if (el && !el.contains(document.activeElement)) (el.querySelector('textarea') ?? el).focus({ preventScroll: true });
      if (!el && frames++ < 30) handle = requestAnimationFrame(tryFocus);
    };
    handle = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(handle);
  });
  useEffect(() => revealSelection(), [selection.nonce, segments.length]);

  const onSelect = useCallback((i: number) => actions.select(i, { focus: true }), [actions]);
  const onOpenEditor = useCallback(
    (i: number) => {
      actions.select(i, { focus: false });
      actions.startEdit(i);
    },
    [actions],
  );

  function pageSize(): number {
    const h = scrollRef.current?.clientHeight ?? 600;
    const items = virtualizer.getVirtualItems();
    const avg = items.length ? items.reduce((n, it) => n + it.size, 0) / items.length : ESTIMATE * zoom;
    return Math.max(1, Math.floor(h / avg) - 1);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.target instanceof HTMLTextAreaElement || e.altKey || e.metaKey) return;
    const i = Math.max(0, toV(selection.index));
    let to: number | null = null;
    if (e.key === 'PageDown') to = i + pageSize();
    else if (e.key === 'PageUp') to = i - pageSize();
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = count - 1;
    if (to === null || count === 0) return;
    e.preventDefault();
    actions.select(segAt(Math.max(0, Math.min(count - 1, to))), { focus: true, align: 'auto' });
  }

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={gridRef}
      className="grid"
      role="grid"
      aria-label={t('grid.label', { title: doc.title })}
      aria-rowcount={segments.length + 1}
      aria-colcount={3 + (layout.speaker ? 1 : 0) + parallel.length}
      data-testid="grid"
      data-columns={1 + parallel.length}
      style={{ '--cols': layout.template } as CSSProperties}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="row row-head">
          <div role="columnheader" className="cell cell-num">
            {t('grid.col.number')}
          </div>
          <div role="columnheader" className="cell cell-status">
            <span className="visually-hidden">{t('grid.col.status')}</span>
          </div>
          {layout.speaker && (
            <div role="columnheader" className="cell cell-speaker">
              {t('grid.col.speaker')}
            </div>
          )}
          <div role="columnheader" className="cell cell-text">
            {t('grid.col.hant')}
          </div>
          <div role="columnheader" className="cell cell-text">
            <ColumnSwitcher fallback={t('grid.col.hans')} roomForThird={layout.roomForThird && parallel.length === 1} />
          </div>
          {parallel[1] && (
            <div role="columnheader" className="cell cell-text" data-testid="third-column-header">
              <ThirdColumnHeader shown={parallel[1]} />
            </div>
          )}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" ref={scrollRef} data-testid="grid-body">
        <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const idx = segAt(item.index);
            const s = segments[idx];
            if (!s) return null;
            const prev = segments[idx - 1];
            const speakerMode = !s.speaker ? 'none' : !prev || prev.turn !== s.turn || prev.speaker !== s.speaker ? 'first' : 'continued';
            const isEditing = editing?.segmentId === s.id;
            return (
              <SegmentRow
                key={item.key}
                segment={s}
                position={idx}
                start={item.start}
                selected={idx === selection.index}
                speakerMode={speakerMode}
                speakerColumn={layout.speaker}
                parallel={parallel}
                prev={prev}
                next={segments[idx + 1]}
                measure={virtualizer.measureElement}
                onSelect={onSelect}
                onOpenEditor={onOpenEditor}
                editor={
                  isEditing ? (
                    <SegmentEditor
                      number={idx + 1}
                      draft={editing.draft}
                      onDraft={actions.setDraft}
                      onSave={(o) => void actions.saveEdit(o)}
                      onCancel={actions.cancelEdit}
                      onSplit={(caret) => void actions.split(caret)}
                      onMerge={() => void actions.merge()}
                    />
                  ) : null
                }
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
