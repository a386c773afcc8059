/**
 * Helper process of bench/lock-wait.ts: every 50 ms takes the write lock on argv[2], inserts
 * a row, holds the lock argv[3] ms and commits. Prints "ready".
 */
import Database from 'better-sqlite3';

const [dbPath, holdMs] = process.argv.slice(2);
const db = new Database(dbPath);
db.pragma('busy_timeout = 5000');
const sleeper = new Int32Array(new SharedArrayBuffer(4));
setInterval(() => {
  db.exec('BEGIN IMMEDIATE');
  db.prepare('INSERT INTO t VALUES (2)').run();
  Atomics.wait(sleeper, 0, 0, Number(holdMs));
  db.exec('COMMIT');
}, 50);
process.stdout.write('ready\n');
