/**
 * The projects and documents of a backend the window is not working on (the library's other
 * sections: this machine, or a team server), read when the section shows, on `reload`, and again
 * whenever that backend's change feed says its library changed (team-sections.ts
 * sectionNeedsReload: an import, a rename, a document trashed there…), a moment later so that a
 * burst of changes is read once. The lists stay shown while they are read again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { JiaoduiClient } from '../../../shared/contract/api';
import type { FeedMessage } from '../../../shared/contract/changes';
import type { DocumentMeta, Project } from '../../../shared/domain/schemas';
import { SECTION_RELOAD_DELAY_MS, sectionNeedsReload } from './team-sections';

export type SectionLibrary = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ok'; projects: Project[]; documents: DocumentMeta[] };

/** `follow`: the backend's change feed (none: read only when shown and on reload). */
export function useSectionLibrary(client: JiaoduiClient, follow?: ((onMessage: (m: FeedMessage) => void) => () => void) | null): { library: SectionLibrary; reload: () => void } {
  const [library, setLibrary] = useState<SectionLibrary>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all([client.listProjects({}), client.listDocuments({})]).then(
      ([projects, documents]) => live && setLibrary({ state: 'ok', projects, documents }),
      (e: unknown) => live && setLibrary({ state: 'error', error: e }), // worded in the UI language where shown
    );
    return () => {
      live = false;
    };
  }, [client, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    if (!follow) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = follow((m) => {
      if (!sectionNeedsReload(m) || timer) return;
      timer = setTimeout(() => {
        timer = null;
        reload();
      }, SECTION_RELOAD_DELAY_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [follow, reload]);
  return { library, reload };
}
