/** Ask before something that cannot be undone. */
import { Modal } from './Modal';
import { useI18n } from '../i18n';

export interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <Modal title={title} onClose={onClose} testId="confirm-dialog" className="modal-small">
      <p className="modal-text">{body}</p>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose} autoFocus>
          {t('confirm.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
