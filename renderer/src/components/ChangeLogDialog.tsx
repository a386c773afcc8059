/**
 * The document's change log: every revision newest first (segment, what changed, diff,
 * author, time, reason), filterable by reason and author, with how many segments and
 * characters differ from the machine text.
 */
import { useEffect, useState } from 'react';
import type { DocumentMeta } from '../../../shared/domain/schemas';
import type { ChangeLog, ChangeLogEntry } from '../../../shared/domain/review';
import type { MessageKey } from '../i18n';
import { keepPreviousData, useQuery, useQueryError } from '../state/queries';
import { useClient } from '../state/client';
import { keys } from '../state/live';
import { useHistoryI18n, type HistoryMessageKey } from '../i18n-history';
// imported here, not through i18n-review: the rule titles it words check fixes with stay off the first screen
import { reasonWords as reasonLabel } from '../../../shared/wording/reasons';
import { useOperationLabel } from '../i18n-operations';
import { Modal } from './Modal';
import { DiffText } from './DiffText';

export interface ChangeLogDialogProps {
  doc: DocumentMeta;
  onJump: (index: number) => void;
  onError: (e: unknown) => void;
  onClose: () => void;
}

function Entry({ e, onJump }: { e: ChangeLogEntry; onJump: (i: number) => void }) {
  const { ht, t, formatDateTime, formatNumber, locale } = useHistoryI18n();
  const opLabel = useOperationLabel();
  const value = (v: string | null) => {
    if (v === null) return <span className="muted">{ht('history.none')}</span>;
    if (e.field === 'status') return <>{t(`status.${v}` as MessageKey)}</>;
    if (e.field === 'furniture') return <>{t(`furniture.${v}` as MessageKey)}</>;
    return <>{v}</>;
  };
  const fieldKey = `history.field.${e.field}` as HistoryMessageKey;
  const fieldLabel = ht(fieldKey) === fieldKey ? e.field : ht(fieldKey);
  return (
    <li className="rev changelog-entry" data-testid="changelog-entry">
      <div className="rev-head">
        {e.index !== null ? (
          <button type="button" className="link-btn" onClick={() => onJump(e.index!)} aria-label={ht('changelog.go', { n: formatNumber(e.index + 1) })}>
            {ht('changelog.row', { n: formatNumber(e.index + 1) })}
          </button>
        ) : (
          <span className="muted">{ht('changelog.retired')}</span>
        )}
        <span className="tag">{fieldLabel}</span>
        <span className="tag tag-reason">{reasonLabel(locale, e.reason)}</span>
        <span className="muted">{ht('history.by', { author: e.author, time: formatDateTime(e.createdAt) })}</span>
      </div>
      <div className="rev-body" lang="zh-Hant">
        {e.field === 'zh' ? (
          <DiffText before={e.before ?? ''} after={e.after ?? ''} />
        ) : e.field === 'status' || e.field === 'furniture' ? (
          <>
            {value(e.before)} → {value(e.after)}
          </>
        ) : (
          <span className="muted">{opLabel(e.operationLabelKey, e.operationLabel)}</span>
        )}
      </div>
    </li>
  );
}

export function ChangeLogDialog({ doc, onJump, onError, onClose }: ChangeLogDialogProps) {
  const { client } = useClient();
  const { ht, formatNumber, locale } = useHistoryI18n();
  const [reason, setReason] = useState('');
  const [author, setAuthor] = useState('');
  // the log is a query of the document's family: refetched when a change (here or elsewhere) invalidates it
  const query = useQuery({
    queryKey: keys.changeLog(doc.id, reason, author),
    queryFn: (): Promise<ChangeLog> => client.documentChangeLog({ documentId: doc.id, reason: reason || undefined, author: author || undefined }),
    placeholderData: keepPreviousData,
  });
  useQueryError(query.error, onError);
  const log = query.data ?? null;
  // the filter choices come from the unfiltered log
  const [facets, setFacets] = useState<{ reasons: string[]; authors: string[] }>({ reasons: [], authors: [] });
  useEffect(() => {
    if (query.data && !query.isPlaceholderData) setFacets({ reasons: query.data.reasons, authors: query.data.authors });
  }, [query.data, query.isPlaceholderData]);

  return (
    <Modal title={ht('changelog.title')} onClose={onClose} testId="changelog-dialog" className="modal-wide changelog">
      <div className="changelog-body">
        {log && (
          <p className="changelog-summary" data-testid="changelog-summary">
            {ht('changelog.summary', { changed: formatNumber(log.changedSegments), total: formatNumber(log.totalSegments), chars: formatNumber(log.charsChanged) })}
          </p>
        )}
        <div className="changelog-filters">
          <label>
            <span>{ht('changelog.reason')}</span>
            <select value={reason} onChange={(e) => setReason(e.target.value)} data-testid="changelog-reason">
              <option value="">{ht('changelog.all')}</option>
              {facets.reasons.map((r) => (
                <option key={r} value={r}>
                  {reasonLabel(locale, r)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{ht('changelog.author')}</span>
            <select value={author} onChange={(e) => setAuthor(e.target.value)} data-testid="changelog-author">
              <option value="">{ht('changelog.all')}</option>
              {facets.authors.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          {log && <span className="muted">{ht('changelog.entries', { count: formatNumber(log.entries.length) })}</span>}
        </div>
        {log?.truncated && <p className="hint">{ht('changelog.truncated', { count: formatNumber(log.entries.length) })}</p>}
        {log && log.entries.length === 0 && <p className="empty-note">{ht('changelog.empty')}</p>}
        <ol className="rev-list changelog-list">
          {log?.entries.map((e) => (
            <Entry
              key={e.id}
              e={e}
              onJump={(i) => {
                onClose();
                onJump(i);
              }}
            />
          ))}
        </ol>
      </div>
    </Modal>
  );
}
