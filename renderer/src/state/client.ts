/** The API client and the optional Electron shell, provided once to the whole tree. */
import { createContext, useContext } from 'react';
import type { JiaoduiClient } from '../../../shared/contract/api';
import type { ShellBridge } from '../../../shared/commands';
import type { TransportKind } from '../api';
import type { BackendId } from '../../../shared/contract/remote';
import type { FeedMessage } from '../../../shared/contract/changes';

export interface ClientEnv {
  client: JiaoduiClient;
  transport: TransportKind;
  shell: ShellBridge | null;
  /** Where the window's projects live: this machine (default) or a team connection (state/team.ts, components/BackendRoot.tsx). */
  backend?: BackendId;
  /** Follow the backend's change feed (default: this machine's, state/feed.ts followFeed). */
  follow?: (onMessage: (m: FeedMessage) => void) => () => void;
}

export const ClientContext = createContext<ClientEnv | null>(null);

export function useClient(): ClientEnv {
  const env = useContext(ClientContext);
  if (!env) throw new Error('ClientContext missing');
  return env;
}
