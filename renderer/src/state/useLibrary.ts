/** Projects, documents and the Trash, as the API lists them. */
import { useCallback, useState } from 'react';
import type { DocumentMeta, Project } from '../../../shared/domain/schemas';
import type { ArgsOf } from '../../../shared/contract/api';
import { useClient } from './client';

export interface Library {
  projects: Project[];
  documents: DocumentMeta[];
  trash: DocumentMeta[];
  loaded: boolean;
  refresh: () => Promise<{ projects: Project[]; documents: DocumentMeta[] }>;
  createProject: (name: string) => Promise<Project>;
  renameProject: (projectId: number, name: string) => Promise<Project>;
  updateDocument: (args: ArgsOf<'updateDocument'>) => Promise<DocumentMeta>;
  moveDocument: (documentId: number, projectId: number) => Promise<DocumentMeta>;
  trashDocument: (documentId: number) => Promise<DocumentMeta>;
  restoreDocument: (documentId: number) => Promise<DocumentMeta>;
  emptyTrash: () => Promise<number>;
}

export function useLibrary(): Library {
  const { client } = useClient();
  const [projects, setProjects] = useState<Project[]>([]);
  const [documents, setDocuments] = useState<DocumentMeta[]>([]);
  const [trash, setTrash] = useState<DocumentMeta[]>([]);
  const [loaded, setLoaded] = useState(false);

  const refresh = useCallback(async () => {
    const [p, d, tr] = await Promise.all([client.listProjects({}), client.listDocuments({}), client.listDocuments({ trashed: true })]);
    setProjects(p);
    setDocuments(d);
    setTrash(tr);
    setLoaded(true);
    return { projects: p, documents: d };
  }, [client]);

  const after = useCallback(
    async <T,>(p: Promise<T>): Promise<T> => {
      const r = await p;
      await refresh();
      return r;
    },
    [refresh],
  );

  return {
    projects,
    documents,
    trash,
    loaded,
    refresh,
    createProject: (name) => after(client.createProject({ name })),
    renameProject: (projectId, name) => after(client.renameProject({ projectId, name })),
    updateDocument: (args) => after(client.updateDocument(args)),
    moveDocument: (documentId, projectId) => after(client.moveDocument({ documentId, projectId })),
    trashDocument: (documentId) => after(client.trashDocument({ documentId })),
    restoreDocument: (documentId) => after(client.restoreDocument({ documentId })),
    emptyTrash: async () => (await after(client.emptyTrash({}))).deleted,
  };
}
