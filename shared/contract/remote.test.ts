import { describe, expect, it } from 'vitest';
import { classifyRemoteAnswer, feedQuery, isBackendId, isConnectionId, parseConnectInput, parseRemotePath, remoteApiPath, remoteFeedPath, retryDelayMs } from './remote';

const TOKEN = 'A'.repeat(40) + 'b_-';

describe('connect input', () => {
  it('takes the server from the sign-in address when no address is given', () => {
    expect(parseConnectInput('', `https://review.example.org/#signin=${TOKEN}`)).toEqual({ ok: true, origin: 'https://review.example.org', token: TOKEN });
    expect(parseConnectInput(' ', `http://127.0.0.1:7420/#foo=1&signin=${TOKEN}`)).toEqual({ ok: true, origin: 'http://127.0.0.1:7420', token: TOKEN });
  });
  it('takes a bare token with an address (https assumed without a scheme), origin only', () => {
    expect(parseConnectInput('review.example.org/some/path', TOKEN)).toEqual({ ok: true, origin: 'https://review.example.org', token: TOKEN });
    expect(parseConnectInput('http://10.0.0.2:7420', `#signin=${TOKEN}`)).toEqual({ ok: true, origin: 'http://10.0.0.2:7420', token: TOKEN });
  });
  it('says what is wrong', () => {
    expect(parseConnectInput('', '')).toEqual({ ok: false, problem: 'no-token' });
    expect(parseConnectInput('', TOKEN)).toEqual({ ok: false, problem: 'no-address' });
    expect(parseConnectInput('https://a.example', 'short')).toEqual({ ok: false, problem: 'bad-token' });
    expect(parseConnectInput('https://a.example', 'https://a.example/')).toEqual({ ok: false, problem: 'bad-token' });
    expect(parseConnectInput('ftp://a.example', TOKEN)).toEqual({ ok: false, problem: 'bad-address' });
    expect(parseConnectInput('https://user:pw@a.example', TOKEN)).toEqual({ ok: false, problem: 'bad-address' });
    expect(parseConnectInput('https://a.example', `https://b.example/#signin=${TOKEN}`)).toEqual({ ok: false, problem: 'mismatch' });
  });
});

describe('remote paths', () => {
  it('round-trips API and feed paths and refuses anything else', () => {
    const id = 'c-0123456789abcdef';
    expect(isConnectionId(id)).toBe(true);
    expect(isBackendId('local')).toBe(true);
    expect(isBackendId('c-0123')).toBe(false);
    expect(parseRemotePath(remoteApiPath(id, 'editSegment'))).toEqual({ id, target: { kind: 'api', method: 'editSegment' } });
    expect(parseRemotePath(`${remoteFeedPath(id)}?since=4&client=w-1`)).toEqual({ id, target: { kind: 'feed', query: 'since=4&client=w-1' } });
    expect(parseRemotePath('/remote/c-zz/api/listProjects')).toBeNull();
    expect(parseRemotePath(`/remote/${id}/api/../session`)).toBeNull();
    expect(parseRemotePath(`/remote/${id}/api/session/x`)).toBeNull();
    // only contract methods: never the team's sign-in route
    expect(parseRemotePath(`/remote/${id}/api/session`)).toBeNull();
    expect(parseRemotePath(`/remote/${id}/api/connections`)).toBeNull();
    expect(parseRemotePath(`/remote/${id}/other/listProjects`)).toBeNull();
  });
  it('rebuilds the feed query from what it allows only', () => {
    expect(feedQuery('since=4&client=w-1&evil=1')).toBe('?client=w-1&since=4');
    expect(feedQuery('')).toBe('');
    expect(feedQuery('since=-1')).toBeNull();
    expect(feedQuery('client=a%20b')).toBeNull();
  });
});

describe('answers and retries', () => {
  it('tells the team\'s 401 from the page\'s own', () => {
    expect(classifyRemoteAnswer(401, null, 'unauthorized')).toBe('page-session-ended');
    expect(classifyRemoteAnswer(401, 'c-0123456789abcdef', 'team-signed-out')).toBe('team-signed-out');
    expect(classifyRemoteAnswer(502, 'c-0123456789abcdef', 'team-unreachable')).toBe('team-unreachable');
    expect(classifyRemoteAnswer(409, 'c-0123456789abcdef', 'edit-conflict')).toBe('other');
  });
  it('backs off from 1 s to at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
