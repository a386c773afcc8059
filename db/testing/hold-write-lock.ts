/**
 * Test helper process: takes the write lock on the database argv[2], prints "locked",
 * writes one row ('other'), holds the lock argv[3] ms, commits and exits.
 */
import Database from 'better-sqlite3';

const [dbPath, holdMs] = process.argv.slice(2);
const db = new Database(dbPath);
db.exec('BEGIN IMMEDIATE');
db.prepare('INSERT INTO t VALUES (?)').run('other');
process.stdout.write('locked\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs));
db.exec('COMMIT');
db.close();
