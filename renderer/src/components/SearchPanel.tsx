/** Search results across documents: title, row number, the text with the match marked. */
import type { SearchHit } from '../../../shared/domain/schemas';
import { SEARCH_LIMIT, type Search } from '../state/useSearch';
import { useI18n } from '../i18n';
import { SidePanel } from './SidePanel';

const CONTEXT = 24;

function Snippet({ hit }: { hit: SearchHit }) {
  if (hit.matchStart === null || hit.matchEnd === null) return <>{hit.text}</>;
  const from = Math.max(0, hit.matchStart - CONTEXT);
  return (
    <>
      {from > 0 ? '…' : ''}
      {hit.text.slice(from, hit.matchStart)}
      <mark>{hit.text.slice(hit.matchStart, hit.matchEnd)}</mark>
      {hit.text.slice(hit.matchEnd)}
    </>
  );
}

export function SearchPanel({ search, onJump, onClose }: { search: Search; onJump: (hit: SearchHit) => void; onClose: () => void }) {
  const { t, formatNumber } = useI18n();
  const q = search.resultsFor;
  const summary = search.searching
    ? t('search.searching')
    : search.hits.length === 0
      ? t('search.none', { query: q })
      : search.hits.length === 1
        ? t('search.oneResult', { query: q })
        : t('search.resultsFor', { count: formatNumber(search.hits.length) + (search.hits.length >= SEARCH_LIMIT ? '+' : ''), query: q });
  return (
    <SidePanel label={t('search.results')} title={summary} titleLive testId="search-results" closeLabel={t('search.close')} onClose={onClose}>
      <ul className="hit-list" id="search-hits" role="listbox" aria-label={t('search.results')}>
        {search.hits.map((h, i) => (
          <li
            key={`${h.segmentId}-${i}`}
            id={`search-hit-${i}`}
            role="option"
            aria-selected={i === search.active}
            className={`hit${i === search.active ? ' is-active' : ''}`}
            data-testid={`search-hit-${i}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              search.setActive(i);
              onJump(h);
            }}
          >
            <div className="hit-head">
              <span className="hit-doc" lang="zh-Hant">
                {h.documentTitle}
              </span>
              <span className="hit-row">{t('search.row', { n: formatNumber(h.index + 1) })}</span>
            </div>
            <div className="hit-text" lang="zh-Hant">
              <Snippet hit={h} />
              {h.matchedIn === 'rendering' && <span className="tag">{t('search.inSimplified')}</span>}
            </div>
          </li>
        ))}
      </ul>
    </SidePanel>
  );
}
