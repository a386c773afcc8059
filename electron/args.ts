/**
 * The desktop app's command line, as pure functions: `--db PATH`, `--user-data-dir PATH`
 * and files to import. Chromium and Node switches (`--inspect=0`, `--no-sandbox`,
 * macOS's `-psn_…`) are skipped; in development (`electron <app> …`, where
 * process.defaultApp is true) the first positional argument is the app itself.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { DB_FILE_NAME } from '../shared/paths';

export interface LaunchArgs {
  db?: string;
  userDataDir?: string;
  /** Files to import, as given (relative to the launching process's working directory). */
  files: string[];
}

const VALUE_FLAGS: Record<string, keyof Omit<LaunchArgs, 'files'>> = {
  '--db': 'db',
  '--user-data-dir': 'userDataDir',
};

export function parseLaunchArgs(argv: readonly string[], opts: { defaultApp: boolean }): LaunchArgs {
  const out: LaunchArgs = { files: [] };
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (typeof a !== 'string' || a === '') continue;
    if (onlyPositionals) {
      positionals.push(a);
      continue;
    }
    if (a === '--') {
      onlyPositionals = true;
      continue;
    }
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a : a.slice(0, eq);
      const key = VALUE_FLAGS[name];
      if (!key) continue; // someone else's switch
      if (eq !== -1) {
        if (eq + 1 < a.length) out[key] = a.slice(eq + 1);
      } else if (typeof argv[i + 1] === 'string' && argv[i + 1] !== '' && !argv[i + 1].startsWith('-')) {
        out[key] = argv[++i];
      }
      continue;
    }
    positionals.push(a);
  }
  out.files = opts.defaultApp ? positionals.slice(1) : positionals;
  return out;
}

/** --db beats JIAODUI_DB beats <userData>/jiaodui.db (like the CLI, but with Electron's userData). */
export function resolveDbPath(args: { flag?: string; env: Record<string, string | undefined>; userData: string; cwd: string }): string {
  const chosen = args.flag || args.env.JIAODUI_DB;
  if (chosen) return chosen === ':memory:' || isAbsolute(chosen) ? chosen : resolve(args.cwd, chosen);
  return join(args.userData, DB_FILE_NAME);
}

/** Files of a command line made absolute against the launching process's directory. */
export function absoluteFiles(files: readonly string[], cwd: string): string[] {
  return files.map((f) => (isAbsolute(f) ? f : resolve(cwd, f)));
}

/** What a second instance hands the first one (app.requestSingleInstanceLock(additionalData)). */
export interface InstanceData {
  argv: string[];
  cwd: string;
}

/**
 * The files a second instance asks the first to import. Prefers additionalData
 * (exact argv); falls back to the `second-instance` event's argv, which Chromium may
 * reorder or extend.
 */
export function secondInstanceFiles(
  eventArgv: readonly string[],
  workingDirectory: string,
  additionalData: unknown,
  opts: { defaultApp: boolean },
): string[] {
  const d = additionalData as Partial<InstanceData> | null | undefined;
  if (d && Array.isArray(d.argv) && d.argv.every((a) => typeof a === 'string') && typeof d.cwd === 'string') {
    return absoluteFiles(parseLaunchArgs(d.argv, opts).files, d.cwd);
  }
  return absoluteFiles(parseLaunchArgs(eventArgv, opts).files, workingDirectory);
}
