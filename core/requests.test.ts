/**
 * Request ids (shared/contract/request-id.ts, core/requests.ts): a claim write kept while a team
 * server was away may be delivered twice (the first try stored, its answer lost); the id makes the
 * second delivery answer with the first answer instead of writing again — per caller, in the
 * write's own transaction, across processes. And the versions/quotes those writes carry: a
 * deletion of a claim changed since is refused with the fields (action 'delete'); a span someone
 * changed since is refused rather than claimed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openService } from './context';
import { freshService, importSample, type FreshService } from './test-helpers';
import type { JiaoduiService } from './service';
import { accountCaller } from '../shared/contract/caller';
import { dispatch } from '../shared/contract/dispatch';
import { recordConflictOf } from '../shared/contract/conflict';
import { JiaoduiError } from '../shared/errors';

const ann = accountCaller('window', 'w1', { name: 'Ann', role: 'reviewer' });
const annAgain = accountCaller('window', 'w2-after-reload', { name: 'ann', role: 'reviewer' });
const bo = accountCaller('window', 'w3', { name: 'Bo', role: 'lead' });

let fx: FreshService;
let app: JiaoduiService;
let documentId: number;

beforeEach(async () => {
  fx = await freshService();
  documentId = importSample(fx.service).documentId;
  app = fx.service;
});
afterEach(() => fx.cleanup());

/** a segment with some text, and a span of it */
function span() {
  const s = app.getSegments({ documentId }).find((x) => x.text.length > 8)!;
  return { segmentId: s.id, start: 2, end: 6, quote: s.text.slice(2, 6), text: s.text };
}
const claimCount = () => app.listClaims({ documentId, includeDiscarded: true }).length;
const operations = () => app.undoState({ projectId: app.getDocument({ documentId }).projectId }, ann);

describe('request ids', () => {
  it('a create delivered twice with one id makes one claim and answers the first answer', () => {
    const { segmentId, start, end, quote } = span();
    const requestId = randomUUID();
    const first = app.addClaim({ segmentId, start, end, quote, requestId }, ann);
    const undoAfterFirst = operations();
    const second = app.addClaim({ segmentId, start, end, quote, requestId }, annAgain);
    expect(second.id).toBe(first.id);
    expect(claimCount()).toBe(1);
    // nothing written the second time: no second operation, no second history entry
    expect(operations()).toEqual(undoAfterFirst);
    expect(app.claimHistory({ claimId: first.id }).filter((h) => h.field === 'created')).toHaveLength(1);
    // without an id, the same request makes a second claim (what the id prevents)
    app.addClaim({ segmentId, start, end, quote }, ann);
    expect(claimCount()).toBe(2);
  });

  it('ids are per caller: another account with the same id makes its own claim', () => {
    const { segmentId, start, end } = span();
    const requestId = randomUUID();
    const a = app.addClaim({ segmentId, start, end, requestId }, ann);
    const b = app.addClaim({ segmentId, start, end, requestId }, bo);
    expect(b.id).not.toBe(a.id);
    expect(claimCount()).toBe(2);
  });

  it('an id used for another request is refused, nothing written', () => {
    const { segmentId, start, end } = span();
    const requestId = randomUUID();
    app.addClaim({ segmentId, start, end, requestId }, ann);
    const e = (() => {
      try {
        app.addClaim({ segmentId, start: start + 1, end, requestId }, ann);
      } catch (err) {
        return err as JiaoduiError;
      }
    })();
    expect(e?.code).toBe('invalid-input');
    expect(e?.message).toMatch(/already used for another request/);
    expect(claimCount()).toBe(1);
  });

  it('a refused write stores no id: the same id is judged again later', () => {
    const { segmentId, start, end } = span();
    const requestId = randomUUID();
    expect(() => app.addClaim({ segmentId, start, end, quote: 'not what is there', requestId }, ann)).toThrow(/was changed since you read it/);
    expect(claimCount()).toBe(0);
    const { quote } = span();
    expect(app.addClaim({ segmentId, start, end, quote, requestId }, ann).id).toBeGreaterThan(0);
  });

  it('delete, reject and restore delivered twice are answered once', () => {
    const { segmentId, start, end } = span();
    const c = app.addClaim({ segmentId, start, end }, ann);
    const del = randomUUID();
    const r1 = app.deleteClaim({ claimId: c.id, version: c.version, requestId: del }, ann);
    // the second delivery: the claim is deleted already, yet the answer is the first one, not "no claim"
    const r2 = app.deleteClaim({ claimId: c.id, version: c.version, requestId: del }, ann);
    expect(r2).toEqual(r1);
    expect(() => app.deleteClaim({ claimId: c.id }, ann)).toThrow();
    const cand = app.listClaimCandidates({ documentId })[0];
    const rej = randomUUID();
    const a = app.rejectClaimCandidate({ segmentId: cand.segmentId, start: cand.start, end: cand.end, requestId: rej }, ann);
    // restored meanwhile by someone else: a late second delivery of the rejection does not reject again
    app.restoreClaimCandidate({ segmentId: cand.segmentId, start: cand.start, end: cand.end }, bo);
    const b = app.rejectClaimCandidate({ segmentId: cand.segmentId, start: cand.start, end: cand.end, requestId: rej }, ann);
    expect(b).toEqual(a);
    expect(app.listClaimCandidates({ documentId }).some((x) => x.segmentId === cand.segmentId && x.start === cand.start)).toBe(true);
  });

  it('two processes delivering one request at once store it once', async () => {
    const other = await openService(fx.dbPath);
    try {
      const { segmentId, start, end } = span();
      const requestId = randomUUID();
      // the other process commits between this one's look outside the lock and its write
      const store = app.store as { findRequestId: (...a: unknown[]) => unknown };
      const look = store.findRequestId.bind(store);
      let n = 0;
      store.findRequestId = (...a: unknown[]) => {
        const r = look(...(a as [string, string]));
        if (n++ === 0) other.addClaim({ segmentId, start, end, requestId }, ann);
        return r;
      };
      const mine = app.addClaim({ segmentId, start, end, requestId }, ann);
      // looked outside the lock (the other committed then) and again under it, which found the other's
      expect(n).toBe(2);
      expect(claimCount()).toBe(1);
      expect(mine.id).toBe(app.listClaims({ documentId })[0].id);
    } finally {
      other.db.close();
    }
  });

  it('a malformed id is refused by the contract', () => {
    const { segmentId, start, end } = span();
    expect(() => dispatch(app, 'addClaim', { segmentId, start, end, requestId: 'short' })).toThrow(/request id is 16–64 characters/);
    expect(claimCount()).toBe(0);
  });
});

describe('what kept writes carry', () => {
  it('a deletion of a claim changed since is refused with the changed fields; unchanged, it goes through', () => {
    const { segmentId, start, end } = span();
    const c = app.addClaim({ segmentId, start, end }, ann);
    app.updateClaim({ claimId: c.id, notes: 'source found', version: c.version }, bo);
    let err: unknown;
    try {
      app.deleteClaim({ claimId: c.id, version: c.version }, ann);
    } catch (e) {
      err = e;
    }
    const d = recordConflictOf(err);
    expect(d).toMatchObject({ record: 'claim', id: c.id, action: 'delete', theirsAuthor: 'Bo' });
    expect(d!.fields).toEqual([expect.objectContaining({ field: 'notes', base: '', theirs: 'source found', conflicting: true })]);
    expect(app.listClaims({ documentId }).map((x) => x.id)).toContain(c.id);
    // against their version (the conflict view's keep mine), it is deleted
    app.deleteClaim({ claimId: c.id, version: d!.theirsVersion }, ann);
    expect(app.listClaims({ documentId })).toHaveLength(0);
  });

  it('a span changed since is refused (create and reject); the same text there is fine', () => {
    const s = span();
    const seg = app.getSegments({ documentId }).find((x) => x.id === s.segmentId)!;
    app.editSegment({ segmentId: s.segmentId, text: `前言${seg.text}` }, bo);
    expect(() => app.addClaim({ segmentId: s.segmentId, start: s.start, end: s.end, quote: s.quote }, ann)).toThrow(/Row \d+ was changed since you read it/);
    expect(() => app.rejectClaimCandidate({ segmentId: s.segmentId, start: s.start, end: s.end, quote: s.quote }, ann)).toThrow(/Select the span again/);
    expect(claimCount()).toBe(0);
    const now = `前言${seg.text}`;
    expect(app.addClaim({ segmentId: s.segmentId, start: s.start + 2, end: s.end + 2, quote: now.slice(s.start + 2, s.end + 2) }, ann).text).toBe(s.quote.trim());
  });
});
