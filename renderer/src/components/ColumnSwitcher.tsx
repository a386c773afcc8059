/** The header of the grid's second column: Simplified / Original source / English, and Attach…. */
import { useColumnsContext, COLUMN_MODES } from '../state/useColumns';
import { useColumnsI18n } from '../i18n-columns';

export function ColumnSwitcher({ fallback }: { fallback: string }) {
  const cols = useColumnsContext();
  const { ct } = useColumnsI18n();
  if (!cols) return <>{fallback}</>;
  const label = { hans: ct('columns.hans'), source: ct('columns.source'), english: ct('columns.english') };
  return (
    <span className="column-switcher" role="group" aria-label={ct('columns.switcher')} title={ct('columns.cycleHint')} data-testid="column-switcher">
      {COLUMN_MODES.map((m) => (
        <button
          key={m}
          type="button"
          className={`column-choice${cols.mode === m ? ' is-active' : ''}${m !== 'hans' && !cols.attached[m] ? ' is-empty' : ''}`}
          aria-pressed={cols.mode === m}
          title={m !== 'hans' && !cols.attached[m] ? ct('columns.none', { kind: label[m] }) : undefined}
          data-testid={`column-${m}`}
          onClick={() => cols.setMode(m)}
        >
          {label[m]}
        </button>
      ))}
      <button type="button" className="column-attach" data-testid="column-attach" onClick={cols.openAttach}>
        {ct('columns.attach')}
      </button>
    </span>
  );
}
