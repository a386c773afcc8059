/** The keyboard map: every command with a shortcut, plus the grid and editor keys. */
import { COMMANDS } from '../../../shared/commands';
import { commandKey, useI18n, type MessageKey } from '../i18n';
import { formatAccelerator } from '../lib/keys';
import { Modal } from './Modal';
import { useReviewI18n, type ReviewMessageKey } from '../i18n-review';

const GRID_KEYS: [string, MessageKey][] = [
  ['PageDown', 'shortcuts.pageDown'],
  ['PageUp', 'shortcuts.pageUp'],
  ['Home', 'shortcuts.home'],
  ['End', 'shortcuts.end'],
  ['Ctrl+Y', 'shortcuts.redoAlt'],
];
// Review workflow keys that are not commands of their own.
const REVIEW_KEYS: [string, ReviewMessageKey][] = [
  ['?', 'shortcuts.question'],
  ['Ctrl+Enter', 'shortcuts.approveNext'],
  ['1–9', 'shortcuts.labelKey'],
];
const EDIT_KEYS: [string, MessageKey][] = [
  ['Enter', 'shortcuts.save'],
  ['Ctrl+Enter', 'shortcuts.saveApprove'],
  ['Esc', 'shortcuts.cancel'],
  ['Alt+S', 'command.segment.split'],
  ['Alt+M', 'command.segment.merge'],
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

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { rt } = useReviewI18n();
  const withKeys = COMMANDS.filter((c) => 'accelerator' in c && c.accelerator);
  return (
    <Modal title={t('shortcuts.title')} onClose={onClose} testId="shortcuts-dialog" className="modal-wide">
      <div className="shortcuts">
        <table className="shortcut-table">
          <tbody>
            {withKeys.map((c) => (
              <tr key={c.id}>
                <td>
                  <kbd className="kbd">{formatAccelerator((c as { accelerator: string }).accelerator)}</kbd>
                </td>
                <td>{t(commandKey(c.id))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <h3>{t('shortcuts.grid')}</h3>
          <KeyTable rows={GRID_KEYS.map(([k, label]) => [k, t(label)])} />
          <h3>{rt('shortcuts.review')}</h3>
          <KeyTable rows={REVIEW_KEYS.map(([k, label]) => [k, rt(label)])} />
          <h3>{t('shortcuts.editing')}</h3>
          <KeyTable rows={EDIT_KEYS.map(([k, label]) => [k, t(label)])} />
        </div>
      </div>
    </Modal>
  );
}
