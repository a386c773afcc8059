import { describe, expect, it } from 'vitest';
import type { QueuedClaimWrite } from './claim-queue';
import { keptCount, keptWritesKey, keptWritesNow, mergeKeptWrites, NO_KEPT_WRITES, parseKeptWrites, serializeKeptWrites, type KeptWrites } from './kept-writes';

const claim = (claimId: number, fields: Record<string, string>, version = 3): QueuedClaimWrite => ({ documentId: 2, claimId, version, call: { method: 'updateClaim', fields } });
const writes: KeptWrites = {
  statuses: [
    { segmentId: 11, status: 'approved', version: 4 },
    { segmentId: 12, status: 'unreviewed', version: null },
  ],
  claims: [claim(5, { status: 'in-progress' }), { documentId: 2, claimId: 6, call: { method: 'addSegmentEvidence', documentId: 2, index: 0, note: 'n', notFound: 'gone' } }],
  save: { documentId: 2, segmentId: 13, row: 4, text: '改過的句子', version: 9, approve: true, statusVersion: 2 },
};

describe('kept writes stored across a reload (kept-writes.ts)', () => {
  it('is keyed per team server and reviewer', () => {
    expect(keptWritesKey('https://a.example', 'Lin')).toBe('jiaodui.keptWrites@https://a.example#Lin');
    expect(keptWritesKey('https://a.example', 'Lin')).not.toBe(keptWritesKey('https://b.example', 'Lin'));
    expect(keptWritesKey('https://a.example', 'Lin')).not.toBe(keptWritesKey('https://a.example', 'Mei'));
    // a name cannot forge another server's key
    expect(keptWritesKey('https://a.example', 'x#y@z')).toBe('jiaodui.keptWrites@https://a.example#x%23y%40z');
  });

  it('reads back what it stored, versions included (null and absent kept apart)', () => {
    const raw = serializeKeptWrites(writes)!;
    expect(JSON.parse(raw)).toMatchObject({ v: 1 });
    expect(parseKeptWrites(raw)).toEqual({ kind: 'ok', writes });
    const noVersion: KeptWrites = { ...NO_KEPT_WRITES, statuses: [{ segmentId: 1, status: 'edited' }] };
    expect(parseKeptWrites(serializeKeptWrites(noVersion))).toEqual({ kind: 'ok', writes: noVersion });
  });

  it('stores nothing when nothing waits (the entry is removed)', () => {
    expect(serializeKeptWrites(NO_KEPT_WRITES)).toBeNull();
    expect(parseKeptWrites(null)).toEqual({ kind: 'none' });
    expect(keptCount(writes)).toBe(5);
  });

  it('ignores another format version or a corrupt entry, whole, saying why', () => {
    const raw = JSON.parse(serializeKeptWrites(writes)!) as Record<string, unknown>;
    const unreadable = (x: unknown) => parseKeptWrites(typeof x === 'string' ? x : JSON.stringify(x)).kind;
    expect(unreadable('{not json')).toBe('unreadable');
    expect(unreadable([1, 2])).toBe('unreadable');
    expect(unreadable({ ...raw, v: 2 })).toBe('unreadable');
    expect(unreadable({ ...raw, v: undefined })).toBe('unreadable');
    expect(unreadable({ ...raw, statuses: [{ segmentId: 1, status: 'done' }] })).toBe('unreadable');
    expect(unreadable({ ...raw, statuses: [{ segmentId: -1, status: 'approved' }] })).toBe('unreadable');
    expect(unreadable({ ...raw, claims: [{ documentId: 2, claimId: 5, call: { method: 'deleteClaim' } }] })).toBe('unreadable');
    expect(unreadable({ ...raw, claims: [{ documentId: 2, claimId: 5, version: '3', call: { method: 'updateClaim', fields: {} } }] })).toBe('unreadable');
    expect(unreadable({ ...raw, save: { ...writes.save, text: 7 } })).toBe('unreadable');
    expect(unreadable({ ...raw, save: { ...writes.save, approve: 'yes' } })).toBe('unreadable');
    const r = parseKeptWrites(JSON.stringify({ ...raw, v: 2 }));
    expect(r.kind === 'unreadable' && r.reason).toMatch(/format version 2/);
  });

  it('puts the stored writes first and the window\'s after them, by the queues\' rules', () => {
    const current: KeptWrites = {
      statuses: [{ segmentId: 11, status: 'unreviewed', version: 7 }, { segmentId: 20, status: 'approved', version: 1 }],
      claims: [claim(5, { verdict: 'mostly-true' }, 8), writes.claims[1]],
      save: null,
    };
    const merged = mergeKeptWrites(writes, current);
    // the later status of segment 11 wins, with the version read first (before the reload)
    expect(merged.statuses).toEqual([{ segmentId: 12, status: 'unreviewed', version: null }, { segmentId: 11, status: 'unreviewed', version: 4 }, { segmentId: 20, status: 'approved', version: 1 }]);
    // the claim's updates merge into the stored one, keeping its version; a write in both is not added twice
    expect(merged.claims).toEqual([{ ...claim(5, { status: 'in-progress', verdict: 'mostly-true' }) }, writes.claims[1]]);
    expect(merged.save).toEqual(writes.save);
    const own = { documentId: 2, segmentId: 30, row: 1, text: 'x', version: 1, approve: false };
    expect(mergeKeptWrites(writes, { ...current, save: own }).save).toBe(own);
  });

  it('keeps a save with the text in its editor, and none once the editor is elsewhere or unchanged', () => {
    const view = { doc: { id: 2 }, segments: [{ id: 12, text: 'a' }, { id: 13, text: '原句' }], editing: { segmentId: 13, draft: '改過的句子', version: 9 } };
    const kept = keptWritesNow([], [], { segmentId: 13, approve: true, statusVersion: 2 }, view);
    expect(kept.save).toEqual(writes.save ? { ...writes.save, row: 2 } : null);
    expect(keptWritesNow([], [], { segmentId: 13, approve: false }, view).save).toEqual({ documentId: 2, segmentId: 13, row: 2, text: '改過的句子', version: 9, approve: false });
    expect(keptWritesNow([], [], { segmentId: 12, approve: true }, view).save).toBeNull();
    expect(keptWritesNow([], [], { segmentId: 13, approve: true }, { ...view, editing: { segmentId: 13, draft: '原句', version: 9 } }).save).toBeNull();
    expect(keptWritesNow([], [], null, view).save).toBeNull();
  });

  it('reads back claims being made, candidate decisions and deletions with their request ids; refuses them without one', () => {
    const rid = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const make: QueuedClaimWrite = { documentId: 2, claimId: null, call: { method: 'addClaim', args: { segmentId: 12, start: 1, end: 4, in: 'text', quote: '營收成', requestId: rid }, row: 3 } };
    const whole: QueuedClaimWrite = { documentId: 2, claimId: null, call: { method: 'addClaim', args: { segmentId: 13, quote: '全句', requestId: `${rid}x` }, row: 4 } };
    const reject: QueuedClaimWrite = { documentId: 2, claimId: null, call: { method: 'decideCandidate', reject: true, args: { segmentId: 12, start: 0, end: 6, quote: '營收成長三成', requestId: `${rid}y` }, row: 3 } };
    const del: QueuedClaimWrite = { documentId: 2, claimId: 5, version: 4, call: { method: 'deleteClaim', requestId: `${rid}z` } };
    const k: KeptWrites = { statuses: [], claims: [make, whole, reject, del], save: null };
    expect(parseKeptWrites(serializeKeptWrites(k))).toEqual({ kind: 'ok', writes: k });
    const bad = (c: unknown) => parseKeptWrites(JSON.stringify({ v: 1, statuses: [], claims: [c], save: null })).kind;
    // no request id, a short one, a claim id on a claim being made, none on a deletion, a decision without offsets
    expect(bad({ ...make, call: { ...make.call, args: { segmentId: 12, start: 1, end: 4, quote: 'x' } } })).toBe('unreadable');
    expect(bad({ ...del, call: { method: 'deleteClaim', requestId: 'short' } })).toBe('unreadable');
    expect(bad({ ...make, claimId: 7 })).toBe('unreadable');
    expect(bad({ ...del, claimId: null })).toBe('unreadable');
    expect(bad({ ...reject, call: { ...reject.call, args: { segmentId: 12, quote: 'x', requestId: rid } } })).toBe('unreadable');
    // merged after a reload: the same request (same id) is not kept twice
    expect(mergeKeptWrites(k, { statuses: [], claims: [make], save: null }).claims).toEqual(k.claims);
  });
});
