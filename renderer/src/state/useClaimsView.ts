/**
 * Claims in the review screen (issue 18): the wide claims view (Alt+W, view.claimsWide) shown
 * instead of the grid, and a claim made from the selection in either column — the label bar's
 * Claim button, a claim label's key, or Alt+K (segment.claim), which without a selection
 * claims the whole selected segment. A claim just made opens in the editor (the Claims panel,
 * or the wide view when it is shown). App wires the handlers and views in.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeResult } from '../../../shared/domain/schemas';
import type { Locale } from '../i18n';
import { translateReview } from '../i18n-review';
import { readCellSelection, type CellSelection } from '../lib/selection';
import { useClient } from './client';
import type { Review } from './useReview';
import type { ClaimStore } from './claim-store';
import { enqueueClaimWrite, newRequestId } from './claim-queue';
import { isUnreachable } from './status-queue';

export type ClaimsCommand = 'view.claimsWide' | 'segment.claim';

/** A span to claim: of the text or of the rendering (the service maps it back), or the whole segment (no offsets). */
export interface ClaimSpan {
  segmentId: number;
  start?: number;
  end?: number;
  column?: CellSelection['column'];
  quote: string;
}

export interface ClaimsViewOptions {
  review: Review;
  toasts: { notify: (m: string) => void; fail: (e: unknown) => void };
  locale: Locale;
  /** open the Claims side panel */
  openPanel: () => void;
  /** where a claim is kept when the team server cannot be reached (sent again when it is back) */
  kept?: ClaimStore;
}

export function useClaimsView({ review, toasts, locale, openPanel, kept }: ClaimsViewOptions) {
  const { client } = useClient();
  const { doc, actions } = review;
  const [wide, setWide] = useState(false);
  const [openClaimId, setOpenClaimId] = useState<number | null>(null);
  useEffect(() => {
    setWide(false);
    setOpenClaimId(null);
  }, [doc?.id]);
  const live = useRef({ review, wide });
  live.current = { review, wide };

  /** After a claim write (an operation): the undo state, and what the panels show. */
  const onChange = useCallback(
    async (r?: ChangeResult) => {
      const d = live.current.review.doc;
      if (!d) return;
      const undo = r?.undo ?? (await client.undoState({ projectId: d.projectId }));
      await actions.applyChange(r ?? { operationId: null, segments: [], removedSegmentIds: [], undo });
    },
    [client, actions],
  );

  const claim = useCallback(
    async (span: ClaimSpan) => {
      const d = live.current.review.doc;
      const offsets = span.start !== undefined && span.end !== undefined ? { start: span.start, end: span.end, in: span.column ?? 'text' } : {};
      // one request id for every try, and the span's text as read (state/claim-queue.ts)
      const args = { segmentId: span.segmentId, ...offsets, quote: span.quote, requestId: newRequestId() };
      try {
        const c = await client.addClaim(args);
        await onChange();
        const q = c.exact.length > 30 ? c.exact.slice(0, 29) + '…' : c.exact;
        toasts.notify(translateReview(locale, 'anno.claimed', { quote: q }));
        setOpenClaimId(c.id);
        if (!live.current.wide) openPanel();
      } catch (e) {
        if (kept && d && isUnreachable(e)) {
          const row = live.current.review.segments.findIndex((x) => x.id === span.segmentId) + 1;
          kept.set(enqueueClaimWrite(kept.get(), { documentId: d.id, claimId: null, call: { method: 'addClaim', args, row } }));
          toasts.notify(translateReview(locale, 'anno.claimKept', { row }));
        } else toasts.fail(e);
      }
    },
    [client, onChange, toasts, locale, openPanel, kept],
  );

  const handlers: Record<ClaimsCommand, () => void> = {
    'view.claimsWide': () => {
      if (!doc) return;
      if (wide) {
        setWide(false);
        actions.select(review.selection.index, { focus: true });
      } else {
        setOpenClaimId(null);
        setWide(true);
      }
    },
    'segment.claim': () => {
      const sel = readCellSelection(document.getSelection());
      const { segments, selection } = live.current.review;
      if (sel) {
        const s = segments.find((x) => x.id === sel.segmentId);
        const quote = s ? (sel.column === 'rendering' ? s.rendering : s.text).slice(sel.start, sel.end) : '';
        if (quote) {
          document.getSelection()?.removeAllRanges();
          void claim({ segmentId: sel.segmentId, start: sel.start, end: sel.end, column: sel.column, quote });
          return;
        }
      }
      const s = segments[selection.index];
      if (!s || !s.text) return toasts.notify(translateReview(locale, 'anno.claimNoSegment'));
      void claim({ segmentId: s.id, quote: s.text.trim() });
    },
  };

  const closeWide = useCallback(() => {
    setWide(false);
    actions.select(live.current.review.selection.index, { focus: true });
  }, [actions]);
  /** Show a claim's segment in the text (leaving the wide view). */
  const jump = useCallback(
    (segmentId: number) => {
      const i = live.current.review.segments.findIndex((s) => s.id === segmentId);
      setWide(false);
      if (i >= 0) actions.select(i, { align: 'center', focus: true });
    },
    [actions],
  );

  return { wide, openClaimId, setOpenClaimId, onChange, claim, handlers, closeWide, jump };
}

export type ClaimsView = ReturnType<typeof useClaimsView>;
