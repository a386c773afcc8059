import { afterEach, describe, expect, it } from 'vitest';
import * as changeq from '../db/queries/changes';
import { callerContext } from '../shared/contract/caller';
import type { ChangeEvent, FeedMessage } from '../shared/contract/changes';
import { openService } from './context';
import { ChangeFeed } from './feed';
import type { JiaoduiService } from './service';
import { importSample, useFreshService } from './test-helpers';

const fresh = useFreshService();
const others: JiaoduiService[] = [];
afterEach(() => {
  for (const s of others.splice(0)) s.db.close();
});

/** Resolves once `pred` holds for the messages received so far (or fails after `ms`). */
function collect(feed: ChangeFeed, since?: number) {
  const got: FeedMessage[] = [];
  let wake = () => {};
  const stop = feed.subscribe((m) => {
    got.push(m);
    wake();
  }, since);
  const until = (pred: (m: FeedMessage[]) => boolean, ms = 3000) =>
    new Promise<FeedMessage[]>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(got)}`)), ms);
      wake = () => {
        if (pred(got)) {
          clearTimeout(t);
          resolve(got);
        }
      };
      wake();
    });
  return { got, until, stop };
}

describe('change feed', () => {
  it('changesSince: the entries after a seq, in order', () => {
    const { documentId } = importSample(fresh.service);
    const [a, b] = fresh.service.getSegments({ documentId });
    const feed = fresh.service.feed;
    const from = feed.latest();
    fresh.service.editSegment({ segmentId: a.id, text: a.text + '一' });
    fresh.service.editSegment({ segmentId: b.id, text: b.text + '二' });
    const batch = feed.changesSince(from);
    expect(batch.resync).toBe(false);
    expect(batch.events.map((e) => e.ids.segments)).toEqual([[a.id], [b.id]]);
    expect(batch.events.map((e) => e.seq)).toEqual([from + 1, from + 2]);
    expect(feed.changesSince(batch.latest).events).toEqual([]);
  });

  it('asks for a resync when the follower is behind the pruned log, or ahead of it (another database)', () => {
    const { documentId } = importSample(fresh.service);
    for (const s of fresh.service.getSegments({ documentId }).slice(0, 3)) fresh.service.setStatus({ segmentIds: [s.id], status: 'approved' });
    const feed = fresh.service.feed;
    const latest = feed.latest();
    expect(latest).toBe(4);
    expect(feed.changesSince(latest + 5)).toMatchObject({ resync: true, latest });
    changeq.pruneChanges(fresh.service.db, latest - 1); // keeps only the newest
    expect(feed.changesSince(0)).toMatchObject({ resync: true, events: [] });
    expect(feed.changesSince(latest - 1)).toMatchObject({ resync: false, events: [{ seq: latest }] });
  });

  it('sees a commit made through another connection (another process) by polling', async () => {
    const { documentId } = importSample(fresh.service);
    const seg = fresh.service.getSegments({ documentId })[5];
    const feed = new ChangeFeed(fresh.service.store, fresh.service.engine, 50);
    const sub = collect(feed);
    const other = await openService(fresh.dbPath);
    others.push(other);
    other.editSegment({ segmentId: seg.id, text: seg.text + '三' }, callerContext('cli', 4242));
    const got = await sub.until((m) => m.length > 0);
    expect(got[0]).toMatchObject({ type: 'change', client: { kind: 'cli', id: '4242' }, ids: { segments: [seg.id], documents: [documentId] } });
    sub.stop();
    expect(feed.listening).toBe(0);
  });

  it('delivers its own commits at once, from a given seq, to each subscriber in order', async () => {
    const { documentId } = importSample(fresh.service);
    const segs = fresh.service.getSegments({ documentId });
    // a long poll interval: only the engine's commit hook can deliver within the test
    const feed = new ChangeFeed(fresh.service.store, fresh.service.engine, 60_000);
    const from = feed.latest();
    fresh.service.setStatus({ segmentIds: [segs[0].id], status: 'approved' });
    const late = collect(feed, from); // subscribes after that write, from before it
    const live = collect(feed);
    fresh.service.setStatus({ segmentIds: [segs[1].id], status: 'approved' });
    const seqs = (m: FeedMessage[]) => m.map((e) => (e as ChangeEvent).seq);
    expect(seqs(await late.until((m) => m.length === 2))).toEqual([from + 1, from + 2]);
    expect(seqs(await live.until((m) => m.length === 1))).toEqual([from + 2]);
    late.stop();
    live.stop();
    feed.close();
  });

  it('a failing listener is dropped; the write that triggered it still succeeds', () => {
    const { documentId } = importSample(fresh.service);
    const seg = fresh.service.getSegments({ documentId })[0];
    const feed = new ChangeFeed(fresh.service.store, fresh.service.engine, 60_000);
    feed.subscribe(() => {
      throw new Error('socket closed');
    });
    expect(() => fresh.service.editSegment({ segmentId: seg.id, text: seg.text + '四' })).not.toThrow();
    expect(feed.listening).toBe(0);
  });
});

describe('getSegmentsById (what a follower fetches for a change)', () => {
  it('returns the listed live segments in document order, leaving out retired and unknown ids', () => {
    const { documentId } = importSample(fresh.service);
    const segs = fresh.service.getSegments({ documentId });
    const long = segs.find((s) => s.text.length > 10)!;
    const split = fresh.service.splitSegment({ segmentId: long.id, at: 3 });
    const ids = [segs[7].id, ...split.segments.map((s) => s.id), long.id, 999_999, segs[1].id];
    const got = fresh.service.getSegmentsById({ segmentIds: ids });
    const now = fresh.service.getSegments({ documentId });
    const expected = now.filter((s) => ids.includes(s.id));
    expect(got).toEqual(expected);
    expect(got.map((s) => s.id)).not.toContain(long.id);
  });
});
