/** The keyboard map: every command with a shortcut, plus the grid and editor keys. */
import { COMMANDS, type CommandId } from '../../../shared/commands';
import { commandKey } from '../i18n';
import { formatAccelerator } from '../lib/keys';
import { Modal } from './Modal';
import { useHistoryI18n, type HistoryMessageKey } from '../i18n-history';
import { useClaimsI18n, type ClaimsMessageKey } from '../i18n-claims';
import { refusedCommand } from '../state/permissions';
import { usePermissions } from '../state/usePermissions';

const GRID_KEYS: [string, HistoryMessageKey][] = [
  ['PageDown', 'shortcuts.pageDown'],
  ['PageUp', 'shortcuts.pageUp'],
  ['Home', 'shortcuts.home'],
  ['End', 'shortcuts.end'],
  ['Ctrl+Y', 'shortcuts.redoAlt'],
];
// Review workflow keys that are not commands of their own.
const REVIEW_KEYS: [string, HistoryMessageKey][] = [
  ['?', 'shortcuts.question'],
  ['Ctrl+Enter', 'shortcuts.approveNext'],
  ['1–9', 'shortcuts.labelKey'],
];
const EDIT_KEYS: [string, HistoryMessageKey][] = [
  ['Enter', 'shortcuts.save'],
  ['Ctrl+Enter', 'shortcuts.saveApprove'],
  ['Esc', 'shortcuts.cancel'],
];
const EDIT_COMMANDS: [string, CommandId][] = [
  ['Alt+S', 'segment.split'],
  ['Alt+M', 'segment.merge'],
];

/** The wide claims view's keys (components/ClaimsWideView.tsx handles them on the focused row). */
export const WIDE_VIEW_KEYS: [string, ClaimsMessageKey][] = [
  ['↑ / ↓', 'claims.keys.move'],
  ['Home / End', 'claims.keys.ends'],
  ['A', 'claims.keys.accept'],
  ['R', 'claims.keys.reject'],
  ['Enter', 'claims.keys.edit'],
  ['S', 'claims.keys.sortNext'],
  ['Shift+S', 'claims.keys.sortPrev'],
  ['D', 'claims.keys.sortDir'],
  ['Esc', 'claims.keys.close'],
];

/** Keys and what they do, as a two-column table. */
function KeyTable({ rows }: { rows: [string, string][] }) {
  return (
    <table className="shortcut-table">
      <tbody>
        {rows.map(([k, label]) => (
          <tr key={k}>
            <td>
              <kbd className="kbd">{k}</kbd>
            </td>
            <td>{label}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MENUS = ['file', 'edit', 'segment', 'view', 'help'] as const;

/** One titled group of keys; groups flow across columns and never break inside. */
function Section({ title, rows }: { title: string; rows: [string, string][] }) {
  if (!rows.length) return null;
  return (
    <section className="shortcut-section">
      <h3>{title}</h3>
      <KeyTable rows={rows} />
    </section>
  );
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t, ht } = useHistoryI18n();
  const { ct } = useClaimsI18n();
  const withKeys = COMMANDS.filter((c) => 'accelerator' in c && c.accelerator) as { id: CommandId; menu: string; accelerator: string }[];
  // on a team server a key whose call the role refuses says so (it does nothing else; state/permissions.ts)
  const permissions = usePermissions();
  const account = permissions.account;
  const commandLabel = (id: CommandId) => {
    const refused = refusedCommand(account, id);
    return refused ? `${t(commandKey(id))} — ${permissions.reason(refused)}` : t(commandKey(id));
  };
  const approveNote = permissions.reason('approve');
  const approving = (k: string, label: string) => (k === 'Ctrl+Enter' && approveNote ? `${label} — ${approveNote}` : label);
  return (
    <Modal title={ht('shortcuts.title')} onClose={onClose} testId="shortcuts-dialog" className="modal-shortcuts">
      <div className="shortcuts">
        {MENUS.map((m) => (
          <Section key={m} title={t(`menu.${m}`)} rows={withKeys.filter((c) => c.menu === m).map((c) => [formatAccelerator(c.accelerator), commandLabel(c.id)])} />
        ))}
        <Section title={ht('shortcuts.grid')} rows={GRID_KEYS.map(([k, label]) => [k, ht(label)])} />
        <Section title={ht('shortcuts.review')} rows={REVIEW_KEYS.map(([k, label]) => [k, approving(k, ht(label))])} />
        <Section title={ht('shortcuts.editing')} rows={[...EDIT_KEYS.map(([k, label]): [string, string] => [k, approving(k, ht(label))]), ...EDIT_COMMANDS.map(([k, id]): [string, string] => [k, t(commandKey(id))])]} />
        <Section
          title={ct('claims.keys.section')}
          rows={[[formatAccelerator('Alt+W'), commandLabel('view.claimsWide')], ...WIDE_VIEW_KEYS.map(([k, label]): [string, string] => [k, ct(label)])]}
        />
      </div>
    </Modal>
  );
}
