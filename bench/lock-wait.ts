/**
 * `node --import tsx bench/lock-wait.ts [HOLD_MS=3]`: how long a write waits for another
 * process's lock, SQLite's busy handler (busy_timeout; it sleeps 1, 2, 5, 10, 15, 20, 25 …
 * ms between tries) against db/write-lock.ts (0.1 ms doubling to 1 ms). Another process
 * (bench/lock-holder.ts) holds the write lock HOLD_MS every 50 ms; this one writes a row
 * every 2 ms, 1,500 times per series, the two ways alternately (twice each).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/context';
import { spawnScript } from '../core/testing/spawn-script';
import { beginImmediate, commit } from '../db/write-lock';
import { percentile } from './stats';

const hold = process.argv[2] ?? '3';
const dir = mkdtempSync(join(tmpdir(), 'jiaodui-lockwait-'));
const db = new Database(join(dir, 'j.db'));
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
db.exec('CREATE TABLE t (x)');
const holder = spawnScript(join(PACKAGE_ROOT, 'bench', 'lock-holder.ts'), [join(dir, 'j.db'), hold]);
await holder.waitFor(/ready/);
const insert = () => db.prepare('INSERT INTO t VALUES (1)').run();
const ways = {
  'busy handler': () => db.transaction(insert).immediate(),
  'write-lock.ts': () => {
    beginImmediate(db, 5000);
    insert();
    commit(db);
  },
};
const sleeper = new Int32Array(new SharedArrayBuffer(4));
for (const name of ['busy handler', 'write-lock.ts', 'busy handler', 'write-lock.ts'] as const) {
  const times: number[] = [];
  for (let i = 0; i < 1500; i++) {
    const t = performance.now();
    ways[name]();
    times.push(performance.now() - t);
    Atomics.wait(sleeper, 0, 0, 2);
  }
  times.sort((a, b) => a - b);
  const waited = times.filter((x) => x > 0.5); // met the other process's lock
  console.log(`${name.padEnd(13)} hold ${hold} ms: ${waited.length} writes waited, median wait ${percentile(waited, 50).toFixed(2)} ms; all writes p99 ${percentile(times, 99).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
}
await holder.stop();
db.close();
rmSync(dir, { recursive: true, force: true });
