import { describe, expect, it } from 'vitest';
import { attachDeferred, callDeferred, deferredCall, detachDeferred, PENDING_MS } from './deferred-call';

describe('a call made before its handler arrives', () => {
  it('runs once when the handler is attached (the last call only), then directly', () => {
    const d = deferredCall<number | null>();
    const got: (number | null)[] = [];
    callDeferred(d, 3, 1000);
    callDeferred(d, 7, 1100);
    expect(got).toEqual([]);
    attachDeferred(d, (x) => got.push(x), 1200);
    expect(got).toEqual([7]);
    attachDeferred(d, (x) => got.push(x), 1300); // nothing pending any more
    callDeferred(d, null, 1400);
    expect(got).toEqual([7, null]);
  });

  it('drops a call older than PENDING_MS, and a detached handler is not called', () => {
    const d = deferredCall<number>();
    const got: number[] = [];
    callDeferred(d, 1, 0);
    const h = (x: number) => got.push(x);
    attachDeferred(d, h, PENDING_MS + 1);
    expect(got).toEqual([]);
    detachDeferred(d, h);
    callDeferred(d, 2, PENDING_MS + 2);
    expect(got).toEqual([]);
    // another handler attached since is not detached by the old one's cleanup
    const other = (x: number) => got.push(x * 10);
    attachDeferred(d, other, PENDING_MS + 3);
    expect(got).toEqual([20]);
    detachDeferred(d, h);
    callDeferred(d, 4, PENDING_MS + 4);
    expect(got).toEqual([20, 40]);
  });
});
