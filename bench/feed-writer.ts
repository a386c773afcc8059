/**
 * The other process of the change-feed bench (bench/feed.ts): opens the same database and
 * corrects segments at irregular intervals, telling the parent each commit's seq and the
 * wall-clock time (performance.timeOrigin + now: comparable across processes) it committed.
 * argv: dbPath documentId count
 */
import { openService } from '../core/context';
import { callerContext } from '../shared/contract/caller';

const [dbPath, documentIdText, countText] = process.argv.slice(2);
const service = await openService(dbPath);
const caller = callerContext('cli', process.pid);
const segs = service.getSegments({ documentId: Number(documentIdText) }).filter((s) => s.text.length > 4);
const count = Number(countText);
process.send!({ ready: true });
await new Promise<void>((resolve) => process.once('message', () => resolve()));
for (let i = 0; i < count; i++) {
  // 20–80 ms apart, so commits fall anywhere in the reader's poll interval
  await new Promise((r) => setTimeout(r, 20 + ((i * 37) % 61)));
  const s = segs[(i * 7919) % segs.length];
  s.text = s.text.endsWith('。。') ? s.text.slice(0, -1) : s.text + '。';
  service.editSegment({ segmentId: s.id, text: s.text }, caller);
  const at = performance.timeOrigin + performance.now();
  process.send!({ seq: service.feed.latest(), at });
}
service.db.close();
process.send!({ done: true });
