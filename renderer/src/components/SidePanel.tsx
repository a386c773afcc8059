/**
 * The frame every side panel shares (search, history, findings, glossary, claims,
 * annotations, replace): a labelled region with a heading, optional header actions, a close
 * button, and the panel's own body.
 */
import type { KeyboardEventHandler, ReactNode } from 'react';
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
  children: ReactNode;
}

export function SidePanel({ label, title, titleLive, closeLabel, onClose, actions, className, testId, as: Tag = 'section', onKeyDown, children }: SidePanelProps) {
  return (
    <Tag className={className ? `side-panel ${className}` : 'side-panel'} aria-label={label} data-testid={testId} onKeyDown={onKeyDown}>
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
