/** Paste text to import; it is sent as UTF-8 base64 through the same import preview. */
import { useState } from 'react';
import { useImportI18n } from '../i18n-import';
import { Modal } from './Modal';

export function PasteDialog({ onNext, onClose }: { onNext: (text: string) => void; onClose: () => void }) {
  const { t, it } = useImportI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState(false);
  return (
    <Modal title={it('paste.title')} onClose={onClose} testId="paste-dialog" className="modal-wide">
      <form
        className="modal-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) {
            setError(true);
            return;
          }
          onNext(text);
        }}
      >
        <label htmlFor="paste-text">{it('paste.label')}</label>
        <textarea
          id="paste-text"
          data-testid="paste-text"
          className="paste-text"
          lang="zh-Hant"
          rows={12}
          autoFocus
          placeholder={it('paste.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(false);
          }}
        />
        {error && (
          <p className="form-error" role="alert">
            {it('paste.empty')}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('import.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="paste-next">
            {it('paste.next')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
