/**
 * Issue 19, the team server under load — the invariants only (the latency figure is
 * `npm run bench:team`'s): a real `jiaodui serve --team` process, 5 reviewers saving every
 * 500 ms for 5 s while one client runs the checks and one exports, same-base pairs seeded,
 * then 6 s more with a SIGKILL of the server in the middle and a restart on the same database.
 * No timing assertion: every save answered 200 is in the database at the end (also those
 * acknowledged just before the kill), every same-base pair gives exactly one 409, and no other
 * save does.
 */
import { describe, expect, it } from 'vitest';
import { runTeamLoad } from './testing/team-load';
import { tempDir } from './test-helpers';

describe('team server under load', () => {
  it('loses no acknowledged save, reports a conflict exactly for each same-base pair, and keeps every acknowledged save across kill -9', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runTeamLoad({ dir, reviewers: 5, seconds: 5, intervalMs: 500, documentBytes: 150_000, pairEveryMs: 400, killSeconds: 6 });
      expect(r.otherErrors).toEqual([]);
      expect(r.checks.errors).toEqual([]);
      expect(r.exports.errors).toEqual([]);
      // the load ran: saves, checks and exports were answered
      expect(r.acknowledged).toBeGreaterThan(20);
      expect(r.checks.runs).toBeGreaterThan(0);
      expect(r.exports.runs).toBeGreaterThan(0);
      // 0 lost acknowledged writes
      expect(r.lost).toEqual([]);
      // conflicts: exactly one 409 per answered same-base pair, none elsewhere
      expect(r.pairs.answered).toBeGreaterThan(5);
      expect(r.pairs.exactlyOne409).toBe(r.pairs.answered);
      expect(r.unexpectedConflicts).toEqual([]);
      expect(r.saves.filter((x) => x.status === 409).length).toBe(r.pairs.answered);
      // kill -9 mid-load: saves were acknowledged before it, and the server answered again after the restart
      expect(r.kill).not.toBeNull();
      expect(r.kill!.acknowledgedBefore).toBeGreaterThan(0);
      expect(r.kill!.lostOfBefore).toBe(0);
      expect(r.acknowledged).toBeGreaterThan(r.kill!.acknowledgedBefore);
    } finally {
      cleanup();
    }
  }, 180_000);
});
