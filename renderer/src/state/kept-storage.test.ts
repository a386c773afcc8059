import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo } from '../../../shared/contract/remote';
import { createClaimStore } from './claim-store';
import { keepAcrossReloads, type KeptReview, type KeptStorage } from './kept-storage';
import { keptWritesKey, serializeKeptWrites, type KeptWrites } from './kept-writes';
import { draftRestoreIndex, parseKeptDraft } from './session';
import type { KeptSave, QueuedStatus } from './status-queue';
import type { EditState } from './useReview';

const connection: ConnectionInfo = { id: 'c-0123456789abcdef', origin: 'https://team.example', account: { name: 'Lin', role: 'lead' }, connectedAt: '2026-01-01T00:00:00Z' };
const KEY = keptWritesKey('https://team.example', 'Lin');

/** A Storage over a Map; `fail` makes its writes (or reads) throw as a full or disabled storage does. */
function memoryStorage(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  const s = {
    m,
    fail: null as null | 'write' | 'all',
    getItem: (k: string) => {
      if (s.fail === 'all') throw new Error('storage disabled');
      return m.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      if (s.fail) throw new Error('quota exceeded');
      m.set(k, v);
    },
    removeItem: (k: string) => {
      if (s.fail) throw new Error('quota exceeded');
      m.delete(k);
    },
  };
  return s satisfies KeptStorage;
}

/** useReview's side: the queue and kept save refs, the view, and restoreKeptDraft/saveEdit as the hook does them. */
function fakeReview(storage: KeptStorage, view: { doc: { id: number } | null; segments: { id: number; text: string }[] } = { doc: null, segments: [] }) {
  const r = {
    kept: {
      statuses: { current: [] as QueuedStatus[] },
      save: { current: null as KeptSave | null },
      live: { current: { ...view, editing: null as EditState | null } },
    },
    saves: [] as { retry?: boolean; save: KeptSave | null; editing: EditState | null }[],
    opened: [] as number[],
    restoreKeptDraft: () => {
      const key = `jiaodui.keptDraft@${connection.id}`;
      const kept = parseKeptDraft(storage.getItem(key));
      const live = r.kept.live.current;
      const index = draftRestoreIndex(kept, live.doc?.id ?? null, live.segments);
      if (!kept || index === null) return null;
      storage.removeItem(key);
      r.kept.live.current = { ...live, editing: { segmentId: kept.segmentId, draft: kept.text, version: kept.version } };
      return index + 1;
    },
    saveEdit: (opts: { retry?: boolean }) => {
      r.saves.push({ ...opts, save: r.kept.save.current, editing: r.kept.live.current.editing });
      return Promise.resolve(false);
    },
    openDocument: (id: number) => {
      r.opened.push(id);
      return Promise.resolve();
    },
  };
  return r satisfies KeptReview;
}

const stored: KeptWrites = {
  statuses: [{ segmentId: 11, status: 'approved', version: 4 }],
  claims: [{ documentId: 2, claimId: 5, version: 3, call: { method: 'updateClaim', fields: { status: 'in-progress' } } }],
  save: null,
};

beforeEach(() => {
  vi.stubGlobal('window', { addEventListener: vi.fn(), removeEventListener: vi.fn() });
  vi.stubGlobal('navigator', { language: 'en-GB' });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('kept writes survive a reload (kept-storage.ts)', () => {
  it('puts back what an earlier session stored, says so, retries it, and clears the entry once it is sent', () => {
    const storage = memoryStorage({ [KEY]: serializeKeptWrites(stored)! });
    const review = fakeReview(storage);
    const claims = createClaimStore();
    const notify = vi.fn();
    const retry = vi.fn();
    const sync = keepAcrossReloads(connection, review, claims, notify, retry, storage);
    expect(review.kept.statuses.current).toEqual(stored.statuses);
    expect(claims.get()).toEqual(stored.claims);
    expect(notify).toHaveBeenCalledWith(expect.stringContaining('Not sent yet, kept from an earlier session: 2 changes'));
    expect(retry).toHaveBeenCalledTimes(1);
    // the status is sent (the retry empties its queue): the entry keeps only the claim edit
    review.kept.statuses.current = [];
    sync();
    expect(JSON.parse(storage.m.get(KEY)!)).toMatchObject({ statuses: [], claims: stored.claims });
    // the claim edit is answered too: nothing is left stored
    claims.set([]);
    expect(storage.m.has(KEY)).toBe(false);
  });

  it('says one change in the singular', () => {
    const storage = memoryStorage({ [KEY]: serializeKeptWrites({ ...stored, claims: [] })! });
    const notify = vi.fn();
    keepAcrossReloads(connection, fakeReview(storage), createClaimStore(), notify, vi.fn(), storage);
    expect(notify).toHaveBeenCalledWith(expect.stringContaining('1 change waits for the team server'));
  });

  it('stores a write when it is kept, in the language the window shows', () => {
    const storage = memoryStorage({ 'jiaodui.locale': 'zh-Hant' });
    const review = fakeReview(storage);
    const notify = vi.fn();
    const retry = vi.fn();
    const sync = keepAcrossReloads(connection, review, createClaimStore(), notify, retry, storage);
    expect(notify).not.toHaveBeenCalled();
    expect(retry).not.toHaveBeenCalled();
    expect(storage.m.has(KEY)).toBe(false);
    review.kept.statuses.current = [{ segmentId: 3, status: 'unreviewed', version: 8 }];
    sync();
    expect(JSON.parse(storage.m.get(KEY)!)).toEqual({ v: 1, statuses: [{ segmentId: 3, status: 'unreviewed', version: 8 }], claims: [], save: null });
    storage.fail = 'write';
    review.kept.statuses.current = [];
    sync();
    sync();
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0][0]).toMatch(/^無法在這個瀏覽器中儲存/);
  });

  it('leaving the page: stored once more, then left as it is (calls cut off by the reload are not answers)', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const review = fakeReview(storage);
    const claims = createClaimStore();
    const sync = keepAcrossReloads(connection, review, claims, vi.fn(), vi.fn(), storage);
    claims.set(stored.claims);
    review.kept.statuses.current = stored.statuses;
    const leave = (window.addEventListener as ReturnType<typeof vi.fn>).mock.calls.find(([type]) => type === 'beforeunload')![1] as () => void;
    leave();
    expect(JSON.parse(storage.m.get(KEY)!)).toMatchObject({ statuses: stored.statuses, claims: stored.claims });
    // the retry's call is cut off and counted as refused: the entry keeps the write
    claims.set([]);
    review.kept.statuses.current = [];
    sync();
    expect(JSON.parse(storage.m.get(KEY)!)).toMatchObject({ statuses: stored.statuses, claims: stored.claims });
    // the page stayed (a download): stored again
    vi.advanceTimersByTime(3000);
    sync();
    expect(storage.m.has(KEY)).toBe(false);
    vi.useRealTimers();
  });

  it('storage full: says so once and keeps working in memory', () => {
    const storage = memoryStorage();
    storage.fail = 'write';
    const review = fakeReview(storage);
    const claims = createClaimStore();
    const notify = vi.fn();
    const sync = keepAcrossReloads(connection, review, claims, notify, vi.fn(), storage);
    review.kept.statuses.current = [{ segmentId: 3, status: 'approved', version: 1 }];
    sync();
    claims.set(stored.claims);
    sync();
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0][0]).toMatch(/cannot be stored in this browser \(quota exceeded\): they wait in this window only/);
    expect(review.kept.statuses.current).toHaveLength(1);
    expect(claims.get()).toEqual(stored.claims);
    // room again: what waits is stored
    storage.fail = null;
    sync();
    expect(JSON.parse(storage.m.get(KEY)!)).toMatchObject({ statuses: [{ segmentId: 3 }], claims: stored.claims });
  });

  it('storage unavailable: says so once, never throws', () => {
    const storage = memoryStorage();
    storage.fail = 'all';
    const notify = vi.fn();
    const review = fakeReview(storage);
    const sync = keepAcrossReloads(connection, review, createClaimStore(), notify, vi.fn(), storage);
    review.kept.statuses.current = [{ segmentId: 3, status: 'approved', version: 1 }];
    expect(() => sync()).not.toThrow();
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('an entry that does not parse is ignored with a warning, kept aside when replaced; other servers\' and reviewers\' entries are left alone', () => {
    const other = keptWritesKey('https://team.example', 'Mei');
    const elsewhere = keptWritesKey('https://other.example', 'Lin');
    const storage = memoryStorage({ [KEY]: '{"v":9,"statuses":[]}', [other]: serializeKeptWrites(stored)!, [elsewhere]: 'whatever' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const review = fakeReview(storage);
    const claims = createClaimStore();
    const retry = vi.fn();
    const sync = keepAcrossReloads(connection, review, claims, vi.fn(), retry, storage);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ignored: format version 9/));
    expect(review.kept.statuses.current).toEqual([]);
    expect(claims.get()).toEqual([]);
    expect(retry).not.toHaveBeenCalled();
    sync();
    expect(storage.m.get(KEY)).toBe('{"v":9,"statuses":[]}');
    review.kept.statuses.current = [{ segmentId: 3, status: 'approved', version: 1 }];
    sync();
    expect(storage.m.get(`${KEY}~unreadable`)).toBe('{"v":9,"statuses":[]}');
    expect(JSON.parse(storage.m.get(KEY)!)).toMatchObject({ v: 1 });
    expect(storage.m.get(other)).toBe(serializeKeptWrites(stored));
    expect(storage.m.get(elsewhere)).toBe('whatever');
  });

  it('a kept save comes back in its editor once its document is open, and is retried with the approval and versions read before', () => {
    const save = { documentId: 2, segmentId: 13, row: 2, text: '改過的句子', version: 9, approve: true, statusVersion: 2 };
    const storage = memoryStorage({ [KEY]: serializeKeptWrites({ statuses: stored.statuses, claims: [], save })! });
    const review = fakeReview(storage);
    const sync = keepAcrossReloads(connection, review, createClaimStore(), vi.fn(), vi.fn(), storage);
    // no document yet (the start failed while the server was away): still stored, nothing opened until the server answers
    sync();
    expect(review.saves).toEqual([]);
    expect(review.opened).toEqual([]);
    // the status is sent: the save not yet back in its editor stays stored
    review.kept.statuses.current = [];
    sync();
    expect(JSON.parse(storage.m.get(KEY)!)).toEqual({ v: 1, statuses: [], claims: [], save });
    sync(true);
    expect(review.opened).toEqual([2]);
    // the document is open
    review.kept.live.current = { doc: { id: 2 }, segments: [{ id: 12, text: 'a' }, { id: 13, text: '原句' }], editing: null };
    sync();
    expect(review.saves).toEqual([{ retry: true, save: { segmentId: 13, approve: true, statusVersion: 2 }, editing: { segmentId: 13, draft: '改過的句子', version: 9 } }]);
    // kept again (still away): stored with the text as edited since
    review.kept.live.current = { ...review.kept.live.current, editing: { segmentId: 13, draft: '改過的句子。', version: 9 } };
    sync();
    expect(JSON.parse(storage.m.get(KEY)!).save).toEqual({ ...save, text: '改過的句子。' });
    // saved: the editor closes, nothing waits
    review.kept.save.current = null;
    review.kept.live.current = { ...review.kept.live.current, editing: null };
    sync();
    expect(storage.m.has(KEY)).toBe(false);
  });
});
