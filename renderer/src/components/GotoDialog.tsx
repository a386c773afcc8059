/** Go to a segment by its number. */
import { useState } from 'react';
import { Modal } from './Modal';
import { useI18n } from '../i18n';

export function GotoDialog({ max, onGo, onClose }: { max: number; onGo: (index: number) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={t('goto.title')} onClose={onClose} testId="goto-dialog" className="modal-small">
      <form
        className="modal-form"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(value.trim());
          if (!Number.isInteger(n) || n < 1 || n > max) {
            setError(t('goto.outOfRange', { max }));
            return;
          }
          onClose();
          onGo(n - 1);
        }}
      >
        <label htmlFor="goto-input">{t('goto.label', { max })}</label>
        <div className="form-inline">
          <input
            id="goto-input"
            data-testid="goto-input"
            inputMode="numeric"
            autoFocus
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'goto-error' : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          />
          <button type="submit" className="btn btn-primary">
            {t('goto.submit')}
          </button>
        </div>
        {error && (
          <p id="goto-error" className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Modal>
  );
}
