/**
 * The health of the team connection the window works on (state/team-health.ts), and the retry loop
 * while it is unreachable: a light call (`whoAmI`) after 1, 2, 4 … 30 s
 * (shared/contract/remote.ts retryDelayMs); any answer — that call's, another call's, the feed's —
 * marks it back, with no reload. While the feed is refused, the feed itself keeps trying (its
 * slowest pace: state/feed.ts followHttp, or Electron's main); `retryNow` tries at once — the
 * call, or the feed when it is the feed that was refused.
 */
import { useCallback, useEffect, useState } from 'react';
import type { JiaoduiClient } from '../../../shared/contract/api';
import { retryDelayMs, type BackendId } from '../../../shared/contract/remote';
import { onTeamHealth, reportTeam, retryFeedNow, teamHealth, type TeamHealth } from './team-health';

export function useTeamHealth(backend: BackendId, client: JiaoduiClient): { health: TeamHealth; nextRetryAt: number | null; retryNow: () => void } {
  const [health, setHealth] = useState<TeamHealth>(() => (backend === 'local' ? { state: 'ok' } : teamHealth(backend)));
  const [nextRetryAt, setNextRetryAt] = useState<number | null>(null);
  useEffect(() => {
    if (backend === 'local') return;
    setHealth(teamHealth(backend));
    return onTeamHealth((id, h) => {
      if (id === backend) setHealth(h);
    });
  }, [backend]);

  const ping = useCallback(() => {
    if (backend === 'local') return;
    client.whoAmI({}).then(
      () => undefined, // the answer itself reported 'answered' (api.ts)
      (e: unknown) => {
        if (teamHealth(backend).state === 'unreachable') reportTeam(backend, { kind: 'retry-failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
  }, [backend, client]);

  const attempt = health.state === 'unreachable' ? health.attempt : -1;
  useEffect(() => {
    if (attempt < 0) {
      setNextRetryAt(null);
      return;
    }
    const delay = retryDelayMs(attempt);
    setNextRetryAt(Date.now() + delay);
    const timer = window.setTimeout(ping, delay);
    return () => window.clearTimeout(timer);
  }, [attempt, ping]);

  const retryNow = useCallback(() => {
    if (backend !== 'local' && teamHealth(backend).state === 'feed-refused') retryFeedNow(backend);
    else ping();
  }, [backend, ping]);

  return { health, nextRetryAt, retryNow };
}
