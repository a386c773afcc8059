/**
 * After a correction: the same machine text elsewhere in the project (repetitions, as CAT
 * tools propagate them) — apply the correction to all of them or to chosen ones, as one
 * undo step. Approved repetitions that change go back to Edited, and the bar says so.
 */
import { useState } from 'react';
import type { Repetitions } from '../../../shared/domain/review';
import { useReviewI18n } from '../i18n-review';

export interface RepetitionsBarProps {
  reps: Repetitions;
  onApply: (targetIds: number[]) => void;
  onJump: (documentId: number, segmentId: number) => void;
  onDismiss: () => void;
}

export function RepetitionsBar({ reps, onApply, onJump, onDismiss }: RepetitionsBarProps) {
  const { rt, t, formatNumber } = useReviewI18n();
  const [open, setOpen] = useState(false);
  const n = reps.repetitions.length;
  const approved = reps.repetitions.some((r) => r.status === 'approved');
  return (
    <section className="reps-bar" role="region" aria-label={rt('reps.title')} data-testid="repetitions-bar">
      <div className="reps-head">
        <p>{n === 1 ? rt('reps.offer1') : rt('reps.offer', { count: formatNumber(n) })}</p>
        <div className="anno-actions">
          <button type="button" className="btn btn-small btn-primary" onClick={() => onApply(reps.repetitions.map((r) => r.segmentId))} data-testid="repetitions-apply">
            {rt('reps.apply')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? rt('reps.hide') : rt('reps.review')}
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={onDismiss} data-testid="repetitions-dismiss">
            {rt('reps.dismiss')}
          </button>
        </div>
      </div>
      {approved && <p className="hint">{rt('reps.approvedNote')}</p>}
      {open && (
        <ul className="reps-list">
          {reps.repetitions.map((r) => (
            <li key={r.segmentId}>
              <button type="button" className="link-btn" onClick={() => onJump(r.documentId, r.segmentId)}>
                <span lang="zh-Hant">{r.documentTitle}</span> · #{formatNumber(r.index + 1)}
              </button>
              <span className={`tag tag-${r.status}`}>{t(`status.${r.status}`)}</span>
              <span className="reps-text" lang="zh-Hant">
                {r.text}
              </span>
              <button type="button" className="btn btn-small" onClick={() => onApply([r.segmentId])}>
                {rt('reps.applyOne')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
