/** `jiaodui … | head -1`: the reader closes the pipe early; the command ends as it would, without a crash. */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../core/context';
import { ignoreClosedPipe } from './closed-pipe';
import { BIN, CLI_ENV, cliTestDatabase } from './test-helpers';

/** Runs the CLI with its stdout read until the first line, then closed (as `| head -1` does). */
function firstLineThenClose(db: string, args: string[]): Promise<{ code: number | null; first: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, '--db', db, ...args], { env: { ...process.env, ...CLI_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      if (out.includes('\n')) p.stdout.destroy();
    });
    p.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    p.on('close', (code) => resolve({ code, first: out.split('\n')[0], err }));
  });
}

describe('a reader that closes the pipe early', () => {
  const fx = cliTestDatabase();

  it('export, show and check end with their own exit code and no stack trace', async () => {
    // more than a pipe holds (64 KB on Linux): the command is still writing when the reader leaves
    const big = join(fx.dir, 'big.txt');
    writeFileSync(big, Array(12).fill(readFileSync(SAMPLE_FILE, 'utf8')).join('\n\n'));
    expect(fx.run('import', big).code).toBe(0);
    for (const args of [['export', '1', '--format', 'txt'], ['show', '1', '--format', 'json', '--wide'], ['check', '1', '--format', 'json']]) {
      const r = await firstLineThenClose(fx.dbPath(), args);
      expect(r.first.length, args.join(' ')).toBeGreaterThan(0);
      expect(r.err, args.join(' ')).not.toMatch(/EPIPE|Unhandled|at .*\(/);
      expect(r.code, args.join(' ')).toBe(0);
    }
  });
});

describe('ignoreClosedPipe', () => {
  it('hears EPIPE and a write after it, and throws any other error', () => {
    const s = new EventEmitter();
    ignoreClosedPipe(s);
    expect(() => s.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).not.toThrow();
    expect(() => s.emit('error', Object.assign(new Error('destroyed'), { code: 'ERR_STREAM_DESTROYED' }))).not.toThrow();
    expect(() => s.emit('error', Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toThrow('no space');
  });
});
