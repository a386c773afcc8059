/**
 * Start-up guard: renders the app once the database is usable, else the recovery screen
 * (components/RecoveryScreen.tsx, a chunk of its own: a damaged database is rare, and the
 * first screen's JavaScript has a size target), told who is calling (whoAmI answers in the
 * recovery state too): only an admin, or local use, is offered the choices.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useClient } from '../state/client';
import { RecoveryScreen } from '../lazy';
import type { Status } from './RecoveryScreen';
import type { Account } from '../state/permissions';

/** Renders children once the database is usable; the recovery screen until then. */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const { client } = useClient();
  const [status, setStatus] = useState<{ status: Status; account: Account } | 'ok' | null>(null);
  useEffect(() => {
    let live = true;
    client.recoveryStatus({}).then(
      async (s) => {
        if (s.state === 'ok') return live && setStatus('ok');
        // who may choose: an unanswered whoAmI leaves the choices offered (the service still refuses a non-admin)
        const account = await client.whoAmI({}).then((w) => w.account, () => null);
        if (live) setStatus({ status: s, account });
      },
      () => live && setStatus('ok'), // the app's own error handling takes over
    );
    return () => {
      live = false;
    };
  }, [client]);
  if (status === null) return null;
  if (status === 'ok') return <>{children}</>;
  return <RecoveryScreen status={status.status} account={status.account} onDone={() => setStatus('ok')} />;
}

