/**
 * Following a team server's change feed for a window (electron/main.ts wires it; no Electron here,
 * so it runs and is tested under plain Node): its messages and its status (answered: ok; or the
 * answer's error — unreachable, signed out, refused), reconnecting from the last seq with backoff.
 * It stops when the window stops it, and when the connection is no longer known (disconnected
 * here or in another window or process): nothing could answer it again, so retrying every 30 s
 * for the life of the window would only ask for a 404.
 */
import { splitFeedLines } from '../shared/contract/changes';
import { retryDelayMs, type TeamFeedStatus } from '../shared/contract/remote';
import { teamFeedQuery, teamFeedStatus } from './remote-routing';

/** What of a feed's HTTP response is read (an IncomingMessage is one). */
export interface FeedStream extends AsyncIterable<string | Buffer> {
  setEncoding(encoding: 'utf8'): unknown;
  destroy(): unknown;
}

export interface TeamFeedSource {
  /** The feed's stream, or the answer given instead (core/remote/connections.ts TeamConnections.feed). */
  feed(id: string, query: string): Promise<{ stream: FeedStream } | { answer: { status: number; body: string | Buffer } }>;
  /** Is the connection still known (TeamConnections.list, which reads the shared file again)? */
  known(id: string): boolean;
  /** Wait before the next attempt (setTimeout; tests pass their own). */
  sleep(ms: number): Promise<void>;
}

export type TeamFeedPayload = { message: unknown } | { status: TeamFeedStatus };

export function followTeamFeed(source: TeamFeedSource, id: string, since: number, windowId: string, send: (payload: TeamFeedPayload) => void): () => void {
  let stopped = false;
  let current: { destroy: () => unknown } | null = null;
  let seq: number | null = since || null;
  let failures = 0;
  const run = async () => {
    while (!stopped) {
      const r = await source.feed(id, teamFeedQuery(windowId, seq));
      if (stopped) {
        if ('stream' in r) r.stream.destroy();
        return;
      }
      if ('answer' in r) {
        send({ status: teamFeedStatus(r.answer) });
      } else {
        current = r.stream;
        send({ status: { ok: true } });
        failures = 0;
        let buffer = '';
        r.stream.setEncoding('utf8');
        try {
          for await (const chunk of r.stream as AsyncIterable<string>) {
            const { messages, rest } = splitFeedLines(buffer + chunk);
            buffer = rest;
            for (const m of messages) {
              if (m.type !== 'heartbeat') seq = m.seq;
              else seq ??= m.seq;
              send({ message: m });
            }
          }
        } catch {
          /* the stream broke: try again below */
        }
        current = null;
      }
      // the window was told why (the answer's status); a connection gone stays gone
      if (stopped || !source.known(id)) return;
      await source.sleep(retryDelayMs(failures++));
    }
  };
  void run().catch(() => {
    /* the source failed outright: the window keeps its last status; it may subscribe again */
  });
  return () => {
    stopped = true;
    current?.destroy();
  };
}
