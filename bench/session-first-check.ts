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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServe } from './serve-api';

export interface SessionFirstCheck {
  /** per round: the session's first check (worker cold), ms */
  cold: number[];
  /** per round: the next document's first check on the same server (worker warm), ms */
  warm: number[];
}

/** `rounds` fresh servers; `text` is imported twice in each (two documents). Needs the built renderer (serve-api.ts `serveUnavailable`). */
export async function sessionFirstCheck(text: string, rounds: number, pauseMs = 2000): Promise<SessionFirstCheck> {
  const out: SessionFirstCheck = { cold: [], warm: [] };
  const data = Buffer.from(text).toString('base64');
  for (let r = 0; r < rounds; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'jiaodui-bench-session-'));
    // the bundle, as installed (the startup rows bring it up to date first): never the sources through tsx
    const srv = await startServe(join(dir, 's.db'), { ...process.env, JIAODUI_CLI: 'bundle' });
    try {
      await sleep(pauseMs); // the library on screen
      for (const [i, times] of [out.cold, out.warm].entries()) {
        const { documentId } = await srv.call<{ documentId: number }>('importDocument', { fileName: `doc-${i + 1}.txt`, data, projectName: 'Bench' });
        await sleep(pauseMs / 2);
        const t = performance.now();
        await srv.call('runChecks', { documentId });
        times.push(performance.now() - t);
      }
    } finally {
      await srv.child.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
