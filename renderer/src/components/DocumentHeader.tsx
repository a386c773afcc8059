/** Above the grid: the document's title, source, date and its review progress. */
import type { DocumentMeta } from '../../../shared/domain/schemas';
import { useI18n } from '../i18n';
import { formatDocDate } from '../lib/format';
import { ProgressBar } from './ProgressBar';

export function DocumentHeader({ doc }: { doc: DocumentMeta }) {
  const { t } = useI18n();
  const meta = [doc.projectName, doc.source, formatDocDate(doc.date, t)].filter(Boolean);
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
        </p>
      </div>
      <ProgressBar progress={doc.progress} />
    </div>
  );
}
