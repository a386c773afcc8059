/**
 * The frame every side panel shares (search, history, findings, glossary, claims,
 * annotations, replace): a labelled region with a heading, optional header actions, a close
 * button, and the panel's own body. A panel opened from the keyboard can take it (`focusFirst`):
 * the region has it at once, the first of the given controls once the panel's content is there,
 * and Esc closes the panel (its `onClose` gives the keyboard back to the grid's row).
 */
import { useEffect, useRef, type KeyboardEventHandler, type ReactNode } from 'react';
import { CloseIcon } from './CloseIcon';

export interface SidePanelProps {
  /** The accessible name of the region. */
  label: string;
  /** The heading's content (defaults to the label). */
  title?: ReactNode;
  /** Announce heading changes (search results). */
  titleLive?: boolean;
  closeLabel: string;
  onClose: () => void;
  /** Buttons shown in the header before the close button. */
  actions?: ReactNode;
  /** The panel's own class, beside `side-panel`. */
  className?: string;
  testId: string;
  as?: 'section' | 'aside';
  onKeyDown?: KeyboardEventHandler<HTMLElement>;
  /**
   * Take the keyboard when the panel opens and close on Esc: selectors, in order of preference, of
   * what takes it once `ready` (the panel's content is loaded); until then the region holds it.
   */
  focusFirst?: readonly string[];
  ready?: boolean;
  children: ReactNode;
}

export function SidePanel({ label, title, titleLive, closeLabel, onClose, actions, className, testId, as: Tag = 'section', onKeyDown, focusFirst, ready, children }: SidePanelProps) {
  const ref = useRef<HTMLElement>(null);
  const takes = focusFirst !== undefined;
  useEffect(() => {
    // not when a control inside already took it (a claim's editor opened with the panel)
    if (takes && !ref.current?.contains(document.activeElement)) ref.current?.focus();
  }, [takes]);
  useEffect(() => {
    // the first control present, unless the reviewer has moved the keyboard meanwhile
    const region = ref.current;
    if (!focusFirst || !ready || !region || document.activeElement !== region) return;
    for (const sel of focusFirst) {
      const el = region.querySelector<HTMLElement>(sel);
      if (el) return el.focus();
    }
  }, [focusFirst, ready]);
  return (
    <Tag
      ref={ref}
      tabIndex={takes ? -1 : undefined}
      className={className ? `side-panel ${className}` : 'side-panel'}
      aria-label={label}
      data-testid={testId}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        if (takes && e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="panel-head">
        <h2 aria-live={titleLive ? 'polite' : undefined}>{title ?? label}</h2>
        {actions}
        <button type="button" className="icon-btn" aria-label={closeLabel} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      {children}
    </Tag>
  );
}
