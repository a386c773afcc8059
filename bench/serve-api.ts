/**
 * `jiaodui serve` for the bench rows that need a whole server (bench/browser.ts,
 * bench/session-first-check.ts): started on a database, its address and per-run token, and its
 * HTTP API as one call per method.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/context';
import { SERVE_URL, spawnScript, type ScriptProcess } from '../core/testing/spawn-script';

/** `jiaodui serve` refuses to start without the built renderer. */
export const RENDERER_INDEX = join(PACKAGE_ROOT, 'dist', 'renderer', 'index.html');

/** Why a server cannot be started here, or null. */
export function serveUnavailable(): string | null {
  return existsSync(RENDERER_INDEX) ? null : `the renderer is not built (${RENDERER_INDEX} missing; npm run build:renderer)`;
}

export interface BenchServer {
  child: ScriptProcess;
  /** the address the server printed, with its #token= */
  url: string;
  origin: string;
  token: string;
  /** one API method over HTTP; its value, or an error naming the method */
  call: <T>(method: string, args: unknown) => Promise<T>;
}

/** Start `jiaodui serve --no-open` on `dbPath` and wait for its address. */
export async function startServe(dbPath: string, env?: NodeJS.ProcessEnv): Promise<BenchServer> {
  const child = spawnScript(join(PACKAGE_ROOT, 'bin', 'jiaodui.mjs'), ['--db', dbPath, 'serve', '--no-open'], { cwd: PACKAGE_ROOT, ...(env ? { env } : {}) });
  const url = (await child.waitFor(SERVE_URL)).at(0)!;
  const u = new URL(url);
  const token = decodeURIComponent(/token=([^&]+)/.exec(u.hash)![1]);
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const res = await fetch(`${u.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(args),
    });
    const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
  return { child, url, origin: u.origin, token, call };
}
