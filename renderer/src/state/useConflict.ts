/**
 * The conflict view's state (issue 16): the refused save being shown, and its resolution
 * through the write the pure module chooses (./conflict.ts). The result of keep mine / merge
 * is an ordinary ChangeResult, applied like any save; keep theirs only refreshes the rows.
 */
import { useCallback, useState } from 'react';
import type { ChangeResult, EditConflictDetails } from '../../../shared/domain/schemas';
import { editConflictOf } from '../../../shared/contract/conflict';
import { useClient } from './client';
import { resolutionWrite, type ConflictChoice, type ResolutionWrite } from './conflict';

export interface ConflictHandlers {
  /** put a write's result in place (useReview's applyChange) */
  applyChange: (r: ChangeResult) => Promise<void>;
  /** read the open document's rows again (keep theirs: the grid still shows the old text) */
  reload: () => Promise<void>;
  /** after the choice is stored: close the editor */
  onResolved: () => void;
  fail: (e: unknown) => void;
}

export function useConflict(h: ConflictHandlers) {
  const { client } = useClient();
  const [conflict, setConflict] = useState<EditConflictDetails | null>(null);
  const [busy, setBusy] = useState(false);

  /** Show the view when `e` is an edit conflict; false for any other error. */
  const offer = useCallback((e: unknown): boolean => {
    const details = editConflictOf(e);
    if (details) setConflict(details);
    return !!details;
  }, []);

  const call = useCallback(
    (w: ResolutionWrite): Promise<ChangeResult> => {
      switch (w.method) {
        case 'editSegment':
          return client.editSegment(w.args);
        case 'setStatus':
          return client.setStatus(w.args);
        case 'setFurniture':
          return client.setFurniture(w.args);
        case 'editEnglish':
          return client.editEnglish(w.args);
        case 'setEnglishStatus':
          return client.setEnglishStatus(w.args);
      }
    },
    [client],
  );

  const { applyChange, reload, onResolved, fail } = h;
  /** Store the choice; true when it is stored (false: it failed, or met yet another conflict, which is then shown). */
  const resolve = useCallback(
    async (choice: ConflictChoice): Promise<boolean> => {
      if (!conflict) return false;
      setBusy(true);
      try {
        const w = resolutionWrite(conflict, choice);
        if (w) await applyChange(await call(w));
        else await reload();
        setConflict(null);
        onResolved();
        return true;
      } catch (e) {
        // someone changed it yet again: show the new conflict instead
        if (!offer(e)) fail(e);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [conflict, call, applyChange, reload, onResolved, fail, offer],
  );

  const dismiss = useCallback(() => setConflict(null), []);

  return { conflict, busy, offer, resolve, dismiss };
}

export type ConflictState = ReturnType<typeof useConflict>;
