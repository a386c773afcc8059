/** Above the grid: the document's title, source, date and its review progress. */
import type { DocumentMeta } from '../../../shared/domain/schemas';
import { useI18n } from '../i18n';
import { formatDocDate } from '../lib/format';
import { ProgressBar } from './ProgressBar';
import { shortNames } from '../state/presence';

/** `readers`: who else has this document open now (presence, issue 19). */
export function DocumentHeader({ doc, readers = [] }: { doc: DocumentMeta; readers?: readonly string[] }) {
  const { t, projectName } = useI18n();
  const meta = [projectName(doc.projectName), doc.source, formatDocDate(doc.date, t)].filter(Boolean);
  return (
    <div className="doc-header">
      <div className="doc-header-text">
        <h1 className="doc-header-title" lang="zh-Hant" title={doc.title}>
          {doc.title}
        </h1>
        <p className="doc-header-meta">
          {meta.map((m, i) => (
            <span key={i}>{m}</span>
          ))}
          {readers.length > 0 && (
            <span className="presence" data-testid="doc-presence" title={t('presence.alsoOpen', { names: readers.join(', ') })}>
              {t('presence.alsoOpen', { names: shortNames(readers) })}
            </span>
          )}
        </p>
      </div>
      <ProgressBar progress={doc.progress} />
    </div>
  );
}
