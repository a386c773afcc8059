/**
 * Above the grid while the team server the window works on cannot be reached, or has signed this
 * app out: names the server, says the unsaved edit stays in the editor, and when the next try is
 * (state/useTeamHealth.ts retries with backoff; the banner goes once any answer comes).
 */
import { useEffect, useState } from 'react';
import type { TeamHealth } from '../state/team';
import { useTeamI18n } from '../i18n-team';

export function TeamBanner({ server, health, nextRetryAt, onRetry, onReconnect }: { server: string; health: TeamHealth; nextRetryAt: number | null; onRetry: () => void; onReconnect: () => void }) {
  const { tm } = useTeamI18n();
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
