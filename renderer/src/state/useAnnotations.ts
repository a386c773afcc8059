/**
 * The open document's annotations (deleted ones included, for the side list), the label
 * set, and which segments need attention (open comments, open findings). Queries of the one
 * cache, invalidated by every change of the document (here or elsewhere) and every annotation action.
 */
import { useCallback, useMemo, useState } from 'react';
import { useQuery, useQueryClient, useQueryError } from './queries';
import type { Annotation } from '../../../shared/domain/schemas';
import type { AnnotationLabel, Attention } from '../../../shared/domain/review';
import type { ArgsOf } from '../../../shared/contract/api';
import { useClient } from './client';
import { keys } from './live';
import type { Decor } from './decor';

const NO_ATTENTION: Attention = { openComments: [], openFindings: [] };

const NO_ANNOTATIONS: Annotation[] = [];
const NO_LABELS: AnnotationLabel[] = [];

export function useAnnotations(documentId: number | null, fail: (e: unknown) => void) {
  const { client } = useClient();
  const queryClient = useQueryClient();
  const [activeId, setActiveId] = useState<number | null>(null);

  // The label set, the document's annotations and what needs attention are queries of the one
  // cache: refetched when a change here or elsewhere (the feed) invalidates them.
  const labelsQuery = useQuery({ queryKey: keys.labels(), queryFn: (): Promise<AnnotationLabel[]> => client.listLabels({}) });
  const annotationsQuery = useQuery({
    queryKey: keys.annotations(documentId ?? 0),
    queryFn: (): Promise<Annotation[]> => client.listAnnotations({ documentId: documentId!, includeDeleted: true }),
    enabled: documentId !== null,
  });
  const attentionQuery = useQuery({ queryKey: keys.attention(documentId ?? 0), queryFn: (): Promise<Attention> => client.attention({ documentId: documentId! }), enabled: documentId !== null });
  useQueryError(labelsQuery.error ?? annotationsQuery.error ?? attentionQuery.error, fail);
  const labels = labelsQuery.data ?? NO_LABELS;
  const all = (documentId !== null && annotationsQuery.data) || NO_ANNOTATIONS;
  const attention = (documentId !== null && attentionQuery.data) || NO_ATTENTION;

  const refresh = useCallback(() => {
    if (documentId === null) return;
    void queryClient.invalidateQueries({ queryKey: keys.annotations(documentId) });
    void queryClient.invalidateQueries({ queryKey: keys.attention(documentId) });
  }, [queryClient, documentId]);

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
      // the annotation's version as this window read it: an update refused when someone changed it since (issue 16; `fail` offers the conflict view)
      update: (annotationId: number, body: string) =>
        act(() => client.updateAnnotation({ annotationId, body, version: queryClient.getQueryData<Annotation[]>(keys.annotations(documentId ?? 0))?.find((a) => a.id === annotationId)?.version })),
      refresh,
      refreshLabels: () => {
        void queryClient.invalidateQueries({ queryKey: keys.labels() });
        refresh();
      },
      setActiveId,
    }),
    [act, client, refresh, queryClient, documentId],
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
