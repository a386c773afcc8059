/** The attach-parallel-text dialog, drawn from useColumns' state. */
import type { ColumnsDialogState } from '../state/useColumns';
import { AttachParallelDialog } from '../lazy';

export function ColumnsDialog({ state: s }: { state: ColumnsDialogState }) {
  if (!s.open) return null;
  return <AttachParallelDialog doc={s.open.doc} defaultKind={s.open.defaultKind} attached={s.open.attached} onClose={s.close} onAttached={s.onAttached} onError={s.onError} />;
}
