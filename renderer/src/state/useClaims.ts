/**
 * A document's claims for the Claims panel and the wide claims view: candidates (rejected
 * ones included, for “Show rejected”), claims (discarded ones included: the views hide
 * them by default), the cross-checks with what each claim was compared with, and the
 * project's people for the claimant picker — one query of the cache, refetched when a
 * change here or elsewhere (the feed) invalidates the document. The actions are the API's
 * claim writes; each is an operation, so the app refreshes its undo state after it.
 */
import { useCallback, useContext, useMemo, useRef } from 'react';
import type { ChangeResult, DocumentMeta } from '../../../shared/domain/schemas';
import type { ClaimCandidateT, ClaimCrossCheckT, ClaimPersonT, ClaimsReportT, ClaimT } from '../../../shared/claims/schemas';
import type { ArgsOf } from '../../../shared/contract/api';
import { useQuery, useQueryClient, useQueryError } from './queries';
import { useClient } from './client';
import { keys } from './live';
import { downloadText } from '../lib/download';
import { isUnreachable } from './status-queue';
import { enqueueClaimWrite, newRequestId, type ClaimCall, type EditCall, type QueuedClaimWrite } from './claim-queue';
import { sendClaimEdit } from './claim-retry';
import { ClaimStoreContext } from './claim-store';

export interface ClaimsData {
  candidates: ClaimCandidateT[];
  claims: ClaimT[];
  crossChecks: ClaimCrossCheckT[];
  comparisons: ClaimsReportT['comparisons'];
  /** the figure checks' findings (number-scale, number-unit) inside claims' spans */
  figureFindings: ClaimsReportT['figureFindings'];
  people: ClaimPersonT[];
}
const EMPTY: ClaimsData = { candidates: [], claims: [], crossChecks: [], comparisons: [], figureFindings: [], people: [] };

export interface ClaimsOptions {
  /** after a write: the operation's result, or nothing (refetch the undo state) */
  onChange?: (r?: ChangeResult) => Promise<void>;
  onError: (e: unknown) => void;
  /** a claim edit was kept (the team server could not be reached): say so */
  onKept?: () => void;
}

export type ClaimUpdate = Omit<ArgsOf<'updateClaim'>, 'claimId' | 'ifUpdatedAt' | 'version'>;

/** A claim edit kept because the team server could not be reached: sent again when it is back (state/useClaimRetry.ts). */
export const KEPT = 'kept' as const;

export function useClaims(doc: DocumentMeta, { onChange, onError, onKept }: ClaimsOptions) {
  const { client } = useClient();
  const queryClient = useQueryClient();
  // the window's kept claim writes (state/claim-store.ts), sent again when the team server is back
  const kept = useContext(ClaimStoreContext);
  const query = useQuery({
    queryKey: keys.claims(doc.id),
    queryFn: async (): Promise<ClaimsData> => {
      const [candidates, report, people] = await Promise.all([
        client.listClaimCandidates({ documentId: doc.id, includeRejected: true }),
        client.claimsReport({ documentId: doc.id, includeDiscarded: true }),
        client.listPeople({ documentId: doc.id }),
      ]);
      return { candidates, claims: report.claims, crossChecks: report.crossChecks, comparisons: report.comparisons, figureFindings: report.figureFindings, people };
    },
  });
  useQueryError(query.error, onError);
  const data = query.data ?? EMPTY;
  const load = useCallback(() => queryClient.invalidateQueries({ queryKey: keys.claims(doc.id) }), [queryClient, doc.id]);

  // Writes run one after another: each reads the claim's version when it starts, after the
  // previous write's result is in the cache, so quick successive edits of one claim (a field
  // saved on Enter, then a select changed) never refuse each other as stale.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const actions = useMemo(() => {
    // the app's undo state and panels, then this list read again (so the keyboard can land on a row it holds)
    const changed = async (r?: ChangeResult) => {
      if (onChange) await onChange(r);
      await load();
    };
    /** Run a write after the ones before it; a failure resolves to what `failed` makes of it. */
    const attempt = <T, F>(fn: () => Promise<T>, after: (v: T) => Promise<void> | void, failed: (e: unknown) => F): Promise<T | F> => {
      const next = queue.current.then(async () => {
        try {
          const v = await fn();
          await after(v);
          return v;
        } catch (e) {
          return failed(e);
        }
      });
      queue.current = next;
      return next;
    };
    /** Run a write; a failure is reported (toast) and resolves to null. */
    const run = <T>(fn: () => Promise<T>, after: (v: T) => Promise<void> | void = () => changed()): Promise<T | null> =>
      attempt(fn, after, (e) => {
        onError(e);
        return null;
      });
    /** the claim's version as this window read it: a change is refused when someone changed it since (issue 16; onError offers the conflict view) */
    const seen = (claimId: number) => queryClient.getQueryData<ClaimsData>(keys.claims(doc.id))?.claims.find((c) => c.id === claimId)?.version;
    /** put the claim a write returned into the cache at once (the refetch follows) */
    const patch = (u: ClaimT) => queryClient.setQueryData(keys.claims(doc.id), (d: ClaimsData | undefined) => d && { ...d, claims: d.claims.map((c) => (c.id === u.id ? u : c)) });
    /** A failed write: kept when the team server cannot be reached (sent again when it is back), else reported (a conflict opens the conflict view). */
    const keepOrFail = (e: unknown, w: () => QueuedClaimWrite): typeof KEPT | null => {
      if (kept && isUnreachable(e)) {
        kept.set(enqueueClaimWrite(kept.get(), w()));
        onKept?.();
        return KEPT;
      }
      onError(e);
      return null;
    };
    /** A claim edit (versioned): sent with the version read when it starts; kept with that version when the team server cannot be reached. */
    const edit = (claimId: number, call: EditCall): Promise<ClaimT | typeof KEPT | null> => {
      let asked: number | undefined;
      return attempt(
        () => {
          asked = seen(claimId);
          return sendClaimEdit(client, claimId, call, asked);
        },
        async (u) => {
          patch(u);
          await changed();
        },
        (e) => keepOrFail(e, () => ({ documentId: doc.id, claimId, version: asked, call })),
      );
    };
    /**
     * A claim made or a candidate decided: one request id drawn now and sent with every try (a first
     * try stored whose answer was lost is answered, not stored again), the span's text as read; kept
     * when the team server cannot be reached.
     */
    const make = <T>(call: Extract<ClaimCall, { method: 'addClaim' | 'decideCandidate' }>, send: () => Promise<T>, after: (v: T) => Promise<void>): Promise<T | typeof KEPT | null> =>
      attempt(send, after, (e) => keepOrFail(e, () => ({ documentId: doc.id, claimId: null, call })));
    const makeClaim = (args: ArgsOf<'addClaim'>, row: number) => {
      const call = { method: 'addClaim' as const, args: { ...args, requestId: newRequestId() }, row };
      return make(call, () => client.addClaim(call.args), () => changed());
    };
    return {
      load,
      /** a claim from a span (of the text, or of the rendering) or from the whole segment */
      /** `row`: the segment's (1-based), `args.quote`: the span's text as read */
      add: (args: ArgsOf<'addClaim'>, row: number) => makeClaim(args, row),
      accept: (c: ClaimCandidateT) => makeClaim({ segmentId: c.segmentId, start: c.start, end: c.end, quote: c.text }, c.index + 1),
      reject: (c: ClaimCandidateT) => {
        const call = { method: 'decideCandidate' as const, reject: !c.rejected, args: { segmentId: c.segmentId, start: c.start, end: c.end, quote: c.text, requestId: newRequestId() }, row: c.index + 1 };
        return make(call, () => (call.reject ? client.rejectClaimCandidate(call.args) : client.restoreClaimCandidate(call.args)), (r) => changed(r));
      },
      update: (claimId: number, args: ClaimUpdate) => edit(claimId, { method: 'updateClaim', fields: args }),
      addEvidence: (claimId: number, evidence: ArgsOf<'addClaimEvidence'>['evidence']) => edit(claimId, { method: 'addClaimEvidence', evidence }),
      /** evidence from a segment of a project document, by the document and its row (0-based) */
      addSegmentEvidence: (claimId: number, documentId: number, index: number, note: string, notFound: string) =>
        edit(claimId, { method: 'addSegmentEvidence', documentId, index, note, notFound }),
      removeEvidence: (claimId: number, evidenceId: number) => edit(claimId, { method: 'removeClaimEvidence', evidenceId }),
      /** delete with the version read (a claim changed meanwhile opens the conflict view) and a request id; kept when the server is away */
      remove: (c: ClaimT) => {
        const requestId = newRequestId();
        let asked: number | undefined;
        return attempt(
          () => {
            asked = seen(c.id) ?? c.version;
            return client.deleteClaim({ claimId: c.id, version: asked, requestId });
          },
          (r) => changed(r),
          (e) => keepOrFail(e, () => ({ documentId: doc.id, claimId: c.id, version: asked, call: { method: 'deleteClaim', requestId } })),
        );
      },
      exportAs: (format: ArgsOf<'exportClaims'>['format']) =>
        run(
          () => client.exportClaims({ documentId: doc.id, format }),
          (r) => downloadText(r.fileName, r.content, r.mime),
        ),
      history: (claimId: number) => client.claimHistory({ claimId }),
    };
  }, [client, queryClient, doc.id, load, onChange, onError, onKept, kept]);

  return { ...data, loaded: query.data !== undefined, actions };
}

export type ClaimsState = ReturnType<typeof useClaims>;
