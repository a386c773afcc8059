/**
 * Following the change feed from the renderer: under Electron through the preload's
 * window.jiaoduiFeed (IPC events), in browser mode as a streamed fetch of GET /api/feed signed in
 * by the session cookie, reconnecting from the last seq seen (a 401 raises the session-ended
 * signal; the retries go on, so the feed resumes once the page signs in again). Either way
 * the window's own writes are left out by the other side (it applied their results already).
 */
import { FEED_GLOBAL, splitFeedLines, type FeedBridge, type FeedMessage } from '../../../shared/contract/changes';
import { HTTP_FEED_PATH } from '../../../shared/contract/transport';
import { WINDOW_ID } from '../api';
import { reportSessionEnded } from './session';

declare global {
  interface Window {
    [FEED_GLOBAL]?: FeedBridge;
  }
}


/** Reconnect delays after a dropped stream (the server restarting, the laptop waking). */
const RETRY_MS = [250, 1000, 3000, 10_000];

/** Follow the feed; returns the function that stops following. */
export function followFeed(onMessage: (m: FeedMessage) => void): () => void {
  const bridge = window[FEED_GLOBAL];
  if (bridge) return bridge.subscribe(0, onMessage);
  return followHttp(HTTP_FEED_PATH, onMessage, {
    refused: (res) => {
      if (res.status === 401) reportSessionEnded();
    },
  });
}

export interface FollowHttpHooks {
  /** the stream opened */
  opened?: () => void;
  /** the feed answered with an error instead; 'slowest' when a quick retry will not mend it (wait the longest delay) */
  refused: (res: Response) => void | 'slowest' | Promise<void | 'slowest'>;
  /** listen for "try again now" (cuts the wait before the next attempt short); returns the function that stops listening */
  wake?: (retry: () => void) => () => void;
}

/**
 * A streamed GET of NDJSON feed lines, reconnecting from the last seq seen. A stream that opens
 * only after failing, with nothing seen before, cannot replay what changed meanwhile: its first
 * heartbeat comes with a resync, so the window reads everything again.
 */
export function followHttp(path: string, onMessage: (m: FeedMessage) => void, on: FollowHttpHooks): () => void {
  const ac = new AbortController();
  let since: number | null = null;
  let failures = 0;
  let failedBeforeFirst = false;
  let wakeUp: (() => void) | null = null;
  const stopWake = on.wake?.(() => wakeUp?.());
  const run = async () => {
    while (!ac.signal.aborted) {
      try {
        const query = `?client=${WINDOW_ID}${since === null ? '' : `&since=${since}`}`;
        const res = await fetch(path + query, { credentials: 'same-origin', signal: ac.signal });
        if (!res.ok || !res.body) {
          if ((await on.refused(res)) === 'slowest') failures = RETRY_MS.length - 1;
          throw new Error(`feed answered ${res.status}`);
        }
        on.opened?.();
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          failures = 0;
          const { messages, rest } = splitFeedLines(buffer + value);
          buffer = rest;
          for (const m of messages) {
            // after a reconnect the server replays from `since`; the first line (a heartbeat) says where it stands
            if (m.type !== 'heartbeat') since = m.seq;
            else if (since === null) {
              since = m.seq;
              if (failedBeforeFirst) onMessage({ type: 'resync', seq: m.seq });
            }
            onMessage(m);
          }
        }
      } catch {
        if (ac.signal.aborted) return;
      }
      if (since === null) failedBeforeFirst = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
        wakeUp = done;
        function done() {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        }
      });
    }
  };
  void run();
  return () => {
    stopWake?.();
    ac.abort();
    wakeUp?.();
  };
}
