/**
 * The headers of the grid's parallel columns: the second column's switcher (Simplified /
 * Original source / English, and Attach…), a button to show a third column when there is
 * room for one, and the third column's own switcher with a button that hides it.
 */
import { useColumnsContext, COLUMN_MODES } from '../state/useColumns';
import { thirdColumnMode, type ColumnMode } from '../state/column-layout';
import { useColumnsI18n } from '../i18n-columns';

function useLabels() {
  const { ct } = useColumnsI18n();
  return { ct, label: { hans: ct('columns.hans'), source: ct('columns.source'), english: ct('columns.english') } as Record<ColumnMode, string> };
}

export function ColumnSwitcher({ fallback, roomForThird = false }: { fallback: string; roomForThird?: boolean }) {
  const cols = useColumnsContext();
  const { ct, label } = useLabels();
  if (!cols) return <>{fallback}</>;
  // a third column could show here but is switched off (or has nothing to show yet): offer it
  const canAddThird = roomForThird && thirdColumnMode(cols.mode, 'auto', cols.attached) !== null;
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
      {canAddThird && (
        <button type="button" className="column-add" data-testid="column-third-show" title={ct('columns.showThird')} aria-label={ct('columns.showThird')} onClick={() => cols.setThird('auto')}>
          +
        </button>
      )}
      <button type="button" className="column-attach" data-testid="column-attach" onClick={cols.openAttach}>
        {ct('columns.attach')}
      </button>
    </span>
  );
}

/** The third column's header: what it shows (the modes other than the second column's) and a button that hides it. */
export function ThirdColumnHeader({ shown }: { shown: ColumnMode }) {
  const cols = useColumnsContext();
  const { ct, label } = useLabels();
  if (!cols) return null;
  return (
    <span className="column-switcher" role="group" aria-label={ct('columns.third')} data-testid="third-switcher">
      {COLUMN_MODES.filter((m) => m !== cols.mode).map((m) => (
        <button
          key={m}
          type="button"
          className={`column-choice${shown === m ? ' is-active' : ''}${m !== 'hans' && !cols.attached[m] ? ' is-empty' : ''}`}
          aria-pressed={shown === m}
          title={m !== 'hans' && !cols.attached[m] ? ct('columns.none', { kind: label[m] }) : undefined}
          data-testid={`third-${m}`}
          onClick={() => cols.setThird(m)}
        >
          {label[m]}
        </button>
      ))}
      <button type="button" className="column-add" data-testid="column-third-hide" title={ct('columns.hideThird')} aria-label={ct('columns.hideThird')} onClick={() => cols.setThird('off')}>
        ×
      </button>
    </span>
  );
}
