/** The CLI's contract caller validates through the dispatcher before the service is called. */
import { describe, expect, it } from 'vitest';
import type { JiaoduiApi } from '../shared/contract/api';
import { contractCaller } from './call';

describe('contractCaller', () => {
  const calls: unknown[] = [];
  const api = {
    getDocument: (a: unknown) => {
      calls.push(a);
      return { id: 1 };
    },
    exportDocument: async (a: unknown) => {
      calls.push(a);
      return { fileName: 'x.txt', mime: 'text/plain', content: 'x' };
    },
  } as unknown as JiaoduiApi;
  const { call, callAsync } = contractCaller(api);

  it('refuses arguments the contract refuses, without calling the service', async () => {
    calls.length = 0;
    expect(() => call('getDocument', { documentId: -1 })).toThrow(/Invalid arguments for getDocument: documentId/);
    await expect(callAsync('exportDocument', { documentId: 1, format: 'pdf' as 'txt', script: 'hant' })).rejects.toThrow(/Invalid arguments for exportDocument: format/);
    expect(calls).toEqual([]);
  });

  it('passes validated arguments and returns the service\'s value (awaited for async methods)', async () => {
    calls.length = 0;
    expect(call('getDocument', { documentId: 1 })).toEqual({ id: 1 });
    expect((await callAsync('exportDocument', { documentId: 1, format: 'txt', script: 'hant' })).content).toBe('x');
    expect(calls).toEqual([{ documentId: 1 }, { documentId: 1, format: 'txt', script: 'hant' }]);
  });
});
