import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RecoveringApi } from '../core/recovery-api';
import { JiaoduiError } from '../shared/errors';
import { startServer } from '../core/server';
import { browserOpener, openBrowser } from './open-browser';
import { importSampleOnFirstStart, openService, PACKAGE_ROOT, warmUpChecks } from '../core/context';
import { glossCachePath, warmUpGlosses } from '../core/glosses';

export const RENDERER_DIST = join(PACKAGE_ROOT, 'dist', 'renderer');

/**
 * `jiaodui serve [--port N] [--no-open]`: browser mode on 127.0.0.1; prints exactly one line, the URL with
 * the token, then opens the default browser on it when someone can see it (cli/open-browser.ts:
 * a display, not CI, no --no-open); the page exchanges the token for a session cookie.
 * A damaged database does not stop it: the server starts in the recovery state (only the
 * recovery methods work; the page shows the backups) and says so on stderr.
 */
export async function runServe(dbPath: string, portFlag?: string, opts: { noOpen?: boolean } = {}): Promise<number> {
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new JiaoduiError('invalid-input', `--port must be 0–65535, got "${portFlag}".`);
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    throw new JiaoduiError('invalid-input', `The app's user interface is not built (${RENDERER_DIST} is missing). Run 'npm run build' first.`);
  }
  const { host, listening } = await serveHost(dbPath);
  if (host.recovering) process.stderr.write(`jiaodui: ${dbPath} is damaged; the page offers its backups or a new database (${host.recoveryStatus().problem})\n`);
  const running = await startServer(host.api(), { port, staticRoot: RENDERER_DIST, feed: () => host.current?.feed ?? null });
  process.stdout.write(running.url + '\n');
  const decision = browserOpener(running.url, { platform: process.platform, env: process.env, noOpen: opts.noOpen ?? false });
  if (decision.open) openBrowser(decision.opener, (line) => process.stderr.write(`jiaodui: ${line}\n`));
  listening();
  const stop = () => {
    void running.close().then(() => {
      host.current?.feed.close();
      host.current?.db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return 0;
}

/**
 * The API host for `serve`: the database opened, or the recovery state when it is damaged.
 * Call `listening()` once the server listens: the gloss-cache warm-up is scheduled then —
 * and never while recovering, because the cache is written beside the database and nothing
 * new goes next to a damaged one; after a recovery opens a database it is scheduled.
 */
export async function serveHost(dbPath: string, warmUp: (cachePath: string | null) => void = warmUpGlosses): Promise<{ host: RecoveringApi; listening: () => void }> {
  let isListening = false;
  const host = await RecoveringApi.start({
    dbPath,
    open: async () => {
      const service = await openService(dbPath, { kind: 'serve' });
      importSampleOnFirstStart(service);
      setImmediate(warmUpChecks);
      if (isListening) scheduleGlossWarmUp(dbPath, warmUp); // opened by a recovery
      return service;
    },
  });
  return {
    host,
    listening: () => {
      isListening = true;
      if (!host.recovering) scheduleGlossWarmUp(dbPath, warmUp);
    },
  };
}

/**
 * Once the server listens, build (or open) the CC-CEDICT gloss cache in the background, as
 * the desktop app does, so the first hover does not wait for it (~1 s). The build runs in a
 * worker thread (core/glosses.ts), so its memory does not stay in this process; a gloss
 * lookup arriving meanwhile waits for it, and one that comes before the warm-up builds the
 * cache itself (the warm-up then finds it open). Never throws.
 */
export function scheduleGlossWarmUp(dbPath: string, warmUp: (cachePath: string | null) => unknown = warmUpGlosses): NodeJS.Immediate {
  return setImmediate(() => void warmUp(glossCachePath(dbPath)));
}
