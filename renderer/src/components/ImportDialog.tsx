/**
 * Import one file: previewImport shows the detected encoding (confidence, candidates)
 * and the decoded text; an encoding override re-runs the preview; then importDocument.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import type { ImportPreview, ImportResult, Project } from '../../../shared/domain/schemas';
import { DEFAULT_PROJECTS } from '../../../shared/domain/values';
import { TEXT_ENCODINGS, type TextEncoding } from '../../../shared/domain/values';
import { useClient } from '../state/client';
import { useImportI18n } from '../i18n-import';
import { formatBytes, errorMessage } from '../lib/format';
import { Modal } from './Modal';

export interface ImportSource {
  fileName: string;
  data: string;
}

export interface ImportDialogProps {
  source: ImportSource;
  waiting: number;
  projects: Project[];
  defaultProjectId: number | null;
  onImported: (r: ImportResult, title: string) => void;
  onError: (e: unknown) => void;
  onClose: () => void;
}

type Encoding = TextEncoding;

export function ImportDialog({ source, waiting, projects, defaultProjectId, onImported, onError, onClose }: ImportDialogProps) {
  const { client } = useClient();
  const { t, it, formatNumber, locale, projectName } = useImportI18n();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [override, setOverride] = useState<Encoding | ''>('');
  const [title, setTitle] = useState('');
  const [projectId, setProjectId] = useState<number | ''>(defaultProjectId ?? '');
  const [busy, setBusy] = useState<'preview' | 'import' | null>('preview');
  const [error, setError] = useState<string | null>(null);
  // the caller's latest error handler; a new handler does not re-run the preview
  const reportError = useEffectEvent((e: unknown) => onError(e));
  // the refusal in the UI language as it is when the answer comes (a language switch does not re-run the preview)
  const describe = useEffectEvent((e: unknown) => errorMessage(e, locale));

  useEffect(() => {
    let cancelled = false;
    setBusy('preview');
    setError(null);
    client
      .previewImport({ fileName: source.fileName, data: source.data, encoding: override || undefined })
      .then((p) => {
        if (cancelled) return;
        setPreview(p);
        setTitle((old) => old || p.title || source.fileName.replace(/\.[^.]+$/, ''));
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setPreview(null);
        setError(describe(e));
        reportError(e);
      })
      .finally(() => !cancelled && setBusy(null));
    return () => {
      cancelled = true;
    };
  }, [client, source, override]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!preview || busy) return;
    setBusy('import');
    try {
      const r = await client.importDocument({
        fileName: source.fileName,
        data: source.data,
        encoding: override || undefined,
        projectId: projectId === '' ? undefined : projectId,
        title: title.trim() || undefined,
      });
      onImported(r, title.trim() || source.fileName);
    } catch (err) {
      setError(errorMessage(err, locale));
      onError(err);
      setBusy(null);
    }
  }

  const g = preview?.guess;
  const others = projects.filter((p) => p.name !== DEFAULT_PROJECTS.inbox || p.id === defaultProjectId);
  return (
    <Modal title={it('import.title', { name: source.fileName })} onClose={onClose} testId="import-dialog" className="modal-wide">
      <form className="modal-form import-form" onSubmit={submit}>
        {g && preview ? (
          <div className="import-facts">
            <p className="import-detected" data-testid="import-detected">
              <span className={`confidence confidence-${g.confidence}`}>{it('import.detected', { encoding: g.encoding.toUpperCase(), confidence: it(`import.confidence.${g.confidence}`) })}</span>
              {g.bom && <span className="tag">{it('import.bom')}</span>}
            </p>
            <p className="import-candidates">
              <span className="muted">{it('import.candidates')}:</span>{' '}
              {g.candidates.map((c) => (
                <span key={c.encoding} className="tag" data-testid={`candidate-${c.encoding}`}>
                  {c.encoding} {c.score.toFixed(2)}
                </span>
              ))}
            </p>
            <p className="muted">
              {it('import.facts', {
                size: formatBytes(preview.byteSize),
                segments: formatNumber(preview.segments),
                script: it(`import.script.${preview.script}`),
                variant: t(`library.variant.${preview.variant}`),
              })}
            </p>
          </div>
        ) : (
          <p className="muted">{busy === 'preview' ? it('import.previewing') : null}</p>
        )}
        <div className="form-grid">
          <label htmlFor="import-encoding">{it('import.encoding')}</label>
          <select id="import-encoding" data-testid="import-encoding" value={override} onChange={(e) => setOverride(e.target.value as Encoding | '')}>
            <option value="">{it('import.auto', { encoding: g?.encoding.toUpperCase() ?? '…' })}</option>
            {TEXT_ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {enc.toUpperCase()}
              </option>
            ))}
          </select>
          <label htmlFor="import-title">{it('import.docTitle')}</label>
          {/* the keyboard starts here, not on the close button: Enter imports (the form's submit), Esc cancels */}
          <input id="import-title" data-testid="import-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} autoFocus />
          <label htmlFor="import-project">{it('import.project')}</label>
          <select id="import-project" value={projectId} onChange={(e) => setProjectId(e.target.value === '' ? '' : Number(e.target.value))}>
            <option value="">{it('import.newProjectOption')}</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {projectName(p.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="import-preview-label" id="import-preview-label">
          {it('import.preview')}
        </div>
        <pre className="import-preview" lang="zh-Hant" data-testid="import-preview" aria-labelledby="import-preview-label" tabIndex={0}>
          {preview?.preview ?? ''}
        </pre>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          {waiting > 0 && <span className="muted modal-actions-note">{it('import.queue', { count: waiting })}</span>}
          <button type="button" className="btn" onClick={onClose}>
            {t('import.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="import-submit" disabled={!preview || busy !== null}>
            {busy === 'import' ? it('import.importing') : it('import.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
