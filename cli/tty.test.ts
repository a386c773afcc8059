/**
 * The CLI on a terminal: run under a pseudo-terminal with util-linux `script` (stdout and
 * stderr are the terminal), and the same command piped, to prove the TTY rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_FILE } from '../core/context';
import { BIN, CLI_ENV, cliRunAsync, cliTestDatabase } from './test-helpers';
import { width } from './format';
import { startFakeProvider, type FakeProvider } from '../core/mt/testing';

const cli = cliTestDatabase('tty.db');
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Run `jiaodui --db DB ARGS` with a terminal as stdout/stderr (COLUMNS wide); output with \r\n made \n. */
function onTerminal(args: string[], columns = 100): { code: number | null; out: string; err: string } {
  const command = [process.execPath, BIN, '--db', cli.dbPath(), ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qefc', `stty cols ${columns} rows 40; ${command}`, '/dev/null'], {
    encoding: 'utf8',
    env: { ...process.env, ...CLI_ENV, TERM: 'dumb' },
  });
  return { code: r.status, out: r.stdout.replace(/\r\n/g, '\n'), err: r.stderr };
}

/** `onTerminal` without blocking this process (the fake MT server in it must keep answering). */
function onTerminalAsync(args: string[], columns = 100): Promise<{ code: number | null; out: string }> {
  const command = [process.execPath, BIN, '--db', cli.dbPath(), ...args].map(quote).join(' ');
  const p = spawn('script', ['-qefc', `stty cols ${columns} rows 40; ${command}`, '/dev/null'], { env: { ...process.env, ...CLI_ENV, TERM: 'dumb' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  return new Promise((resolve, reject) => {
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out: out.replace(/\r\n/g, '\n') }));
  });
}

/** The frames of a progress bar drawn on the terminal: each `\r<label> [###---] done/total` before its erase-to-end. */
function frames(out: string): { label: string; done: number; total: number }[] {
  return [...out.matchAll(/\r([^\r\n]*?) ?\[[#-]+\] (\d+)\/(\d+)\x1b\[K/g)].map((m) => ({ label: m[1], done: Number(m[2]), total: Number(m[3]) }));
}

/** What stays on the screen: the progress bar's frames (each ends in erase-to-end, the last one erased) taken out. */
const visible = (out: string) => out.replace(/\r[^\r\n]*?\x1b\[K/g, '');

describe('jiaodui on a terminal', () => {
  it('import: one readable line on a terminal; JSON piped or with --format json; readable piped with --format text', () => {
    const tty = onTerminal(['import', SAMPLE_FILE, '--project', 'TTY']);
    expect(tty.code, tty.out).toBe(0);
    expect(visible(tty.out)).toMatch(/^Imported ".+" — \d+ segments, UTF-8, Traditional \(t\) → document \d+\n$/);
    const documentId = Number(/document (\d+)/.exec(tty.out)![1]);

    const forced = onTerminal(['import', SAMPLE_FILE, '--project', 'TTY', '--format', 'json']);
    expect(JSON.parse(forced.out)).toMatchObject({ documentId: documentId + 1, encoding: 'utf-8' });

    const piped = cli.run('import', SAMPLE_FILE, '--project', 'TTY');
    expect(JSON.parse(piped.out)).toMatchObject({ documentId: documentId + 2, encoding: 'utf-8' });
    const text = cli.run('import', SAMPLE_FILE, '--project', 'TTY', '--format', 'text');
    expect(text.out).toMatch(new RegExp(`^Imported ".+" — \\d+ segments, UTF-8, Traditional \\(t\\) → document ${documentId + 3}\\n$`));
  });

  it('glossary import and apply-glossary: a readable line on a terminal, JSON piped', () => {
    const csv = join(cli.dir, 'names.csv');
    writeFileSync(csv, 'term,variants,type,note,english\n王征,王震|王徵,person,,\n');
    const tty = onTerminal(['glossary', 'import', '1', csv]);
    expect(tty.code, tty.out).toBe(0);
    expect(tty.out).toMatch(/^.*names\.csv → document 1's glossary: 1 added, 0 updated, 0 unchanged; \d+ segments? re-rendered\n$/);
    const apply = onTerminal(['apply-glossary', '1']);
    expect(apply.out).toMatch(/^Replaced \d+ forbidden variants? in \d+ segments? \(operation \d+; 'jiaodui undo 1' reverts\)\.\n$/);
    const piped = cli.run('glossary', 'export', '1', join(cli.dir, 'out.csv'));
    expect(JSON.parse(piped.out)).toMatchObject({ scope: 'document', format: 'csv', entries: 1 });
  });

  it('check and show: cut to the terminal width (CJK counted as 2); whole when piped or with --wide', () => {
    for (const args of [['check', '1'], ['show', '1']]) {
      const tty = onTerminal(args, 80);
      const lines = tty.out.trimEnd().split('\n');
      expect(lines.length, args.join(' ')).toBeGreaterThan(3);
      for (const l of lines) expect(width(l), `${args.join(' ')}: ${l}`).toBeLessThanOrEqual(80);
      expect(tty.out).toContain('…');
      const wide = onTerminal([...args, '--wide'], 80);
      expect(Math.max(...wide.out.split('\n').map(width))).toBeGreaterThan(80);
      const piped = cli.run(...args);
      expect(piped.out).toBe(wide.out);
    }
    // piped: every message in full, as the JSON has it
    const messages = (JSON.parse(cli.run('check', '1', '--format', 'json').out) as { message: string }[]).map((r) => r.message);
    const piped = cli.run('check', '1').out;
    for (const m of messages) expect(piped).toContain(m);
  });

  it('check --project: a progress bar on a terminal, then cleared; nothing extra piped', () => {
    const tty = onTerminal(['check', '--project', 'TTY'], 100);
    expect(tty.out).toMatch(/\rchecking .+ \[-+\] 0\/4\x1b\[K/);
    expect(tty.out).toMatch(/\rchecking across documents \[#+\] 4\/4\x1b\[K\r\x1b\[K# Project /);
    const piped = cli.run('check', '--project', 'TTY');
    expect(piped.err).toBe('');
    expect(piped.out).not.toContain('\r');
    expect(piped.out).toMatch(/^# Project /);
  });

  it('import of a large file: a bar per stage on a terminal, its last frame at 100%, then cleared; nothing of it piped or with --format json', () => {
    const text = readFileSync(SAMPLE_FILE, 'utf8');
    const big = join(cli.dir, 'big.txt');
    writeFileSync(big, Array.from({ length: 20 }, (_, i) => text.replace(/。/g, `，第${i}次。`)).join('\n\n'));
    const tty = onTerminal(['import', big, '--project', 'Big'], 100);
    expect(tty.code, tty.out).toBe(0);
    const drawn = frames(tty.out);
    expect(drawn.map((f) => f.label).filter((l, i, all) => all.indexOf(l) === i)).toEqual([
      'importing big.txt: segmenting',
      'importing big.txt: converting',
      'importing big.txt: storing',
    ]);
    expect(drawn.length).toBeGreaterThan(10);
    const segments = Number(/— (\d+) segments/.exec(tty.out)![1]);
    expect(drawn.at(-1)).toEqual({ label: 'importing big.txt: storing', done: segments, total: segments });
    // the last frame is erased before the result line
    expect(tty.out).toMatch(new RegExp(`\\[#+\\] ${segments}/${segments}\x1b\\[K\r\x1b\\[KImported "`));

    const json = onTerminal(['import', big, '--project', 'Big', '--format', 'json']);
    expect(json.out).not.toContain('\r');
    expect(JSON.parse(json.out)).toMatchObject({ segments });
    const piped = cli.run('import', big, '--project', 'Big');
    expect(piped.code).toBe(0);
    expect(piped.out + piped.err).not.toMatch(/\r|\[#|importing/);
    expect(JSON.parse(piped.out)).toMatchObject({ segments });
  });

  describe('translate against a local fake provider', () => {
    let fake: FakeProvider;
    beforeAll(async () => {
      fake = await startFakeProvider('openai');
    });
    afterAll(() => fake.close());
    const flags = () => ['--provider', 'openai', '--url', fake.url, '--model', 'test-model'];

    it('a bar on a terminal counting the segments up to 100%, then cleared; piped, a line per step and no bar', async () => {
      const imp = cli.run('import', SAMPLE_FILE, '--project', 'MT');
      const doc = String((JSON.parse(imp.out) as { documentId: number }).documentId);
      const tty = await onTerminalAsync(['translate', doc, '--segments', '1-12', ...flags()]);
      expect(tty.code, tty.out).toBe(0);
      const drawn = frames(tty.out);
      expect(drawn[0]).toEqual({ label: `translating document ${doc}`, done: 0, total: 12 });
      expect(drawn.at(-1)).toEqual({ label: `translating document ${doc}`, done: 12, total: 12 });
      expect(tty.out).toMatch(/\[#+\] 12\/12\x1b\[K\r\x1b\[KDone: 12 translated/);
      expect(tty.out).not.toContain('jiaodui: translated');

      const piped = await cliRunAsync(cli.dbPath(), ['translate', doc, '--segments', '13-15', ...flags()]);
      expect(piped.code, piped.err).toBe(0);
      expect(piped.out + piped.err).not.toMatch(/\r|\[#/);
      expect(piped.err).toContain('jiaodui: translated 3/3');
      expect(piped.out).toMatch(/^Done: 3 translated/);
    });
  });
});
