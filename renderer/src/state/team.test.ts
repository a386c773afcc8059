import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/contract/remote';
import { backendKey, initialBackend } from './team';
import { otherSections, sectionNeedsReload, serverName } from './team-sections';
import { classifyRemoteAnswer } from '../../../shared/contract/remote';
import { countFeedFailure, FEED_FAILURES_SHOWN, followBacks, nextHealth, onFeedRetry, onTeamHealth, refusalError, refusalIsGoneConnection, reportTeam, resetTeam, retryFeedNow, teamEventOf, teamHealth, type TeamEvent, type TeamHealth } from './team-health';

const conn = (id: string, origin = 'https://review.example.org'): ConnectionInfo => ({ id, origin, account: null, connectedAt: '2026-01-01T00:00:00Z' });
const A = 'c-000000000000000a';
const B = 'c-000000000000000b';

describe('which backend', () => {
  it('starts on the stored team backend only while it is connected', () => {
    expect(initialBackend(null, null)).toBe('local');
    expect(initialBackend('junk', [conn(A)])).toBe('local');
    expect(initialBackend(A, null)).toBe(A);
    expect(initialBackend(A, [conn(A)])).toBe(A);
    expect(initialBackend(A, [conn(B)])).toBe('local');
  });
  it('keeps local storage keys apart per backend, this machine\'s as before', () => {
    expect(backendKey('jiaodui.lastDocument', 'local')).toBe('jiaodui.lastDocument');
    expect(backendKey('jiaodui.lastDocument', A)).toBe(`jiaodui.lastDocument@${A}`);
    expect(backendKey('jiaodui.keptDraft', A)).not.toBe(backendKey('jiaodui.keptDraft', B));
  });
  it('lists the other sections: this computer first, then the servers; never the one worked on', () => {
    expect(otherSections('local', [conn(A), conn(B)]).map((s) => s.backend)).toEqual([A, B]);
    expect(otherSections(A, [conn(A), conn(B)]).map((s) => s.backend)).toEqual(['local', B]);
    expect(serverName('https://review.example.org:8443')).toBe('review.example.org:8443');
  });
  it('reads another backend\'s section again on a library change or a resync, not on a save', () => {
    const change = (ids: object) => ({ type: 'change' as const, seq: 5, at: '2026-12-03T09:00:00Z', client: { kind: null, id: null }, reviewer: 'Ann', ids });
    expect(sectionNeedsReload(change({ projects: [2], documents: [9], topics: ['library'] }))).toBe(true);
    expect(sectionNeedsReload(change({ topics: ['unknown'] }))).toBe(true);
    expect(sectionNeedsReload({ type: 'resync', seq: 1 })).toBe(true);
    // a save names its project, document and segment, but nothing a section lists changes
    expect(sectionNeedsReload(change({ projects: [2], documents: [9], segments: [40] }))).toBe(false);
    expect(sectionNeedsReload(change({ claims: [3], documents: [9] }))).toBe(false);
    expect(sectionNeedsReload({ type: 'heartbeat', seq: 5 })).toBe(false);
  });
});

describe('a connection\'s health', () => {
  const ok: TeamHealth = { state: 'ok' };
  it('goes unreachable, counts failed retries, and is back with any answer', () => {
    const down = nextHealth(ok, { kind: 'unreachable', message: 'ECONNREFUSED' });
    expect(down).toEqual({ state: 'unreachable', message: 'ECONNREFUSED', attempt: 0 });
    // another failed call does not reset the backoff; a failed retry advances it
    expect(nextHealth(down, { kind: 'unreachable', message: 'again' })).toEqual({ state: 'unreachable', message: 'again', attempt: 0 });
    expect(nextHealth(down, { kind: 'retry-failed', message: 'x' })).toMatchObject({ attempt: 1 });
    expect(nextHealth(down, { kind: 'answered' })).toEqual(ok);
    expect(nextHealth(ok, { kind: 'retry-failed', message: 'x' })).toBe(ok);
  });
  it('stays signed out until connected again', () => {
    const out = nextHealth(ok, { kind: 'signed-out', message: 'revoked' });
    expect(nextHealth(out, { kind: 'answered' })).toBe(out);
    expect(nextHealth(out, { kind: 'unreachable', message: 'x' })).toBe(out);
  });
  const gone = { message: 'No team server connection c-1 (disconnected?).', messageData: { key: 'not-found.connection' as const, params: { id: 'c-1' } } };
  const refused: TeamHealth = { state: 'feed-refused', ...gone };
  it('shows a refused feed until the feed opens again; a call\'s answer neither clears it nor stands for it', () => {
    expect(nextHealth(ok, { kind: 'feed-refused', ...gone })).toEqual(refused);
    // calls that succeed say nothing of the feed
    expect(nextHealth(refused, { kind: 'answered' })).toBe(refused);
    expect(nextHealth(refused, { kind: 'retry-failed', message: 'x' })).toBe(refused);
    // refused again: the server's latest words
    expect(nextHealth(refused, { kind: 'feed-refused', message: 'Forbidden.' })).toEqual({ state: 'feed-refused', message: 'Forbidden.' });
    // only the feed opening ends it
    expect(nextHealth(refused, { kind: 'feed-opened' })).toEqual(ok);
    expect(nextHealth(ok, { kind: 'feed-opened' })).toEqual(ok);
  });
  it('remembers a refused feed across an outage: back from unreachable it is refused still, not ok', () => {
    const down = nextHealth(refused, { kind: 'unreachable', message: 'ECONNREFUSED' });
    expect(down).toEqual({ state: 'unreachable', message: 'ECONNREFUSED', attempt: 0, feedRefused: gone });
    const later = nextHealth(nextHealth(down, { kind: 'retry-failed', message: 'again' }), { kind: 'unreachable', message: 'still' });
    expect(later).toEqual({ state: 'unreachable', message: 'still', attempt: 1, feedRefused: gone });
    // the retry's whoAmI answers: the server is back, the feed not yet
    expect(nextHealth(later, { kind: 'answered' })).toEqual(refused);
    // the feed opens meanwhile: all well
    expect(nextHealth(later, { kind: 'feed-opened' })).toEqual(ok);
    // unreachable, then the feed itself is refused: the server answers again, with the refusal
    expect(nextHealth(nextHealth(ok, { kind: 'unreachable', message: 'x' }), { kind: 'feed-refused', ...gone })).toEqual(refused);
  });
  it('keeps signed out over any feed news', () => {
    const out = nextHealth(refused, { kind: 'signed-out', message: 'revoked' });
    expect(out).toEqual({ state: 'signed-out', message: 'revoked' });
    expect(nextHealth(out, { kind: 'feed-refused', ...gone })).toBe(out);
    expect(nextHealth(out, { kind: 'feed-opened' })).toBe(out);
  });
  it('reads a refused feed as refused — not 401, not unreachable, not a server failure — and a call\'s refusal as an answer', () => {
    const event = (status: number, header: string | null, error: { code?: string; message?: unknown; messageData?: unknown } | undefined, from: 'call' | 'feed'): TeamEvent | null =>
      teamEventOf(classifyRemoteAnswer(status, header, error?.code), status, error, from);
    const notFound = { code: 'not-found', ...gone };
    expect(event(404, A, notFound, 'feed')).toEqual({ kind: 'feed-refused', ...gone });
    expect(event(403, A, { code: 'forbidden', message: 'Not allowed.' }, 'feed')).toEqual({ kind: 'feed-refused', message: 'Not allowed.' });
    // message data of the wrong shape is dropped; no message at all: the status says it
    expect(event(400, A, { code: 'invalid-input', message: 'Bad query.', messageData: { key: 1 } }, 'feed')).toEqual({ kind: 'feed-refused', message: 'Bad query.' });
    expect(event(404, null, undefined, 'feed')).toEqual({ kind: 'feed-refused', message: 'HTTP 404' });
    // the same answers to a call are answers (the call shows its own error)
    expect(event(404, A, notFound, 'call')).toEqual({ kind: 'answered' });
    expect(event(403, A, { code: 'forbidden', message: 'Not allowed.' }, 'call')).toEqual({ kind: 'answered' });
    // 401, unreachable, and a server failure are not refusals
    expect(event(401, null, { code: 'unauthorized', message: 'x' }, 'feed')).toBeNull();
    expect(event(401, A, { code: 'team-signed-out', message: 'out' }, 'feed')).toEqual({ kind: 'signed-out', message: 'out' });
    expect(event(502, A, { code: 'team-unreachable', message: 'away' }, 'feed')).toEqual({ kind: 'unreachable', message: 'away' });
    expect(event(503, A, { code: 'db-corrupt', message: 'no database' }, 'feed')).toEqual({ kind: 'answered' });
    expect(event(500, A, { code: 'internal', message: 'bug' }, 'feed')).toEqual({ kind: 'answered' });
    // Electron's status without a status (an older main): read as before, a server failure
    expect(event(502, A, { code: 'not-found', message: 'x' }, 'feed')).toEqual({ kind: 'answered' });
  });
  it('a feed the team server fails (5xx) is retried quietly, until the failures in a row reach FEED_FAILURES_SHOWN: then the banner says it failed', () => {
    const bug = { code: 'internal', message: 'bug' };
    const inRow = (n: number) => teamEventOf(classifyRemoteAnswer(500, A, bug.code), 500, bug, 'feed', n);
    for (let n = 1; n < FEED_FAILURES_SHOWN; n++) expect(inRow(n)).toEqual({ kind: 'answered' });
    expect(inRow(FEED_FAILURES_SHOWN)).toEqual({ kind: 'feed-refused', message: 'bug', failed: true });
    // a call's failures are the call's own error, however many
    expect(teamEventOf(classifyRemoteAnswer(500, A, bug.code), 500, bug, 'call', 9)).toEqual({ kind: 'answered' });
    // the health keeps that it failed (the banner's wording), across an outage too
    const failed = nextHealth({ state: 'ok' }, inRow(FEED_FAILURES_SHOWN)!);
    expect(failed).toEqual({ state: 'feed-refused', message: 'bug', failed: true });
    const away = nextHealth(failed, { kind: 'unreachable', message: 'away' });
    expect(nextHealth(away, { kind: 'answered' })).toEqual(failed);
  });
  it('counts a feed\'s server failures in a row per connection; anything else, an opened feed or a reset ends the run', () => {
    const id = 'c-00000000000000ff';
    expect([countFeedFailure(id, 500), countFeedFailure(id, 503), countFeedFailure(B, 500)]).toEqual([1, 2, 1]);
    expect(countFeedFailure(id, 0)).toBe(0);
    expect(countFeedFailure(id, 500)).toBe(1);
    reportTeam(id, { kind: 'feed-opened' });
    expect(countFeedFailure(id, 500)).toBe(1);
    resetTeam(id);
    resetTeam(B);
    expect(countFeedFailure(id, 500)).toBe(1);
    resetTeam(id);
  });
  it('words a refusal from its message data', () => {
    expect(refusalError(gone)).toMatchObject({ message: gone.message, messageData: gone.messageData });
    expect('messageData' in refusalError({ message: 'plain' })).toBe(false);
  });
  it('tells listeners of changes only, with the previous state', () => {
    const seen: [string, string, string][] = [];
    const stop = onTeamHealth((id, h, prev) => seen.push([id, prev.state, h.state]));
    reportTeam(A, { kind: 'answered' });
    reportTeam(A, { kind: 'unreachable', message: 'down' });
    reportTeam(A, { kind: 'unreachable', message: 'down' });
    reportTeam(A, { kind: 'answered' });
    reportTeam(B, { kind: 'signed-out', message: 'revoked' });
    resetTeam(B);
    stop();
    reportTeam(A, { kind: 'unreachable', message: 'unheard' });
    expect(seen).toEqual([
      [A, 'ok', 'unreachable'],
      [A, 'unreachable', 'ok'],
      [B, 'ok', 'signed-out'],
      [B, 'signed-out', 'ok'],
    ]);
    expect(teamHealth(A).state).toBe('unreachable');
    resetTeam(A);
  });
});

describe('coming back', () => {
  it('is heard at every unreachable → ok, also when another report follows in the same tick (a render would show ok throughout)', () => {
    const id = 'c-00000000000000bb';
    resetTeam(id);
    const backs: number[] = [];
    const stop = followBacks(id, () => backs.push(backs.length + 1));
    // a kept write retried fails as unreachable, and a read's answer lands right after it: one back
    reportTeam(id, { kind: 'unreachable', message: 'ECONNREFUSED' });
    reportTeam(id, { kind: 'answered' });
    expect(backs).toEqual([1]);
    // again: each return counts; another connection's, or an answer while ok, does not
    reportTeam(id, { kind: 'unreachable', message: 'ECONNREFUSED' });
    reportTeam('c-00000000000000cc', { kind: 'unreachable', message: 'x' });
    reportTeam('c-00000000000000cc', { kind: 'answered' });
    reportTeam(id, { kind: 'answered' });
    reportTeam(id, { kind: 'answered' });
    expect(backs).toEqual([1, 2]);
    // back with the feed refused is back too (the server answers: what was kept is sent)
    reportTeam(id, { kind: 'unreachable', message: 'x' });
    reportTeam(id, { kind: 'feed-refused', message: 'Forbidden.' });
    expect(backs).toEqual([1, 2, 3]);
    // signed out is not back
    reportTeam(id, { kind: 'unreachable', message: 'x' });
    reportTeam(id, { kind: 'signed-out', message: 'revoked' });
    expect(backs).toEqual([1, 2, 3]);
    stop();
    resetTeam(id);
    resetTeam('c-00000000000000cc');
  });
});


describe('trying the feed again now', () => {
  it('wakes the feeds of that connection only, until they stop listening', () => {
    const woken: string[] = [];
    const stopA = onFeedRetry(A, () => woken.push('A'));
    const stopB = onFeedRetry(B, () => woken.push('B'));
    retryFeedNow(A);
    stopA();
    retryFeedNow(A);
    retryFeedNow(B);
    stopB();
    expect(woken).toEqual(['A', 'B']);
  });
});

describe('a refused feed whose connection is gone', () => {
  it('is told apart by its message key: Connect again can help there, Try now cannot', () => {
    expect(refusalIsGoneConnection({ message: 'No team server connection c-1 (disconnected?).', messageData: { key: 'not-found.connection', params: { id: 'c-1' } } })).toBe(true);
    expect(refusalIsGoneConnection({ message: 'Forbidden', messageData: { key: 'forbidden.role', params: {} } as never })).toBe(false);
    expect(refusalIsGoneConnection({ message: 'HTTP 404' })).toBe(false);
  });
});
