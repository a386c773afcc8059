/**
 * Export a document: transcript (plain text, Markdown, HTML, DOCX; clean or marked; claims
 * as notes), bilingual table (CSV, DOCX), change report or XLIFF, in Traditional or
 * Simplified — a download, or the native save dialog. Binary results (DOCX) arrive as
 * base64 and are saved as bytes.
 */
import { useState } from 'react';
import type { DocumentMeta, ExportFormatT, ScriptT } from '../../../shared/domain/schemas';
import { EXPORT_FORMATS, exportFormatOptions, furnitureByDefault } from '../../../shared/export/formats';
import { useClient } from '../state/client';
import { useExportI18n, type ExportKey } from '../i18n-export';
import { downloadBase64, downloadText } from '../lib/download';
import { Modal } from './Modal';

export interface ExportDialogProps {
  doc: DocumentMeta;
  onDone: (message: string) => void;
  onError: (e: unknown) => void;
  onClose: () => void;
}

/** every format the contract offers, in its order (the list lives in shared/export/formats, not here) */
const FORMATS: readonly ExportFormatT[] = EXPORT_FORMATS;

export function ExportDialog({ doc, onDone, onError, onClose }: ExportDialogProps) {
  const { client, shell } = useClient();
  const { t, et, locale } = useExportI18n();
  const [format, setFormat] = useState<ExportFormatT>('txt');
  const [script, setScript] = useState<ScriptT>('hant');
  const [marked, setMarked] = useState(false);
  // null: the format's default (reading copies leave page furniture out, txt and tables keep it)
  const [furnitureChoice, setFurniture] = useState<boolean | null>(null);
  const furniture = furnitureChoice ?? furnitureByDefault(format);
  const [claims, setClaims] = useState(false);
  const [busy, setBusy] = useState(false);
  const uses = exportFormatOptions(format);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await client.exportDocument({
        documentId: doc.id,
        format,
        script,
        ...(uses.marked && marked ? { marked: true } : {}),
        ...(uses.furniture ? { includeFurniture: furniture } : {}),
        ...(uses.claims && claims ? { claims: true } : {}),
        // the change report is a static page: its times are written in this side's zone, its labels in the UI language
        ...(format.startsWith('report') ? { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale } : {}),
      });
      const binary = r.encoding === 'base64';
      if (shell) {
        const path = await shell.saveFile(r.fileName, r.content, binary ? 'base64' : undefined);
        if (path) onDone(et('export.saved', { path }));
      } else {
        if (binary) downloadBase64(r.fileName, r.content, r.mime);
        else downloadText(r.fileName, r.content, r.mime);
        onDone(et('export.downloaded', { fileName: r.fileName }));
      }
      onClose();
    } catch (err) {
      onError(err);
      setBusy(false);
    }
  }

  return (
    <Modal title={et('export.title', { title: doc.title })} onClose={onClose} testId="export-dialog" className="modal-small">
      <form className="modal-form" onSubmit={submit}>
        <fieldset className="radio-group">
          <legend>{et('export.format')}</legend>
          <select data-testid="export-format" aria-label={et('export.format')} value={format} onChange={(e) => {
              setFormat(e.target.value as ExportFormatT);
              setFurniture(null);
            }}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {et(`export.format.${f}` as ExportKey)}
              </option>
            ))}
          </select>
        </fieldset>
        {uses.script && (
          <fieldset className="radio-group">
            <legend>{et('export.script')}</legend>
            {(['hant', 'hans'] as const).map((s) => (
              <label key={s} className="radio">
                <input type="radio" name="export-script" value={s} data-testid={`export-${s}`} checked={script === s} onChange={() => setScript(s)} />
                {et(`export.${s}`)}
              </label>
            ))}
          </fieldset>
        )}
        {uses.marked && (
          <fieldset className="radio-group">
            <legend>{et('export.changes')}</legend>
            <label className="radio">
              <input type="radio" name="export-marked" data-testid="export-clean" checked={!marked} onChange={() => setMarked(false)} />
              {et('export.clean')}
            </label>
            <label className="radio">
              <input type="radio" name="export-marked" data-testid="export-marked" checked={marked} onChange={() => setMarked(true)} />
              {et('export.marked')}
            </label>
          </fieldset>
        )}
        {uses.furniture && (
          <label className="radio">
            <input type="checkbox" data-testid="export-furniture" checked={furniture} onChange={(e) => setFurniture(e.target.checked)} />
            {et('export.furniture')}
          </label>
        )}
        {uses.claims && (
          <label className="radio">
            <input type="checkbox" data-testid="export-claims" checked={claims} onChange={(e) => setClaims(e.target.checked)} />
            {et('export.claims')}
          </label>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('import.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="export-submit" disabled={busy} autoFocus>
            {shell ? et('export.submitShell') : et('export.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
