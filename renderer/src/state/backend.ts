/**
 * The window's backends (issue 19, step 5), provided by components/BackendRoot.tsx: which one the
 * app works on, the team connections, a client per backend (the library lists the others'
 * projects), and the actions that switch, connect and disconnect. The app itself reads only
 * `useClient()`: its client is the active backend's, so grid, findings, claims, history,
 * conflicts and the feed work the same on a team server's project.
 */
import { createContext, useContext } from 'react';
import type { JiaoduiClient } from '../../../shared/contract/api';
import type { BackendId, ConnectionInfo } from '../../../shared/contract/remote';
import type { FeedMessage } from '../../../shared/contract/changes';

export interface BackendControl {
  active: BackendId;
  /** null until listed */
  connections: ConnectionInfo[] | null;
  clientFor: (backend: BackendId) => JiaoduiClient;
  /** the backend's change feed (the library's other sections follow it: state/useSectionLibrary.ts) */
  followFor: (backend: BackendId) => (onMessage: (m: FeedMessage) => void) => () => void;
  /** work on `backend`, opening `documentId` there (the app reloads its state for that backend) */
  open: (backend: BackendId, documentId: number | null) => void;
  connect: (address: string, signIn: string) => Promise<ConnectionInfo>;
  disconnect: (id: string) => Promise<void>;
}

export const BackendContext = createContext<BackendControl | null>(null);

/** The backends, or null outside BackendRoot (tests rendering parts of the app alone). */
export function useBackend(): BackendControl | null {
  return useContext(BackendContext);
}
