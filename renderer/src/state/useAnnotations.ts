/**
 * The open document's annotations (deleted ones included, for the side list), the label
 * set, and which segments need attention (open comments, open findings). Refetched after
 * every change of the document and after every annotation action.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/domain/schemas';
import type { AnnotationLabel, Attention } from '../../../shared/domain/review';
import type { ArgsOf } from '../../../shared/contract/api';
import { useClient } from './client';
import type { Decor } from './decor';

const NO_ATTENTION: Attention = { openComments: [], openFindings: [] };

export function useAnnotations(documentId: number | null, version: number, fail: (e: unknown) => void) {
  const { client } = useClient();
  const [all, setAll] = useState<Annotation[]>([]);
  const allRef = useRef(all);
  allRef.current = all;
  const [labels, setLabels] = useState<AnnotationLabel[]>([]);
  const [attention, setAttention] = useState<Attention>(NO_ATTENTION);
  const [bump, setBump] = useState(0);
  const [activeId, setActiveId] = useState<number | null>(null);

  const [labelsVersion, setLabelsVersion] = useState(0);
  useEffect(() => {
    client.listLabels({}).then(setLabels, fail);
  }, [client, fail, labelsVersion]);

  useEffect(() => {
    if (documentId === null) {
      setAll([]);
      setAttention(NO_ATTENTION);
      return;
    }
    let cancelled = false;
    Promise.all([client.listAnnotations({ documentId, includeDeleted: true }), client.attention({ documentId })]).then(
      ([a, att]) => {
        if (cancelled) return;
        setAll(a);
        setAttention(att);
      },
      (e: unknown) => !cancelled && fail(e),
    );
    return () => {
      cancelled = true;
    };
  }, [client, documentId, version, bump, fail]);

  const refresh = useCallback(() => setBump((b) => b + 1), []);

  /** Run an annotation action, then refetch; errors become a toast and resolve to null. */
  const act = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | null> => {
      try {
        const r = await fn();
        refresh();
        return r;
      } catch (e) {
        fail(e);
        return null;
      }
    },
    [fail, refresh],
  );

  const actions = useMemo(
    () => ({
      add: (args: ArgsOf<'addAnnotation'>) => act(() => client.addAnnotation(args)),
      reply: (annotationId: number, body: string) => act(() => client.replyToAnnotation({ annotationId, body })),
      resolve: (annotationId: number, resolved: boolean) => act(() => client.resolveAnnotation({ annotationId, resolved })),
      remove: (annotationId: number) => act(() => client.deleteAnnotation({ annotationId })),
      restore: (annotationId: number) => act(() => client.restoreAnnotation({ annotationId })),
      // the annotation as read: an update refused when someone changed it since (issue 16)
      update: (annotationId: number, body: string) => act(() => client.updateAnnotation({ annotationId, body, ifUpdatedAt: allRef.current.find((a) => a.id === annotationId)?.updatedAt })),
      refresh,
      refreshLabels: () => {
        setLabelsVersion((v) => v + 1);
        refresh();
      },
      setActiveId,
    }),
    [act, client, refresh],
  );

  const live = useMemo(() => all.filter((a) => !a.deletedAt), [all]);
  const decor = useMemo<Decor>(() => {
    const bySegment = new Map<number, Annotation[]>();
    for (const a of live) {
      const list = bySegment.get(a.segmentId) ?? [];
      list.push(a);
      bySegment.set(a.segmentId, list);
    }
    return { bySegment, labels: new Map(labels.map((l) => [l.id, l])), activeId };
  }, [live, labels, activeId]);

  return { all, live, labels, attention, decor, actions };
}

export type AnnotationsState = ReturnType<typeof useAnnotations>;
