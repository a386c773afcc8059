/**
 * Above the grid while the team server the window works on cannot be reached, or has signed this
 * app out: names the server, says the unsaved edit stays in the editor, and when the next try is
 * (state/useTeamHealth.ts retries with backoff; the banner goes once any answer comes).
 */
import { useEffect, useRef, useState } from 'react';
import type { JiaoduiClient } from '../../../shared/contract/api';
import type { ConnectionInfo } from '../../../shared/contract/remote';
import { serverName } from '../state/team-sections';
import { useTeamHealth } from '../state/useTeamHealth';
import { useTeamI18n } from '../i18n-team';

export function TeamBanner({ connection, client, onReconnect, onBack, notify }: { connection: ConnectionInfo; client: JiaoduiClient; onReconnect: () => void; onBack: () => void; notify: (message: string) => void }) {
  const { tm } = useTeamI18n();
  const server = serverName(connection.origin);
  // the connection's health, retried with backoff while unreachable
  const { health, nextRetryAt, retryNow: onRetry } = useTeamHealth(connection.id, client);
  // back after being unreachable: say so once (the banner goes)
  const last = useRef(health.state);
  useEffect(() => {
    if (last.current === 'unreachable' && health.state === 'ok') {
      notify(tm('team.back', { server }));
      onBack();
    }
    last.current = health.state;
  }, [health.state, notify, tm, server, onBack]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (nextRetryAt === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [nextRetryAt]);
  if (health.state === 'ok') return null;
  if (health.state === 'signed-out') {
    return (
      <div className="team-banner is-signed-out" role="alert" data-testid="team-banner">
        <span>{tm('team.banner.signedOut', { server })}</span>
        <button type="button" className="btn btn-small" onClick={onReconnect}>
          {tm('team.banner.reconnect')}
        </button>
      </div>
    );
  }
  const seconds = nextRetryAt === null ? null : Math.max(0, Math.ceil((nextRetryAt - now) / 1000));
  return (
    <div className="team-banner is-unreachable" role="alert" data-testid="team-banner">
      <span>{tm('team.banner.unreachable', { server })}</span>
      {seconds !== null && <span className="hint">{tm('team.banner.retrying', { seconds })}</span>}
      <button type="button" className="btn btn-small" onClick={onRetry}>
        {tm('team.banner.retryNow')}
      </button>
    </div>
  );
}
