/**
 * The conflict view (issue 16): a save refused because someone else changed the field since.
 * Shows what the reviewer started from (base), what is stored now (theirs) and the refused
 * save (mine), each change drawn against the base, and offers keep theirs / keep mine / merge
 * by hand. It only shows: which write a choice makes lives in state/conflict.ts, running it in
 * state/useConflict.ts.
 */
import { useState } from 'react';
import type { EditConflictDetails } from '../../../shared/domain/schemas';
import { useConflictI18n } from '../i18n-conflict';
import { canMerge, mergeDraft, type ConflictChoice } from '../state/conflict';
import { DiffText } from './DiffText';
import { Modal } from './Modal';

export interface ConflictDialogProps {
  conflict: EditConflictDetails;
  busy: boolean;
  /** resolves true once the choice is stored */
  onResolve: (choice: ConflictChoice) => Promise<boolean>;
  onDone: (message: string) => void;
  onClose: () => void;
}

export function ConflictDialog({ conflict: c, busy, onResolve, onDone, onClose }: ConflictDialogProps) {
  const { xt } = useConflictI18n();
  const [merging, setMerging] = useState<string | null>(null);
  const field = xt(`conflict.field.${c.field}`);
  const row = c.row ?? c.segmentId;
  const shown = (v: string | null) => v ?? xt('conflict.none');
  const choose = async (choice: ConflictChoice) => {
    if (await onResolve(choice)) onDone(xt(choice.kind === 'theirs' ? 'conflict.keptTheirs' : choice.kind === 'mine' ? 'conflict.keptMine' : 'conflict.merged'));
  };
  return (
    <Modal title={xt('conflict.title')} onClose={onClose} testId="conflict-dialog" className="modal-conflict">
      <p className="modal-text">{c.theirsAuthor ? xt('conflict.intro', { row, author: c.theirsAuthor, field }) : xt('conflict.introAnon', { row, field })}</p>
      <dl className="conflict-versions">
        <dt>{xt('conflict.base')}</dt>
        <dd data-testid="conflict-base">{shown(c.base)}</dd>
        <dt>{c.theirsAuthor ? xt('conflict.theirs', { author: c.theirsAuthor }) : xt('conflict.theirsAnon')}</dt>
        <dd data-testid="conflict-theirs" title={xt('conflict.vsBase')}>
          <DiffText before={c.base ?? ''} after={c.theirs ?? ''} />
        </dd>
        <dt>{xt('conflict.mine')}</dt>
        <dd data-testid="conflict-mine" title={xt('conflict.vsBase')}>
          <DiffText before={c.base ?? ''} after={c.mine ?? ''} />
        </dd>
      </dl>
      {c.conflicts.length > 1 && <p className="modal-text">{xt('conflict.more', { count: c.conflicts.length - 1 })}</p>}
      {merging !== null ? (
        <>
          <label className="conflict-merge">
            {xt('conflict.mergeLabel')}
            <textarea data-testid="conflict-merge-text" value={merging} onChange={(e) => setMerging(e.target.value)} rows={4} autoFocus />
          </label>
          <div className="modal-actions">
            <button type="button" className="btn" disabled={busy} onClick={() => setMerging(null)}>
              {xt('conflict.back')}
            </button>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void choose({ kind: 'merge', text: merging })}>
              {xt('conflict.saveMerge')}
            </button>
          </div>
        </>
      ) : (
        <div className="modal-actions">
          <button type="button" className="btn" disabled={busy} onClick={() => void choose({ kind: 'theirs' })}>
            {xt('conflict.keepTheirs')}
          </button>
          {canMerge(c) && (
            <button type="button" className="btn" disabled={busy} onClick={() => setMerging(mergeDraft(c))}>
              {xt('conflict.merge')}
            </button>
          )}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void choose({ kind: 'mine' })} autoFocus>
            {xt('conflict.keepMine')}
          </button>
        </div>
      )}
    </Modal>
  );
}
