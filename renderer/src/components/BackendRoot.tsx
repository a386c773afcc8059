/**
 * Where the app's projects come from (issue 19, step 5): this machine, or a team server the app
 * is connected to. Holds the connections (listed by the local server or Electron's main, which
 * keep their sessions) and the backend the window works on, and renders the app with that
 * backend's client, feed and a query cache of its own: opening a team project re-mounts the app
 * on the team's backend (ids are per database, so nothing of the other backend's state carries
 * over). The choice is remembered in local storage (state/team.ts ACTIVE_BACKEND_KEY).
 */
import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { JiaoduiClient } from '../../../shared/contract/api';
import type { BackendId, ConnectionInfo } from '../../../shared/contract/remote';
import { createRemoteBridge, createTeamClient } from '../api';
import { ClientContext, useClient, type ClientEnv } from '../state/client';
import { BackendContext, type BackendControl } from '../state/backend';
import { createQueryClient, QueryClientProvider } from '../state/queries';
import { followTeamFeed } from '../state/feed';
import { ACTIVE_BACKEND_KEY, backendKey, initialBackend, resetTeam } from '../state/team';
import { LAST_DOCUMENT_KEY } from '../state/useReview';

export function BackendRoot({ children }: { children: ReactNode }) {
  const local = useClient();
  const remote = useMemo(() => createRemoteBridge(), []);
  const [connections, setConnections] = useState<ConnectionInfo[] | null>(null);
  // the backend and its own query cache change together
  const [view, setView] = useState(() => ({ active: initialBackend(localStorage.getItem(ACTIVE_BACKEND_KEY), null), cache: createQueryClient() }));
  const clients = useRef(new Map<string, JiaoduiClient>());

  const switchTo = useCallback((backend: BackendId) => {
    localStorage.setItem(ACTIVE_BACKEND_KEY, backend);
    setView((v) => (v.active === backend ? v : { active: backend, cache: createQueryClient() }));
  }, []);

  useEffect(() => {
    let live = true;
    remote.list().then(
      (list) => {
        if (!live) return;
        setConnections(list);
        // a stored team backend that is no longer connected: back to this machine
        const stored = localStorage.getItem(ACTIVE_BACKEND_KEY);
        if (initialBackend(stored, list) !== initialBackend(stored, null)) switchTo('local');
      },
      () => live && setConnections([]),
    );
    return () => {
      live = false;
    };
  }, [remote, switchTo]);

  const clientFor = useCallback(
    (backend: BackendId): JiaoduiClient => {
      if (backend === 'local') return local.client;
      let c = clients.current.get(backend);
      if (!c) clients.current.set(backend, (c = createTeamClient(backend)));
      return c;
    },
    [local.client],
  );

  const control = useMemo<BackendControl>(
    () => ({
      active: view.active,
      connections,
      clientFor,
      open: (backend, documentId) => {
        if (documentId !== null) localStorage.setItem(backendKey(LAST_DOCUMENT_KEY, backend), String(documentId));
        switchTo(backend);
      },
      connect: async (address, signIn) => {
        const info = await remote.connect(address, signIn);
        resetTeam(info.id);
        setConnections((list) => [...(list ?? []).filter((c) => c.id !== info.id), info]);
        return info;
      },
      disconnect: async (id) => {
        await remote.disconnect(id);
        resetTeam(id);
        clients.current.delete(id);
        setConnections((list) => (list ?? []).filter((c) => c.id !== id));
        if (view.active === id) switchTo('local');
      },
    }),
    [view.active, connections, clientFor, remote, switchTo],
  );

  const env = useMemo<ClientEnv>(() => {
    const active = view.active;
    if (active === 'local') return { ...local, backend: 'local' };
    return { client: clientFor(active), transport: local.transport, shell: local.shell, backend: active, follow: (cb) => followTeamFeed(active, cb) };
  }, [view.active, local, clientFor]);

  // a team backend from the last visit: wait until the connections say it is still there
  if (view.active !== 'local' && connections === null) return null;
  return (
    <BackendContext.Provider value={control}>
      <QueryClientProvider client={view.cache}>
        <ClientContext.Provider value={env}>
          <Fragment key={view.active}>{children}</Fragment>
        </ClientContext.Provider>
      </QueryClientProvider>
    </BackendContext.Provider>
  );
}
