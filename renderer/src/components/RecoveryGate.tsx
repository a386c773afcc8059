/**
 * Start-up guard: renders the app once the database is usable, else the recovery screen
 * (components/RecoveryScreen.tsx, a chunk of its own: a damaged database is rare, and the
 * first screen's JavaScript has a size target).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useClient } from '../state/client';
import { RecoveryScreen } from '../lazy';
import type { Status } from './RecoveryScreen';

/** Renders children once the database is usable; the recovery screen until then. */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const { client } = useClient();
  const [status, setStatus] = useState<Status | 'ok' | null>(null);
  useEffect(() => {
    let live = true;
    client.recoveryStatus({}).then(
      (s) => live && setStatus(s.state === 'ok' ? 'ok' : s),
      () => live && setStatus('ok'), // the app's own error handling takes over
    );
    return () => {
      live = false;
    };
  }, [client]);
  if (status === null) return null;
  if (status === 'ok') return <>{children}</>;
  return <RecoveryScreen status={status} onDone={() => setStatus('ok')} />;
}

