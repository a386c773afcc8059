/**
 * Projects, documents and the Trash, as the API lists them: one query of the window's cache
 * (keys.library in ./live.ts), refetched when this window's library actions or the change feed
 * (an import on the command line, a document trashed in another window) invalidate it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentMeta, Project } from '../../../shared/domain/schemas';
import type { ArgsOf } from '../../../shared/contract/api';
import { useClient } from './client';
import { useQuery, useQueryClient } from './queries';
import { keys } from './live';
import { libraryToShow, parseLibrarySnapshot, serializeLibrarySnapshot, type LibrarySnapshot } from './library-snapshot';

export interface Library {
  projects: Project[];
  documents: DocumentMeta[];
  trash: DocumentMeta[];
  loaded: boolean;
  /**
   * Not live: the team server could not be reached, so the projects and documents are the last
   * known ones (state/library-snapshot.ts), read at this time (ISO); null when the lists are live.
   */
  staleSince: string | null;
  /** the lists read again (invalidates the query; resolves with the fresh lists) */
  refresh: () => Promise<{ projects: Project[]; documents: DocumentMeta[] }>;
  createProject: (name: string) => Promise<Project>;
  renameProject: (projectId: number, name: string) => Promise<Project>;
  /** an empty project, with its glossary (refused while it holds documents, in the Trash too) */
  deleteProject: (projectId: number) => Promise<unknown>;
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

export interface LibraryOptions {
  /** a team server's backend: where its last known library is kept (state/library-snapshot.ts); none for this computer */
  snapshotKey?: string | null;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export function useLibrary({ snapshotKey = null, storage = localStorage }: LibraryOptions = {}): Library {
  const { client } = useClient();
  const queryClient = useQueryClient();
  const fetchLists = useCallback(async (): Promise<Lists> => {
    const [projects, documents, trash] = await Promise.all([client.listProjects({}), client.listDocuments({}), client.listDocuments({ trashed: true })]);
    return { projects, documents, trash };
  }, [client]);
  // errors of the background refetch are reported by whoever awaits refresh(); the lists stay as they were
  const lists = useQuery({ queryKey: keys.library(), queryFn: fetchLists });

  // a team server's library as last read, shown (read-only, not live) while the server cannot be reached
  const [snapshot, setSnapshot] = useState<LibrarySnapshot | null>(() => {
    if (!snapshotKey) return null;
    try {
      return parseLibrarySnapshot(storage.getItem(snapshotKey));
    } catch {
      return null;
    }
  });
  useEffect(() => {
    if (!snapshotKey || !lists.data) return;
    const next: LibrarySnapshot = { at: new Date().toISOString(), projects: lists.data.projects, documents: lists.data.documents };
    setSnapshot(next);
    try {
      storage.setItem(snapshotKey, serializeLibrarySnapshot(next));
    } catch {
      // storage full or disabled: the library is only not kept for the next load
    }
  }, [snapshotKey, lists.data, storage]);
  const shown = libraryToShow(lists.data, lists.error, snapshot);

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
  const projects = shown.lists?.projects ?? NONE.projects;
  const documents = shown.lists?.documents ?? NONE.documents;
  const staleSince = shown.staleSince;
  return useMemo(
    () => ({
      projects,
      documents,
      trash: data.trash,
      loaded: lists.data !== undefined,
      staleSince,
      refresh,
      createProject: (name) => after(client.createProject({ name })),
      renameProject: (projectId, name) => after(client.renameProject({ projectId, name })),
      deleteProject: (projectId) => after(client.deleteProject({ projectId })),
      updateDocument: (args) => after(client.updateDocument(args)),
      moveDocument: (documentId, projectId) => after(client.moveDocument({ documentId, projectId })),
      trashDocument: (documentId) => after(client.trashDocument({ documentId })),
      restoreDocument: (documentId) => after(client.restoreDocument({ documentId })),
      emptyTrash: async () => (await after(client.emptyTrash({}))).deleted,
    }),
    [data, projects, documents, staleSince, lists.data, refresh, after, client],
  );
}
