/**
 * A session's first check as a reviewer meets it in browser mode: `jiaodui serve` (the bundle, as
 * `npm start` runs it) answers `runChecks` from its checks worker (core/offload.ts), which starts at
 * that first call, so the call also pays the worker's start, its dictionaries and the rules' first,
 * unoptimised runs. Each round starts a new server, pauses as a reviewer looks at the library,
 * imports the text (not timed), pauses, and times the first check over HTTP; then the next
 * document's first check on the same server, the worker warm (the reference). The bench's
 * "FIRST check" row times the warm case in-process (bench/first-check.ts); this one shows what
 * comes before it (README Performance, "What the bench runs, session 24": starting the worker with
 * the server was measured and not kept).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PACKAGE_ROOT } from '../core/context';
import { SERVE_URL, spawnScript } from '../core/testing/spawn-script';

/** Why these rows cannot run here, or null: `jiaodui serve` refuses to start without the built renderer. */
export function sessionFirstCheckUnavailable(): string | null {
  const index = join(PACKAGE_ROOT, 'dist', 'renderer', 'index.html');
  return existsSync(index) ? null : `the renderer is not built (${index} missing; npm run build:renderer)`;
}

export interface SessionFirstCheck {
  /** per round: the session's first check (worker cold), ms */
  cold: number[];
  /** per round: the next document's first check on the same server (worker warm), ms */
  warm: number[];
}

/** `rounds` fresh servers; `text` is imported twice in each (two documents). */
export async function sessionFirstCheck(text: string, rounds: number, pauseMs = 2000): Promise<SessionFirstCheck> {
  const out: SessionFirstCheck = { cold: [], warm: [] };
  const data = Buffer.from(text).toString('base64');
  for (let r = 0; r < rounds; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'jiaodui-bench-session-'));
    // the bundle, as installed (the startup rows bring it up to date first): never the sources through tsx
    const env = { ...process.env, JIAODUI_CLI: 'bundle' };
    const child = spawnScript(join(PACKAGE_ROOT, 'bin', 'jiaodui.mjs'), ['--db', join(dir, 's.db'), 'serve', '--no-open'], { cwd: PACKAGE_ROOT, env });
    try {
      const url = new URL((await child.waitFor(SERVE_URL)).at(0)!);
      const token = decodeURIComponent(/token=([^&]+)/.exec(url.hash)![1]);
      const call = async (method: string, args: unknown): Promise<{ documentId: number }> => {
        const res = await fetch(`${url.origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(args) });
        const body = (await res.json()) as { ok: boolean; value: { documentId: number }; error?: { message: string } };
        if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
        return body.value;
      };
      await sleep(pauseMs); // the library on screen
      for (const times of [out.cold, out.warm]) {
        const { documentId } = await call('importDocument', { fileName: `doc-${times === out.cold ? 1 : 2}.txt`, data, projectName: 'Bench' });
        await sleep(pauseMs / 2);
        const t = performance.now();
        await call('runChecks', { documentId });
        times.push(performance.now() - t);
      }
    } finally {
      await child.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
