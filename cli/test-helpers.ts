/** Shared by the CLI tests: run `jiaodui` as a real process on a given database. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/context';

export const BIN = join(PACKAGE_ROOT, 'bin', 'jiaodui.mjs');

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** A runner bound to a database path (read lazily, so tests can set it in beforeAll). */
export function cliRunner(dbPath: () => string, env: NodeJS.ProcessEnv = {}): (...args: string[]) => CliRun {
  return (...args) => {
    const r = spawnSync(process.execPath, [BIN, '--db', dbPath(), ...args], { encoding: 'utf8', env: { ...process.env, JIAODUI_DB: '', ...env } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
}
