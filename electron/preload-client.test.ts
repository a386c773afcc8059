import { describe, expect, it } from 'vitest';
import { makeClient, unwrapEnvelope } from '../shared/contract/dispatch';
import { JiaoduiError } from '../shared/errors';
import { makeNamedClient, unwrap, unwrapForPage } from './preload-client';
import { makeNamedClient as namedClient, reviveBridged } from '../shared/contract/client';

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

describe('errors across the context bridge', () => {
  const env = { ok: false, error: { code: 'edit-conflict', message: 'The text of row 3 was changed since you read it; nothing was saved.', details: { row: 3 }, messageData: { key: 'edit-conflict.segment', params: { place: [], more: [] } } } };

  it('an Error loses its code, details and message data in a structured clone (what the bridge does)', () => {
    let thrown: unknown;
    try {
      unwrap(env);
    } catch (e) {
      thrown = e;
    }
    const copied = structuredClone(thrown) as Record<string, unknown>;
    expect(copied.message).toBe(env.error.message);
    expect(copied.code).toBeUndefined();
    expect(copied.messageData).toBeUndefined();
  });

  it('the preload rejects with a plain object that survives the copy, and the page revives a JiaoduiError from it', async () => {
    let thrown: unknown;
    try {
      unwrapForPage(env);
    } catch (e) {
      thrown = e;
    }
    const revived = reviveBridged(structuredClone(thrown));
    expect(revived).toBeInstanceOf(JiaoduiError);
    expect(revived).toMatchObject({ code: 'edit-conflict', message: env.error.message, details: { row: 3 }, messageData: env.error.messageData });
    // the page's client over the preload's (renderer/src/api.ts)
    const client = namedClient<Record<string, () => Promise<unknown>>>(
      (method) =>
        (method === 'getInfo' ? Promise.reject(structuredClone(thrown)) : Promise.resolve(1)).catch((e: unknown) => {
          throw reviveBridged(e);
        }),
      ['getInfo', 'ok'],
    );
    await expect(client.getInfo()).rejects.toBeInstanceOf(JiaoduiError);
    await expect(client.ok()).resolves.toBe(1);
    expect(unwrapForPage({ ok: true, value: 5 })).toBe(5);
    const plain = new TypeError('Failed to fetch');
    expect(reviveBridged(plain)).toBe(plain);
  });
});
