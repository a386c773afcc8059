/** Paste text to import; it is sent as UTF-8 base64 through the same import preview. */
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Modal } from './Modal';

export function PasteDialog({ onNext, onClose }: { onNext: (text: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState(false);
  return (
    <Modal title={t('paste.title')} onClose={onClose} testId="paste-dialog" className="modal-wide">
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
        <label htmlFor="paste-text">{t('paste.label')}</label>
        <textarea
          id="paste-text"
          data-testid="paste-text"
          className="paste-text"
          lang="zh-Hant"
          rows={12}
          autoFocus
          placeholder={t('paste.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(false);
          }}
        />
        {error && (
          <p className="form-error" role="alert">
            {t('paste.empty')}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('import.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="paste-next">
            {t('paste.next')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
