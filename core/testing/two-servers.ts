/**
 * A team server and a local browser-mode server on fresh databases, in this process, for the tests
 * of what the local one forwards to the team (core/remote/*.test.ts). Register with
 * `useTwoServers()` at the top of a test file: each test starts them (`start`) and they are closed
 * and their databases removed after it. `s` holds the running pair.
 */
import { afterEach } from 'vitest';
import { freshService, writeStaticRoot, type FreshService } from '../test-helpers';
import { startServer, type RunningServer } from '../server';
import { teamSessions } from '../accounts';
import { connectionsFileFor, TeamConnections } from '../remote/connections';

export interface TwoServers {
  team: FreshService;
  local: FreshService;
  teamSrv: RunningServer;
  localSrv: RunningServer;
}

/** A team server (on 127.0.0.1, `port` or any) on a fresh service's database, with its change feed. */
export function teamServerOn(fresh: FreshService, o: { port?: number; heartbeatMs?: number } = {}): Promise<RunningServer> {
  return startServer(fresh.service, {
    staticRoot: writeStaticRoot(fresh.dir),
    feed: () => fresh.service.feed,
    ...(o.heartbeatMs !== undefined ? { heartbeatMs: o.heartbeatMs } : {}),
    team: { listen: { host: '127.0.0.1', port: o.port ?? 0 }, sessions: () => teamSessions(fresh.service) },
  });
}

export function useTwoServers() {
  const s = {} as TwoServers;
  afterEach(async () => {
    await s.localSrv?.close();
    await s.teamSrv?.close();
    s.team?.cleanup();
    s.local?.cleanup();
    for (const key of Object.keys(s)) delete s[key as keyof TwoServers];
  });

  /** The team server on its database (again after a close: on the `port` it had). */
  async function startTeam(o: { port?: number; heartbeatMs?: number } = {}): Promise<void> {
    s.teamSrv = await teamServerOn(s.team, o);
  }

  /** The local server with `connections` (again after a close); with its change feed unless `feed` is false. */
  async function startLocal(connections: TeamConnections, feed = true): Promise<void> {
    s.localSrv = await startServer(s.local.service, { staticRoot: writeStaticRoot(s.local.dir), ...(feed ? { feed: () => s.local.service.feed } : {}), remote: connections });
  }

  /** Both on new databases; `remote` makes the local server's connections (default: on its own connections file). */
  async function start(o: { remote?: () => TeamConnections; heartbeatMs?: number } = {}): Promise<TeamConnections> {
    s.team = await freshService();
    s.local = await freshService();
    await startTeam({ heartbeatMs: o.heartbeatMs });
    const connections = o.remote ? o.remote() : new TeamConnections({ file: connectionsFileFor(s.local.dbPath) });
    await startLocal(connections);
    return connections;
  }

  return { s, start, startTeam, startLocal };
}
