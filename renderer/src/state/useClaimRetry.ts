/**
 * The window's claim writes that a team server could not be reached for (state/claim-queue.ts):
 * held here, above the Claims panel and the wide claims view (either may close, or another document
 * open, while they wait), and sent again in order when the server is back (App's teamBack). Each
 * is sent with the version read when the reviewer asked — or, after an earlier queued write of the
 * same claim was stored, the version that returned —, so a change someone else made meanwhile opens
 * the conflict view. `pending` says per claim which fields wait (the claim editor and lists show it).
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ClaimT } from '../../../shared/claims/schemas';
import type { JiaoduiClient } from '../../../shared/contract/api';
import { afterClaimWrite, enqueueClaimWrite, pendingFields, versionToSend, type ClaimCall, type QueuedClaimWrite, type VersionChain } from './claim-queue';
import { useClient } from './client';
import { useQueryClient } from './queries';
import { keys } from './live';
import { isUnreachable } from './status-queue';

/** Send one claim write with the given version (a segment named by document and row is found first). */
export async function sendClaimWrite(client: JiaoduiClient, claimId: number, call: ClaimCall, version: number | undefined): Promise<ClaimT> {
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

export interface ClaimRetryOptions {
  /** said when a write is kept */
  onKept: () => void;
  /** after stored retries: the undo state and what panels show */
  onChange: () => Promise<void>;
  /** a refused retry: a conflict (the conflict view) or another error */
  onError: (e: unknown) => void;
}

export function useClaimRetry({ onKept, onChange, onError }: ClaimRetryOptions) {
  const { client } = useClient();
  const queryClient = useQueryClient();
  const queue = useRef<QueuedClaimWrite[]>([]);
  const [pending, setPending] = useState<ReadonlyMap<number, string[]>>(() => new Map());
  const retrying = useRef(false);
  // asked again while a retry runs (the server back again after the retry met it away): one more round after it
  const again = useRef(false);
  const set = useCallback((q: QueuedClaimWrite[]) => {
    queue.current = q;
    setPending(pendingFields(q));
  }, []);

  /** Keep a write that failed because the team server could not be reached. */
  const keep = useCallback(
    (w: QueuedClaimWrite) => {
      set(enqueueClaimWrite(queue.current, w));
      onKept();
    },
    [set, onKept],
  );

  /** Send the kept writes, in order; stops (keeping the rest) when the server is unreachable again. */
  const retry = useCallback(async () => {
    if (retrying.current) {
      again.current = true;
      return;
    }
    retrying.current = true;
    let chain: VersionChain = new Map();
    const stored = new Set<number>();
    try {
      for (const w of [...queue.current]) {
        let outcome: Parameters<typeof afterClaimWrite>[3];
        try {
          const u = await sendClaimWrite(client, w.claimId, w.call, versionToSend(w, chain));
          outcome = { kind: 'stored', version: u.version };
          stored.add(w.documentId);
        } catch (e) {
          outcome = isUnreachable(e) ? { kind: 'unreachable' } : { kind: 'refused' };
          if (outcome.kind === 'refused') onError(e);
        }
        const next = afterClaimWrite(queue.current, chain, w, outcome);
        chain = next.chain;
        set(next.queue);
        if (outcome.kind === 'unreachable') break;
      }
    } finally {
      retrying.current = false;
      for (const documentId of stored) void queryClient.invalidateQueries({ queryKey: keys.claims(documentId) });
      if (stored.size) await onChange();
    }
    if (again.current) {
      again.current = false;
      await retryRef.current();
    }
  }, [client, queryClient, set, onChange, onError]);
  const retryRef = useRef(retry);
  retryRef.current = retry;

  return useMemo(() => ({ pending, keep, retry }), [pending, keep, retry]);
}

export type ClaimRetry = ReturnType<typeof useClaimRetry>;

/** The window's claim retry for the claims views (App provides it; none: a failed write is only reported). */
export const ClaimRetryContext = createContext<ClaimRetry | null>(null);
export const useClaimRetryContext = (): ClaimRetry | null => useContext(ClaimRetryContext);
