/** Error and notice banners; errors stay until dismissed. */
import { useEffect, useRef } from 'react';
import type { Toast } from '../state/useToasts';
import { noticeInset } from '../state/notice-inset';
import { useI18n } from '../i18n';
import { formatAccelerator } from '../lib/keys';

/** `onInset`: the room the stack takes over the pane's bottom (0 when empty), each time it changes, so the grid can keep its rows clear of it. */
export function Toasts({ toasts, onDismiss, onInset }: { toasts: Toast[]; onDismiss: (id: number) => void; onInset?: (px: number) => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !onInset) return;
    const report = () => onInset(noticeInset(el.offsetHeight, parseFloat(getComputedStyle(el).bottom) || 0));
    const ro = new ResizeObserver(report);
    ro.observe(el);
    report();
    return () => ro.disconnect();
  }, [onInset]);
  return (
    <div className="toasts" aria-live="polite" ref={ref}>
      {toasts.map((x) => (
        <div key={x.id} className={`toast toast-${x.kind}`} role={x.kind === 'error' ? 'alert' : 'status'} data-testid={x.kind === 'error' ? 'error-toast' : 'toast'}>
          <span className="toast-icon" aria-hidden="true">
            {x.kind === 'error' ? '!' : 'i'}
          </span>
          <span className="toast-message">{x.message}</span>
          {x.action && (
            <button type="button" className="btn btn-small toast-action" onClick={x.action.run} aria-keyshortcuts={x.action.keys} data-testid="toast-action">
              {x.action.label}
              {x.action.keys && <kbd className="kbd">{formatAccelerator(x.action.keys)}</kbd>}
            </button>
          )}
          <button type="button" className="icon-btn" aria-label={t('toast.dismiss')} onClick={() => onDismiss(x.id)}>
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      ))}
    </div>
  );
}
