/** A project heading (name, document count, rename, settings, delete while empty) and its documents. */
import { useState } from 'react';
import type { DocumentMeta, Project } from '../../../shared/domain/schemas';
import { useI18n } from '../i18n';
import { InlineNameForm } from './InlineNameForm';
import { usePermission } from '../state/usePermissions';

export interface ProjectGroupProps {
  project: Project;
  documents: DocumentMeta[];
  /** none: the library is read-only (the last one seen of a team server that cannot be reached) */
  onRename?: (name: string) => Promise<unknown>;
  /** open the project's settings (standard forms); none while the library is read-only */
  onSettings?: () => void;
  /** ask to delete the project; offered only while it holds no document (none while the library is read-only) */
  onDelete?: () => void;
  /** how many of its documents are in the Trash: the delete button is then disabled, saying why */
  trashed?: number;
  renderDocument: (doc: DocumentMeta) => React.ReactNode;
}

export function ProjectGroup({ project, documents, onRename, onSettings, onDelete, trashed = 0, renderDocument }: ProjectGroupProps) {
  const { t, projectName } = useI18n();
  // Jiaodui's own projects (Inbox, Samples) in the UI language while they keep that name (shared/domain/values.ts)
  const name = projectName(project.name);
  const [renaming, setRenaming] = useState(false);
  const rename = usePermission('renameProject');
  const allowed = usePermission('deleteProject');
  // documents only in the Trash still belong to the project (the service refuses): say so on the button
  const remove = allowed.allowed && trashed > 0 ? { allowed: false, reason: t('library.deleteProjectTrashed', { name, count: trashed }) } : allowed;
  const settingsLabel = t('library.projectSettings', { name });
  const count = project.documentCount === 1 ? t('library.document1') : t('library.documents', { count: project.documentCount });
  return (
    <section className="project" aria-label={name} data-testid={`project-${project.id}`}>
      {renaming && onRename ? (
        <InlineNameForm
          label={t('library.renameProject', { name })}
          initial={name}
          submitLabel={t('library.save')}
          onSubmit={async (name) => {
            await onRename(name);
            setRenaming(false);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <div className="project-head">
          <h3 className="project-name">{name}</h3>
          <span className="project-count">{count}</span>
          {onRename && (
            <button type="button" className="icon-btn" aria-label={t('library.renameProject', { name })} title={rename.reason ?? t('library.rename')} disabled={!rename.allowed} onClick={() => setRenaming(true)}>
              <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
                <path d="M11.3 2.3l2.4 2.4-8 8H3.3v-2.4z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
              </svg>
            </button>
          )}
          {onSettings && (
            <button type="button" className="icon-btn" aria-label={settingsLabel} title={settingsLabel} onClick={onSettings} data-testid={`project-settings-${project.id}`}>
              <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
                <path d="M8 5.6a2.4 2.4 0 1 0 0 4.8a2.4 2.4 0 1 0 0-4.8zM8 1.5v2m0 9v2M1.5 8h2m9 0h2" fill="none" stroke="currentColor" strokeWidth="1.4" />
              </svg>
            </button>
          )}
          {onDelete && project.documentCount === 0 && (
            <button type="button" className="icon-btn" aria-label={t('library.deleteProject', { name })} title={remove.reason ?? t('library.deleteProject', { name })} disabled={!remove.allowed} onClick={onDelete} data-testid={`project-delete-${project.id}`}>
              <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
                <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
              </svg>
            </button>
          )}
        </div>
      )}
      {documents.length ? <ul className="doc-list">{documents.map(renderDocument)}</ul> : <p className="empty-note">{t('library.empty')}</p>}
    </section>
  );
}
