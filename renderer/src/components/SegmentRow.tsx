/** One segment as a grid row: number, status, speaker, Traditional (with diff) and the second column (Simplified, source or English). */
import { memo, type ReactNode } from 'react';
import type { Segment } from '../../../shared/domain/schemas';
import { useI18n } from '../i18n';
import { useReviewI18n } from '../i18n-review';
import { useDecor } from '../state/decor';
import { StatusMarker } from './StatusMarker';
import { SegmentText } from './SegmentText';
import { ParallelCell } from './ParallelCell';
import type { ColumnMode } from '../state/column-layout';

export interface SegmentRowProps {
  segment: Segment;
  position: number;
  start: number;
  selected: boolean;
  /** speaker shown strongly (first row of a turn), subtly (later rows), or not at all */
  speakerMode: 'first' | 'continued' | 'none';
  /** the Speaker column shows (the document has speakers) */
  speakerColumn: boolean;
  /** the text columns after the Traditional one (state/column-layout.ts) */
  parallel: readonly ColumnMode[];
  /** the rows above and below (the English column draws text moved between rows as a move) */
  prev?: Segment;
  next?: Segment;
  editor: ReactNode | null;
  measure: (el: HTMLElement | null) => void;
  onSelect: (position: number) => void;
  onOpenEditor: (position: number) => void;
}

export const SegmentRow = memo(function SegmentRow(p: SegmentRowProps) {
  const { t, formatNumber } = useI18n();
  const { rt } = useReviewI18n();
  const s = p.segment;
  // open findings in this row (count, worst severity): the findings query (state/row-findings.ts)
  const qa = useDecor().qa?.get(s.id);
  const qaLabel = qa ? rt('qa.mark', { count: formatNumber(qa.count), severity: rt(`qa.${qa.worst}`) }) : '';
  // a status change waiting for the team server (state/status-queue.ts)
  const pending = useDecor().pendingStatus?.get(s.id);
  const pendingLabel = pending ? rt('status.pending', { status: t(`status.${pending}`) }) : '';
  const classes = ['row', `row-${s.status}`, p.selected ? 'is-selected' : '', s.furniture ? 'is-furniture' : '', p.speakerMode === 'first' ? 'turn-start' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={p.measure}
      role="row"
      className={classes}
      data-index={p.position}
      data-testid={`row-${p.position}`}
      data-status={s.status}
      data-segment-id={s.id}
      aria-rowindex={p.position + 2}
      aria-selected={p.selected}
      tabIndex={p.selected ? 0 : -1}
      style={{ transform: `translateY(${p.start}px)` }}
      onMouseDown={(e) => {
        if (!(e.target instanceof HTMLTextAreaElement)) p.onSelect(p.position);
      }}
      onDoubleClick={(e) => {
        if (!(e.target instanceof HTMLTextAreaElement)) p.onOpenEditor(p.position);
      }}
    >
      <div role="gridcell" className="cell cell-num">
        {formatNumber(p.position + 1)}
      </div>
      <div role="gridcell" className="cell cell-status">
        <StatusMarker status={s.status} />
        {pending && (
          <span className="status-pending" role="img" aria-label={pendingLabel} title={pendingLabel} data-testid="status-pending" data-status={pending}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
              <path d="M8 4.5V8l2.5 1.6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </span>
        )}
        {qa && (
          <span className={`qa-mark qa-${qa.worst}`} role="img" aria-label={qaLabel} title={qaLabel} data-testid="qa-mark" data-severity={qa.worst} data-count={qa.count}>
            {qa.count > 99 ? '99+' : formatNumber(qa.count)}
          </span>
        )}
      </div>
      {p.speakerColumn && (
        <div role="gridcell" className={`cell cell-speaker speaker-${p.speakerMode}`}>
          {s.speaker && p.speakerMode !== 'none' ? <span className="speaker">{s.speaker}</span> : null}
        </div>
      )}
      <div role="gridcell" className="cell cell-text cell-hant" lang="zh-Hant">
        {s.furniture && (
          <span className="furniture-tag" title={t('furniture.label', { kind: t(`furniture.${s.furniture}`) })}>
            {t(`furniture.${s.furniture}`)}
          </span>
        )}
        {p.editor ?? <SegmentText segment={s} column="text" />}
      </div>
      {/* second (and third) column: Simplified, original source or English (ParallelCell, state/useColumns.ts) */}
      {p.parallel.map((mode) => (
        <ParallelCell key={mode} mode={mode} segment={s} position={p.position} selected={p.selected} prevEnglish={p.prev?.english ?? null} nextEnglish={p.next?.english ?? null} />
      ))}
    </div>
  );
});
