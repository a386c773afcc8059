/** Shown while files are dragged over the window. */
import { useI18n } from '../i18n';

export function DropOverlay() {
  const { t } = useI18n();
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">{t('app.dropHint')}</div>
    </div>
  );
}
