/**
 * The window follows the change feed (./feed.ts): each change made elsewhere is planned by
 * ./live.ts against what the window shows, then the query cache is invalidated and the open
 * document's rows patched (only the rows named, fetched by id). Messages are applied one at a
 * time, in order, so an older fetch never overwrites a newer row.
 */
import { useEffect, useEffectEvent } from 'react';
import { useQueryClient } from './queries';
import type { FeedMessage } from '../../../shared/contract/changes';
import { followFeed } from './feed';
import { planEverything, planRemoteChange } from './live';
import { useClient } from './client';
import type { Review } from './useReview';

export function useLiveUpdates(review: Review, fail: (e: unknown) => void): void {
  const queryClient = useQueryClient();
  // the open backend's feed: this machine's, or a team server's (state/team.ts)
  const follow = useClient().follow ?? followFeed;

  const apply = useEffectEvent(async (m: FeedMessage) => {
    if (m.type === 'heartbeat') return;
    const view = { documentId: review.doc?.id ?? null, projectId: review.doc?.projectId ?? null };
    const plan = m.type === 'resync' ? planEverything(view) : planRemoteChange(m, view);
    // the library lists and search results are queries too (keys.library, keys.search): the plan names them
    for (const queryKey of plan.invalidate) void queryClient.invalidateQueries({ queryKey });
    await review.actions.applyRemote(plan);
  });

  useEffect(() => {
    let chain = Promise.resolve();
    const stop = follow((m) => {
      chain = chain.then(() => apply(m)).catch(fail);
    });
    return stop;
  }, [fail, follow]);
}
