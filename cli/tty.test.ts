/**
 * The CLI on a terminal: run under a pseudo-terminal with util-linux `script` (stdout and
 * stderr are the terminal), and the same command piped, to prove the TTY rules.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_FILE } from '../core/context';
import { BIN, CLI_ENV, cliTestDatabase } from './test-helpers';
import { width } from './format';

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

describe('jiaodui on a terminal', () => {
  it('import: one readable line on a terminal; JSON piped or with --format json; readable piped with --format text', () => {
    const tty = onTerminal(['import', SAMPLE_FILE, '--project', 'TTY']);
    expect(tty.code, tty.out).toBe(0);
    expect(tty.out).toMatch(/^Imported ".+" — \d+ segments, UTF-8, Traditional \(t\) → document \d+\n$/);
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
});
