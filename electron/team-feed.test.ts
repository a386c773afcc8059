import { describe, expect, it } from 'vitest';
import { followTeamFeed, type FeedStream, type TeamFeedPayload, type TeamFeedSource } from './team-feed';

/** A feed stream that yields `lines` and then ends (the team server closed it, or it broke). */
function streamOf(lines: string[]): FeedStream & { destroyed: boolean } {
  const s = {
    destroyed: false,
    setEncoding: () => s,
    destroy: () => {
      s.destroyed = true;
    },
    async *[Symbol.asyncIterator]() {
      for (const l of lines) yield `${l}\n`;
    },
  };
  return s;
}

const notFound = { answer: { status: 404, body: JSON.stringify({ ok: false, error: { code: 'not-found', message: 'No connection c-1.' } }) } };
const unreachable = { answer: { status: 502, body: JSON.stringify({ ok: false, error: { code: 'team-unreachable', message: 'down' } }) } };

/** A source whose answers are scripted; it records each query and each wait. */
function scripted(answers: Awaited<ReturnType<TeamFeedSource['feed']>>[], known: () => boolean) {
  const queries: string[] = [];
  const waits: number[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const source: TeamFeedSource = {
    feed: (_id, query) => {
      queries.push(query);
      const next = answers.shift();
      if (!next) {
        done();
        return new Promise(() => {}); // no further answer: the test has seen what it needs
      }
      return Promise.resolve(next);
    },
    known: (id) => {
      const k = known();
      if (!k) setTimeout(done, 10); // give a retry that should not happen time to show
      return k && id === 'c-1';
    },
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
  return { source, queries, waits, finished };
}

describe('following a team feed for a window', () => {
  it('forwards messages, resumes from the last seq after the stream ends, backs off only while failing', async () => {
    const s = scripted(
      [
        { stream: streamOf(['{"type":"heartbeat","seq":4}', '{"type":"resync","seq":7}']) },
        unreachable,
        unreachable,
        { stream: streamOf([]) },
      ],
      () => true,
    );
    const sent: TeamFeedPayload[] = [];
    followTeamFeed(s.source, 'c-1', 0, 'team-window-3', (p) => sent.push(p));
    await s.finished;
    expect(s.queries).toEqual(['?client=team-window-3', '?client=team-window-3&since=7', '?client=team-window-3&since=7', '?client=team-window-3&since=7', '?client=team-window-3&since=7']);
    expect(s.waits).toEqual([1000, 2000, 4000, 1000]); // reset once a stream opened
    expect(sent[0]).toEqual({ status: { ok: true } });
    expect(sent[1]).toEqual({ message: { type: 'heartbeat', seq: 4 } });
    expect(sent[2]).toEqual({ message: { type: 'resync', seq: 7 } });
    expect(sent[3]).toMatchObject({ status: { ok: false, code: 'team-unreachable', status: 502 } });
  });

  it('stops once the connection is gone (disconnected here or elsewhere): the window is told, nothing retries', async () => {
    let known = true;
    const s = scripted([{ stream: streamOf([]) }, notFound, notFound, notFound], () => known);
    const sent: TeamFeedPayload[] = [];
    followTeamFeed(s.source, 'c-1', 5, 'w', (p) => {
      sent.push(p);
      if ('status' in p && !p.status.ok) known = false; // the 404: the connection was disconnected
    });
    await s.finished;
    expect(s.queries).toEqual(['?client=w&since=5', '?client=w&since=5']);
    expect(sent.at(-1)).toMatchObject({ status: { ok: false, code: 'not-found', status: 404 } });
  });

  it('stopping ends the open stream and the loop', async () => {
    const stream = { ...streamOf([]), [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<string>>(() => {}) }) };
    let destroyed = false;
    stream.destroy = () => {
      destroyed = true;
    };
    const feeds: string[] = [];
    const source: TeamFeedSource = { feed: (_id, q) => (feeds.push(q), Promise.resolve({ stream })), known: () => true, sleep: () => Promise.resolve() };
    const stop = followTeamFeed(source, 'c-1', 0, 'w', () => {});
    await new Promise((r) => setTimeout(r, 5));
    stop();
    expect(destroyed).toBe(true);
    expect(feeds).toHaveLength(1);
  });
});
