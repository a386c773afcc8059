import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecoveringApi } from '../core/recovery-api';
import { JiaoduiError } from '../shared/errors';
import { startServer } from '../core/server';
import { browserOpener, openBrowser } from './open-browser';
import { importSampleOnFirstStart, openService, PACKAGE_ROOT, warmUpChecks } from '../core/context';
import { glossCachePath, warmUpGlosses } from '../core/glosses';
import { listenDecision, parseListen } from '../core/team-policy';
import { PUBLIC_URL_SETTING, teamSessions } from '../core/accounts';
import type { TeamServeOptions } from '../core/server';
import { Offload } from '../core/offload';
import { connectionsFileFor, TeamConnections } from '../core/remote/connections';
import { plural } from './output';
import { applyServerHeapPolicy } from '../core/heap-policy';

/** `serve --team`'s flags (cli/usage.ts SERVE_OPTIONS). */
export interface TeamFlags {
  listen?: string;
  publicUrl?: string;
  tlsCert?: string;
  tlsKey?: string;
  allowPlainHttp?: boolean;
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new JiaoduiError('invalid-input', `Cannot read the TLS ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
}

/** The team options from the flags, or a clear error: where to listen, TLS or an explicit plain HTTP. */
export function teamOptions(f: TeamFlags, host: { current: Parameters<typeof teamSessions>[0] | null }): { team: TeamServeOptions; warning: string | null } {
  let listen;
  try {
    listen = parseListen(f.listen);
  } catch (e) {
    throw new JiaoduiError('invalid-input', (e as Error).message);
  }
  if ((f.tlsCert === undefined) !== (f.tlsKey === undefined)) throw new JiaoduiError('invalid-input', '--tls-cert and --tls-key go together.');
  const tls = f.tlsCert !== undefined && f.tlsKey !== undefined ? { cert: readPem(f.tlsCert, 'certificate'), key: readPem(f.tlsKey, 'key') } : undefined;
  const decision = listenDecision({ host: listen.host, tls: !!tls, allowPlainHttp: !!f.allowPlainHttp });
  if (!decision.ok) throw new JiaoduiError('invalid-input', decision.error);
  return {
    team: { listen, publicUrl: f.publicUrl, tls, sessions: () => (host.current ? teamSessions(host.current) : null) },
    warning: decision.warning,
  };
}

export const RENDERER_DIST = join(PACKAGE_ROOT, 'dist', 'renderer');

/**
 * `jiaodui serve [--port N] [--no-open]`: browser mode on 127.0.0.1; prints exactly one line, the URL with
 * the token, then opens the default browser on it when someone can see it (cli/open-browser.ts:
 * a display, not CI, no --no-open); the page exchanges the token for a session cookie.
 * `jiaodui serve --team [--listen HOST:PORT] [--public-url URL] [--tls-cert F --tls-key F | --allow-plain-http]`:
 * a team server (issue 19); prints one line, its public URL, and records it for `users add`.
 * A damaged database does not stop it: the server starts in the recovery state (only the
 * recovery methods work; the page shows the backups) and says so on stderr.
 */
export async function runServe(dbPath: string, portFlag?: string, teamFlags?: TeamFlags, opts: { noOpen?: boolean } = {}): Promise<number> {
  if (teamFlags && portFlag !== undefined) throw new JiaoduiError('invalid-input', 'serve --team takes --listen HOST:PORT, not --port.');
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new JiaoduiError('invalid-input', `--port must be 0–65535, got "${portFlag}".`);
  // browser mode: the heap grows to twice what is live between full collections, not up to 4× (a team server keeps V8's own);
  // every mode keeps object shapes for 16 full collections, not 2 (core/heap-policy.ts)
  applyServerHeapPolicy({ team: teamFlags !== undefined });
  // the team flags are checked before the database is opened: a wrong flag changes nothing
  const ref: { host?: RecoveringApi } = {};
  const team = teamFlags ? teamOptions(teamFlags, { get current() { return ref.host?.current ?? null; } }) : null;
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    throw new JiaoduiError('invalid-input', `The app's user interface is not built (${RENDERER_DIST} is missing). Run 'npm run build' first.`);
  }
  const { host, listening } = await serveHost(dbPath);
  ref.host = host;
  if (host.recovering) process.stderr.write(`jiaodui: ${dbPath} is damaged; the page offers its backups or a new database (${host.recoveryStatus().problem})\n`);
  if (team?.warning) process.stderr.write(`jiaodui: warning: ${team.warning}\n`);
  // checks and exports in worker threads on their own connections (core/offload.ts), once a database is open;
  // JIAODUI_OFFLOAD=0 keeps them on the request thread (npm run bench:team -- --on-request-thread: the comparison)
  let offload: Offload | null = null;
  const offloading = process.env.JIAODUI_OFFLOAD !== '0';
  const offloadFor = () => (offloading && host.current ? (offload ??= new Offload({ dbPath, afterCall: () => host.current?.feed.check() })) : null);
  const running = await startServer(host.api(), {
    port,
    staticRoot: RENDERER_DIST,
    feed: () => host.current?.feed ?? null,
    offload: offloadFor,
    ...(team ? { team: team.team } : { remote: new TeamConnections({ file: connectionsFileFor(dbPath) }) }),
  });
  if (running.publicUrl && host.current) {
    const service = host.current;
    service.engine.tx(() => service.store.setSetting(PUBLIC_URL_SETTING, running.publicUrl!));
    const users = service.listUsers().filter((u) => u.revokedAt === null);
    process.stderr.write(
      `jiaodui: team server at ${running.publicUrl} (${plural(users.length, 'reviewer')})${users.length ? '' : '; add the first with: jiaodui users add NAME --role admin'}\n`,
    );
  }
  process.stdout.write(running.url + '\n');
  // a team server is for others to reach: nothing opens on the machine it runs on
  const decision = browserOpener(running.url, { platform: process.platform, env: process.env, noOpen: team !== null || (opts.noOpen ?? false) });
  if (decision.open) openBrowser(decision.opener, (line) => process.stderr.write(`jiaodui: ${line}\n`));
  listening();
  const stop = () => {
    void running.close().then(async () => {
      await offload?.close();
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
