/**
 * Attach a document's original source or English rendering: a file (any supported
 * encoding, detected unless chosen) or pasted text; the service aligns it to the segments.
 */
import { useRef, useState } from 'react';
import type { DocumentMeta } from '../../../shared/domain/schemas';
import { TEXT_ENCODINGS, type TextEncoding } from '../../../shared/domain/values';
import type { ResultOf } from '../../../shared/contract/api';
import { useClient } from '../state/client';
import { fileToBase64, textToBase64 } from '../lib/base64';
import { errorMessage } from '../lib/format';
import { useColumnsI18n } from '../i18n-columns';
import { Modal } from './Modal';

type Kind = 'source' | 'english';
type Encoding = TextEncoding;

export function AttachParallelDialog({
  doc,
  defaultKind,
  attached,
  onAttached,
  onClose,
  onError,
}: {
  doc: DocumentMeta;
  defaultKind: Kind;
  attached: { source: boolean; english: boolean };
  onAttached: (r: ResultOf<'attachParallelText'>) => void | Promise<void>;
  onClose: () => void;
  onError: (e: unknown) => void;
}) {
  const { ct, locale } = useColumnsI18n();
  const { client } = useClient();
  const [kind, setKind] = useState<Kind>(defaultKind);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [encoding, setEncoding] = useState<Encoding | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file && !text.trim()) {
      setError(ct('columns.empty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = file ? await fileToBase64(file) : textToBase64(text);
      const r = await client.attachParallelText({
        documentId: doc.id,
        kind,
        fileName: file?.name ?? 'pasted.txt',
        data,
        ...(file && encoding ? { encoding } : {}),
      });
      await onAttached(r);
    } catch (err) {
      setError(errorMessage(err, locale));
      onError(err);
    } finally {
      setBusy(false);
    }
  }

  const kindName = ct(kind === 'english' ? 'columns.english' : 'columns.source');
  return (
    <Modal title={ct('columns.attachTitle')} onClose={onClose} testId="attach-dialog" className="modal-wide">
      <form className="modal-form" onSubmit={submit}>
        <fieldset className="attach-kinds">
          <legend>{ct('columns.kind')}</legend>
          {(['english', 'source'] as const).map((k) => (
            <label key={k} className="attach-kind">
              <input type="radio" name="attach-kind" value={k} checked={kind === k} data-testid={`attach-kind-${k}`} onChange={() => setKind(k)} />
              {ct(k === 'english' ? 'columns.kindEnglish' : 'columns.kindSource')}
            </label>
          ))}
        </fieldset>
        {attached[kind] && <p className="muted">{ct('columns.replaceWarning', { kind: kindName })}</p>}
        <div className="form-grid">
          <label htmlFor="attach-file">{ct('columns.file')}</label>
          <div className="attach-file">
            <input
              ref={fileRef}
              id="attach-file"
              type="file"
              accept=".txt,.text,.md,text/plain"
              data-testid="attach-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setError(null);
              }}
            />
          </div>
          <label htmlFor="attach-encoding">{ct('columns.encoding')}</label>
          <select id="attach-encoding" data-testid="attach-encoding" value={encoding} onChange={(e) => setEncoding(e.target.value as Encoding | '')}>
            <option value="">{ct('columns.encodingAuto')}</option>
            {TEXT_ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {enc.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor="attach-text">{ct('columns.orPaste')}</label>
        <textarea
          id="attach-text"
          data-testid="attach-text"
          className="paste-text"
          lang={kind === 'english' ? 'en' : 'zh'}
          rows={8}
          disabled={!!file}
          placeholder={ct('columns.pastePlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {ct('columns.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="attach-submit" disabled={busy}>
            {ct('columns.attachSubmit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
