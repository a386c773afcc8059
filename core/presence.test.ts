import { describe, expect, it } from 'vitest';
import { PresenceBoard } from './presence';
import { useFreshService, importSample } from './test-helpers';
import { accountCaller } from '../shared/contract/caller';
import { dispatch } from '../shared/contract/dispatch';

describe('PresenceBoard', () => {
  it('answers a heartbeat with everyone else who has a document open', () => {
    const b = new PresenceBoard(1000);
    expect(b.beat('w1', 'Ann', 4, 0)).toEqual([]);
    expect(b.beat('w2', 'Bo', 4, 10)).toEqual([{ reviewer: 'Ann', documentId: 4, since: new Date(0).toISOString() }]);
    b.beat('w3', 'Cy', null, 20); // the library, no document
    expect(b.beat('w1', 'Ann', 4, 30)).toEqual([{ reviewer: 'Bo', documentId: 4, since: new Date(10).toISOString() }]);
  });

  it('keeps `since` while the window stays on its document, restarts it on another', () => {
    const b = new PresenceBoard(1000);
    b.beat('w1', 'Ann', 4, 0);
    b.beat('w1', 'Ann', 4, 500);
    expect(b.list(600)).toEqual([{ reviewer: 'Ann', documentId: 4, since: new Date(0).toISOString() }]);
    b.beat('w1', 'Ann', 5, 700);
    expect(b.list(800)).toEqual([{ reviewer: 'Ann', documentId: 5, since: new Date(700).toISOString() }]);
  });

  it('drops a window that stopped beating, or left', () => {
    const b = new PresenceBoard(1000);
    b.beat('w1', 'Ann', 4, 0);
    b.beat('w2', 'Bo', 5, 0);
    expect(b.list(999).length).toBe(2);
    b.beat('w2', 'Bo', 5, 900);
    expect(b.list(1000)).toEqual([{ reviewer: 'Bo', documentId: 5, since: new Date(0).toISOString() }]);
    b.leave('w2');
    expect(b.list(1001)).toEqual([]);
  });
});

const fresh = useFreshService();

describe('presence through the contract', () => {
  it('names each window by its caller; a team account by its name', () => {
    const { documentId } = importSample(fresh.service);
    const ann = accountCaller('window', 'tab-a', { name: 'Ann', role: 'reviewer' });
    const bo = accountCaller('window', 'tab-b', { name: 'Bo', role: 'reviewer' });
    expect(dispatch(fresh.service, 'presence', { documentId }, { caller: ann })).toEqual([]);
    expect(dispatch(fresh.service, 'presence', { documentId: null }, { caller: bo })).toEqual([{ reviewer: 'Ann', documentId, since: expect.any(String) }]);
    // Ann in a second tab sees her first tab too
    expect(dispatch(fresh.service, 'presence', { documentId }, { caller: accountCaller('window', 'tab-a2', { name: 'Ann', role: 'reviewer' }) })).toEqual([
      { reviewer: 'Ann', documentId, since: expect.any(String) },
    ]);
    expect(() => dispatch(fresh.service, 'presence', { documentId: 999_999 }, { caller: bo })).toThrow(/no document 999999/);
  });
});
