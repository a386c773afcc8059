/** The API client and the optional Electron shell, provided once to the whole tree. */
import { createContext, useContext } from 'react';
import type { JiaoduiClient } from '../../../shared/contract/api';
import type { ShellBridge } from '../../../shared/commands';
import type { TransportKind } from '../api';

export interface ClientEnv {
  client: JiaoduiClient;
  transport: TransportKind;
  shell: ShellBridge | null;
}

export const ClientContext = createContext<ClientEnv | null>(null);

export function useClient(): ClientEnv {
  const env = useContext(ClientContext);
  if (!env) throw new Error('ClientContext missing');
  return env;
}
