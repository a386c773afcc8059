import { describe, expect, it } from 'vitest';
import { matchesPrefix, QueryClient } from './query-cache';

const tick = () => new Promise((r) => setTimeout(r, 0));

function counter(values: unknown[]) {
  let calls = 0;
  return { fetch: async () => values[Math.min(calls++, values.length - 1)], calls: () => calls };
}

describe('query cache', () => {
  it('fetches once when observed, shares the result, refetches only when invalidated', async () => {
    const q = new QueryClient();
    const f = counter(['a', 'b']);
    const stop1 = q.observe(['doc', 1, 'findings'], f.fetch);
    const stop2 = q.observe(['doc', 1, 'findings'], f.fetch);
    await tick();
    expect(f.calls()).toBe(1);
    expect(q.getQueryData(['doc', 1, 'findings'])).toBe('a');
    await q.invalidateQueries({ queryKey: ['doc', 1] });
    expect(f.calls()).toBe(2);
    expect(q.getQueryData(['doc', 1, 'findings'])).toBe('b');
    stop1();
    stop2();
  });

  it('invalidates by prefix only: another document, another family untouched', async () => {
    const q = new QueryClient();
    const mine = counter([1, 2]);
    const other = counter([1, 2]);
    const seg = counter([1, 2]);
    q.observe(['doc', 1, 'claims'], mine.fetch);
    q.observe(['doc', 2, 'claims'], other.fetch);
    q.observe(['segment', 1, 'history'], seg.fetch);
    await tick();
    await q.invalidateQueries({ queryKey: ['doc', 1] });
    expect([mine.calls(), other.calls(), seg.calls()]).toEqual([2, 1, 1]);
    await q.invalidateQueries({ queryKey: [] }); // everything (a resync)
    expect([mine.calls(), other.calls(), seg.calls()]).toEqual([3, 2, 2]);
  });

  it('an unobserved query invalidated is refetched when shown again, not before', async () => {
    const q = new QueryClient();
    const f = counter(['a', 'b']);
    q.observe(['labels'], f.fetch)();
    await tick();
    await q.invalidateQueries({ queryKey: ['labels'] });
    expect(f.calls()).toBe(1);
    q.observe(['labels'], f.fetch);
    await tick();
    expect(f.calls()).toBe(2);
    expect(q.getQueryData(['labels'])).toBe('b');
  });

  it('setQueryData wins over a fetch still under way; listeners hear every change', async () => {
    const q = new QueryClient();
    let release: (v: string) => void = () => {};
    const heard: unknown[] = [];
    q.subscribe(['undo'], () => heard.push(q.snapshot(['undo']).data));
    q.observe(['undo'], () => new Promise<string>((r) => (release = r)));
    q.setQueryData(['undo'], 'from the write');
    release('old fetch');
    await tick();
    expect(q.getQueryData(['undo'])).toBe('from the write');
    expect(heard).toContain('from the write');
    q.setQueryData<string[]>(['list'], ['a']);
    q.setQueryData<string[]>(['list'], (old) => [...(old ?? []), 'b']);
    expect(q.getQueryData(['list'])).toEqual(['a', 'b']);
  });

  it('setQueryDataSince: an answer asked for before a fetch began does not drop that fetch; it is refetched', async () => {
    const q = new QueryClient();
    const answers = ['before the run', 'after the fix', 'after the answer'];
    const pending: ((v: string) => void)[] = [];
    let calls = 0;
    q.observe(['findings'], () => new Promise<string>((r) => pending.push(() => r(answers[calls++]))));
    pending.shift()!('');
    await tick();
    expect(q.getQueryData(['findings'])).toBe('before the run');
    // a run begins; a fix's refetch begins while it computes; the run answers first
    const since = q.version(['findings']);
    void q.invalidateQueries({ queryKey: ['findings'] });
    expect(q.setQueryDataSince(['findings'], 'the run (older than the fix)', since)).toBe(false);
    expect(q.getQueryData(['findings'])).toBe('before the run');
    // both fetches answer (the one the invalidation dropped and the one begun after the run's answer): the last is kept
    for (const release of pending.splice(0)) release('');
    await tick();
    expect(q.getQueryData(['findings'])).toBe('after the answer');
    // with nothing begun since, the answer is put in place
    const now = q.version(['findings']);
    expect(q.setQueryDataSince(['findings'], 'the next run', now)).toBe(true);
    expect(q.getQueryData(['findings'])).toBe('the next run');
  });

  it('keeps the last result and reports the error when a refetch fails', async () => {
    const q = new QueryClient();
    let fail = false;
    q.observe(['x'], async () => {
      if (fail) throw new Error('offline');
      return 1;
    });
    await tick();
    fail = true;
    await q.invalidateQueries({ queryKey: ['x'] });
    expect(q.snapshot(['x'])).toMatchObject({ data: 1, error: new Error('offline'), fetching: false });
  });

  it('matchesPrefix compares element by element', () => {
    expect(matchesPrefix(['doc', 1, 'claims'], ['doc', 1])).toBe(true);
    expect(matchesPrefix(['doc', 11], ['doc', 1])).toBe(false);
    expect(matchesPrefix(['doc'], ['doc', 1])).toBe(false);
    expect(matchesPrefix(['replace', '{"a":1}'], ['replace'])).toBe(true);
  });
});
