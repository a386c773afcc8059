/** The bottom line: position, progress, save state, undo label, zoom and the reviewer. */
import type { DocumentMeta, UndoState } from '../../../shared/domain/schemas';
import type { SaveState } from '../state/useReview';
import { saveLine } from '../state/save-line';
import { useI18n } from '../i18n';
import { useOperationLabel } from '../i18n-operations';

export interface StatusBarProps {
  doc: DocumentMeta | null;
  position: number | null;
  total: number;
  saveState: SaveState;
  /** the open editor's row (1-based) while it holds text not saved yet, else null */
  unsavedRow: number | null;
  undo: UndoState | null;
  zoom: number;
  author: string;
  onAuthor: () => void;
}

export function StatusBar({ doc, position, total, saveState, unsavedRow, undo, zoom, author, onAuthor }: StatusBarProps) {
  const { t, formatNumber } = useI18n();
  const opLabel = useOperationLabel();
  const line = saveLine(saveState, unsavedRow);
  const save =
    line.kind === 'saving'
      ? t('statusbar.saving')
      : line.kind === 'error'
        ? t('statusbar.saveFailed', { message: line.message })
        : line.kind === 'unsaved'
          ? t('statusbar.unsaved', { n: formatNumber(line.row) })
          : t('statusbar.saved');
  return (
    <footer className="statusbar" data-testid="status-bar" aria-label={t('statusbar.label')}>
      {doc && position !== null && total > 0 && <span className="sb-item">{t('statusbar.segment', { n: formatNumber(position + 1), total: formatNumber(total) })}</span>}
      {doc && (
        <span className="sb-item" data-testid="status-progress">
          {t('progress.summary', {
            approved: formatNumber(doc.progress.approved),
            edited: formatNumber(doc.progress.edited),
            unreviewed: formatNumber(doc.progress.unreviewed),
          })}
        </span>
      )}
      <span className={`sb-item sb-save sb-save-${line.kind}`} data-testid="save-state" role="status">
        <i aria-hidden="true" />
        {save}
      </span>
      <span className="sb-item sb-undo" data-testid="undo-label">
        {undo?.undoLabel ? t('statusbar.undo', { label: opLabel(undo.undoLabelKey, undo.undoLabel) }) : t('statusbar.nothingToUndo')}
      </span>
      <span className="sb-spacer" />
      <span className="sb-item">{t('statusbar.zoom', { percent: Math.round(zoom * 100) })}</span>
      <button type="button" className="sb-item sb-author" onClick={onAuthor} title={t('statusbar.changeAuthor')} data-testid="author">
        {t('statusbar.author', { author })}
      </button>
    </footer>
  );
}
