/** The Trash: trashed documents with Restore, and Empty Trash (after confirmation). */
import type { DocumentMeta } from '../../../shared/domain/schemas';
import { useI18n } from '../i18n';
import { usePermission } from '../state/usePermissions';

export interface TrashSectionProps {
  open: boolean;
  onToggle: () => void;
  trash: DocumentMeta[];
  onRestore: (doc: DocumentMeta) => void;
  onEmpty: () => void;
}

export function TrashSection({ open, onToggle, trash, onRestore, onEmpty }: TrashSectionProps) {
  const { t } = useI18n();
  // on a team server a lead restores, an admin empties the Trash (state/permissions.ts)
  const restore = usePermission('restoreDocument');
  const empty = usePermission('emptyTrash');
  return (
    <section className="trash" data-testid="trash">
      <button type="button" className="trash-toggle" aria-expanded={open} onClick={onToggle}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
        </svg>
        <span>{t('library.trash')}</span>
        <span className="project-count">{trash.length}</span>
      </button>
      {open && (
        <div className="trash-body">
          {trash.length === 0 ? (
            <p className="empty-note">{t('library.trashEmpty')}</p>
          ) : (
            <>
              <ul className="doc-list">
                {trash.map((d) => (
                  <li key={d.id} className="doc-item is-trashed" data-testid={`trashed-${d.id}`}>
                    <span className="doc-title" lang="zh-Hant" title={d.title}>
                      {d.title}
                    </span>
                    <button type="button" className="btn btn-small" onClick={() => onRestore(d)} disabled={!restore.allowed} title={restore.reason}>
                      {t('library.restore')}
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" className="btn btn-small btn-danger" onClick={onEmpty} disabled={!empty.allowed} title={empty.reason} data-testid="empty-trash">
                {t('library.emptyTrash')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
