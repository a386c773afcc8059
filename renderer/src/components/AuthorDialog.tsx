/** Change the reviewer name recorded with every revision. */
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Modal } from './Modal';

export function AuthorDialog({ author, onSave, onClose }: { author: string; onSave: (name: string) => Promise<unknown>; onClose: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(author);
  return (
    <Modal title={t('author.title')} onClose={onClose} testId="author-dialog" className="modal-small">
      <form
        className="modal-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void onSave(name.trim()).then(onClose, () => undefined);
        }}
      >
        <label htmlFor="author-name">{t('author.label')}</label>
        <input id="author-name" value={name} autoFocus maxLength={200} onChange={(e) => setName(e.target.value)} />
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('import.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
            {t('author.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
