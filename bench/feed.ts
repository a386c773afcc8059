/**
 * Change log → event in another process: a child process (bench/feed-writer.ts) commits
 * corrections; this process follows the feed (core/feed.ts, polling every FEED_POLL_MS) and
 * times each commit to its event. Reference in the same run: this process's own saves, start of
 * the save → event, which the feed delivers at commit (Engine.onCommit): the latency without the poll.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { openService, PACKAGE_ROOT, SAMPLE_FILE } from '../core/context';
import { FEED_POLL_MS } from '../core/feed';
import { readFileSync } from 'node:fs';

export interface FeedBench {
  pollMs: number;
  events: number;
  /** commit in the other process → event here, sorted (ms) */
  remote: number[];
  /** commit in this process → event here, sorted (ms) */
  local: number[];
}

const wallNow = () => performance.timeOrigin + performance.now();

export async function feedBench(dir: string, count: number): Promise<FeedBench> {
  const dbPath = join(dir, 'feed.db');
  const service = await openService(dbPath);
  const { documentId } = service.importBytes(new Uint8Array(readFileSync(SAMPLE_FILE)), { fileName: 'sample.txt' });
  const received = new Map<number, number>();
  const stop = service.feed.subscribe((m) => {
    if (m.type === 'change') received.set(m.seq, wallNow());
  });

  // the other process
  const committed = new Map<number, number>();
  const child = fork(join(PACKAGE_ROOT, 'bench', 'feed-writer.ts'), [dbPath, String(documentId), String(count)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`feed writer exited with ${code}`))));
    child.on('message', (m: { ready?: boolean; seq?: number; at?: number; done?: boolean }) => {
      if (m.ready) child.send('go');
      if (m.seq !== undefined && m.at !== undefined) committed.set(m.seq, m.at);
      if (m.done) child.disconnect();
    });
  });
  // let the last poll land
  await new Promise((r) => setTimeout(r, FEED_POLL_MS * 3));
  const remote = [...committed].map(([seq, at]) => (received.get(seq) ?? Infinity) - at).sort((a, b) => a - b);

  // reference: this process's own commits
  const segs = service.getSegments({ documentId }).filter((s) => s.text.length > 4);
  const local: number[] = [];
  for (let i = -1; i < Math.min(count, 100); i++) {
    const s = segs[((i + 1) * 7919) % segs.length];
    s.text = s.text.endsWith('。。') ? s.text.slice(0, -1) : s.text + '。';
    const at = wallNow();
    service.editSegment({ segmentId: s.id, text: s.text });
    const seq = service.feed.latest();
    if (i >= 0) local.push((received.get(seq) ?? Infinity) - at); // the first save warms up (dictionaries, statements)
  }
  local.sort((a, b) => a - b);
  stop();
  service.db.close();
  return { pollMs: FEED_POLL_MS, events: remote.length, remote, local };
}
