/**
 * Sending claim writes (state/claim-queue.ts): the one send both the Claims views' first try
 * (useClaims) and the retry use, and the retry itself — the kept writes in order when the team
 * server is back (App's teamBack loads this module only when some wait), each with the version read
 * when the reviewer asked, or, after an earlier kept write of the same claim was stored, the version
 * that returned; a change someone else made meanwhile is refused and shown in the conflict view.
 */
import type { ClaimT } from '../../../shared/claims/schemas';
import type { ChangeResult } from '../../../shared/domain/schemas';
import type { JiaoduiClient } from '../../../shared/contract/api';
import { afterClaimWrite, versionToSend, type ClaimCall, type EditCall, type VersionChain } from './claim-queue';
import type { ClaimStore } from './claim-store';
import { keys } from './live';
import type { QueryClient } from './query-cache';
import { isUnreachable } from './status-queue';

/** Send one claim write with the given version (a segment named by document and row is found first). */
export async function sendClaimWrite(client: JiaoduiClient, claimId: number | null, call: ClaimCall, version: number | undefined): Promise<ClaimT | ChangeResult> {
  switch (call.method) {
    case 'addClaim':
      return client.addClaim(call.args);
    case 'decideCandidate':
      return call.reject ? client.rejectClaimCandidate(call.args) : client.restoreClaimCandidate(call.args);
    case 'deleteClaim':
      return client.deleteClaim({ claimId: needClaim(claimId), version, requestId: call.requestId });
  }
  return sendClaimEdit(client, needClaim(claimId), call, version);
}

function needClaim(claimId: number | null): number {
  if (claimId === null) throw new Error('A claim edit needs its claim.');
  return claimId;
}

/** Send one edit of a stored claim (versioned); its answer is the claim as stored. */
export async function sendClaimEdit(client: JiaoduiClient, claimId: number, call: EditCall, version: number | undefined): Promise<ClaimT> {
  switch (call.method) {
    case 'updateClaim':
      return client.updateClaim({ claimId, ...call.fields, version });
    case 'addClaimEvidence':
      return client.addClaimEvidence({ claimId, evidence: call.evidence, version });
    case 'removeClaimEvidence':
      return client.removeClaimEvidence({ claimId, evidenceId: call.evidenceId, version });
    case 'addSegmentEvidence': {
      const seg = (await client.getSegments({ documentId: call.documentId }))[call.index];
      if (!seg) throw new Error(call.notFound);
      return client.addClaimEvidence({ claimId, evidence: { kind: 'segment', segmentId: seg.id, note: call.note }, version });
    }
  }
}

export interface RetryEnv {
  client: JiaoduiClient;
  queryClient: QueryClient;
  /** a refused write: a conflict (the conflict view) or another error */
  onError: (e: unknown) => void;
  /** after stored writes: the undo state and what panels show */
  onChange: () => Promise<void>;
}

/** Send the kept writes, in order; stops (keeping the rest) when the server is unreachable again. */
export async function retryClaimWrites(store: ClaimStore, env: RetryEnv): Promise<void> {
  if (store.retry.running) {
    store.retry.again = true;
    return;
  }
  store.retry.running = true;
  let chain: VersionChain = new Map();
  const stored = new Set<number>();
  try {
    for (const w of [...store.get()]) {
      let outcome: Parameters<typeof afterClaimWrite>[3];
      try {
        const u = await sendClaimWrite(env.client, w.claimId, w.call, versionToSend(w, chain));
        outcome = { kind: 'stored', version: 'version' in u ? u.version : undefined };
        stored.add(w.documentId);
      } catch (e) {
        outcome = isUnreachable(e) ? { kind: 'unreachable' } : { kind: 'refused' };
        if (outcome.kind === 'refused') env.onError(e);
      }
      const next = afterClaimWrite(store.get(), chain, w, outcome);
      chain = next.chain;
      store.set(next.queue);
      if (outcome.kind === 'unreachable') break;
    }
  } finally {
    store.retry.running = false;
    for (const documentId of stored) void env.queryClient.invalidateQueries({ queryKey: keys.claims(documentId) });
    if (stored.size) await env.onChange();
  }
  if (store.retry.again) {
    store.retry.again = false;
    await retryClaimWrites(store, env);
  }
}
