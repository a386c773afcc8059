/** Review status as shape and colour: hollow circle, pencil-diamond, filled check. */
import type { SegmentStatus } from '../../../shared/domain/schemas';
import { useI18n } from '../i18n';

export function StatusMarker({ status }: { status: SegmentStatus }) {
  const { t } = useI18n();
  const label = t(`status.${status}`);
  return (
    <span className={`status-marker status-${status}`} role="img" aria-label={label} title={label}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        {status === 'unreviewed' && <circle cx="8" cy="8" r="5.25" fill="none" stroke="currentColor" strokeWidth="1.5" />}
        {status === 'edited' && <path d="M8 1.8 14.2 8 8 14.2 1.8 8Z" fill="currentColor" />}
        {status === 'approved' && (
          <>
            <circle cx="8" cy="8" r="7" fill="currentColor" />
            <path d="M4.6 8.3 7 10.6l4.4-5" fill="none" stroke="var(--marker-check)" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </>
        )}
      </svg>
    </span>
  );
}
