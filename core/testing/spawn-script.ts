/**
 * The one way tests and benches start a process they may signal or kill.
 *
 * Why: `tsx <script>` (tsx's CLI) runs the script in a *child* process, so a SIGKILL sent to
 * the spawned pid hits only the wrapper and the real script carries on as an orphan — a
 * crash test then "passes" without crashing anything. Here a script is always one process
 * (`node --import tsx script.ts`, or `node script.mjs` for files Node runs itself, such as
 * bin/jiaodui.mjs, which registers tsx in-process), started in its own process group
 * (`detached: true`), and every signal goes to the whole group (`process.kill(-pid, …)`).
 * `kill()` then proves the kill landed: no living process of the group remains
 * (`groupAlive`). Groups still alive when the test process exits are SIGKILLed.
 *
 * Usage:
 *   const p = spawnScript(join(PACKAGE_ROOT, 'core/testing/crash-writer.ts'), [dbPath]);
 *   p.onLine((line) => { if (line === 'ack 10') void p.kill(); });
 *   await p.exited;
 *   const m = await p.waitFor(/http:\/\/\S+/);  // e.g. a server's printed address
 *   await p.stop();                              // SIGTERM, then SIGKILL after a grace period
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The address `jiaodui serve` prints when it is ready (with its #token=…). */
export const SERVE_URL = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/;

/** tsx's loader as an absolute URL, so `--import` works whatever the child's cwd is. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface ScriptExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ScriptProcess {
  readonly child: ChildProcess;
  /** the process id, which is also its process-group id */
  readonly pid: number;
  /** settles when the process has exited and its output is read to the end */
  readonly exited: Promise<ScriptExit>;
  /** everything written to stdout / stderr so far */
  stdout(): string;
  stderr(): string;
  /** called with each complete stdout line, in order, as it arrives */
  onLine(listener: (line: string, p: ScriptProcess) => void): void;
  /** called with each stderr chunk as it arrives */
  onStderr(listener: (chunk: string, p: ScriptProcess) => void): void;
  /** the first match of `pattern` in stdout (rejects on exit or after `timeoutMs`) */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** send `signal` to the whole process group (no-op once it is gone) */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL the group, wait for the exit, and throw unless the whole group is gone */
  kill(): Promise<ScriptExit>;
  /** SIGTERM the group; SIGKILL it if it has not exited after `graceMs` */
  stop(graceMs?: number): Promise<ScriptExit>;
}

export interface SpawnScriptOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** extra arguments for node itself (before the script) */
  nodeArgs?: string[];
}

/** Groups started here and not yet seen exiting: killed if the test process exits first. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

/**
 * True while any *living* process of the group `pid` remains.
 *
 * `process.kill(-pid, 0)` alone is not enough here: a helper the script started (tsx's
 * esbuild service, on a cold transform cache) is killed with the group, reparented to
 * PID 1, and stays a zombie when PID 1 does not reap (as in this container) — dead, yet
 * still answering signal 0. So on Linux the group's members are read from /proc and
 * zombies ('Z') are not counted; elsewhere signal 0 decides.
 */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw e;
  }
  if (process.platform !== 'linux') return true;
  return readdirSync('/proc').some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    const stat = procStat(Number(entry));
    return stat !== null && stat.pgrp === pid && !stat.dead;
  });
}

/** True while process `pid` is alive (a zombie is not; see groupAlive). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw e;
  }
  if (process.platform !== 'linux') return true;
  const stat = procStat(pid);
  return stat !== null && !stat.dead;
}

/** A process's group and whether it is a zombie, from /proc/<pid>/stat; null once it is gone. */
function procStat(pid: number): { pgrp: number; dead: boolean } | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (comm) state ppid pgrp …" — comm may hold spaces or parentheses, so split after the last ')'.
  const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pgrp: Number(pgrp), dead: state === 'Z' || state === 'X' };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

/** Node arguments that run `script` as a single process. */
export function scriptCommand(script: string): string[] {
  return /\.[cm]?tsx?$/.test(script) ? ['--import', TSX_LOADER, script] : [script];
}

export function spawnScript(script: string, args: string[] = [], o: SpawnScriptOptions = {}): ScriptProcess {
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), ...scriptCommand(script), ...args], {
    cwd: o.cwd,
    env: o.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  const pid = child.pid;
  liveGroups.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const g of liveGroups) signalGroup(g, 'SIGKILL');
    });
  }

  let out = '';
  let err = '';
  let pending = '';
  const lineListeners: Array<(line: string, p: ScriptProcess) => void> = [];
  const stderrListeners: Array<(chunk: string, p: ScriptProcess) => void> = [];
  const outputListeners: Array<() => void> = [];

  const exited = new Promise<ScriptExit>((resolve, reject) => {
    child.once('error', reject);
    // 'close' (not 'exit'): stdout and stderr are read to the end by then.
    child.once('close', (code, signal) => {
      // The group may outlive its leader (a grandchild): only forget it once it is gone.
      if (!groupAlive(pid)) liveGroups.delete(pid);
      resolve({ code, signal });
    });
  });
  let done = false;
  void exited.then(
    () => (done = true),
    () => (done = true),
  );

  const p: ScriptProcess = {
    child,
    pid,
    exited,
    stdout: () => out,
    stderr: () => err,
    onLine: (listener) => void lineListeners.push(listener),
    onStderr: (listener) => void stderrListeners.push(listener),
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(out);
          if (m) resolve(m);
          return m !== null;
        };
        if (check()) return;
        const timer = setTimeout(() => reject(new Error(`${script} printed nothing matching ${pattern} within ${timeoutMs} ms. stderr: ${err}`)), timeoutMs);
        outputListeners.push(() => {
          if (check()) clearTimeout(timer);
        });
        exited.then(
          (e) => {
            clearTimeout(timer);
            if (!check()) reject(new Error(`${script} exited (${e.signal ?? e.code}) before printing ${pattern}. stderr: ${err}`));
          },
          (e: unknown) => {
            clearTimeout(timer);
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      });
    },
    signal: (signal) => signalGroup(pid, signal),
    async kill() {
      signalGroup(pid, 'SIGKILL');
      const e = await exited;
      // SIGKILL cannot be caught, but the kernel may take a moment to reap the group.
      for (let i = 0; i < 100 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 10));
      if (groupAlive(pid)) throw new Error(`process group ${pid} survived SIGKILL`);
      liveGroups.delete(pid);
      return e;
    },
    async stop(graceMs = 5000) {
      if (!done) signalGroup(pid, 'SIGTERM');
      const timer = new Promise<null>((r) => setTimeout(() => r(null), graceMs).unref());
      if ((await Promise.race([exited, timer])) === null || groupAlive(pid)) return p.kill();
      liveGroups.delete(pid);
      return exited;
    },
  };

  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      for (const l of lineListeners) l(line, p);
    }
    for (const l of outputListeners) l();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    for (const l of stderrListeners) l(chunk, p);
  });
  return p;
}
