/**
 * Preview & apply: every segment the glossary would change, with its character diff
 * (computed by the API) and the status it goes back to; Apply is one undoable operation.
 */
import { DiffParts } from './DiffText';
import { useEffect, useRef, useState } from 'react';
import type { ChangeResult, DocumentMeta } from '../../../shared/domain/schemas';
import type { GlossaryPreview } from '../../../shared/glossary/schemas';
import { useClient } from '../state/client';
import { useGlossaryI18n } from '../i18n-glossary';
import { usePermission } from '../state/usePermissions';
import { Modal } from './Modal';

export interface GlossaryPreviewDialogProps {
  doc: DocumentMeta;
  /** r: what changed; reset: how many approved segments went back to edited */
  onApplied: (r: ChangeResult, reset: number) => Promise<void>;
  onError: (e: unknown) => void;
  onClose: () => void;
}

type Scope = 'document' | 'project';

export function GlossaryPreviewDialog({ doc, onApplied, onError, onClose }: GlossaryPreviewDialogProps) {
  const { client } = useClient();
  const { t, gt, formatNumber, projectName } = useGlossaryI18n();
  // on a team server a reviewer previews, only a lead applies (state/permissions.ts)
  const applyAllowed = usePermission('applyGlossary');
  const [scope, setScope] = useState<Scope>('document');
  const [preview, setPreview] = useState<GlossaryPreview | null>(null);
  const [applying, setApplying] = useState(false);

  // the preview there: the keyboard goes to Apply (Cancel when there is nothing to apply), unless
  // the reviewer moved it off where the dialog put it (its close button) meanwhile
  const applyRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const at = document.activeElement;
    if (!preview || !at || !(at.closest('.modal-head') || at.getAttribute('role') === 'dialog')) return;
    (applyRef.current?.disabled ? cancelRef.current : applyRef.current)?.focus();
  }, [preview]);

  const args = scope === 'project' ? { projectId: doc.projectId } : { documentId: doc.id };

  useEffect(() => {
    let cancelled = false;
    setPreview(null);
    client.previewGlossary(scope === 'project' ? { projectId: doc.projectId } : { documentId: doc.id }).then(
      (p) => !cancelled && setPreview(p),
      (e: unknown) => !cancelled && onError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [client, doc.id, doc.projectId, scope, onError]);

  const apply = async () => {
    if (!preview) return;
    setApplying(true);
    try {
      // the preview's snapshot: a segment edited since it was shown refuses the step (issue 16)
      const r = await client.applyGlossary({ ...args, snapshot: preview.snapshot });
      await onApplied(r, preview.approvedReset);
    } catch (e) {
      onError(e);
      setApplying(false);
    }
  };

  return (
    <Modal title={gt('glossary.applyTitle')} onClose={onClose} testId="glossary-preview-dialog" className="modal-wide gl-preview">
      <div className="modal-form">
        <fieldset className="radio-group gl-apply-scope">
          <legend>{gt('glossary.field.scope')}</legend>
          {(['document', 'project'] as const).map((s) => (
            <label key={s} className="radio">
              <input type="radio" name="glossary-apply-scope" value={s} checked={scope === s} onChange={() => setScope(s)} data-testid={`glossary-apply-${s}`} />
              {s === 'project' ? gt('glossary.applyScope.project', { name: projectName(doc.projectName) }) : gt('glossary.applyScope.document', { title: doc.title })}
            </label>
          ))}
        </fieldset>
        <div className="gl-preview-summary" aria-live="polite" data-testid="glossary-preview-summary">
          {!preview ? (
            <span className="muted">{gt('glossary.loading')}</span>
          ) : preview.segments === 0 ? (
            <span>{gt('glossary.noChanges')}</span>
          ) : (
            <>
              <span>
                {gt(preview.documents === 1 ? 'glossary.summaryOneDocument' : 'glossary.summary', {
                  segments: formatNumber(preview.segments),
                  documents: formatNumber(preview.documents),
                  replacements: formatNumber(preview.replacements),
                })}
              </span>
              {preview.approvedReset > 0 && (
                <span className="gl-warn" data-testid="glossary-approved-reset">
                  {gt('glossary.approvedReset', { count: formatNumber(preview.approvedReset) })}
                </span>
              )}
            </>
          )}
        </div>
        {preview && preview.changes.length > 0 && (
          <ol className="gl-changes" data-testid="glossary-changes">
            {preview.changes.map((c) => (
              <li key={c.segmentId} className="gl-change" data-testid="glossary-change" data-segment={c.segmentId}>
                <div className="gl-change-head">
                  {scope === 'project' && (
                    <span className="hit-doc" lang="zh-Hant">
                      {c.documentTitle}
                    </span>
                  )}
                  <span className="hit-row">{t('search.row', { n: formatNumber(c.index + 1) })}</span>
                  {c.status !== c.statusAfter && (
                    <span className={`tag gl-status-${c.status}`}>
                      {t(`status.${c.status}`)} → {t(`status.${c.statusAfter}`)}
                    </span>
                  )}
                </div>
                <div className="gl-change-text" lang="zh-Hant">
                  <DiffParts parts={c.parts} />
                </div>
              </li>
            ))}
          </ol>
        )}
        <div className="modal-actions">
          <span className="hint modal-actions-note">{gt('glossary.undoHint')}</span>
          <button type="button" className="btn" onClick={onClose} ref={cancelRef}>
            {gt('glossary.cancel')}
          </button>
          <button type="button" className="btn btn-primary" ref={applyRef} onClick={() => void apply()} disabled={!preview || preview.segments === 0 || applying || !applyAllowed.allowed} title={applyAllowed.reason} data-testid="glossary-apply">
            {applying ? gt('glossary.applying') : gt('glossary.apply')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
