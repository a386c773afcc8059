/** The document's progress: approved, edited and unreviewed counts with a stacked bar. */
import type { Progress } from '../../../shared/domain/schemas';
import { useI18n } from '../i18n';

export function ProgressBar({ progress }: { progress: Progress }) {
  const { t, formatNumber } = useI18n();
  const total = Math.max(1, progress.total);
  const pct = Math.round((progress.approved / total) * 100);
  return (
    <div className="progress" data-testid="progress" aria-label={t('progress.label')} role="group">
      <div className="progress-numbers">
        <span className="progress-pct">{t('progress.percent', { percent: pct })}</span>
        <span className="progress-counts">
          <span className="count count-approved" data-testid="progress-approved">
            <i aria-hidden="true" />
            {t('progress.approved', { n: formatNumber(progress.approved) })}
          </span>
          <span className="count count-edited" data-testid="progress-edited">
            <i aria-hidden="true" />
            {t('progress.edited', { n: formatNumber(progress.edited) })}
          </span>
          <span className="count count-unreviewed" data-testid="progress-unreviewed">
            <i aria-hidden="true" />
            {t('progress.unreviewed', { n: formatNumber(progress.unreviewed) })}
          </span>
        </span>
      </div>
      <div className="progress-track" aria-hidden="true">
        <span className="bar-approved" style={{ width: `${(progress.approved / total) * 100}%` }} />
        <span className="bar-edited" style={{ width: `${(progress.edited / total) * 100}%` }} />
      </div>
    </div>
  );
}
