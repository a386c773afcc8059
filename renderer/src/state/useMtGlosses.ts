/**
 * Machine translation and dictionary glosses on top of the review state: the commands
 * (translate the segment, the selected rows, or everything untranslated; settings;
 * About / Licences), the translation progress with Cancel, refreshing segments as their
 * English arrives, and the gloss popover over the Chinese text. The hook returns state and
 * callbacks; components/MtOverlays.tsx draws the popover, progress and dialogs from them.
 */
import { useCallback, useState } from 'react';
import type { MtJob } from '../../../shared/mt/schemas';
import type { Locale } from '../i18n';
import type { translateMt } from '../i18n-mt';
import { useClient } from './client';
import type { Review } from './useReview';
import { callDeferred, deferredCall } from './deferred-call';
import '../styles/mt.css';

export type MtCommand = 'mt.translateSegment' | 'mt.translateSelection' | 'mt.translateUntranslated' | 'mt.settings' | 'help.licences' | 'segment.lookup';

export interface MtOptions {
  review: Review;
  toasts: { notify: (m: string) => void; fail: (e: unknown) => void };
  locale: Locale;
}

/** Row indexes covered by the page's text selection (anchor to focus), if it lies in the grid. */
function selectedRowIndexes(): number[] {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return [];
  const rowOf = (n: Node | null) => (n instanceof Element ? n : n?.parentElement)?.closest<HTMLElement>('[data-testid="grid-body"] [role="row"][data-index]');
  const a = rowOf(sel.anchorNode);
  const b = rowOf(sel.focusNode);
  if (!a || !b) return [];
  const i = Number(a.dataset.index);
  const j = Number(b.dataset.index);
  return Array.from({ length: Math.abs(j - i) + 1 }, (_, k) => Math.min(i, j) + k);
}

export function useMtGlosses({ review, toasts, locale }: MtOptions) {
  const { client } = useClient();
  const { doc, segments, selection, actions } = review;
  const [dialog, setDialog] = useState<'settings' | 'about' | null>(null);
  const [job, setJob] = useState<MtJob | null>(null);
  // Alt+D before the popover's code arrived waits for it (state/deferred-call.ts)
  const [lookup] = useState(() => deferredCall<number | null>());
  // the MT strings are a chunk of their own (loaded with the MT dialogs), not part of the first screen
  const mt = useCallback(
    async (k: Parameters<typeof translateMt>[1], p?: Parameters<typeof translateMt>[2]) => (await import('../i18n-mt')).translateMt(locale, k, p),
    [locale],
  );

  const start = useCallback(
    async (scope: 'segments' | 'untranslated', segmentIds?: number[]) => {
      if (!doc) return;
      try {
        const settings = await client.getMtSettings({});
        if (!settings.configured) {
          toasts.notify(await mt('mt.notConfigured'));
          setDialog('settings');
          return;
        }
        const j = await client.startTranslation(scope === 'segments' ? { documentId: doc.id, scope, segmentIds } : { documentId: doc.id, scope });
        if (j.total === 0) {
          toasts.notify(await mt('mt.nothing'));
          return;
        }
        setJob(j);
      } catch (e) {
        toasts.fail(e);
      }
    },
    [doc, client, toasts, mt],
  );

  const onTranslated = useCallback(
    async (ids: number[]) => {
      if (!doc) return;
      try {
        const wanted = new Set(ids);
        const [fresh, undo] = await Promise.all([client.getSegments({ documentId: doc.id }), client.undoState({ projectId: doc.projectId })]);
        await actions.applyChange({ operationId: null, segments: fresh.filter((s) => wanted.has(s.id)), removedSegmentIds: [], undo });
      } catch (e) {
        toasts.fail(e);
      }
    },
    [doc, client, actions, toasts],
  );

  const current = segments[selection.index];
  const handlers: Record<MtCommand, () => void> = {
    'mt.translateSegment': () => {
      if (current) void start('segments', [current.id]);
    },
    'mt.translateSelection': () => {
      const ids = selectedRowIndexes()
        .map((i) => segments[i]?.id)
        .filter((x): x is number => x !== undefined);
      if (ids.length) void start('segments', ids);
      else if (current) void start('segments', [current.id]);
    },
    'mt.translateUntranslated': () => void start('untranslated'),
    'mt.settings': () => setDialog('settings'),
    'help.licences': () => setDialog('about'),
    'segment.lookup': () => callDeferred(lookup, current?.id ?? null),
  };

  /** What MtOverlays shows: the gloss popover, a running job, an open dialog. */
  const overlays = {
    doc,
    segments,
    lookup,
    job,
    dialog,
    onTranslated: (ids: number[]) => void onTranslated(ids),
    closeJob: () => setJob(null),
    closeDialog: () => setDialog(null),
    onSettingsSaved: () => void mt('mt.settings.saved').then(toasts.notify),
    onError: toasts.fail,
  };

  return { handlers, overlays };
}

export type MtOverlayState = ReturnType<typeof useMtGlosses>['overlays'];
