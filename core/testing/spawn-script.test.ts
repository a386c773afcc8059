import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { tempDir } from '../test-helpers';
import { groupAlive, processAlive, spawnScript } from './spawn-script';

/** A script shaped like tsx's CLI: it starts the real work in a child and waits for it. */
const WRAPPER = `
import { spawn } from 'node:child_process';
const inner = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log('inner ' + inner.pid);
setInterval(() => {}, 1000);
`;

describe('spawnScript', () => {
  it('kill() takes down the whole group, grandchildren included, and proves it', async () => {
    const t = tempDir();
    try {
      const script = join(t.dir, 'wrapper.mjs');
      writeFileSync(script, WRAPPER);
      const p = spawnScript(script);
      const inner = Number((await p.waitFor(/inner (\d+)/))[1]);
      expect(processAlive(inner)).toBe(true);
      const exit = await p.kill();
      expect(exit.signal).toBe('SIGKILL');
      expect(groupAlive(p.pid)).toBe(false);
      expect(processAlive(inner)).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('(the pitfall it exists for) killing only the spawned pid leaves the grandchild running', async () => {
    const t = tempDir();
    const script = join(t.dir, 'wrapper.mjs');
    writeFileSync(script, WRAPPER);
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    try {
      const inner = await new Promise<number>((r) => child.stdout!.setEncoding('utf8').once('data', (d: string) => r(Number(/inner (\d+)/.exec(d)![1]))));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect(processAlive(inner)).toBe(true);
      expect(groupAlive(child.pid!)).toBe(true);
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
      t.cleanup();
    }
  });

  it('runs a .ts script as one process (node --import tsx), and stop() ends it with SIGTERM', async () => {
    const t = tempDir();
    try {
      const script = join(t.dir, 'hello.ts');
      writeFileSync(script, `const n: number = process.pid;\nconsole.log('pid ' + n + ' ppid ' + process.ppid);\nsetInterval(() => {}, 1000);\n`);
      const p = spawnScript(script);
      const m = await p.waitFor(/pid (\d+) ppid (\d+)/);
      // The script itself is the spawned process (tsx's CLI would make it a grandchild).
      expect(Number(m[1])).toBe(p.pid);
      expect(Number(m[2])).toBe(process.pid);
      const exit = await p.stop();
      expect(exit.signal).toBe('SIGTERM');
      expect(groupAlive(p.pid)).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('waitFor rejects with the stderr when the script exits first', async () => {
    const t = tempDir();
    try {
      const script = join(t.dir, 'fail.mjs');
      writeFileSync(script, `console.error('boom'); process.exit(4);`);
      const p = spawnScript(script);
      await expect(p.waitFor(/never/)).rejects.toThrow(/exited \(4\).*boom/s);
    } finally {
      t.cleanup();
    }
  });
});
