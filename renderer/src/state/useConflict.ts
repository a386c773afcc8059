/**
 * The conflict view's state (issue 16): the refused save being shown, and its resolution
 * through the write the pure module chooses (./conflict.ts). The result of keep mine / merge
 * is an ordinary ChangeResult, applied like any save; keep theirs only refreshes the rows.
 * Annotations, claims and glossary entries (record versions) go through the same view: their
 * resolution is the record's ordinary write against THEIR version, then what shows them is refreshed.
 */
import { useCallback, useState } from 'react';
import type { ChangeResult, RecordKind } from '../../../shared/domain/schemas';
import { editConflictOf, recordConflictOf } from '../../../shared/contract/conflict';
import { useClient } from './client';
import { addConflict, isRecordConflict, recordResolutionWrite, resolutionWrite, saveResolution, type ConflictChoice, type RecordResolutionWrite, type RefusedSave, type ResolutionWrite, type ShownConflict } from './conflict';

export interface ConflictHandlers {
  /** put a write's result in place (useReview's applyChange) */
  applyChange: (r: ChangeResult) => Promise<unknown>;
  /** read the open document's rows again (keep theirs: the grid still shows the old text) */
  reload: () => Promise<void>;
  /** after a record conflict's choice (or keep theirs): refresh what shows that kind of record */
  recordSettled: (kind: RecordKind, rerendered: boolean) => Promise<void>;
  /** after the choice is stored: close the editor (`keepEditor`: its text was not saved — keep theirs of a refused approval) */
  onResolved: (keepEditor: boolean) => void;
  /** the open editor's save, when the conflict shown may be its approval's (state/conflict.ts saveResolution) */
  refusedSave?: () => RefusedSave | null;
  fail: (e: unknown) => void;
}

export function useConflict(h: ConflictHandlers) {
  const { client } = useClient();
  // Conflicts wait their turn: the retry after a team server came back may meet several (a claim's,
  // then the kept save's); each is shown after the one before it is settled, none replaces another.
  const [conflicts, setConflicts] = useState<readonly ShownConflict[]>([]);
  const conflict = conflicts[0] ?? null;
  const [busy, setBusy] = useState(false);

  /** Show the view when `e` is an edit conflict (a segment field's or a record's); false for any other error. */
  const offer = useCallback((e: unknown): boolean => {
    const details = editConflictOf(e) ?? recordConflictOf(e);
    if (details) setConflicts((cs) => addConflict(cs, details));
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

  /** Run a record's resolution; true when it re-rendered rows (a glossary entry). */
  const callRecord = useCallback(
    async (w: RecordResolutionWrite): Promise<boolean> => {
      switch (w.method) {
        case 'updateAnnotation':
          await client.updateAnnotation(w.args);
          return false;
        case 'updateClaim':
          await client.updateClaim(w.args);
          return false;
        case 'saveGlossaryEntry':
          return (await client.saveGlossaryEntry(w.args)).rerendered > 0;
        case 'deleteClaim':
          await client.deleteClaim(w.args);
          return false;
      }
    },
    [client],
  );

  const { applyChange, reload, recordSettled, onResolved, fail, refusedSave } = h;
  /** Store the choice; true when it is stored (false: it failed, or met yet another conflict, which is then shown). */
  const resolve = useCallback(
    async (choice: ConflictChoice): Promise<boolean> => {
      if (!conflict) return false;
      setBusy(true);
      try {
        if (isRecordConflict(conflict)) {
          const w = recordResolutionWrite(conflict, choice);
          const rerendered = w ? await callRecord(w) : false;
          await recordSettled(conflict.record, rerendered);
        } else {
          const ofSave = saveResolution(conflict, choice, refusedSave?.() ?? null);
          const w = ofSave ? ofSave.write : resolutionWrite(conflict, choice);
          if (w) await applyChange(await call(w));
          else await reload();
          onResolved(ofSave?.keepEditor ?? false);
        }
        setConflicts((cs) => cs.slice(1));
        return true;
      } catch (e) {
        // someone changed it yet again: show the new conflict instead
        const again = editConflictOf(e) ?? recordConflictOf(e);
        if (again) setConflicts((cs) => [again, ...cs.slice(1)]);
        else fail(e);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [conflict, call, callRecord, applyChange, reload, recordSettled, onResolved, fail, refusedSave],
  );

  const dismiss = useCallback(() => setConflicts((cs) => cs.slice(1)), []);

  return { conflict, busy, offer, resolve, dismiss };
}

export type ConflictState = ReturnType<typeof useConflict>;
