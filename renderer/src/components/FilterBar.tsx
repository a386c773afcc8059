/** Filters above the grid: status, has findings, annotated, changed, and a text filter; shows how many rows remain. */
import { useReviewI18n } from '../i18n-review';
import { isFiltering, NO_FILTER, type RowFilter } from '../state/filters';

export interface FilterBarProps {
  filter: RowFilter;
  onChange: (f: RowFilter) => void;
  shown: number;
  total: number;
}

export function FilterBar({ filter, onChange, shown, total }: FilterBarProps) {
  const { rt, formatNumber } = useReviewI18n();
  const set = (patch: Partial<RowFilter>) => onChange({ ...filter, ...patch });
  const active = isFiltering(filter);
  return (
    <div className={`filter-bar${active ? ' is-active' : ''}`} role="group" aria-label={rt('filter.label')} data-testid="filter-bar">
      <select
        className="filter-status"
        aria-label={rt('filter.status')}
        value={filter.status}
        data-testid="filter-status"
        onChange={(e) => set({ status: e.target.value as RowFilter['status'] })}
      >
        <option value="all">{rt('filter.status.all')}</option>
        <option value="unreviewed">{rt('filter.status.unreviewed')}</option>
        <option value="edited">{rt('filter.status.edited')}</option>
        <option value="approved">{rt('filter.status.approved')}</option>
      </select>
      <label className="filter-check">
        <input type="checkbox" checked={filter.findings} data-testid="filter-findings" onChange={(e) => set({ findings: e.target.checked })} />
        {rt('filter.findings')}
      </label>
      <label className="filter-check">
        <input type="checkbox" checked={filter.annotated} data-testid="filter-annotated" onChange={(e) => set({ annotated: e.target.checked })} />
        {rt('filter.annotated')}
      </label>
      <label className="filter-check">
        <input type="checkbox" checked={filter.changed} data-testid="filter-changed" onChange={(e) => set({ changed: e.target.checked })} />
        {rt('filter.changed')}
      </label>
      <input
        type="search"
        className="filter-text"
        aria-label={rt('filter.text')}
        placeholder={rt('filter.textPlaceholder')}
        value={filter.text}
        data-testid="filter-text"
        onChange={(e) => set({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filter.text) {
            e.preventDefault();
            set({ text: '' });
          }
        }}
      />
      {active && (
        <>
          <span className="filter-count" data-testid="filter-count" aria-live="polite">
            {rt('filter.count', { shown: formatNumber(shown), total: formatNumber(total) })}
          </span>
          <button type="button" className="btn btn-quiet btn-small" onClick={() => onChange(NO_FILTER)} data-testid="filter-clear">
            {rt('filter.clear')}
          </button>
        </>
      )}
    </div>
  );
}
