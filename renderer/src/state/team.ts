/**
 * The app connected to team servers (issue 19, step 5), on the page's side: which backend the
 * window works on (this machine, or a team connection), the per-backend local-storage keys and
 * the library's sections. Pure functions; each connection's health is ./team-health.ts, the HTTP
 * and IPC calls ../team-transport.ts (a chunk of its own), the views components/TeamBanner.tsx,
 * ConnectDialog.tsx and TeamSections.tsx.
 */
import type { BackendId, ConnectionInfo } from '../../../shared/contract/remote';

/** localStorage: the backend this window was last working on (reopened at the next load). */
export const ACTIVE_BACKEND_KEY = 'jiaodui.backend';

/** The backend to start on: the stored one while it is still connected, else this machine. */
export function initialBackend(stored: string | null, connections: readonly ConnectionInfo[] | null): BackendId {
  // a connection id (shared/contract/remote.ts isConnectionId; not imported: this module is on the first screen, that one is not)
  if (stored === null || !/^c-[0-9a-f]{16}$/.test(stored)) return 'local';
  // connections not known yet: trust the stored one (checked again once they are)
  if (connections === null) return stored;
  return connections.some((c) => c.id === stored) ? stored : 'local';
}

/**
 * A per-window key of local storage for one backend: ids of documents and segments are the
 * database's, so this machine's document 3 and a team server's document 3 are different
 * documents. This machine keeps the key as it was (what earlier versions stored still counts).
 */
export function backendKey(key: string, backend: BackendId): string {
  return backend === 'local' ? key : `${key}@${backend}`;
}
