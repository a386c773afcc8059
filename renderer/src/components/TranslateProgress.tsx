/** A running translation job: progress bar, counts, Cancel; afterwards per-segment failures and missing glossary terms. */
import { useEffect, useRef, useState } from 'react';
import type { MtJob } from '../../../shared/mt/schemas';
import { useClient } from '../state/client';
import { useMtI18n } from '../i18n-mt';
import { usePermission } from '../state/usePermissions';

const POLL_MS = 400;

export function TranslateProgress({
  job: initial,
  onTranslated,
  onClose,
  onError,
}: {
  job: MtJob;
  /** segments that got English since the last call (refresh them) */
  onTranslated: (segmentIds: number[]) => void;
  onClose: () => void;
  onError: (e: unknown) => void;
}) {
  const { client } = useClient();
  const { mt, formatNumber } = useMtI18n();
  const cancelling = usePermission('cancelTranslation');
  const [job, setJob] = useState(initial);
  const reported = useRef(0);
  const cb = useRef({ onTranslated, onError });
  cb.current = { onTranslated, onError };

  useEffect(() => {
    let stop = false;
    let failing = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const tick = async () => {
      try {
        const j = await client.getTranslationJob({ jobId: initial.id });
        if (stop) return;
        failing = false;
        setJob(j);
        if (j.translatedSegmentIds.length > reported.current) {
          cb.current.onTranslated(j.translatedSegmentIds.slice(reported.current));
          reported.current = j.translatedSegmentIds.length;
        }
        if (j.state === 'running') timer = setTimeout(() => void tick(), POLL_MS);
      } catch (e) {
        if (stop) return;
        // said once per run of failures; polling goes on unless the job is gone (the server restarted)
        if (!failing) cb.current.onError(e);
        failing = true;
        if ((e as { code?: string }).code !== 'not-found') timer = setTimeout(() => void tick(), POLL_MS * 5);
      }
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [client, initial.id]);

  const running = job.state === 'running';
  const n = (x: number) => formatNumber(x);
  return (
    <section className="mt-progress" role="status" aria-live="polite" data-testid="mt-progress" data-state={job.state}>
      <h2>{mt('mt.progress.title')}</h2>
      <progress max={Math.max(1, job.total)} value={job.done} data-testid="mt-progress-bar" aria-label={mt('mt.progress.label', { done: n(job.done), total: n(job.total) })} />
      <div className="mt-progress-counts" data-testid="mt-progress-label">
        {mt('mt.progress.label', { done: n(job.done), total: n(job.total) })}
      </div>
      <div className="mt-progress-counts" data-testid="mt-progress-counts">
        {mt('mt.progress.counts', { translated: n(job.translated), skipped: n(job.skipped), failed: n(job.failed) })}
      </div>
      {job.state === 'done' && <div data-testid="mt-progress-end">{mt('mt.progress.done')}</div>}
      {job.state === 'cancelled' && <div data-testid="mt-progress-end">{mt('mt.progress.cancelled')}</div>}
      {job.state === 'failed' && (
        <div className="mt-failure" data-testid="mt-progress-end">
          {mt('mt.progress.failed', { error: job.error ?? '' })}
        </div>
      )}
      {job.failures.length > 0 && (
        <>
          <h3 className="mt-progress-counts">{mt('mt.progress.failures')}</h3>
          <ul data-testid="mt-failures">
            {job.failures.slice(0, 50).map((f) => (
              <li key={f.segmentId} className="mt-failure">
                {mt('mt.progress.failure', { n: f.index + 1, message: f.message })}
              </li>
            ))}
          </ul>
        </>
      )}
      {job.missingTerms.length > 0 && (
        <>
          <h3 className="mt-progress-counts">{mt('mt.progress.missing')}</h3>
          <ul data-testid="mt-missing-terms">
            {job.missingTerms.slice(0, 50).map((m) => (
              <li key={m.segmentId}>{mt('mt.progress.missingItem', { n: m.index + 1, terms: m.terms.join(', ') })}</li>
            ))}
          </ul>
        </>
      )}
      <div className="mt-progress-actions">
        {running ? (
          <button
            type="button"
            className="btn"
            data-testid="mt-cancel"
            disabled={!cancelling.allowed}
            title={cancelling.reason}
            onClick={() => client.cancelTranslation({ jobId: job.id }).then(setJob, onError)}
          >
            {mt('mt.progress.cancel')}
          </button>
        ) : (
          <button type="button" className="btn" data-testid="mt-close" onClick={onClose}>
            {mt('mt.progress.close')}
          </button>
        )}
      </div>
    </section>
  );
}
