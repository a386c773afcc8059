/** A modal dialog: labelled, traps Tab, closes on Escape, gives focus back when it closes. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { CloseIcon } from './CloseIcon';

export interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  className?: string;
  /** hide the visible heading (the palette labels itself) */
  hideTitle?: boolean;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Modal({ title, onClose, children, testId, className, hideTitle }: ModalProps) {
  const { t } = useI18n();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  // what had the keyboard before the dialog, read at its first render: a field with autoFocus takes
  // the focus before any effect runs, so an effect would read that field (gone when the dialog closes)
  // (no document where it is rendered to a string: the component tests)
  const [previous] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));

  useEffect(() => {
    const el = ref.current;
    if (el && !el.contains(document.activeElement)) {
      const first = el.querySelector<HTMLElement>('[autofocus], ' + FOCUSABLE);
      (first ?? el).focus();
    }
    return () => {
      // only when the keyboard went with the dialog: not over a field that took it meanwhile (the next dialog's)
      const now = document.activeElement;
      const lost = now === null || now === document.body || (el !== null && el.contains(now));
      if (lost && previous && document.contains(previous)) previous.focus({ preventScroll: true });
    };
  }, [previous]);

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((x) => x.offsetParent !== null);
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        className={`modal ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid={testId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className={`modal-head${hideTitle ? ' visually-hidden' : ''}`}>
          <h2 id={`${id}-title`}>{title}</h2>
          <button type="button" className="icon-btn" aria-label={t('dialog.close')} onClick={onClose} tabIndex={hideTitle ? -1 : 0}>
            <CloseIcon />
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
