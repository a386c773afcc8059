/** "Connect to a team server…": the server's address and a sign-in address (or its token). */
import { useState } from 'react';
import type { ConnectionInfo } from '../../../shared/contract/remote';
import { useTeamI18n } from '../i18n-team';
import { Modal } from './Modal';
import { serverName } from '../state/team-sections';
import { errorMessage } from '../lib/format';

export function ConnectDialog({ initialAddress = '', onConnect, onConnected, onClose }: { initialAddress?: string; onConnect: (address: string, signIn: string) => Promise<ConnectionInfo>; onConnected: (message: string) => void; onClose: () => void }) {
  const { tm, locale } = useTeamI18n();
  const [address, setAddress] = useState(initialAddress);
  const [signIn, setSignIn] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={tm('team.connect.title')} onClose={onClose} testId="connect-dialog" className="modal-small">
      <form
        className="modal-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy || !signIn.trim()) return;
          setBusy(true);
          setError(null);
          onConnect(address, signIn).then(
            (c) => {
              setBusy(false);
              const server = serverName(c.origin);
              onConnected(c.account ? tm('team.connected', { server, name: c.account.name }) : tm('team.connectedNoName', { server }));
            },
            (err: unknown) => {
              setBusy(false);
              setError(errorMessage(err, locale));
            },
          );
        }}
      >
        <p className="hint">{tm('team.connect.intro')}</p>
        <label htmlFor="connect-address">{tm('team.connect.address')}</label>
        <input id="connect-address" data-testid="connect-address" value={address} autoComplete="url" spellCheck={false} placeholder="https://review.example.org" onChange={(e) => setAddress(e.target.value)} aria-describedby="connect-address-hint" />
        <p className="hint" id="connect-address-hint">
          {tm('team.connect.addressHint')}
        </p>
        <label htmlFor="connect-signin">{tm('team.connect.signIn')}</label>
        <input id="connect-signin" data-testid="connect-signin" value={signIn} autoFocus autoComplete="off" spellCheck={false} onChange={(e) => setSignIn(e.target.value)} aria-describedby="connect-signin-hint" />
        <p className="hint" id="connect-signin-hint">
          {tm('team.connect.signInHint')}
        </p>
        {error && (
          <p className="form-error" role="alert" data-testid="connect-error">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {tm('team.connect.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !signIn.trim()} data-testid="connect-submit">
            {busy ? tm('team.connect.connecting') : tm('team.connect.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
