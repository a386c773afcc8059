import { describe, expect, it } from 'vitest';
import { JiaoduiError } from '../../../shared/errors';
import type { JiaoduiClient } from '../../../shared/contract/api';
import type { ClaimT } from '../../../shared/claims/schemas';
import { enqueueClaimWrite, pendingFields, type QueuedClaimWrite } from './claim-queue';
import { retryClaimWrites } from './claim-retry';
import { createClaimStore } from './claim-store';
import { QueryClient } from './query-cache';

/**
 * A team server in miniature for the retry: claims with a version each, bumped by every stored
 * write; a write sent with another version than the stored one is refused as a conflict (the
 * service compares fields three ways — here any other version conflicts, enough for the order and
 * versions the retry sends); `away` makes every call fail as unreachable.
 */
function fakeServer(versions: Record<number, number>) {
  const calls: { method: string; claimId: number; version: number | undefined }[] = [];
  const state = { away: false, onCall: null as null | (() => void) };
  const answer = (method: string, claimId: number, version: number | undefined): ClaimT => {
    calls.push({ method, claimId, version });
    state.onCall?.();
    if (state.away) throw new JiaoduiError('team-unreachable', 'The team server cannot be reached.');
    if (version !== undefined && version !== versions[claimId]) throw new JiaoduiError('edit-conflict', `Claim ${claimId} was changed since you read it.`);
    versions[claimId] += 1;
    return { id: claimId, version: versions[claimId] } as ClaimT;
  };
  const client = {
    updateClaim: (a: { claimId: number; version?: number }) => Promise.resolve().then(() => answer('updateClaim', a.claimId, a.version)),
    addClaimEvidence: (a: { claimId: number; version?: number }) => Promise.resolve().then(() => answer('addClaimEvidence', a.claimId, a.version)),
    removeClaimEvidence: (a: { claimId: number; version?: number }) => Promise.resolve().then(() => answer('removeClaimEvidence', a.claimId, a.version)),
  } as unknown as JiaoduiClient;
  return { client, calls, state, versions };
}

const update = (claimId: number, version: number, status: 'in-progress' | 'published'): QueuedClaimWrite => ({ documentId: 1, claimId, version, call: { method: 'updateClaim', fields: { status } } });
const evidence = (claimId: number, version: number): QueuedClaimWrite => ({ documentId: 1, claimId, version, call: { method: 'addClaimEvidence', evidence: { kind: 'note', note: 'n' } } });

function env(client: JiaoduiClient) {
  const errors: unknown[] = [];
  let changes = 0;
  return {
    errors,
    changes: () => changes,
    env: {
      client,
      queryClient: new QueryClient(),
      onError: (e: unknown) => errors.push(e),
      onChange: () => {
        changes += 1;
        return Promise.resolve();
      },
    },
  };
}

describe('retryClaimWrites: the kept claim writes sent when the team server is back', () => {
  it('sends them in order; a claim’s second write goes with the version its first returned, so they never refuse each other', async () => {
    const server = fakeServer({ 4: 7, 9: 2 });
    const store = createClaimStore();
    store.set([update(4, 7, 'in-progress'), update(9, 2, 'published'), evidence(4, 7)]);
    const e = env(server.client);
    await retryClaimWrites(store, e.env);
    expect(server.calls).toEqual([
      { method: 'updateClaim', claimId: 4, version: 7 },
      { method: 'updateClaim', claimId: 9, version: 2 },
      { method: 'addClaimEvidence', claimId: 4, version: 8 },
    ]);
    expect(store.get()).toEqual([]);
    expect(e.errors).toEqual([]);
    expect(e.changes()).toBe(1);
  });

  it('a claim changed on the server meanwhile is refused (the conflict view), never overwritten; the others are sent', async () => {
    const server = fakeServer({ 4: 8, 9: 2 }); // someone stored version 8 of claim 4 meanwhile
    const store = createClaimStore();
    store.set([update(4, 7, 'in-progress'), update(9, 2, 'published')]);
    const e = env(server.client);
    await retryClaimWrites(store, e.env);
    expect(e.errors).toHaveLength(1);
    expect((e.errors[0] as JiaoduiError).code).toBe('edit-conflict');
    expect(server.versions).toEqual({ 4: 8, 9: 3 });
    expect(store.get()).toEqual([]);
  });

  it('unreachable again: stops and keeps that write and the rest (still shown as not sent) for the next time', async () => {
    const server = fakeServer({ 4: 7, 9: 2 });
    const store = createClaimStore();
    const queue = [update(4, 7, 'in-progress'), update(9, 2, 'published')];
    store.set(queue);
    server.state.away = true;
    const e = env(server.client);
    await retryClaimWrites(store, e.env);
    expect(server.calls).toHaveLength(1);
    expect(store.get()).toEqual(queue);
    expect([...pendingFields(store.get()).keys()]).toEqual([4, 9]);
    expect(e.errors).toEqual([]);
    expect(e.changes()).toBe(0);
    server.state.away = false;
    await retryClaimWrites(store, e.env);
    expect(store.get()).toEqual([]);
    expect(server.versions).toEqual({ 4: 8, 9: 3 });
  });

  it('asked again while a retry runs (the server back again): one more round after it, for what was kept meanwhile', async () => {
    const server = fakeServer({ 4: 7, 9: 2 });
    const store = createClaimStore();
    store.set([update(4, 7, 'in-progress')]);
    const e = env(server.client);
    let second: Promise<void> | null = null;
    server.state.onCall = () => {
      if (second) return;
      // while the first write is on its way: another edit is kept, and the window asks for a retry again
      store.set(enqueueClaimWrite(store.get(), update(9, 2, 'published')));
      second = retryClaimWrites(store, e.env);
    };
    await retryClaimWrites(store, e.env);
    await second;
    expect(server.calls.map((c) => c.claimId)).toEqual([4, 9]);
    expect(store.get()).toEqual([]);
  });

  it('the store tells its readers when the queue changes', () => {
    const store = createClaimStore();
    let heard = 0;
    const stop = store.subscribe(() => (heard += 1));
    store.set([update(4, 7, 'in-progress')]);
    stop();
    store.set([]);
    expect(heard).toBe(1);
  });

  it('sends claims made, candidate decisions and deletions with the request id and version kept; a refusal for the role is reported, not dropped silently', async () => {
    const sent: { method: string; args: Record<string, unknown> }[] = [];
    let forbidden = false;
    const call = (method: string) => (args: Record<string, unknown>) =>
      Promise.resolve().then(() => {
        sent.push({ method, args });
        if (forbidden) throw new JiaoduiError('forbidden', 'Kim is a reviewer; "reject claim candidate" needs the lead role. Ask a team admin.');
        return method === 'addClaim' ? ({ id: 31, version: 1 } as ClaimT) : { operationId: 5, segments: [], removedSegmentIds: [], undo: {} };
      });
    const client = { addClaim: call('addClaim'), deleteClaim: call('deleteClaim'), rejectClaimCandidate: call('rejectClaimCandidate'), restoreClaimCandidate: call('restoreClaimCandidate') } as unknown as JiaoduiClient;
    const make: QueuedClaimWrite = { documentId: 1, claimId: null, call: { method: 'addClaim', args: { segmentId: 3, start: 0, end: 4, quote: '營收三成', requestId: 'r-make-0000000001' }, row: 4 } };
    const del: QueuedClaimWrite = { documentId: 1, claimId: 8, version: 3, call: { method: 'deleteClaim', requestId: 'r-delete-00000001' } };
    const reject: QueuedClaimWrite = { documentId: 1, claimId: null, call: { method: 'decideCandidate', reject: true, args: { segmentId: 5, start: 2, end: 6, quote: '兩倍成長', requestId: 'r-reject-00000001' }, row: 6 } };
    const store = createClaimStore();
    store.set([make, del]);
    const e = env(client);
    await retryClaimWrites(store, e.env);
    expect(sent).toEqual([
      { method: 'addClaim', args: make.call.method === 'addClaim' ? make.call.args : {} },
      { method: 'deleteClaim', args: { claimId: 8, version: 3, requestId: 'r-delete-00000001' } },
    ]);
    expect(store.get()).toEqual([]);
    expect(e.errors).toEqual([]);
    // a role refused on the server: the write leaves the queue with its message shown (the toast), not silently
    forbidden = true;
    store.set([reject]);
    await retryClaimWrites(store, e.env);
    expect(sent.at(-1)).toEqual({ method: 'rejectClaimCandidate', args: reject.call.method === 'decideCandidate' ? reject.call.args : {} });
    expect(store.get()).toEqual([]);
    expect(e.errors).toHaveLength(1);
    expect((e.errors[0] as Error).message).toMatch(/needs the lead role/);
  });
});
