import { describe, expect, it } from 'vitest';
import { makeClient, unwrapEnvelope } from '../shared/contract/dispatch';
import { JiaoduiError } from '../shared/errors';
import { makeNamedClient, unwrap } from './preload-client';

describe('the zod-free preload client', () => {
  it('has the same methods as makeClient', () => {
    const call = async () => null;
    expect(Object.keys(makeNamedClient<Record<string, unknown>>(call)).sort()).toEqual(Object.keys(makeClient<Record<string, unknown>>(call)).sort());
  });
  it('passes the method name and {} for missing args', async () => {
    const calls: unknown[] = [];
    const c = makeNamedClient<Record<string, (a?: unknown) => Promise<unknown>>>(async (m, a) => {
      calls.push([m, a]);
      return 1;
    });
    await c.getInfo();
    await c.getSegments({ documentId: 3 });
    expect(calls).toEqual([
      ['getInfo', {}],
      ['getSegments', { documentId: 3 }],
    ]);
  });
  it('unwrap agrees with unwrapEnvelope', () => {
    const cases: unknown[] = [
      { ok: true, value: { a: 1 } },
      { ok: true, value: null },
      { ok: false, error: { code: 'not-found', message: 'No document 9.' } },
      { ok: false, error: { code: 'forbidden', message: 'This page may not call Jiaodui.' } },
      null,
      'garbage',
      { ok: false },
    ];
    for (const env of cases) {
      let a: unknown, b: unknown;
      try {
        a = { value: unwrapEnvelope(env) };
      } catch (e) {
        a = { code: (e as JiaoduiError).code, message: (e as Error).message, jiaodui: e instanceof JiaoduiError };
      }
      try {
        b = { value: unwrap(env) };
      } catch (e) {
        b = { code: (e as JiaoduiError).code, message: (e as Error).message, jiaodui: e instanceof JiaoduiError };
      }
      expect(b, JSON.stringify(env)).toEqual(a);
    }
  });
});
