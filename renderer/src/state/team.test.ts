import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/contract/remote';
import { backendKey, initialBackend } from './team';
import { otherSections, sectionNeedsReload, serverName } from './team-sections';
import { followBacks, nextHealth, onTeamHealth, reportTeam, resetTeam, teamHealth, type TeamHealth } from './team-health';

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
    // signed out is not back
    reportTeam(id, { kind: 'unreachable', message: 'x' });
    reportTeam(id, { kind: 'signed-out', message: 'revoked' });
    expect(backs).toEqual([1, 2]);
    stop();
    resetTeam(id);
    resetTeam('c-00000000000000cc');
  });
});

