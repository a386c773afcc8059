import { describe, expect, it } from 'vitest';
import { envelopeFromAnswer, parseRemoteCall, parseRemoteConnect, parseRemoteSubscription, teamFeedQuery, teamFeedStatus } from './remote-routing';
import { parseTeamFeedStatus } from '../shared/contract/remote';
import { splitFeedLines } from '../shared/contract/changes';

const ID = 'c-0123456789abcdef';

describe('Electron main: team server requests from a window', () => {
  it('forwards a call only with a connection id and a method name', () => {
    expect(parseRemoteCall(ID, 'editSegment', { segmentId: 1 })).toEqual({ ok: true, id: ID, method: 'editSegment', body: '{"segmentId":1}' });
    expect(parseRemoteCall(ID, 'listProjects', undefined)).toMatchObject({ ok: true, body: '{}' });
    expect(parseRemoteCall('c-1', 'listProjects', {})).toMatchObject({ ok: false, envelope: { ok: false, error: { code: 'invalid-input' } } });
    expect(parseRemoteCall(ID, '../session', {})).toMatchObject({ ok: false });
    expect(parseRemoteCall(ID, 'feed/x', {})).toMatchObject({ ok: false });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(parseRemoteCall(ID, 'editSegment', cyclic)).toMatchObject({ ok: false });
  });
  it('checks connect and subscription arguments', () => {
    expect(parseRemoteConnect('https://a.example', 'tok')).toEqual({ ok: true, address: 'https://a.example', signIn: 'tok' });
    expect(parseRemoteConnect(1, 'tok')).toMatchObject({ ok: false });
    expect(parseRemoteConnect('x'.repeat(5000), 'tok')).toMatchObject({ ok: false });
    expect(parseRemoteSubscription(ID, 4)).toEqual({ id: ID, since: 4 });
    expect(parseRemoteSubscription(ID, null)).toEqual({ id: ID, since: null });
    expect(parseRemoteSubscription(ID, -1)).toBeNull();
    expect(parseRemoteSubscription('local', 0)).toBeNull();
    expect(teamFeedQuery('7', 0)).toBe('?client=7');
    expect(teamFeedQuery('7', 12)).toBe('?client=7&since=12');
  });
  it('hands the window the team envelope unchanged, or says it was none', () => {
    const conflict = { ok: false, error: { code: 'edit-conflict', message: 'changed', details: { base: 'a', theirs: 'b', mine: 'c' } } };
    expect(envelopeFromAnswer({ status: 409, body: JSON.stringify(conflict) })).toEqual(conflict);
    expect(envelopeFromAnswer({ status: 200, body: Buffer.from('{"ok":true,"value":[1]}') })).toEqual({ ok: true, value: [1] });
    expect(envelopeFromAnswer({ status: 502, body: '<html>' })).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('502') } });
  });
  it("tells the window why the team feed did not stream, keyed (its status worded in the UI language)", () => {
    // an answer that is no error: the feed was refused (before: the English sentence alone)
    expect(teamFeedStatus({ status: 404, body: '{"ok":true,"value":null}' })).toEqual({
      ok: false,
      code: 'internal',
      message: 'The team feed was refused.',
      messageData: { key: 'team.feed-refused', params: {} },
      status: 404,
    });
    // the team's error (signed out, unreachable) with its message data (before: dropped)
    const out = { ok: false, error: { code: 'team-signed-out', message: 'Signed out.', messageData: { key: 'team.signed-out', params: { origin: 'https://t.example' } } } };
    expect(teamFeedStatus({ status: 401, body: JSON.stringify(out) })).toEqual({ ok: false, ...out.error, status: 401 });
    // a refusal of its own (a connection main no longer knows): its status goes with it, so the window shows it as a refusal
    const gone = { ok: false, error: { code: 'not-found', message: 'No team server connection c-1.', messageData: { key: 'not-found.connection', params: { id: 'c-1' } } } };
    expect(teamFeedStatus({ status: 404, body: JSON.stringify(gone) })).toEqual({ ok: false, ...gone.error, status: 404 });
    expect(teamFeedStatus({ status: 502, body: '<html>' })).toMatchObject({ ok: false, code: 'internal', messageData: { key: 'team.route.no-envelope', params: { status: 502 } } });
    // what the preload lets through
    expect(parseTeamFeedStatus(teamFeedStatus({ status: 401, body: JSON.stringify(out) }))).toEqual({ ok: false, ...out.error, status: 401 });
    expect(parseTeamFeedStatus({ ok: false, code: 'x', message: 'm', status: 'x' })).toEqual({ ok: false, code: 'x', message: 'm' });
    expect(parseTeamFeedStatus({ ok: false, code: 'x', message: 'm', status: 9999 })).toEqual({ ok: false, code: 'x', message: 'm' });
    expect(parseTeamFeedStatus({ ok: false, code: 'x', message: 'm', messageData: { key: 1 } })).toEqual({ ok: false, code: 'x', message: 'm' });
    expect(parseTeamFeedStatus({ ok: false, code: 'x' })).toBeNull();
    expect(parseTeamFeedStatus({ ok: true, extra: 1 })).toEqual({ ok: true });
  });
  it('splits the feed stream into valid messages', () => {
    const { messages, rest } = splitFeedLines('{"type":"heartbeat","seq":3}\nnot json\n{"type":"bogus"}\n{"type":"heart');
    expect(messages).toEqual([{ type: 'heartbeat', seq: 3 }]);
    expect(rest).toBe('{"type":"heart');
  });
});
