/**
 * A change-feed stream opened over HTTP as a test sees it (core/feed-revoke.test.ts): its status,
 * the lines as they come, and how it ended — 'end' (the server ended the response: the client
 * reads the stream's end) or 'broken' (the connection dropped without one).
 */
import { request } from 'node:http';
import { parseFeedMessage, type FeedMessage } from '../../shared/contract/changes';

export interface OpenFeed {
  status: number;
  /** the lines so far (a refusal's body is in `body`) */
  messages: FeedMessage[];
  body: string;
  /** settles when the response is over */
  ended: Promise<'end' | 'broken'>;
  /** how it ended, or a failure when it is still open after `ms` */
  endedWithin: (ms: number) => Promise<'end' | 'broken'>;
  /** how it ended, once it has */
  endedHow: () => 'end' | 'broken' | null;
  /** wait until `pred` holds (polled every 10 ms), or fail after `ms` */
  until: (pred: () => boolean, ms?: number) => Promise<void>;
  /** the client goes away */
  close: () => void;
}

export function openFeed(port: number, path: string, headers: Record<string, string> = {}): Promise<OpenFeed> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const messages: FeedMessage[] = [];
      let how: 'end' | 'broken' | null = null;
      let buffer = '';
      let body = '';
      const ended = new Promise<'end' | 'broken'>((settle) => {
        res.on('end', () => settle((how ??= 'end')));
        res.on('close', () => settle((how ??= 'broken')));
        res.on('error', () => settle((how ??= 'broken')));
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (res.statusCode !== 200) {
          body += chunk;
          return;
        }
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const m = parseFeedMessage(JSON.parse(buffer.slice(0, nl)));
          if (m) messages.push(m);
          buffer = buffer.slice(nl + 1);
        }
      });
      const feed: OpenFeed = {
        status: res.statusCode ?? 0,
        messages,
        get body() {
          return body;
        },
        ended,
        endedWithin: (ms) =>
          new Promise((settle, fail) => {
            const timer = setTimeout(() => fail(new Error(`the stream is still open after ${ms} ms`)), ms);
            void ended.then((h) => {
              clearTimeout(timer);
              settle(h);
            });
          }),
        endedHow: () => how,
        until: async (pred, ms = 5000) => {
          const end = Date.now() + ms;
          while (!pred()) {
            if (Date.now() > end) throw new Error(`timed out; got ${JSON.stringify(messages)}${how ? ` (ended: ${how})` : ''}`);
            await new Promise((r) => setTimeout(r, 10));
          }
        },
        close: () => req.destroy(),
      };
      resolve(feed);
    });
    req.on('error', reject);
    req.end();
  });
}
