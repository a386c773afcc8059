/** Every command of COMMANDS, filtered as you type; arrows move, Enter runs. */
import { useMemo, useState } from 'react';
import { COMMANDS, type CommandId } from '../../../shared/commands';
import { commandKey, useI18n } from '../i18n';
import { formatAccelerator } from '../lib/keys';
import { Modal } from './Modal';
import { refusedCommand } from '../state/permissions';
import { usePermissions } from '../state/usePermissions';

export function CommandPalette({ onRun, onClose }: { onRun: (id: CommandId) => void; onClose: () => void }) {
  const { t } = useI18n();
  const permissions = usePermissions();
  const account = permissions.account;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  const items = useMemo(() => {
    const q = query.trim().toLowerCase();
    return COMMANDS.filter((c) => {
      if (!q) return true;
      const hay = `${t(commandKey(c.id))} ${c.label} ${c.id} ${t(`menu.${c.menu}`)}`.toLowerCase();
      return q.split(/\s+/).every((w) => hay.includes(w));
    });
  }, [query, t]);

  const current = Math.min(active, Math.max(0, items.length - 1));

  function run(id: CommandId) {
    // on a team server a command whose call the role refuses is listed with the reason, and does not run
    if (refusedCommand(account, id)) return;
    onClose();
    // Let the palette close (and give focus back) before the command opens anything.
    setTimeout(() => onRun(id), 0);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((current + 1) % Math.max(1, items.length));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((current - 1 + items.length) % Math.max(1, items.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (items[current]) run(items[current].id);
    }
  }

  return (
    <Modal title={t('palette.title')} onClose={onClose} testId="palette" className="modal-palette" hideTitle>
      <input
        className="palette-input"
        data-testid="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={items[current] ? `palette-opt-${current}` : undefined}
        aria-label={t('palette.title')}
        placeholder={t('palette.placeholder')}
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-list" className="palette-list" role="listbox" aria-label={t('palette.title')}>
        {items.map((c, i) => {
          const refused = refusedCommand(account, c.id);
          return (
          <li
            key={c.id}
            id={`palette-opt-${i}`}
            role="option"
            aria-selected={i === current}
            aria-disabled={refused ? true : undefined}
            title={refused ? (permissions.reason(refused) ?? undefined) : undefined}
            className={`palette-item${i === current ? ' is-active' : ''}${refused ? ' is-refused' : ''}`}
            data-testid={`palette-item-${c.id}`}
            data-command={c.id}
            onMouseMove={() => setActive(i)}
            onClick={() => run(c.id)}
          >
            <span className="palette-menu">{t(`menu.${c.menu}`)}</span>
            <span className="palette-label">
              {t(commandKey(c.id))}
              {refused && <small className="palette-refused">{permissions.reason(refused)}</small>}
            </span>
            {'accelerator' in c && c.accelerator ? <kbd className="kbd">{formatAccelerator(c.accelerator)}</kbd> : null}
          </li>
          );
        })}
      </ul>
      {items.length === 0 && <p className="palette-empty">{t('palette.none')}</p>}
    </Modal>
  );
}
