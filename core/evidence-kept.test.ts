/**
 * Where a document's evidence for segment re-checks comes from (core/checks.ts): a full check run
 * leaves it at the texts it read, so the next save brings it up to date instead of building it;
 * a first save with none kept builds it before asking for the write lock; either way the re-check
 * inside the lock reads the texts as they are then (revisions since, another connection's edits).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { freshService, importSample } from './test-helpers';
import { openService } from './context';
import { keptDocumentEvidence, keptEvidenceState, prepareEvidence } from './checks';
import type { JiaoduiService } from './service';

/** Every stored finding row of one segment, as a comparable line (ids left out), sorted. */
function rowsOf(service: JiaoduiService, segmentId: number): string[] {
  return service.store
    .segmentFindings(segmentId)
    .map((r) => [r.rule, r.start, r.end, r.text, r.severity, r.scope, r.group, r.message, JSON.stringify(r.fixes)].join('|'))
    .sort();
}

describe('a document’s kept evidence', () => {
  it('is left by a full check run at the texts it read, and a save brings that one up to date', async () => {
    const ctx = await freshService();
    try {
      const s = ctx.service;
      const { documentId } = importSample(s);
      expect(keptDocumentEvidence(s.store, documentId)).toBeUndefined();
      s.runChecks({ documentId });
      // left to build from the run's analyses at its first use, not built in the run
      expect(keptEvidenceState(s.store, documentId)).toBe('left to build');
      const kept = keptDocumentEvidence(s.store, documentId);
      expect(keptEvidenceState(s.store, documentId)).toBe('built');
      expect(kept?.revision).toBe(s.store.newestRevision());
      // a re-run over the same texts keeps the same evidence
      s.runChecks({ documentId });
      expect(keptDocumentEvidence(s.store, documentId)?.evidence).toBe(kept!.evidence);
      const seg = s.getSegments({ documentId }).find((x) => x.text.includes('王震'))!;
      s.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王徵') });
      const after = keptDocumentEvidence(s.store, documentId)!;
      expect(after.evidence).toBe(kept!.evidence);
      expect(after.evidence.textOf(seg.id)).toBe(seg.text.replace('王震', '王徵'));
      // what the save's re-check stored is what a full run stores there
      const saved = rowsOf(s, seg.id);
      s.runChecks({ documentId });
      expect(rowsOf(s, seg.id)).toEqual(saved);
    } finally {
      ctx.cleanup();
    }
  });

  it('left to build by a run, is built before a save asks for the write lock, from the run’s analyses', async () => {
    const ctx = await freshService();
    try {
      const s = ctx.service;
      const { documentId } = importSample(s);
      s.runChecks({ documentId });
      const seg = s.getSegments({ documentId }).find((x) => x.text.includes('王震'))!;
      expect(keptEvidenceState(s.store, documentId)).toBe('left to build');
      prepareEvidence(s.store, { id: seg.id, documentId, furniture: null });
      expect(keptEvidenceState(s.store, documentId)).toBe('built');
      const built = keptDocumentEvidence(s.store, documentId)!;
      expect(built.revision).toBe(s.store.newestRevision());
      // the save's re-check uses it, brought up to date, and stores what a full run stores there
      s.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王徵') });
      expect(keptDocumentEvidence(s.store, documentId)!.evidence).toBe(built.evidence);
      const saved = rowsOf(s, seg.id);
      s.runChecks({ documentId });
      expect(rowsOf(s, seg.id)).toEqual(saved);
    } finally {
      ctx.cleanup();
    }
  });

  it('is built by a first save before it asks for the write lock (a save refused as busy has built it), and read up to date inside the lock', async () => {
    const ctx = await freshService();
    try {
      const { documentId } = importSample(ctx.service);
      // checked by another process (its findings stored, a document-wide group's count among them): none kept here
      ctx.service.runChecks({ documentId });
      ctx.service.db.close();
      const app = await openService(ctx.dbPath, { busyTimeoutMs: 100 });
      expect(keptDocumentEvidence(app.store, documentId)).toBeUndefined();
      const segs = app.getSegments({ documentId });
      const seg = segs.find((x) => x.text.includes('王震'))!;
      const other = new Database(ctx.dbPath);
      other.pragma('busy_timeout = 100');
      other.exec('BEGIN IMMEDIATE');
      expect(() => app.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王徵') })).toThrow(expect.objectContaining({ code: 'db-busy' }));
      other.exec('ROLLBACK');
      other.close();
      const built = keptDocumentEvidence(app.store, documentId);
      expect(built?.revision).toBe(app.store.newestRevision());
      // another connection changes the document after the evidence was built: a name introduced with its title elsewhere
      const second = await openService(ctx.dbPath);
      const elsewhere = segs.find((x) => x.id !== seg.id && !x.furniture && x.text.length > 20 && !x.text.includes('王'))!;
      second.editSegment({ segmentId: elsewhere.id, text: `董事長王徵表示，${elsewhere.text}` });
      second.db.close();
      app.editSegment({ segmentId: seg.id, text: seg.text.replace('王震', '王徵') });
      const now = keptDocumentEvidence(app.store, documentId)!;
      expect(now.evidence).toBe(built!.evidence);
      expect(now.evidence.textOf(elsewhere.id)).toBe(`董事長王徵表示，${elsewhere.text}`);
      // the save's re-check read the other connection's edit: its findings are a full run's
      const saved = rowsOf(app, seg.id);
      app.runChecks({ documentId });
      expect(rowsOf(app, seg.id)).toEqual(saved);
      app.db.close();
    } finally {
      ctx.cleanup();
    }
  });
});
