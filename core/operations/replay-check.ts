/**
 * Whether an undo or redo may run (issue 16): every field it would restore must still hold
 * what the operation left there (undo: its `after`; redo: its `before`). When someone else
 * has changed one since, replaying would throw their change away, so the replay is refused
 * with a message naming who changed what. Fields without a reader (findings, claims) are
 * checked by their revisions instead: a later revision by another author refuses.
 * Runs inside the replay's transaction (core/operations/engine.ts).
 */
import type { Store } from '../store';
import type { Revision } from '../../shared/domain/schemas';
import type { EditConflict } from '../../shared/domain/schemas';
import { JiaoduiError } from '../../shared/errors';
import { em } from '../../shared/error-messages';
import { conflictPlace } from '../../shared/contract/conflict';
import { versionedField } from '../versions';
import { FIELD_APPLIERS } from './fields';

interface FieldChange {
  revs: Revision[];
  /** what the field must hold for the replay to run */
  expected: string | null;
  /** what the replay would write */
  restore: string | null;
}

/** An operation's revisions by (segment, field): undo expects the last `after` and restores the first `before`; redo the other way round. */
function changesOf(revs: readonly Revision[], kind: 'undo' | 'redo'): FieldChange[] {
  const byKey = new Map<string, Revision[]>();
  for (const r of revs) {
    const k = `${r.segmentId}\u0000${r.field}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  return [...byKey.values()].map((rs) => {
    const first = rs[0];
    const last = rs[rs.length - 1];
    return kind === 'undo' ? { revs: rs, expected: last.after, restore: first.before } : { revs: rs, expected: first.before, restore: last.after };
  });
}

/** The newest revision of the field; for a split or merge, of any segment it names (a later merge of a part is recorded on that part). */
function latestChange(store: Store, segmentId: number, field: Revision['field'], expected: string | null): Revision | undefined {
  if (field !== 'structure') return store.latestRevision(segmentId, field);
  const st = JSON.parse(expected ?? '{"live":[],"retired":[]}') as { live: number[]; retired: number[] };
  const revs = [segmentId, ...st.live, ...st.retired].map((id) => store.latestRevision(id, 'structure')).filter((r): r is Revision => !!r);
  return revs.sort((a, b) => b.id - a.id)[0];
}

/** The refusal of the replay, or null when every field it touches is as the operation left it. */
export function replayConflict(store: Store, revs: readonly Revision[], kind: 'undo' | 'redo', author: string, label: string): JiaoduiError | null {
  const ownIds = new Set(revs.map((r) => r.id));
  for (const c of changesOf(revs, kind)) {
    const { segmentId, field } = c.revs[0];
    const applier = FIELD_APPLIERS[field];
    const latest = latestChange(store, segmentId, field, c.expected);
    let theirs: string | null;
    if (applier.read) {
      theirs = applier.read(store, segmentId, c.expected);
      if (theirs === c.expected || applier.read(store, segmentId, c.restore) === c.restore) continue;
    } else {
      if (!latest || ownIds.has(latest.id) || latest.author === author) continue;
      theirs = latest.after;
    }
    const seg = store.segment(segmentId);
    const row = seg && !seg.retired ? seg.index + 1 : null;
    const who = latest && latest.author !== author ? ` by ${latest.author}` : '';
    const what = `${field === 'zh' ? 'the text' : field === 'structure' ? 'the split or merge' : `the ${field}`} of ${row !== null ? `row ${row}` : `segment ${segmentId}`}`;
    const english = `Cannot ${kind} "${label}": ${what} was changed since${who}; nothing was ${kind === 'undo' ? 'undone' : 'redone'}.`;
    const byAuthor = latest && latest.author !== author ? latest.author : null;
    const message = em(`${kind}.stale${byAuthor ? '.by' : ''}`, { label, place: [conflictPlace(field, row, segmentId)], ...(byAuthor ? { author: byAuthor } : {}) }, english);
    const vf = versionedField(field);
    if (!vf) return new JiaoduiError('conflict', message);
    const conflict: EditConflict = {
      segmentId,
      row,
      field: vf,
      base: c.expected,
      theirs,
      theirsVersion: latest?.id ?? null,
      theirsAuthor: latest?.author ?? null,
      theirsAt: latest?.createdAt ?? null,
      mine: c.restore,
    };
    return new JiaoduiError('edit-conflict', message, { ...conflict, conflicts: [conflict] });
  }
  return null;
}
