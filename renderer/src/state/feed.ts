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

/** A streamed GET of NDJSON feed lines, reconnecting from the last seq seen. */
export function followHttp(path: string, onMessage: (m: FeedMessage) => void, on: { opened?: () => void; refused: (res: Response) => void | Promise<void> }): () => void {
  const ac = new AbortController();
  let since: number | null = null;
  let failures = 0;
  const run = async () => {
    while (!ac.signal.aborted) {
      try {
        const query = `?client=${WINDOW_ID}${since === null ? '' : `&since=${since}`}`;
        const res = await fetch(path + query, { credentials: 'same-origin', signal: ac.signal });
        if (!res.ok || !res.body) {
          await on.refused(res);
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
            else since ??= m.seq;
            onMessage(m);
          }
        }
      } catch {
        if (ac.signal.aborted) return;
      }
      await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]));
    }
  };
  void run();
  return () => ac.abort();
}
