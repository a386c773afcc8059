/** Export the corrected text as Traditional or Simplified: a download, or the native save dialog. */
import { useState } from 'react';
import type { DocumentMeta, ScriptT } from '../../../shared/domain/schemas';
import { useClient } from '../state/client';
import { useI18n } from '../i18n';
import { downloadText } from '../lib/download';
import { Modal } from './Modal';

export interface ExportDialogProps {
  doc: DocumentMeta;
  onDone: (message: string) => void;
  onError: (e: unknown) => void;
  onClose: () => void;
}

export function ExportDialog({ doc, onDone, onError, onClose }: ExportDialogProps) {
  const { client, shell } = useClient();
  const { t } = useI18n();
  const [script, setScript] = useState<ScriptT>('hant');
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await client.exportDocument({ documentId: doc.id, format: 'txt', script });
      if (shell) {
        const path = await shell.saveFile(r.fileName, r.content);
        if (path) onDone(t('export.saved', { path }));
      } else {
        downloadText(r.fileName, r.content, r.mime);
        onDone(t('export.downloaded', { fileName: r.fileName }));
      }
      onClose();
    } catch (err) {
      onError(err);
      setBusy(false);
    }
  }

  return (
    <Modal title={t('export.title', { title: doc.title })} onClose={onClose} testId="export-dialog" className="modal-small">
      <form className="modal-form" onSubmit={submit}>
        <fieldset className="radio-group">
          <legend>{t('export.script')}</legend>
          {(['hant', 'hans'] as const).map((s) => (
            <label key={s} className="radio">
              <input type="radio" name="export-script" value={s} data-testid={`export-${s}`} checked={script === s} onChange={() => setScript(s)} />
              {t(`export.${s}`)}
            </label>
          ))}
        </fieldset>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('import.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="export-submit" disabled={busy} autoFocus>
            {shell ? t('export.submitShell') : t('export.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
