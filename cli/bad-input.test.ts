/**
 * Bad input through the CLI. Wrong paths are the user's input, not the app's fault: a folder given as FILE, a file that
 * cannot be read, `--db` naming a folder, an output in a folder that does not exist, a
 * look-alike backup. Each gets one line on stderr and exit 2 (not "internal error", exit 3),
 * and nothing stored changes (databaseDigest before = after, as in core/bad-input.test.ts).
 * A backup of a damaged database is written but warned about (exit 1).
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SAMPLE_FILE } from '../core/context';
import { tempDir } from '../core/test-helpers';
import { databaseDigest } from '../db/digest';
import { BIN, cliTestDatabase, type CliRun } from './test-helpers';

const cli = cliTestDatabase('bad-input.db');
/** Each test runs the CLI several times (about 1 s each, more on a busy machine). */
const SLOW = 180_000;
const { run } = cli;

function digest(): string {
  const db = new Database(cli.dbPath(), { readonly: true });
  try {
    return databaseDigest(db);
  } finally {
    db.close();
  }
}

/** One line, "jiaodui: …" matching `message`, exit 2. */
function expectInputError(r: CliRun, message: RegExp, what: string): void {
  expect(r.code, `${what}: ${r.err}`).toBe(2);
  expect(r.err.trim().split('\n'), what).toHaveLength(1);
  expect(r.err, what).toMatch(/^jiaodui: /);
  expect(r.err, what).not.toMatch(/internal error/);
  expect(r.err, what).toMatch(message);
}

describe('jiaodui: wrong paths are input errors (exit 2), and change nothing', () => {
  it('a folder given as the FILE to read', () => {
    const imp = run('import', SAMPLE_FILE, '--project', 'Kept');
    expect(imp.code, imp.err).toBe(0);
    const doc = String(JSON.parse(imp.out).documentId);
    const folder = join(cli.dir, 'a-folder.csv');
    mkdirSync(folder);
    const before = digest();
    const cases: string[][] = [
      ['import', folder],
      ['check', folder],
      ['import-xliff', doc, folder],
      ['attach', doc, '--english', folder],
      ['glossary', 'import', doc, folder],
      ['restore', folder],
      // the main file is fine, the parallel one is a folder: refused before anything is imported
      ['import', SAMPLE_FILE, '--source', folder],
    ];
    for (const c of cases) expectInputError(run(...c), /Cannot read .*a-folder\.csv: it is a folder/, c.join(' '));
    expect(digest()).toBe(before);
  }, SLOW);

  it('files that are not text are refused naming the file: import, check FILE, attach, import-xliff, glossary import', () => {
    const imp = run('import', SAMPLE_FILE, '--project', 'Kept');
    expect(imp.code, imp.err).toBe(0);
    const doc = String(JSON.parse(imp.out).documentId);
    const file = (name: string, bytes: Uint8Array | string) => {
      const path = join(cli.dir, name);
      writeFileSync(path, bytes);
      return path;
    };
    const junk = file('junk.txt', new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05]));
    const empty = file('empty.txt', '');
    const png = file('picture.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const swapped = file('swapped.txt', new Uint8Array([0xff, 0xfe, ...Buffer.from('Revenue rose 12 percent.\nProfit was flat.\n', 'utf16le').swap16()]));
    const before = digest();
    const junkLine = /^jiaodui: junk\.txt: The file starts with a UTF-16LE byte-order mark, but read as UTF-16LE it is not text: .*probably a binary file/;
    expectInputError(run('import', junk), junkLine, 'import junk');
    expectInputError(run('check', junk), junkLine, 'check junk');
    expectInputError(run('attach', doc, '--english', junk), junkLine, 'attach junk');
    expectInputError(run('import', empty), /^jiaodui: empty\.txt: The file is empty \(0 bytes\)/, 'import empty');
    expectInputError(run('import', png), /^jiaodui: picture\.txt: This looks like a PNG image, not plain text/, 'import png');
    expectInputError(run('import', swapped), /^jiaodui: swapped\.txt: .*It reads as UTF-16BE text instead \(the byte-order mark is wrong\): choose UTF-16BE as the encoding \(`--encoding utf-16be` on the command line\)/, 'import swapped');
    expectInputError(run('import-xliff', doc, file('bad.xlf', '<xliff')), /^jiaodui: bad\.xlf: XML line 1, column 7/, 'import-xliff');
    expectInputError(run('glossary', 'import', doc, file('bad.csv', 'term,variant\n"abc,def\n')), /^jiaodui: bad\.csv: CSV line 2: a quoted field is never closed/, 'glossary import');
    expect(digest()).toBe(before);
    // the encoding the message names reads the file
    const chosen = run('import', swapped, '--encoding', 'utf-16be', '--format', 'json');
    expect(chosen.code, chosen.err).toBe(0);
    expect(JSON.parse(chosen.out)).toMatchObject({ encoding: 'utf-16be', segments: 2 });
  }, SLOW);

  it('counts agree with their number: one segment is "1 segment"', () => {
    const one = join(cli.dir, 'one.txt');
    writeFileSync(one, '中文\n');
    const r = run('import', one); // piped: JSON on stdout, the encoding line on stderr
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('jiaodui: one.txt: encoding UTF-8 (detected, confidence high), 1 segment\n');
  }, SLOW);

  it('import goes through the contract: its arguments are validated as the app\'s are', () => {
    expect(run('list').code).toBe(0); // the database exists
    const before = digest();
    // an empty or blank title is refused by the contract (importDocument: title min 1), not stored
    expectInputError(run('import', SAMPLE_FILE, '--title', '  '), /Invalid arguments for importDocument: title/, 'import --title blank');
    expect(digest()).toBe(before);
  }, SLOW);

  it('an output in a folder that does not exist, or that is a folder', () => {
    const doc = String(JSON.parse(run('list', '--format', 'json').out)[0].id);
    const missing = join(cli.dir, 'no-such-folder');
    const before = digest();
    expectInputError(run('backup', join(missing, 'b.jiaodui')), /Cannot write .*b\.jiaodui: the folder .*no-such-folder does not exist/, 'backup');
    expectInputError(run('export', doc, '--out', join(missing, 'x.txt')), /the folder .*no-such-folder does not exist/, 'export --out');
    expectInputError(run('glossary', 'export', doc, join(missing, 'g.csv')), /the folder .*no-such-folder does not exist/, 'glossary export');
    expectInputError(run('export', doc, '--out', cli.dir), /Cannot write .*: it is a folder/, 'export --out FOLDER');
    expect(existsSync(missing)).toBe(false);
    expect(digest()).toBe(before);
  }, SLOW);

  it('--db naming a folder (or a path through a file)', () => {
    const t = tempDir();
    try {
      const folder = join(t.dir, 'db-folder');
      mkdirSync(folder);
      for (const c of [['list'], ['import', SAMPLE_FILE], ['recover'], ['restore', cli.dbPath()], ['backup', join(t.dir, 'b.db')]]) {
        const r = spawnSync(process.execPath, [BIN, '--db', folder, ...c], { encoding: 'utf8', env: { ...process.env, JIAODUI_DB: '' } });
        expectInputError({ code: r.status, out: r.stdout, err: r.stderr }, /The database path .*db-folder is a folder, not a database file/, c.join(' '));
      }
      expect(readdirSync(folder)).toEqual([]);
      expect(readdirSync(t.dir)).toEqual(['db-folder']);
      writeFileSync(join(t.dir, 'a-file'), '');
      const r = spawnSync(process.execPath, [BIN, '--db', join(t.dir, 'a-file', 'x.db'), 'list'], { encoding: 'utf8', env: { ...process.env, JIAODUI_DB: '' } });
      expectInputError({ code: r.status, out: r.stdout, err: r.stderr }, /goes through a file, not a folder/, '--db under a file');
    } finally {
      t.cleanup();
    }
  }, SLOW);

  // As root the CLI runs as nobody (uid 65534), who must be able to read the checkout: a clone
  // inside a private folder (mktemp -d is 0700) is not, and the test says so instead of failing.
  const nobodyCanRun =
    process.getuid?.() !== 0 ||
    spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, require('fs').constants.R_OK)`], { uid: 65534, gid: 65534 }).status === 0;
  it.skipIf(!nobodyCanRun)(`a file that cannot be read (as root, where chmod 000 is still readable, the CLI runs as nobody)${nobodyCanRun ? '' : ' — skipped: the checkout is not readable by uid 65534'}`, () => {
    const t = tempDir();
    try {
      // The folder must be usable by the unprivileged user the CLI runs as under root.
      chmodSync(t.dir, 0o777);
      const locked = join(t.dir, 'locked.txt');
      writeFileSync(locked, '這是一份文件。\n');
      chmodSync(locked, 0o000);
      const asRoot = process.getuid?.() === 0;
      const cliAs = (...args: string[]): CliRun => {
        const r = spawnSync(process.execPath, [BIN, '--db', join(t.dir, 'locked.db'), ...args], {
          encoding: 'utf8',
          env: { ...process.env, JIAODUI_DB: '', HOME: t.dir },
          ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        });
        return { code: r.status, out: r.stdout, err: r.stderr };
      };
      expect(cliAs('list').code).toBe(0); // the database exists (made by that user) and is fine
      for (const c of [['import', locked], ['check', locked]]) expectInputError(cliAs(...c), /Cannot read .*locked\.txt: permission denied/, c.join(' '));
      expect(JSON.parse(cliAs('list', '--format', 'json').out)).toEqual([]);
    } finally {
      t.cleanup();
    }
  }, SLOW);

  it('restore of a look-alike database (Jiaodui table names, other columns) replaces nothing', () => {
    const lookAlike = join(cli.dir, 'look-alike.jiaodui');
    const db = new Database(cli.dbPath(), { readonly: true });
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%'`).pluck().all() as string[];
    const version = db.pragma('user_version', { simple: true }) as number;
    db.close();
    const l = new Database(lookAlike);
    for (const t of tables) l.exec(`CREATE TABLE "${t}" (id INTEGER PRIMARY KEY, payload TEXT)`);
    l.pragma(`user_version = ${version}`);
    l.close();
    const before = digest();
    expectInputError(run('restore', lookAlike), /not a Jiaodui backup: its schema .* differs.*Nothing was restored/, 'restore look-alike');
    expect(digest()).toBe(before);
    expect(readdirSync(cli.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    expect(run('list').code).toBe(0);
  }, SLOW);

  it('backup of a damaged database: written, but a warning on stderr and exit 1', () => {
    const t = tempDir();
    try {
      const db = join(t.dir, 'damaged.db');
      const cliOn = (...args: string[]): CliRun => {
        const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, JIAODUI_DB: '' } });
        return { code: r.status, out: r.stdout, err: r.stderr };
      };
      expect(cliOn('import', SAMPLE_FILE).code).toBe(0);
      // Overwrite one page of the segments' data: the header and schema still read, the data does not.
      // (The page is asked of SQLite, not taken at a fixed share of the file: the schema grows with
      // the migrations and may own any page.)
      const look = new Database(db, { readonly: true });
      const pageno = look.prepare(`SELECT max(pageno) FROM dbstat WHERE name = 'segments'`).pluck().get() as number;
      const page = look.pragma('page_size', { simple: true }) as number;
      look.close();
      expect(pageno).toBeGreaterThan(1);
      const fd = openSync(db, 'r+');
      writeSync(fd, Buffer.alloc(page, 0x5a), 0, page, (pageno - 1) * page);
      closeSync(fd);
      const healthy = join(t.dir, 'healthy.jiaodui');
      const r = cliOn('backup', join(t.dir, 'copy.jiaodui'));
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(/^jiaodui: warning: .*copy\.jiaodui was written, but it copies a damaged database\. .*jiaodui recover/);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(existsSync(join(t.dir, 'copy.jiaodui'))).toBe(true);
      // A healthy database backs up with exit 0 and no warning.
      const ok = spawnSync(process.execPath, [BIN, '--db', cli.dbPath(), 'backup', healthy], { encoding: 'utf8', env: { ...process.env, JIAODUI_DB: '' } });
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stderr).toBe('');
    } finally {
      t.cleanup();
    }
  }, SLOW);
});

