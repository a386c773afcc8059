import { describe, expect, it } from 'vitest';
import { afterClaimWrite, enqueueClaimWrite, newRequestId, pendingFields, pendingMakes, versionToSend, type QueuedClaimWrite, type VersionChain } from './claim-queue';

const status = (claimId: number, s: 'in-progress' | 'ready-for-review' | 'published', version?: number): QueuedClaimWrite => ({ documentId: 1, claimId, version, call: { method: 'updateClaim', fields: { status: s } } });

describe('claim writes waiting for a team server (claim-queue.ts)', () => {
  it('merges updates of one claim (the last value of a field wins) and keeps the version read first', () => {
    let q: QueuedClaimWrite[] = [];
    q = enqueueClaimWrite(q, status(4, 'in-progress', 7));
    q = enqueueClaimWrite(q, { documentId: 1, claimId: 4, version: 7, call: { method: 'updateClaim', fields: { verdict: 'mostly-true' } } });
    q = enqueueClaimWrite(q, status(4, 'ready-for-review', 7));
    expect(q).toEqual([{ documentId: 1, claimId: 4, version: 7, call: { method: 'updateClaim', fields: { status: 'ready-for-review', verdict: 'mostly-true' } } }]);
  });

  it('keeps other writes in order; an evidence item is its own write, with the first version read of its claim', () => {
    let q: QueuedClaimWrite[] = [];
    q = enqueueClaimWrite(q, status(4, 'in-progress', 7));
    q = enqueueClaimWrite(q, { documentId: 1, claimId: 9, version: 2, call: { method: 'removeClaimEvidence', evidenceId: 3 } });
    q = enqueueClaimWrite(q, { documentId: 1, claimId: 4, version: 8, call: { method: 'addClaimEvidence', evidence: { kind: 'note', note: 'call transcript' } } });
    // an update after an evidence write of the same claim is not merged over it (order kept)
    q = enqueueClaimWrite(q, status(4, 'published', 7));
    expect(q.map((w) => [w.claimId, w.call.method, w.version])).toEqual([
      [4, 'updateClaim', 7],
      [9, 'removeClaimEvidence', 2],
      [4, 'addClaimEvidence', 7],
      [4, 'updateClaim', 7],
    ]);
    // a claim read without versions (an older backend): none sent
    expect(enqueueClaimWrite([], status(5, 'published'))).toEqual([status(5, 'published')]);
  });

  it('sends the version read when asked — or, after our own stored write of that claim from the same version, the version it returned', () => {
    const a = status(4, 'in-progress', 7);
    const b: QueuedClaimWrite = { documentId: 1, claimId: 4, version: 7, call: { method: 'addClaimEvidence', evidence: { kind: 'note', note: 'n' } } };
    const other = status(9, 'published', 2);
    let chain: VersionChain = new Map();
    let q = [a, other, b];
    expect(versionToSend(a, chain)).toBe(7);
    ({ queue: q, chain } = afterClaimWrite(q, chain, a, { kind: 'stored', version: 8 }));
    expect(q).toEqual([other, b]);
    // b was asked against 7 too: the only change since is ours, so it goes with 8 (never refused by our own write)
    expect(versionToSend(b, chain)).toBe(8);
    // another claim: its own version
    expect(versionToSend(other, chain)).toBe(2);
    // a write asked against another version than the stored one's base: its own (someone else's change in between is then a conflict)
    expect(versionToSend({ ...b, version: 5 }, chain)).toBe(5);
  });

  it('a refused write leaves the queue (the conflict view or a toast shows it) and continues no chain; unreachable keeps everything', () => {
    const a = status(4, 'in-progress', 7);
    const b = { ...status(4, 'published', 7), call: { method: 'removeClaimEvidence' as const, evidenceId: 1 } };
    const chain: VersionChain = new Map();
    const refused = afterClaimWrite([a, b], chain, a, { kind: 'refused' });
    expect(refused.queue).toEqual([b]);
    expect(versionToSend(b, refused.chain)).toBe(7);
    const away = afterClaimWrite([a, b], chain, a, { kind: 'unreachable' });
    expect(away.queue).toEqual([a, b]);
    expect(away.chain).toBe(chain);
  });

  it('says per claim which fields wait, each once, a span’s edges as the span', () => {
    const q: QueuedClaimWrite[] = [
      { documentId: 1, claimId: 4, version: 7, call: { method: 'updateClaim', fields: { status: 'published', verdict: 'mostly-true' } } },
      { documentId: 1, claimId: 4, version: 7, call: { method: 'addSegmentEvidence', documentId: 2, index: 0, note: '', notFound: 'none' } },
      { documentId: 1, claimId: 4, version: 7, call: { method: 'removeClaimEvidence', evidenceId: 1 } },
      { documentId: 1, claimId: 6, version: 1, call: { method: 'updateClaim', fields: { start: 2, end: 5 } } },
    ];
    expect([...pendingFields(q)]).toEqual([
      [4, ['status', 'verdict', 'evidence']],
      [6, ['span']],
    ]);
    expect(pendingFields([]).size).toBe(0);
  });

  it('keeps claims being made and candidate decisions as requests of their own, in order; a deletion is marked on its claim', () => {
    const make = (requestId: string, segmentId: number): QueuedClaimWrite => ({ documentId: 1, claimId: null, call: { method: 'addClaim', args: { segmentId, start: 0, end: 2, quote: '三成', requestId }, row: segmentId } });
    const a = make('aaaaaaaaaaaaaaaa', 3);
    const b = make('bbbbbbbbbbbbbbbb', 3);
    const rej: QueuedClaimWrite = { documentId: 1, claimId: null, call: { method: 'decideCandidate', reject: true, args: { segmentId: 5, start: 1, end: 3, quote: '兩倍', requestId: 'cccccccccccccccc' }, row: 6 } };
    let q: QueuedClaimWrite[] = [];
    for (const w of [a, status(4, 'in-progress', 7), b, rej]) q = enqueueClaimWrite(q, w);
    // two claims made from one span are two requests (never merged), the update is not merged into a make
    expect(q).toEqual([a, status(4, 'in-progress', 7), b, rej]);
    q = enqueueClaimWrite(q, { documentId: 1, claimId: 4, version: 7, call: { method: 'deleteClaim', requestId: 'dddddddddddddddd' } });
    expect(pendingFields(q)).toEqual(new Map([[4, ['status', 'deleted']]]));
    expect(pendingMakes(q)).toEqual([
      { kind: 'create', documentId: 1, row: 3, quote: '三成', requestId: 'aaaaaaaaaaaaaaaa' },
      { kind: 'create', documentId: 1, row: 3, quote: '三成', requestId: 'bbbbbbbbbbbbbbbb' },
      { kind: 'reject', documentId: 1, row: 6, quote: '兩倍', requestId: 'cccccccccccccccc' },
    ]);
    // stored: it leaves the queue and chains nothing (no claim version to carry on)
    const after = afterClaimWrite(q, new Map(), a, { kind: 'stored' });
    expect(after.queue).not.toContain(a);
    expect(after.chain.size).toBe(0);
  });

  it('draws request ids of 32 hex digits from the random source', () => {
    expect(newRequestId((a) => a.fill(171))).toBe('ab'.repeat(16));
    expect(newRequestId()).toMatch(/^[0-9a-f]{32}$/);
    expect(newRequestId()).not.toBe(newRequestId());
  });
});
