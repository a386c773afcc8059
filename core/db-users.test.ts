import { describe, expect, it } from 'vitest';
import { inUseMessage, isLive, parseDbUser, restoringMessage, STALE_AFTER_MS, type DbUser } from './db-users';

const NOW = new Date(2026, 11, 2, 9, 30); // local time: the messages print local hours
const at = (h: number, m: number, day = 2) => new Date(2026, 11, day, h, m).toISOString();
const user = (o: Partial<DbUser> = {}): DbUser => ({ pid: 1234, host: 'here', kind: 'serve', startedAt: at(8, 12), heartbeatAt: new Date(NOW.getTime() - 5_000).toISOString(), ...o });
const probe = (alive: number[] = [1234]) => ({ now: NOW, host: 'here', pidAlive: (pid: number) => alive.includes(pid) });

describe('who has the database open: entries', () => {
  it('reads a whole entry and refuses anything else', () => {
    const u = user({ kind: 'cli', command: 'jiaodui edit' });
    expect(parseDbUser(JSON.stringify(u))).toEqual(u);
    for (const bad of ['', '{"pid":1', 'null', '[]', JSON.stringify({ ...u, pid: 0 }), JSON.stringify({ ...u, kind: 'daemon' }), JSON.stringify({ ...u, heartbeatAt: 'soon' }), JSON.stringify({ ...u, host: 7 }), JSON.stringify({ ...u, command: 3 })]) {
      expect(parseDbUser(bad), bad).toBeNull();
    }
  });

  it('on this host: live while the process exists and beats; a dead pid or an old heartbeat (a reused pid) is stale', () => {
    expect(isLive(user(), probe())).toBe(true);
    expect(isLive(user(), probe([]))).toBe(false);
    expect(isLive(user({ heartbeatAt: new Date(NOW.getTime() - STALE_AFTER_MS - 1).toISOString() }), probe())).toBe(false);
    expect(isLive(user({ heartbeatAt: new Date(NOW.getTime() - STALE_AFTER_MS).toISOString() }), probe())).toBe(true);
  });

  it('on another host (a shared folder): the heartbeat alone decides; a heartbeat from the future counts as fresh', () => {
    const elsewhere = user({ host: 'other' });
    expect(isLive(elsewhere, probe([]))).toBe(true);
    expect(isLive({ ...elsewhere, heartbeatAt: new Date(NOW.getTime() - STALE_AFTER_MS - 1).toISOString() }, probe([1234]))).toBe(false);
    expect(isLive({ ...elsewhere, heartbeatAt: new Date(NOW.getTime() + 3_600_000).toISOString() }, probe([]))).toBe(true);
  });
});

describe('who has the database open: the messages', () => {
  it('names the process, its pid and start time in one line', () => {
    expect(inUseMessage([user()], 'here', NOW)).toBe('Jiaodui serve (pid 1234, started 08:12) has this database open; close it first. Nothing was changed.');
    expect(inUseMessage([user({ kind: 'app', pid: 77 })], 'here', NOW)).toMatch(/^The Jiaodui app \(pid 77, started 08:12\) has this database open; close it first\./);
    expect(inUseMessage([user({ kind: 'cli', command: 'jiaodui replace' })], 'here', NOW)).toMatch(/^jiaodui replace \(pid 1234, /);
    expect(inUseMessage([user({ kind: 'cli' })], 'here', NOW)).toMatch(/^A jiaodui command \(pid 1234, /);
  });

  it('names the host when it is another, the day when it is not today, and counts the others (oldest named first)', () => {
    expect(inUseMessage([user({ host: 'laptop', startedAt: at(23, 5, 1) })], 'here', NOW)).toBe(
      'Jiaodui serve (pid 1234 on laptop, started 2026-12-01 23:05) has this database open; close it first. Nothing was changed.',
    );
    const msg = inUseMessage([user({ pid: 9, kind: 'cli', command: 'jiaodui list', startedAt: at(9, 29) }), user({ kind: 'app', pid: 5 }), user({ pid: 6, startedAt: at(9, 0) })], 'here', NOW);
    expect(msg).toBe('The Jiaodui app (pid 5, started 08:12) (and 2 other processes) has this database open; close them first. Nothing was changed.');
    expect(inUseMessage([user(), user({ pid: 8, startedAt: at(9, 0) })], 'here', NOW)).toContain('(and 1 other process) has');
  });

  it('an opener refused during a restore is told so', () => {
    expect(restoringMessage(user({ kind: 'restore', pid: 42 }), 'here', NOW)).toBe('jiaodui restore (pid 42, started 08:12) is replacing this database with a backup; try again when it has finished.');
  });
});
