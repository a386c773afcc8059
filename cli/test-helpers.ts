/** Shared by the CLI tests: run `jiaodui` as a real process on a given database. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { PACKAGE_ROOT } from '../core/context';
import { tempDir } from '../core/test-helpers';
import { spawnScript, type ScriptProcess } from '../core/testing/spawn-script';

export const BIN = join(PACKAGE_ROOT, 'bin', 'jiaodui.mjs');
/**
 * The tests run the bundle that ships (dist/cli, built fresh by vitest's globalSetup,
 * scripts/vitest-global-setup.ts): with JIAODUI_CLI=bundle the bin fails instead of
 * falling back to the TypeScript sources.
 */
export const CLI_ENV = { JIAODUI_DB: '', JIAODUI_CLI: 'bundle' };

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** A runner bound to a database path (read lazily, so tests can set it in beforeAll). */
export function cliRunner(dbPath: () => string, env: NodeJS.ProcessEnv = {}): (...args: string[]) => CliRun {
  return (...args) => {
    const r = spawnSync(process.execPath, [BIN, '--db', dbPath(), ...args], { encoding: 'utf8', env: { ...process.env, ...CLI_ENV, ...env } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
}

/**
 * Run `jiaodui` without blocking this process (a fake server in the test must keep
 * answering). It runs through the shared spawnScript (own process group), so a test that
 * interrupts it signals the whole group, as Ctrl+C in a terminal does: `onStderr` gets each
 * stderr chunk and the running process (`p.signal('SIGINT')`).
 */
export async function cliRunAsync(
  dbPath: string,
  args: string[],
  o: { env?: NodeJS.ProcessEnv; onStderr?: (chunk: string, p: ScriptProcess) => void } = {},
): Promise<CliRun> {
  const p = spawnScript(BIN, ['--db', dbPath, ...args], { env: { ...process.env, ...CLI_ENV, ...o.env } });
  if (o.onStderr) p.onStderr(o.onStderr);
  const { code } = await p.exited;
  return { code, out: p.stdout(), err: p.stderr() };
}

/**
 * A temporary folder and database for one CLI test file, made before its tests and
 * removed after them, with a runner bound to it.
 */
export function cliTestDatabase(fileName = 'cli.db') {
  let t: ReturnType<typeof tempDir> | null = null;
  beforeAll(() => {
    t = tempDir();
  });
  afterAll(() => t?.cleanup());
  const folder = () => {
    if (!t) throw new Error('cliTestDatabase: used outside a test');
    return t.dir;
  };
  const dbPath = () => join(folder(), fileName);
  return {
    run: cliRunner(dbPath),
    dbPath,
    get dir() {
      return folder();
    },
  };
}
