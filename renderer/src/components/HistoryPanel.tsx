/** Every revision of a segment, newest first: before/after as a diff, author, time, reason. */
import { useEffect, useState } from 'react';
import type { Revision } from '../../../shared/domain/schemas';
import { useClient } from '../state/client';
import { useI18n, type MessageKey } from '../i18n';
import { DiffText } from './DiffText';

export interface HistoryPanelProps {
  segmentId: number;
  number: number;
  /** bumps after every change, to refetch */
  version: number;
  onError: (e: unknown) => void;
  onClose: () => void;
}

function Value({ field, value }: { field: Revision['field']; value: string | null }) {
  const { t } = useI18n();
  if (value === null) return <span className="muted">{t('history.none')}</span>;
  if (field === 'status') return <>{t(`status.${value}` as MessageKey)}</>;
  if (field === 'furniture') return <>{t(`furniture.${value}` as MessageKey)}</>;
  return <>{value}</>;
}

export function HistoryPanel({ segmentId, number, version, onError, onClose }: HistoryPanelProps) {
  const { client } = useClient();
  const { t, formatDateTime } = useI18n();
  const [revs, setRevs] = useState<Revision[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    client.segmentHistory({ segmentId }).then(
      (r) => !cancelled && setRevs(r),
      (e: unknown) => !cancelled && onError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [client, segmentId, version, onError]);

  return (
    <section className="side-panel" aria-label={t('history.title', { n: number })} data-testid="history-panel">
      <div className="panel-head">
        <h2>{t('history.title', { n: number })}</h2>
        <button type="button" className="icon-btn" aria-label={t('history.close')} onClick={onClose}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {revs && revs.length === 0 && <p className="empty-note">{t('history.empty')}</p>}
      <ol className="rev-list">
        {[...(revs ?? [])].reverse().map((r) => (
          <li key={r.id} className="rev" data-testid="revision">
            <div className="rev-head">
              <span className="tag">{t(`history.field.${r.field}`)}</span>
              <span className="muted">{t('history.by', { author: r.author, time: formatDateTime(r.createdAt) })}</span>
            </div>
            <div className="rev-body" lang="zh-Hant">
              {r.field === 'zh' ? (
                <DiffText before={r.before ?? ''} after={r.after ?? ''} />
              ) : r.field === 'structure' ? (
                <span>{r.reason}</span>
              ) : (
                <>
                  <Value field={r.field} value={r.before} /> → <Value field={r.field} value={r.after} />
                </>
              )}
            </div>
            <div className="rev-reason muted">{t('history.reason', { reason: r.reason })}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
