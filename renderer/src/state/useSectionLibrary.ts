/**
 * The projects and documents of a backend the window is not working on (the library's other
 * sections: this machine, or a team server), read once when the section shows and again on
 * `reload`. Not followed live: opening one of its documents switches the app to that backend,
 * whose own library then follows its feed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { JiaoduiClient } from '../../../shared/contract/api';
import type { DocumentMeta, Project } from '../../../shared/domain/schemas';

export type SectionLibrary = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; projects: Project[]; documents: DocumentMeta[] };

export function useSectionLibrary(client: JiaoduiClient): { library: SectionLibrary; reload: () => void } {
  const [library, setLibrary] = useState<SectionLibrary>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all([client.listProjects({}), client.listDocuments({})]).then(
      ([projects, documents]) => live && setLibrary({ state: 'ok', projects, documents }),
      (e: unknown) => live && setLibrary({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { library, reload };
}
