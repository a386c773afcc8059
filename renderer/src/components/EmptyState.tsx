/** What the review area shows with no document open. */
import { useI18n } from '../i18n';
import { usePermission } from '../state/usePermissions';

export function EmptyState({ loading, onImport, onPaste }: { loading: boolean; onImport: () => void; onPaste: () => void }) {
  const { t } = useI18n();
  // on a team server only a lead imports (state/permissions.ts)
  const importing = usePermission('importDocument');
  return (
    <div className="empty-state" data-testid="empty-state">
      <h1 className="empty-title">{t('app.name')}</h1>
      {loading ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <p className="muted">{t('app.noDocument')}</p>
          <div className="empty-actions">
            <button type="button" className="btn btn-primary" onClick={onImport} disabled={!importing.allowed} title={importing.reason}>
              {t('command.file.import')}
            </button>
            <button type="button" className="btn" onClick={onPaste} disabled={!importing.allowed} title={importing.reason}>
              {t('command.file.paste')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
