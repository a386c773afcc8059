/**
 * The team connections' transport on the page's side (issue 19, step 5), a chunk of its own
 * (loaded by components/BackendRoot.tsx; the first screen's JavaScript has a size target): the
 * connection bridge — the local server's /api/connections in browser mode, the preload's
 * window.jiaoduiRemote under Electron —, a contract client per connection
 * (`/remote/ID/api/METHOD`, or IPC with the connection id) and its change feed. Every answer
 * updates the connection's health (state/team-health.ts); a 401 of the local server itself (no
 * team header) is this page's own session ending (state/session.ts), never the team's.
 */
import type { JiaoduiClient } from '../../shared/contract/api';
import { makeNamedClient, notJsonAnswer, reviveBridged, unwrap } from '../../shared/contract/client';
import { CLIENT_ID_HEADER, type FeedMessage } from '../../shared/contract/changes';
import { classifyRemoteAnswer, HTTP_CONNECTIONS_PATH, REMOTE_GLOBAL, remoteApiPath, remoteFeedPath, TEAM_ANSWER_HEADER, type ConnectionId, type ConnectionInfo, type RemoteBridge, type TeamFeedStatus } from '../../shared/contract/remote';
import { WINDOW_ID } from './api';
import { followFeed, followHttp } from './state/feed';
import { reportSessionEnded } from './state/session';
import { countFeedFailure, onFeedRetry, reportTeam, resetTeam, teamEventOf, teamHealth, type TeamEvent } from './state/team-health';
import type { BackendId } from '../../shared/contract/remote';
import type { BackendControl } from './state/backend';
import type { ClientEnv } from './state/client';
import { backendKey } from './state/team';
import { LAST_DOCUMENT_KEY } from './state/useReview';

declare global {
  interface Window {
    /** Electron only: team server connections, held by the main process (see ElectronRemoteBridge). */
    [REMOTE_GLOBAL]?: ElectronRemoteBridge;
  }
}

/** The preload's bridge: the connections, and calls and the feed of one of them (validated by main). */
export interface ElectronRemoteBridge extends RemoteBridge {
  /** An API call on connection `id`: the envelope, with `team-unreachable` / `team-signed-out` errors. */
  call(id: ConnectionId, method: string, args: unknown): Promise<unknown>;
  /** Follow the team server's feed (one subscription per connection); the status events say when it cannot be reached. */
  subscribe(id: ConnectionId, since: number, cb: (m: FeedMessage) => void, onStatus: (s: TeamFeedStatus) => void): () => void;
}

export interface TeamTransport {
  bridge: RemoteBridge;
  client: (id: ConnectionId) => JiaoduiClient;
  follow: (id: ConnectionId, onMessage: (m: FeedMessage) => void) => () => void;
}

/** Read an answer body as an envelope, or say what the server answered. */
async function envelopeOf(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw notJsonAnswer(res.status);
  }
}

/**
 * What an answer of team connection `id` tells — a call's, or the feed's (state/team-health.ts
 * teamEventOf: a feed refused for a reason of its own is shown, not taken for an answer) —: its
 * health and, for a 401 from the local server itself (not the team's), that this page's own
 * session ended. Returns the event reported.
 */
function noteTeamAnswer(id: ConnectionId, status: number, teamHeader: string | null, body: unknown, from: 'call' | 'feed' = 'call'): TeamEvent | null {
  const error = (body as { error?: { code?: string; message?: unknown; messageData?: unknown } } | null)?.error;
  const failure = classifyRemoteAnswer(status, teamHeader, error?.code);
  // the team server's own failures of the feed, counted in a row (unreachable, a refusal or an opened feed ends a run)
  // (a failure of this computer's own server, without the team's answer header, is none of the team's)
  const inRow = from === 'feed' ? countFeedFailure(id, failure === 'other' && teamHeader ? status : 0) : 0;
  const event = teamEventOf(failure, status, error, from, inRow);
  if (event === null) reportSessionEnded();
  else reportTeam(id, event);
  return event;
}

function httpBridge(): RemoteBridge {
  const call = async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => {
    const res = await fetch(path, {
      method,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (res.status === 401) reportSessionEnded();
    return unwrap(await envelopeOf(res));
  };
  return {
    list: () => call('GET', HTTP_CONNECTIONS_PATH) as Promise<ConnectionInfo[]>,
    connect: (address, signIn) => call('POST', HTTP_CONNECTIONS_PATH, { address, signIn }) as Promise<ConnectionInfo>,
    disconnect: async (id) => {
      await call('DELETE', `${HTTP_CONNECTIONS_PATH}/${id}`);
    },
  };
}

function httpClient(id: ConnectionId): JiaoduiClient {
  return makeNamedClient<JiaoduiClient>(async (method: string, args: unknown) => {
    const res = await fetch(remoteApiPath(id, method), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', [CLIENT_ID_HEADER]: WINDOW_ID },
      body: JSON.stringify(args ?? {}),
    });
    const body = await envelopeOf(res);
    noteTeamAnswer(id, res.status, res.headers.get(TEAM_ANSWER_HEADER), body);
    return unwrap(body);
  });
}

function httpFollow(id: ConnectionId, onMessage: (m: FeedMessage) => void): () => void {
  return followHttp(remoteFeedPath(id), onMessage, {
    opened: () => reportTeam(id, { kind: 'feed-opened' }),
    refused: async (res) => {
      const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      // refused for a reason of its own: the banner says so; try again at the slowest pace, or when asked
      return noteTeamAnswer(id, res.status, res.headers.get(TEAM_ANSWER_HEADER), body, 'feed')?.kind === 'feed-refused' ? 'slowest' : undefined;
    },
    wake: (retry) => onFeedRetry(id, retry),
  });
}

/**
 * Electron: follow connection `id` through the preload (main reconnects with backoff). A "Try
 * now" while the feed is refused subscribes again from the last change seen (the preload keeps
 * one subscription per connection, so the new one replaces the old); a feed that opens only
 * after failing, with no change seen before, cannot replay what changed meanwhile, so the window
 * is told to read everything again (a resync).
 */
function electronFollow(electron: ElectronRemoteBridge, id: ConnectionId, onMessage: (m: FeedMessage) => void): () => void {
  let since: number | null = null;
  let failed = false;
  const message = (m: FeedMessage) => {
    // as main reads it: a change's seq, else where the stream started (its first heartbeat)
    if (m.type !== 'heartbeat') since = m.seq;
    else since ??= m.seq;
    onMessage(m);
  };
  const status = (s: TeamFeedStatus) => {
    if (s.ok) {
      reportTeam(id, { kind: 'feed-opened' });
      if (failed && since === null) onMessage({ type: 'resync', seq: 0 });
      failed = false;
      return;
    }
    failed = true;
    noteTeamAnswer(id, s.status ?? 502, id, { error: s }, 'feed');
  };
  let stop = electron.subscribe(id, 0, message, status);
  const stopRetries = onFeedRetry(id, () => {
    if (teamHealth(id).state === 'feed-refused') stop = electron.subscribe(id, since ?? 0, message, status);
  });
  return () => {
    stopRetries();
    stop();
  };
}

/** A rejection of the preload's bridge back as a JiaoduiError (shared/contract/client.ts toBridged). */
function rethrowRevived(e: unknown): never {
  throw reviveBridged(e);
}

/** The transport for this page: Electron's main when the preload exposed the bridge, else the local server. */
export function createTeamTransport(): TeamTransport {
  const electron = window[REMOTE_GLOBAL];
  const base: RemoteBridge = electron ? { ...electron, list: () => electron.list().catch(rethrowRevived), connect: (a, s) => electron.connect(a, s).catch(rethrowRevived) } : httpBridge();
  // a new or ended connection starts healthy
  const bridge: RemoteBridge = {
    list: () => base.list(),
    connect: async (address, signIn) => {
      const info = await base.connect(address, signIn);
      resetTeam(info.id);
      return info;
    },
    disconnect: async (id) => {
      await base.disconnect(id);
      resetTeam(id);
    },
  };
  if (!electron) return { bridge, client: httpClient, follow: httpFollow };
  return {
    bridge,
    client: (id) =>
      makeNamedClient<JiaoduiClient>(async (method: string, args: unknown) => {
        const env = await electron.call(id, method, args ?? {});
        noteTeamAnswer(id, 200, id, env);
        return unwrap(env);
      }),
    follow: (id, onMessage) => electronFollow(electron, id, onMessage),
  };
}

// ---- the backends' control (components/BackendRoot.tsx keeps only the state) ----------------

export interface TeamRuntime {
  transport: TeamTransport;
  /** a client per connection, made once */
  clients: Map<string, JiaoduiClient>;
}

export function startTeamRuntime(): TeamRuntime {
  return { transport: createTeamTransport(), clients: new Map() };
}

function clientOf(rt: TeamRuntime, local: JiaoduiClient, backend: BackendId): JiaoduiClient {
  if (backend === 'local') return local;
  let c = rt.clients.get(backend);
  if (!c) rt.clients.set(backend, (c = rt.transport.client(backend)));
  return c;
}

/** What the library's sections and the connect dialog use (state/backend.ts), over the window's state. */
export function backendControl(
  rt: TeamRuntime,
  o: {
    active: BackendId;
    connections: ConnectionInfo[] | null;
    local: JiaoduiClient;
    /** this machine's feed (the window's own, else the default) */
    localFollow?: (onMessage: (m: FeedMessage) => void) => () => void;
    setConnections: (f: (list: ConnectionInfo[] | null) => ConnectionInfo[]) => void;
    switchTo: (b: BackendId) => void;
  },
): BackendControl {
  return {
    active: o.active,
    connections: o.connections,
    clientFor: (backend) => clientOf(rt, o.local, backend),
    followFor: (backend) => (backend === 'local' ? (o.localFollow ?? followFeed) : (cb) => rt.transport.follow(backend, cb)),
    open: (backend, documentId) => {
      if (documentId !== null) localStorage.setItem(backendKey(LAST_DOCUMENT_KEY, backend), String(documentId));
      o.switchTo(backend);
    },
    connect: async (address, signIn) => {
      const info = await rt.transport.bridge.connect(address, signIn);
      rt.clients.delete(info.id);
      o.setConnections((list) => [...(list ?? []).filter((c) => c.id !== info.id), info]);
      return info;
    },
    disconnect: async (id) => {
      await rt.transport.bridge.disconnect(id);
      rt.clients.delete(id);
      o.setConnections((list) => (list ?? []).filter((c) => c.id !== id));
      if (o.active === id) o.switchTo('local');
    },
  };
}

/** The app's client environment on team connection `id`: its client and its feed. */
export function teamEnv(rt: TeamRuntime, local: ClientEnv, id: ConnectionId): ClientEnv {
  return { client: clientOf(rt, local.client, id), transport: local.transport, shell: local.shell, backend: id, follow: (cb) => rt.transport.follow(id, cb) };
}
