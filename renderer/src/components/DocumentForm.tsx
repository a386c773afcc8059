/**
 * Edit a document's title, source, date and Traditional standard; move it or trash it. On a team
 * server a reviewer reads the details: the fields are read-only, a line says who may change them,
 * and there is no Save (state/permissions.ts, documentDetailsAccess).
 */
import { useState } from 'react';
import type { DocumentMeta, Project, VariantT } from '../../../shared/domain/schemas';
import { useI18n } from '../i18n';
import { usePermission, usePermissions } from '../state/usePermissions';
import { documentDetailsAccess } from '../state/permissions';

export interface DocumentFormProps {
  doc: DocumentMeta;
  projects: Project[];
  onSave: (changes: { title: string; source: string | null; date: string | null; variant: VariantT }) => Promise<unknown>;
  onMove: (projectId: number) => Promise<unknown>;
  onTrash: () => Promise<unknown>;
  onClose: () => void;
}

const VARIANTS: VariantT[] = ['t', 'tw', 'hk'];

export function DocumentForm({ doc, projects, onSave, onMove, onTrash, onClose }: DocumentFormProps) {
  const { t, projectName } = useI18n();
  const [title, setTitle] = useState(doc.title);
  const [source, setSource] = useState(doc.source ?? '');
  const [date, setDate] = useState(doc.date ?? '');
  const [variant, setVariant] = useState<VariantT>(doc.variant);
  const [target, setTarget] = useState<number>(projects.find((p) => p.id !== doc.projectId)?.id ?? doc.projectId);
  const [busy, setBusy] = useState(false);
  const idp = `doc-${doc.id}`;
  // on a team server only a lead changes, moves or trashes documents (state/permissions.ts): a reviewer reads the details
  const permissions = usePermissions();
  const access = documentDetailsAccess(permissions.account);
  const moving = usePermission('moveDocument');
  const trashing = usePermission('trashDocument');
  const readOnly = !access.editable;

  async function run(fn: () => Promise<unknown>, close = true) {
    setBusy(true);
    try {
      await fn();
      if (close) onClose();
    } catch {
      // the caller reported the error; keep the form open with the reviewer's input
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      className="doc-form"
      data-testid="document-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (readOnly) return; // Enter in a read-only field: nothing to save
          void run(() => onSave({ title: title.trim(), source: source.trim() || null, date: date.trim() || null, variant }));
        }}
      >
        {readOnly && (
          <p className="hint" data-testid="document-form-read-only">
            {permissions.message('editDocument', 'roles.readOnlyDocument')}
          </p>
        )}
        <label htmlFor={`${idp}-title`}>{t('library.field.title')}</label>
        <input id={`${idp}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} readOnly={readOnly} autoFocus />
        <label htmlFor={`${idp}-source`}>{t('library.field.source')}</label>
        <input id={`${idp}-source`} value={source} onChange={(e) => setSource(e.target.value)} maxLength={500} readOnly={readOnly} />
        <label htmlFor={`${idp}-date`}>{t('library.field.date')}</label>
        <input id={`${idp}-date`} value={date} onChange={(e) => setDate(e.target.value)} placeholder={readOnly ? undefined : 'YYYY-MM-DD'} aria-describedby={readOnly ? undefined : `${idp}-date-hint`} readOnly={readOnly} />
        {!readOnly && (
          <span id={`${idp}-date-hint`} className="hint">
            {t('library.field.dateHint')}
          </span>
        )}
        <label htmlFor={`${idp}-variant`}>{t('library.field.variant')}</label>
        <select id={`${idp}-variant`} value={variant} onChange={(e) => setVariant(e.target.value as VariantT)} disabled={readOnly}>
          {VARIANTS.map((v) => (
            <option key={v} value={v}>
              {t(`library.variant.${v}`)}
            </option>
          ))}
        </select>
        <div className="form-actions">
          {!readOnly && (
            <button type="submit" className="btn btn-small btn-primary" disabled={busy || !title.trim()}>
              {t('library.save')}
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={onClose}>
            {readOnly ? t('dialog.close') : t('library.cancel')}
          </button>
        </div>
      </form>
      {projects.length > 1 && (
        <div className="form-row">
          <label htmlFor={`${idp}-move`}>{t('library.moveTo')}</label>
          <div className="form-inline">
            <select id={`${idp}-move`} value={target} onChange={(e) => setTarget(Number(e.target.value))} disabled={!access.move}>
              {projects.map((p) => (
                <option key={p.id} value={p.id} disabled={p.id === doc.projectId}>
                  {projectName(p.name)}
                </option>
              ))}
            </select>
            <button type="button" className="btn btn-small" disabled={busy || target === doc.projectId || !moving.allowed} title={moving.reason} onClick={() => void run(() => onMove(target))}>
              {t('library.move')}
            </button>
          </div>
        </div>
      )}
      <div className="form-row">
        <button type="button" className="btn btn-small btn-danger" disabled={busy || !trashing.allowed} title={trashing.reason} onClick={() => void run(onTrash)}>
          {t('library.moveToTrash')}
        </button>
      </div>
    </div>
  );
}
