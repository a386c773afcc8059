/** A document in the library: opens on click; its details form edits, moves or trashes it. */
import type { DocumentMeta } from '../../../shared/domain/schemas';
import { useI18n } from '../i18n';
import { formatDocDate } from '../lib/format';
import { MiniProgress } from './MiniProgress';
import { shortNames } from '../state/presence';

export interface DocumentItemProps {
  doc: DocumentMeta;
  active: boolean;
  expanded: boolean;
  onOpen: () => void;
  /** none: no details (a read-only library) */
  onToggleDetails?: () => void;
  children?: React.ReactNode;
  /** who has this document open now (presence, issue 19) */
  readers?: readonly string[];
}

export function DocumentItem({ doc, active, expanded, onOpen, onToggleDetails, children, readers = [] }: DocumentItemProps) {
  const { t } = useI18n();
  const meta = [doc.source, formatDocDate(doc.date, t)].filter(Boolean).join(' · ');
  return (
    <li className={`doc-item${active ? ' is-active' : ''}`} data-testid={`doc-${doc.id}`}>
      <div className="doc-line">
        <button type="button" className="doc-open" onClick={onOpen} aria-current={active ? 'page' : undefined} title={doc.title}>
          <span className="doc-title" lang="zh-Hant">
            {doc.title}
          </span>
          <span className="doc-meta">{meta || doc.fileName || '\u00a0'}</span>
          {readers.length > 0 && (
            <span className="doc-presence" data-testid={`doc-presence-${doc.id}`} title={t('presence.openBy', { names: readers.join(', ') })}>
              {t('presence.openBy', { names: shortNames(readers, 2) })}
            </span>
          )}
          <MiniProgress progress={doc.progress} />
        </button>
        {onToggleDetails && (
        <button
          type="button"
          className="icon-btn doc-more"
          aria-expanded={expanded}
          aria-label={t('library.editDetails', { title: doc.title })}
          title={t('library.details')}
          onClick={onToggleDetails}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <circle cx="3.5" cy="8" r="1.3" fill="currentColor" />
            <circle cx="8" cy="8" r="1.3" fill="currentColor" />
            <circle cx="12.5" cy="8" r="1.3" fill="currentColor" />
          </svg>
        </button>
        )}
      </div>
      {expanded && children}
    </li>
  );
}
