/**
 * Projects, documents and the Trash, as the API lists them: one query of the window's cache
 * (keys.library in ./live.ts), refetched when this window's library actions or the change feed
 * (an import on the command line, a document trashed in another window) invalidate it.
 */
import { useCallback, useMemo } from 'react';
import type { DocumentMeta, Project } from '../../../shared/domain/schemas';
import type { ArgsOf } from '../../../shared/contract/api';
import { useClient } from './client';
import { useQuery, useQueryClient } from './queries';
import { keys } from './live';

export interface Library {
  projects: Project[];
  documents: DocumentMeta[];
  trash: DocumentMeta[];
  loaded: boolean;
  /** the lists read again (invalidates the query; resolves with the fresh lists) */
  refresh: () => Promise<{ projects: Project[]; documents: DocumentMeta[] }>;
  createProject: (name: string) => Promise<Project>;
  renameProject: (projectId: number, name: string) => Promise<Project>;
  updateDocument: (args: ArgsOf<'updateDocument'>) => Promise<DocumentMeta>;
  moveDocument: (documentId: number, projectId: number) => Promise<DocumentMeta>;
  trashDocument: (documentId: number) => Promise<DocumentMeta>;
  restoreDocument: (documentId: number) => Promise<DocumentMeta>;
  emptyTrash: () => Promise<number>;
}

interface Lists {
  projects: Project[];
  documents: DocumentMeta[];
  trash: DocumentMeta[];
}

const NONE: Lists = { projects: [], documents: [], trash: [] };

export function useLibrary(): Library {
  const { client } = useClient();
  const queryClient = useQueryClient();
  const fetchLists = useCallback(async (): Promise<Lists> => {
    const [projects, documents, trash] = await Promise.all([client.listProjects({}), client.listDocuments({}), client.listDocuments({ trashed: true })]);
    return { projects, documents, trash };
  }, [client]);
  // errors of the background refetch are reported by whoever awaits refresh(); the lists stay as they were
  const lists = useQuery({ queryKey: keys.library(), queryFn: fetchLists });

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: keys.library() });
    const snap = queryClient.snapshot(keys.library());
    if (snap.error) throw snap.error;
    // not observed yet (first render still pending): read the lists once and put them in place
    let data = snap.data as Lists | undefined;
    if (!data) {
      data = await fetchLists();
      queryClient.setQueryData(keys.library(), data);
    }
    return { projects: data.projects, documents: data.documents };
  }, [queryClient, fetchLists]);

  const after = useCallback(
    async <T,>(p: Promise<T>): Promise<T> => {
      const r = await p;
      await refresh();
      return r;
    },
    [refresh],
  );

  const data = lists.data ?? NONE;
  return useMemo(
    () => ({
      projects: data.projects,
      documents: data.documents,
      trash: data.trash,
      loaded: lists.data !== undefined,
      refresh,
      createProject: (name) => after(client.createProject({ name })),
      renameProject: (projectId, name) => after(client.renameProject({ projectId, name })),
      updateDocument: (args) => after(client.updateDocument(args)),
      moveDocument: (documentId, projectId) => after(client.moveDocument({ documentId, projectId })),
      trashDocument: (documentId) => after(client.trashDocument({ documentId })),
      restoreDocument: (documentId) => after(client.restoreDocument({ documentId })),
      emptyTrash: async () => (await after(client.emptyTrash({}))).deleted,
    }),
    [data, lists.data, refresh, after, client],
  );
}
