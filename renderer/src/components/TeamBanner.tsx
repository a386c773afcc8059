/**
 * Above the grid while the team server the window works on cannot be reached, or has signed this
 * app out: names the server, says the unsaved edit stays in the editor, and when the next try is
 * (state/useTeamHealth.ts retries with backoff; the banner goes once any answer comes). Also while
 * it refuses the change feed (a 403, a connection the local server no longer knows): other
 * reviewers' changes no longer arrive live; it quotes the server and offers a try now (the feed
 * keeps trying meanwhile; the banner goes once the feed opens).
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { JiaoduiClient } from '../../../shared/contract/api';
import type { ConnectionInfo } from '../../../shared/contract/remote';
import type { ClaimStore } from '../state/claim-store';
import { keepAcrossReloads, type KeptReview, type KeptSync } from '../state/kept-storage';
import { serverName } from '../state/team-sections';
import { useTeamHealth } from '../state/useTeamHealth';
import { followBacks, refusalError, refusalIsGoneConnection } from '../state/team-health';
import { errorMessage } from '../lib/format';
import { loadChineseErrors } from '../i18n-errors';
import { useTeamI18n } from '../i18n-team';

export function TeamBanner({
  connection,
  client,
  onReconnect,
  onBack,
  notify,
  review,
  claims,
}: {
  connection: ConnectionInfo;
  client: JiaoduiClient;
  onReconnect: () => void;
  onBack: () => void;
  notify: (message: string) => void;
  /** what the window keeps for the server (useReview's actions, App's claim store), stored across reloads */
  review: KeptReview;
  claims: ClaimStore;
}) {
  const { tm, locale } = useTeamI18n();
  // Kept writes survive a reload (state/kept-storage.ts): put back (and retried) once, then stored
  // again after every render — the banner renders with the app, whose renders follow every write
  // kept, sent or answered and every keystroke of a kept edit.
  const kept = useRef<KeptSync | null>(null);
  useEffect(() => {
    kept.current ??= keepAcrossReloads(connection, review, claims, notify, onBack);
    kept.current();
  });
  const server = serverName(connection.origin);
  // the connection's health, retried with backoff while unreachable
  const { health, nextRetryAt, retryNow: onRetry } = useTeamHealth(connection.id, client);
  // back after being unreachable: say so once (the banner goes), send what was kept — every time it
  // comes back, heard from the health itself (state/team-health.ts followBacks), not from a render
  const back = useEffectEvent(() => {
    notify(tm('team.back', { server }));
    onBack();
    kept.current?.(true);
  });
  useEffect(() => followBacks(connection.id, back), [connection.id]);
  // a refused feed quotes the server in the UI language: shown again once the Chinese templates are loaded
  const [, setErrorsLoaded] = useState(false);
  const refused = health.state === 'feed-refused';
  useEffect(() => {
    if (refused && locale === 'zh-Hant') void loadChineseErrors().then(() => setErrorsLoaded(true));
  }, [refused, locale]);
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
  if (health.state === 'feed-refused') {
    return (
      <div className="team-banner is-feed-refused" role="alert" data-testid="team-banner">
        <span>{tm(health.failed ? 'team.banner.feedFailed' : 'team.banner.feedRefused', { server })}</span>
        <span className="hint" data-testid="team-banner-reason">
          {tm('team.banner.feedRefusedSaid', { reason: errorMessage(refusalError(health), locale) })}
        </span>
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {tm('team.banner.retryNow')}
        </button>
        {refusalIsGoneConnection(health) && (
          <button type="button" className="btn btn-small" onClick={onReconnect}>
            {tm('team.banner.reconnect')}
          </button>
        )}
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
