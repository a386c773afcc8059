/** The library: projects with their documents, a new-project form, and the Trash. */
import { useState, type ReactNode } from 'react';
import type { DocumentMeta, Project } from '../../../shared/domain/schemas';
import type { Library } from '../state/useLibrary';
import { useI18n } from '../i18n';
import { ProjectGroup } from './ProjectGroup';
import { DocumentItem } from './DocumentItem';
import { InlineNameForm } from './InlineNameForm';
import { TrashSection } from './TrashSection';
import { usePermission } from '../state/usePermissions';
import { ConfirmDialog, DocumentForm, ProjectSettingsDialog } from '../lazy';

export interface SidebarProps {
  library: Library;
  currentId: number | null;
  trashOpen: boolean;
  setTrashOpen: (open: boolean) => void;
  onOpen: (doc: DocumentMeta) => void;
  onDocumentChanged: (doc: DocumentMeta) => void;
  onTrashed: (doc: DocumentMeta) => void;
  onEmptyTrash: () => void;
  /** run an action; errors are reported and rethrown so forms stay open */
  guard: <T>(p: Promise<T>) => Promise<T>;
  notify: (message: string) => void;
  /** document id → who else has it open (presence) */
  presence?: ReadonlyMap<number, readonly string[]>;
  /** above the projects: which backend this library is (a team server's, this computer's; components/TeamSections.tsx) */
  heading?: ReactNode;
  /** after the Trash: the other backends' sections and "Connect to a team server…" */
  after?: ReactNode;
}

export function Sidebar({ library, currentId, trashOpen, setTrashOpen, onOpen, onDocumentChanged, onTrashed, onEmptyTrash, guard, notify, presence, heading, after }: SidebarProps) {
  const { t, formatDateTime, projectName } = useI18n();
  const [creating, setCreating] = useState(false);
  // the team server is away and the library is the last one seen (state/library-snapshot.ts): shown read-only
  const stale = library.staleSince;
  // on a team server only a lead creates projects (state/permissions.ts)
  const allowed = usePermission('createProject');
  const create = stale ? { allowed: false, reason: t('library.staleReadOnly') } : allowed;
  const [details, setDetails] = useState<number | null>(null);
  const [settingsOf, setSettingsOf] = useState<Project | null>(null);
  const [deleting, setDeleting] = useState<Project | null>(null);

  const renderDocument = (d: DocumentMeta) => (
    <DocumentItem
      key={d.id}
      doc={d}
      active={d.id === currentId}
      readers={presence?.get(d.id)}
      expanded={details === d.id}
      onOpen={() => onOpen(d)}
      onToggleDetails={stale ? undefined : () => setDetails(details === d.id ? null : d.id)}
    >
      <DocumentForm
        doc={d}
        projects={library.projects}
        onClose={() => setDetails(null)}
        onSave={async (c) => onDocumentChanged(await guard(library.updateDocument({ documentId: d.id, ...c })))}
        onMove={async (projectId) => onDocumentChanged(await guard(library.moveDocument(d.id, projectId)))}
        onTrash={async () => {
          const r = await guard(library.trashDocument(d.id));
          notify(t('library.trashed', { title: d.title }));
          onTrashed(r);
        }}
      />
    </DocumentItem>
  );

  return (
    <aside className="sidebar" aria-label={t('library.title')} data-testid="library">
      <div className="sidebar-head">
        <h2>{t('library.title')}</h2>
        <button type="button" className="icon-btn" aria-label={t('library.newProject')} title={create.reason ?? t('library.newProject')} disabled={!create.allowed} onClick={() => setCreating(true)} data-testid="new-project">
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      <div className="sidebar-scroll">
        {heading}
        {stale && (
          <p className="library-stale" role="status" data-testid="library-stale">
            {t('library.stale', { time: formatDateTime(stale) })}
          </p>
        )}
        {creating && (
          <InlineNameForm
            label={t('library.newProjectName')}
            submitLabel={t('library.create')}
            testId="new-project-form"
            onSubmit={async (name) => {
              await guard(library.createProject(name));
              setCreating(false);
            }}
            onCancel={() => setCreating(false)}
          />
        )}
        {library.projects.map((p) => (
          <ProjectGroup
            key={p.id}
            project={p}
            documents={library.documents.filter((d) => d.projectId === p.id)}
            onRename={stale ? undefined : (name) => guard(library.renameProject(p.id, name))}
            onSettings={stale ? undefined : () => setSettingsOf(p)}
            onDelete={stale ? undefined : () => setDeleting(p)}
            trashed={library.trash.filter((d) => d.projectId === p.id).length}
            renderDocument={renderDocument}
          />
        ))}
        {!stale && (
        <TrashSection
          open={trashOpen}
          onToggle={() => setTrashOpen(!trashOpen)}
          trash={library.trash}
          onRestore={(d) =>
            void guard(library.restoreDocument(d.id)).then(
              () => notify(t('library.restored', { title: d.title })),
              () => undefined,
            )
          }
          onEmpty={onEmptyTrash}
        />
        )}
        {after}
      </div>
      {deleting && (
        <ConfirmDialog
          title={t('library.deleteProject', { name: projectName(deleting.name) })}
          body={t('library.deleteProjectBody', { name: projectName(deleting.name) })}
          confirmLabel={t('library.delete')}
          onConfirm={() =>
            void guard(library.deleteProject(deleting.id)).then(
              () => notify(t('library.projectDeleted', { name: projectName(deleting.name) })),
              () => undefined,
            )
          }
          onClose={() => setDeleting(null)}
        />
      )}
      {settingsOf && <ProjectSettingsDialog project={settingsOf} onClose={() => setSettingsOf(null)} guard={guard} notify={notify} />}
    </aside>
  );
}
