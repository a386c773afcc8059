/**
 * Where the app's projects come from (issue 19, step 5): this machine, or a team server the app
 * is connected to. Holds the backend the window works on and the connections (listed by the local
 * server or Electron's main, which keep their sessions), and renders the app with that backend's
 * client, feed and a query cache of its own: opening a team project re-mounts the app on the
 * team's backend (ids are per database, so nothing of the other backend's state carries over).
 * The choice is remembered in local storage (state/team.ts ACTIVE_BACKEND_KEY). Only this state
 * is on the first screen; the team transport and the control over it are a chunk of their own
 * (../team-transport.ts), loaded at start.
 */
import { Fragment, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { BackendId, ConnectionInfo } from '../../../shared/contract/remote';
import type { TeamRuntime } from '../team-transport';
import { ClientContext, useClient } from '../state/client';
import { BackendContext } from '../state/backend';
import { createQueryClient, QueryClientProvider } from '../state/queries';
import { ACTIVE_BACKEND_KEY, initialBackend } from '../state/team';

type TeamModule = typeof import('../team-transport');

export function BackendRoot({ children }: { children: ReactNode }) {
  const local = useClient();
  const [team, setTeam] = useState<{ m: TeamModule; rt: TeamRuntime } | null>(null);
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
      .then((m) => {
        const rt = m.startTeamRuntime();
        if (live) setTeam({ m, rt });
        return rt.transport.bridge.list();
      })
      .then(
        (list) => {
          if (!live) return;
          setConnections(list);
          // a stored team backend that is no longer connected: back to this machine
          if (initialBackend(localStorage.getItem(ACTIVE_BACKEND_KEY), list) === 'local') switchTo('local');
        },
        () => live && setConnections([]),
      );
    return () => {
      live = false;
    };
  }, [switchTo]);

  const control = useMemo(
    () => (team ? team.m.backendControl(team.rt, { active: view.active, connections, local: local.client, localFollow: local.follow, setConnections, switchTo }) : null),
    [team, view.active, connections, local.client, local.follow, switchTo],
  );
  const env = useMemo(() => (view.active === 'local' ? { ...local, backend: view.active } : team ? team.m.teamEnv(team.rt, local, view.active) : null), [view.active, local, team]);

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
