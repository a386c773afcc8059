/**
 * Every revision of a segment, newest first: before/after as a diff, author, time, reason
 * (manual edit, replace, glossary, check fix, repetition, revert, undo…). Any version of
 * the text — including the machine text as imported — can be restored with Revert, which
 * is itself a new revision (reason 'revert') and one undo step.
 */
import { useState } from 'react';
import type { ChangeResult, Revision } from '../../../shared/domain/schemas';
import { useQuery, useQueryError } from '../state/queries';
import { useClient } from '../state/client';
import { keys } from '../state/live';
import { type MessageKey } from '../i18n';
import { useHistoryI18n, type HistoryMessageKey } from '../i18n-history';
// imported here, not through i18n-review: the rule titles it words check fixes with stay off the first screen
import { reasonWords as reasonLabel } from '../../../shared/wording/reasons';
import { DiffText } from './DiffText';
import { SidePanel } from './SidePanel';

export interface HistoryPanelProps {
  segmentId: number;
  number: number;
  /** the segment's machine text and current text (for "revert to machine text" and marking the current version) */
  machineText?: string;
  currentText?: string;
  /** apply what a revert returned (the review state's applyChange); without it, no Revert buttons */
  onChange?: (r: ChangeResult) => Promise<unknown>;
  onChangeLog?: () => void;
  onNotify?: (message: string) => void;
  onError: (e: unknown) => void;
  onClose: () => void;
}

function Value({ field, value }: { field: Revision['field']; value: string | null }) {
  const { t, ht } = useHistoryI18n();
  if (value === null) return <span className="muted">{ht('history.none')}</span>;
  if (field === 'status' || field === 'en-status') return <>{t(`status.${value}` as MessageKey)}</>;
  if (field === 'furniture') return <>{t(`furniture.${value}` as MessageKey)}</>;
  return <>{value}</>;
}

export function HistoryPanel({ segmentId, number, machineText, currentText, onChange, onChangeLog, onNotify, onError, onClose }: HistoryPanelProps) {
  const { client } = useClient();
  const { ht, formatDateTime, locale } = useHistoryI18n();
  const [busy, setBusy] = useState(false);

  // the segment's history is a query, refetched when a change of the segment (here or elsewhere) invalidates it
  const history = useQuery({ queryKey: keys.history(segmentId), queryFn: (): Promise<Revision[]> => client.segmentHistory({ segmentId }) });
  useQueryError(history.error, onError);
  const revs = history.data ?? null;

  async function revert(revisionId: number | null) {
    if (!onChange) return;
    setBusy(true);
    try {
      await onChange(await client.revertSegment({ segmentId, revisionId }));
      onNotify?.(ht('history.reverted', { n: number }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldLabel = (f: string) => {
    const key = `history.field.${f}` as HistoryMessageKey;
    const s = ht(key);
    return s === key ? f : s;
  };
  const revertButton = (revisionId: number | null, text: string | null) =>
    onChange && currentText !== undefined ? (
      text === currentText ? (
        <span className="tag tag-current">{ht('history.current')}</span>
      ) : (
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void revert(revisionId)} title={ht('history.revertLabel')} data-testid="revert">
          {ht('history.revert')}
        </button>
      )
    ) : null;

  return (
    <SidePanel
      label={ht('history.title', { n: number })}
      testId="history-panel"
      closeLabel={ht('history.close')}
      onClose={onClose}
      actions={
        onChangeLog && (
          <button type="button" className="btn btn-small btn-quiet" onClick={onChangeLog} data-testid="open-changelog">
            {ht('history.changelog')}
          </button>
        )
      }
    >
      {revs && revs.length === 0 && <p className="empty-note">{ht('history.empty')}</p>}
      <ol className="rev-list">
        {[...(revs ?? [])].reverse().map((r) => (
          <li key={r.id} className="rev" data-testid="revision">
            <div className="rev-head">
              <span className="tag">{fieldLabel(r.field)}</span>
              <span className="muted">{ht('history.by', { author: r.author, time: formatDateTime(r.createdAt) })}</span>
              {r.field === 'zh' && <span className="rev-action">{revertButton(r.id, r.after)}</span>}
            </div>
            <div className="rev-body" lang="zh-Hant">
              {r.field === 'zh' ? (
                <DiffText before={r.before ?? ''} after={r.after ?? ''} />
              ) : r.field === 'en' || r.field === 'source' ? (
                // parallel columns (core/parallel.ts): English edits and alignment fixes
                <span lang={r.field === 'en' ? 'en' : 'zh'}>
                  <DiffText before={r.before ?? ''} after={r.after ?? ''} />
                </span>
              ) : r.field === 'structure' ? (
                <span>{r.reason}</span>
              ) : r.field === 'status' || r.field === 'furniture' || r.field === 'en-status' ? (
                <>
                  <Value field={r.field} value={r.before} /> → <Value field={r.field} value={r.after} />
                </>
              ) : (
                <span className="muted">{r.reason}</span>
              )}
            </div>
            <div className="rev-reason muted">{ht('history.reason', { reason: reasonLabel(locale, r.reason) })}</div>
          </li>
        ))}
        {machineText !== undefined && revs && (
          <li className="rev rev-machine" data-testid="revision-machine">
            <div className="rev-head">
              <span className="tag">{reasonLabel(locale, 'import')}</span>
              <span className="muted">{ht('history.machine')}</span>
              <span className="rev-action">{revertButton(null, machineText)}</span>
            </div>
            <div className="rev-body" lang="zh-Hant">
              {machineText}
            </div>
          </li>
        )}
      </ol>
    </SidePanel>
  );
}
