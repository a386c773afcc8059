/**
 * Where the app's projects come from (issue 19, step 5): this machine, or a team server the app
 * is connected to. Holds the connections (listed by the local server or Electron's main, which
 * keep their sessions) and the backend the window works on, and renders the app with that
 * backend's client, feed and a query cache of its own: opening a team project re-mounts the app
 * on the team's backend (ids are per database, so nothing of the other backend's state carries
 * over). The choice is remembered in local storage (state/team.ts ACTIVE_BACKEND_KEY). The
 * team transport is a chunk of its own (../team-transport.ts), loaded at start.
 */
import { Fragment, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { JiaoduiClient } from '../../../shared/contract/api';
import type { BackendId, ConnectionInfo } from '../../../shared/contract/remote';
import type { TeamTransport } from '../team-transport';
import { ClientContext, useClient, type ClientEnv } from '../state/client';
import { BackendContext, type BackendControl } from '../state/backend';
import { createQueryClient, QueryClientProvider } from '../state/queries';
import { ACTIVE_BACKEND_KEY, backendKey, initialBackend } from '../state/team';
import { LAST_DOCUMENT_KEY } from '../state/useReview';

export function BackendRoot({ children }: { children: ReactNode }) {
  const local = useClient();
  const [team, setTeam] = useState<{ transport: TeamTransport; clients: Map<string, JiaoduiClient> } | null>(null);
  const [connections, setConnections] = useState<ConnectionInfo[] | null>(null);
  // the backend and its own query cache change together
  const [view, setView] = useState(() => ({ active: initialBackend(localStorage.getItem(ACTIVE_BACKEND_KEY), null), cache: createQueryClient() }));

  const switchTo = useCallback((backend: BackendId) => {
    localStorage.setItem(ACTIVE_BACKEND_KEY, backend);
    setView((v) => (v.active === backend ? v : { active: backend, cache: createQueryClient() }));
  }, []);

  useEffect(() => {
    let live = true;
    import('../team-transport')
      .then(async (m) => {
        const transport = m.createTeamTransport();
        if (live) setTeam({ transport, clients: new Map() });
        return transport.bridge.list();
      })
      .then(
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
  }, [switchTo]);

  const clientFor = useCallback(
    (backend: BackendId): JiaoduiClient => {
      if (backend === 'local') return local.client;
      if (!team) throw new Error('The team connections are not loaded yet.');
      let c = team.clients.get(backend);
      if (!c) team.clients.set(backend, (c = team.transport.client(backend)));
      return c;
    },
    [local.client, team],
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
        if (!team) throw new Error('The team connections are not loaded yet.');
        const info = await team.transport.bridge.connect(address, signIn);
        team.clients.delete(info.id);
        setConnections((list) => [...(list ?? []).filter((c) => c.id !== info.id), info]);
        return info;
      },
      disconnect: async (id) => {
        if (!team) return;
        await team.transport.bridge.disconnect(id);
        team.clients.delete(id);
        setConnections((list) => (list ?? []).filter((c) => c.id !== id));
        if (view.active === id) switchTo('local');
      },
    }),
    [view.active, connections, clientFor, team, switchTo],
  );

  const env = useMemo<ClientEnv | null>(() => {
    const active = view.active;
    if (active === 'local') return { ...local, backend: 'local' };
    if (!team) return null;
    return { client: clientFor(active), transport: local.transport, shell: local.shell, backend: active, follow: (cb) => team.transport.follow(active, cb) };
  }, [view.active, local, clientFor, team]);

  // a team backend from the last visit: wait until the connections say it is still there
  if (env === null || (view.active !== 'local' && connections === null)) return null;
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
