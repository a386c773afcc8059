/**
 * The headers of the grid's parallel columns: the second column's switcher (Simplified /
 * Original source / English, and Attach…), a button to show a third column when there is
 * room for one, and the third column's own switcher with a button that hides it.
 */
import { useColumnsContext, COLUMN_MODES, type ColumnsState } from '../state/useColumns';
import { thirdColumnMode, type ColumnMode } from '../state/column-layout';
import { useColumnsI18n } from '../i18n-columns';
import { usePermission } from '../state/usePermissions';

/** One column's switcher: a button per mode in `modes`, `active` pressed; `extra` after them. */
function Choices({ cols, modes, active, prefix, pick, label, testId, extra }: {
  cols: ColumnsState;
  modes: readonly ColumnMode[];
  active: ColumnMode;
  prefix: string;
  pick: (m: ColumnMode) => void;
  label: string;
  testId: string;
  extra: React.ReactNode;
}) {
  const { ct } = useColumnsI18n();
  return (
    <span className="column-switcher" role="group" aria-label={label} title={prefix === 'column' ? ct('columns.cycleHint') : undefined} data-testid={testId}>
      {modes.map((m) => {
        const name = ct(`columns.${m}`);
        const empty = m !== 'hans' && !cols.attached[m];
        return (
          <button
            key={m}
            type="button"
            className={`column-choice${active === m ? ' is-active' : ''}${empty ? ' is-empty' : ''}`}
            aria-pressed={active === m}
            title={empty ? ct('columns.none', { kind: name }) : undefined}
            data-testid={`${prefix}-${m}`}
            onClick={() => pick(m)}
          >
            {name}
          </button>
        );
      })}
      {extra}
    </span>
  );
}

function AddButton({ show, onClick }: { show: boolean; onClick: () => void }) {
  const { ct } = useColumnsI18n();
  const label = ct(show ? 'columns.showThird' : 'columns.hideThird');
  return (
    <button type="button" className="column-add" data-testid={show ? 'column-third-show' : 'column-third-hide'} title={label} aria-label={label} onClick={onClick}>
      {show ? '+' : '×'}
    </button>
  );
}

export function ColumnSwitcher({ fallback, roomForThird = false }: { fallback: string; roomForThird?: boolean }) {
  const cols = useColumnsContext();
  const { ct } = useColumnsI18n();
  // on a team server only a lead attaches texts (state/permissions.ts)
  const attaching = usePermission('attachParallel');
  if (!cols) return <>{fallback}</>;
  // a third column could show here but is switched off: offer it
  const canAddThird = roomForThird && thirdColumnMode(cols.mode, 'auto', cols.attached) !== null;
  return (
    <Choices
      cols={cols}
      modes={COLUMN_MODES}
      active={cols.mode}
      prefix="column"
      pick={cols.setMode}
      label={ct('columns.switcher')}
      testId="column-switcher"
      extra={
        <>
          {canAddThird && <AddButton show onClick={() => cols.setThird('auto')} />}
          <button type="button" className="column-attach" data-testid="column-attach" onClick={cols.openAttach} disabled={!attaching.allowed} title={attaching.reason}>
            {ct('columns.attach')}
          </button>
        </>
      }
    />
  );
}

/** The third column's header: what it shows (the modes other than the second column's) and a button that hides it. */
export function ThirdColumnHeader({ shown }: { shown: ColumnMode }) {
  const cols = useColumnsContext();
  const { ct } = useColumnsI18n();
  if (!cols) return null;
  const modes = COLUMN_MODES.filter((m) => m !== cols.mode);
  return <Choices cols={cols} modes={modes} active={shown} prefix="third" pick={cols.setThird} label={ct('columns.third')} testId="third-switcher" extra={<AddButton show={false} onClick={() => cols.setThird('off')} />} />;
}
