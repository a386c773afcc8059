/**
 * Issue #16, "long work outside the write lock": the checks compute from a snapshot with no
 * write lock held, and their results are written only while nothing they read has changed —
 * a second connection committing an edit during the compute never gets stale findings
 * written over its newer text. Issue 19: an edit that overtakes the compute no longer makes it
 * compute again (saves land every few hundred ms on a team server): the run leaves the edited
 * segments' rows to the saves.
 */
import { describe, expect, it } from 'vitest';
import { freshService, importSample } from './test-helpers';
import { openService } from './context';
import { runDocumentChecks, runProjectChecks, type WriteTx } from './checks';
import type { JiaoduiService } from './service';

const now = () => new Date().toISOString();
const immediate = (svc: JiaoduiService): WriteTx => (fn) => svc.db.transaction(fn).immediate();

/** Every stored finding still quotes its segment's current text. */
function staleLocations(svc: JiaoduiService, documentId: number): string[] {
  const texts = new Map(svc.getSegments({ documentId }).map((s) => [s.id, s.text]));
  return svc
    .listFindings({ documentId })
    .findings.flatMap((f) => [f, ...f.related])
    .filter((l) => l.documentId === documentId && texts.get(l.segmentId)?.slice(l.start, l.end) !== l.text)
    .map((l) => `${l.segmentId}:${l.start}-${l.end} ${l.text}`);
}

async function twoWriters() {
  const ctx = await freshService();
  const { documentId } = importSample(ctx.service);
  // another window or `jiaodui` process on the same database, failing fast if the lock were held
  const other = await openService(ctx.dbPath, { busyTimeoutMs: 50 });
  const segs = ctx.service.getSegments({ documentId }).filter((s) => s.text.length > 20);
  // a prefix shifts every offset of the segment: findings computed on the old text would no longer quote it
  const edit = (i: number) => other.editSegment({ segmentId: segs[i].id, text: `（補記）${segs[i].text}` });
  const close = () => {
    other.db.close();
    ctx.cleanup();
  };
  return { svc: ctx.service, other, documentId, segs, edit, close };
}

/** The findings as the panel shows them, comparable across runs (ids and times left out). */
const shape = (svc: JiaoduiService, documentId: number) =>
  svc
    .listFindings({ documentId })
    .findings.map((f) => ({ rule: f.rule, message: f.message, dismissed: f.dismissedReason, places: [f, ...f.related].map((l) => `${l.segmentId}:${l.start}-${l.end}:${l.text}:${JSON.stringify(l.fixes)}`).sort() }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('checks computed outside the write lock', () => {
  it('edits committed by a second connection during the compute are not overwritten: the run stores the rest and leaves the edited segments to their saves', async () => {
    const w = await twoWriters();
    try {
      const attempts: number[] = [];
      // The other writer commits while the findings are being computed: it would get "busy" if the checks held the lock.
      runDocumentChecks(w.svc.store, immediate(w.svc), w.documentId, now, undefined, (attempt) => {
        attempts.push(attempt);
        if (attempt === 1) for (let i = 0; i < 40; i++) w.edit(i);
      });
      // issue 19: one computation, not one per overtaking save (a team server saves every few hundred ms)
      expect(attempts).toEqual([1]);
      expect(staleLocations(w.svc, w.documentId)).toEqual([]);
      expect(w.svc.getSegments({ documentId: w.documentId }).find((s) => s.id === w.segs[0].id)!.text.startsWith('（補記）')).toBe(true);
      expect(w.svc.listFindings({ documentId: w.documentId }).findings.length).toBeGreaterThan(0);
      // the next run (nothing overtaking it) brings the edited segments up to date: the same as a run from scratch
      w.svc.runChecks({ documentId: w.documentId });
      const merged = shape(w.svc, w.documentId);
      w.svc.db.prepare(`DELETE FROM findings WHERE document_id = ?`).run(w.documentId);
      w.svc.runChecks({ documentId: w.documentId });
      expect(merged).toEqual(shape(w.svc, w.documentId));
    } finally {
      w.close();
    }
  });

  it('rows of the edited segments and their groups are left as the saves left them', async () => {
    const w = await twoWriters();
    try {
      w.svc.runChecks({ documentId: w.documentId });
      const groupedSeg = w.svc.listFindings({ documentId: w.documentId }).findings.find((f) => f.group && f.related.length > 0 && w.segs.some((s) => s.id === f.segmentId))!;
      const i = w.segs.findIndex((s) => s.id === groupedSeg.segmentId);
      const groupRows = () => w.svc.db.prepare(`SELECT id FROM findings WHERE document_id = ? AND group_key = ? ORDER BY id`).pluck().all(w.documentId, groupedSeg.group) as number[];
      // the rows as the save (its own re-check) leaves them
      let afterSave: number[] = [];
      runDocumentChecks(w.svc.store, immediate(w.svc), w.documentId, now, undefined, (attempt) => {
        if (attempt === 1) {
          w.edit(i);
          afterSave = groupRows();
        }
      });
      expect(groupRows()).toEqual(afterSave);
      expect(staleLocations(w.svc, w.documentId)).toEqual([]);
    } finally {
      w.close();
    }
  });

  it('overtaken by a change it cannot merge (a split) three times, the last run computes inside the write lock: the results still match the newest text', async () => {
    const w = await twoWriters();
    try {
      const attempts: number[] = [];
      runDocumentChecks(w.svc.store, immediate(w.svc), w.documentId, now, undefined, (attempt) => {
        attempts.push(attempt);
        const seg = w.other.getSegments({ documentId: w.documentId }).filter((s) => s.text.length > 20)[attempt];
        w.other.splitSegment({ segmentId: seg.id, at: 5 });
      });
      expect(attempts).toEqual([1, 2, 3]);
      expect(staleLocations(w.svc, w.documentId)).toEqual([]);
    } finally {
      w.close();
    }
  });

  it('with no concurrent write the results are written after one computation', async () => {
    const w = await twoWriters();
    try {
      const attempts: number[] = [];
      runDocumentChecks(w.svc.store, immediate(w.svc), w.documentId, now, undefined, (a) => attempts.push(a));
      expect(attempts).toEqual([1]);
      expect(staleLocations(w.svc, w.documentId)).toEqual([]);
    } finally {
      w.close();
    }
  });

  it('a check run by another process during the compute: its rows are not stored twice', async () => {
    const w = await twoWriters();
    try {
      const attempts: number[] = [];
      runDocumentChecks(w.svc.store, immediate(w.svc), w.documentId, now, undefined, (attempt) => {
        attempts.push(attempt);
        if (attempt === 1) w.other.runChecks({ documentId: w.documentId });
      });
      expect(attempts).toEqual([1, 2]);
      const rows = () => w.svc.db.prepare('SELECT count(*) FROM findings WHERE document_id = ?').pluck().get(w.documentId) as number;
      const once = rows();
      w.svc.runChecks({ documentId: w.documentId });
      expect(rows()).toBe(once);
      expect(staleLocations(w.svc, w.documentId)).toEqual([]);
    } finally {
      w.close();
    }
  });

  it('the project check too: an edit during its compute is left to its save, and the run reports itself out of date', async () => {
    const w = await twoWriters();
    try {
      const attempts: number[] = [];
      runProjectChecks(w.svc.store, immediate(w.svc), [w.documentId], now, (attempt) => {
        attempts.push(attempt);
        if (attempt === 1) w.edit(0);
      });
      expect(attempts).toEqual([1]);
      expect(staleLocations(w.svc, w.documentId)).toEqual([]);
      // it saw the text before the edit: out of date until the next run
      expect(w.svc.listFindings({ documentId: w.documentId }).projectCheck?.stale).toBe(true);
      const projectId = w.svc.getDocument({ documentId: w.documentId }).projectId;
      expect(w.svc.checkProject({ projectId }).projectCheck?.stale).toBe(false);
    } finally {
      w.close();
    }
  });

  it('the project check overtaken by a glossary change computes again', async () => {
    const w = await twoWriters();
    try {
      const attempts: number[] = [];
      runProjectChecks(w.svc.store, immediate(w.svc), [w.documentId], now, (attempt) => {
        attempts.push(attempt);
        if (attempt === 1) w.other.saveGlossaryEntry({ documentId: w.documentId, term: '商湯科技' });
      });
      expect(attempts).toEqual([1, 2]);
    } finally {
      w.close();
    }
  });
});

describe('storing only the difference', () => {
  const rowIds = (svc: JiaoduiService, documentId: number) => svc.db.prepare('SELECT id FROM findings WHERE document_id = ? ORDER BY id').pluck().all(documentId) as number[];

  it('a re-run over unchanged text rewrites no row; after an edit the result equals a run from scratch, dismissals kept', async () => {
    const ctx = await freshService();
    try {
      const svc = ctx.service;
      const { documentId } = importSample(svc);
      svc.runChecks({ documentId });
      const before = rowIds(svc, documentId);
      svc.runChecks({ documentId });
      expect(rowIds(svc, documentId)).toEqual(before);

      const [first, second] = svc.listFindings({ documentId }).findings.filter((f) => f.severity !== 'info');
      svc.dismissFinding({ findingId: first.id, reason: 'checked', scope: 'one' });
      const seg = svc.getSegments({ documentId }).find((s) => s.id === second.segmentId)!;
      svc.editSegment({ segmentId: seg.id, text: `（補記）${seg.text}` });
      svc.runChecks({ documentId });
      const diffed = shape(svc, documentId);
      expect(diffed.some((f) => f.dismissed === 'checked')).toBe(true);
      // from scratch: the same findings (a dismissal is kept only on its row, so compare with it carried)
      const dismissed = svc.db.prepare(`SELECT rule, segment_id, start_offset, end_offset, text, dismissed_reason, dismissed_at, dismissed_segment_text FROM findings WHERE dismissed_reason IS NOT NULL`).all();
      svc.db.prepare(`DELETE FROM findings WHERE document_id = ? AND dismissed_reason IS NULL`).run(documentId);
      svc.runChecks({ documentId });
      expect(shape(svc, documentId)).toEqual(diffed);
      expect(svc.db.prepare(`SELECT rule, segment_id, start_offset, end_offset, text, dismissed_reason, dismissed_at, dismissed_segment_text FROM findings WHERE dismissed_reason IS NOT NULL`).all()).toEqual(dismissed);
    } finally {
      ctx.cleanup();
    }
  });
});
