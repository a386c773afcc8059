/**
 * The app's team server connections (issue 19, step 5), held by the local process — the
 * browser-mode server or Electron's main process — never by the page.
 *
 * Where the team session lives: in a settings file of its own beside the database
 * (`<db>.connections.json`, Electron: beside its database in userData), mode 0600, written whole
 * and renamed into place. Not in the page (its scripts must never see a credential: an injected
 * script could carry it off), not in localStorage, and not in the database: the database is
 * what backups, `jiaodui push` and restores copy around, and a copied or restored database must
 * neither carry a live team session to another machine nor bring back one that was disconnected.
 * The file holds only the session cookie the team server set (the one-time sign-in token is used
 * once and dropped); disconnecting signs out on the team server and deletes the entry.
 *
 * The team feeds forwarded for the page (`feed`) end when their connection is disconnected: at
 * once when this process disconnects it, and within CONNECTION_RECHECK_MS when another process on
 * the same file does (or connects again, with another session). The team server also ends them
 * when the sign-out reaches it (core/feed-access.ts); this side does not depend on that.
 */
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { JiaoduiError } from '../../shared/errors';
import { em, isErrorMessageRef, keyedError, type ErrorMessageKey } from '../../shared/error-messages';
import { isConnectionId, parseConnectInput, type ConnectProblem, type ConnectionInfo } from '../../shared/contract/remote';
import { pageAnswer, reasonOf, send, openStream, sessionFromSetCookie, teamRequest, unreachableAnswer, TEAM_CONNECT_TIMEOUT_MS, type PageAnswer, type RawAnswer, type TeamCookie, type TeamRequest } from './team-http';

interface StoredConnection extends ConnectionInfo {
  cookie: TeamCookie;
}

/** How often the connections file is read again while forwarded feeds are open (another process may have disconnected one). */
export const CONNECTION_RECHECK_MS = 5_000;

/** A forwarded team feed as this process holds it: its connection and the session it was opened with. */
export interface ForwardedFeed {
  readonly id: string;
  readonly cookie: string;
}

/**
 * The forwarded feeds to end: those whose connection is being disconnected, is gone from the
 * file (disconnected by another process) or holds another session now (connected again). Pure.
 */
export function feedsToEnd<F extends ForwardedFeed>(open: Iterable<F>, connections: readonly { id: string; cookie: TeamCookie }[], disconnecting: ReadonlySet<string>): F[] {
  const session = new Map(connections.map((c) => [c.id, c.cookie.value]));
  return [...open].filter((f) => disconnecting.has(f.id) || session.get(f.id) !== f.cookie);
}

interface StoredFile {
  version: 1;
  connections: StoredConnection[];
}

/** The connections file for a database path. */
export function connectionsFileFor(dbPath: string): string {
  return `${dbPath}.connections.json`;
}

const PROBLEMS: Record<ConnectProblem, ErrorMessageKey> = {
  'no-address': 'team.connect.no-address',
  'bad-address': 'team.connect.bad-address',
  'no-token': 'team.connect.no-token',
  'bad-token': 'team.connect.bad-token',
  mismatch: 'team.connect.mismatch',
};

function parseStored(text: string): StoredConnection[] {
  const v = JSON.parse(text) as Partial<StoredFile> | null;
  if (!v || v.version !== 1 || !Array.isArray(v.connections)) return [];
  return v.connections.filter(
    (c): c is StoredConnection => !!c && isConnectionId(c.id) && typeof c.origin === 'string' && typeof c.cookie?.name === 'string' && typeof c.cookie?.value === 'string',
  );
}

/**
 * The session the app keeps for a team server, for `jiaodui push`/`pull` without --token: the
 * cookie of the connection to `origin` in the connections file, or null (no file, no such
 * connection, unreadable). The CLI uses it without signing out: the session stays the app's.
 */
export function savedTeamSession(file: string, origin: string): TeamCookie | null {
  if (!existsSync(file)) return null;
  try {
    return parseStored(readFileSync(file, 'utf8')).find((c) => c.origin === origin)?.cookie ?? null;
  } catch {
    return null;
  }
}

export interface TeamConnectionsOptions {
  /** the settings file; null keeps connections in memory only (tests) */
  file: string | null;
  /** the request function (tests may count calls); default: node:http(s) */
  send?: (req: TeamRequest, timeoutMs?: number) => Promise<RawAnswer>;
  openStream?: (req: TeamRequest) => Promise<IncomingMessage>;
  /** how often the file is read again while forwarded feeds are open (default CONNECTION_RECHECK_MS) */
  recheckMs?: number;
}

export class TeamConnections {
  private connections: StoredConnection[] = [];
  /** the team feeds forwarded now, each with its stream */
  private readonly feeds = new Set<ForwardedFeed & { stream: IncomingMessage }>();
  /** connections this process is disconnecting (their feeds are refused meanwhile) */
  private readonly disconnecting = new Set<string>();
  private recheckTimer: NodeJS.Timeout | null = null;
  private readonly sendRequest: (req: TeamRequest, timeoutMs?: number) => Promise<RawAnswer>;
  private readonly open: (req: TeamRequest) => Promise<IncomingMessage>;

  constructor(private readonly opts: TeamConnectionsOptions) {
    this.sendRequest = opts.send ?? send;
    this.open = opts.openStream ?? ((r) => openStream(r));
    this.load();
  }

  /**
   * Read the file again: another process on the same database (the desktop app and a `serve`)
   * may have connected or disconnected since. Read before every change, so neither overwrites
   * the other's connections.
   */
  private load(): void {
    const file = this.opts.file;
    if (!file || !existsSync(file)) return;
    // tighten a file someone loosened: it holds session cookies
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    try {
      this.connections = parseStored(readFileSync(file, 'utf8'));
    } catch {
      /* unreadable: keep what this process knows */
    }
  }

  /** What the page may see: no cookies. */
  list(): ConnectionInfo[] {
    this.load();
    return this.listKnown();
  }

  private listKnown(): ConnectionInfo[] {
    return this.connections.map(({ id, origin, account, connectedAt }) => ({ id, origin, account, connectedAt }));
  }

  private save(): void {
    const file = this.opts.file;
    if (!file) return;
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, connections: this.connections } satisfies StoredFile, null, 1), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  }

  private get(id: string): StoredConnection {
    const c = this.connections.find((x) => x.id === id);
    if (!c) throw new JiaoduiError('not-found', em('not-found.connection', { id }));
    return c;
  }

  /**
   * Connect: exchange the sign-in token on the team server for its session cookie, ask who that
   * is, and remember it. Connecting again to a server already connected replaces that session
   * and signs the replaced one out there.
   */
  async connect(address: string, signIn: string): Promise<ConnectionInfo> {
    const parsed = parseConnectInput(address, signIn);
    if (!parsed.ok) throw new JiaoduiError('invalid-input', em(PROBLEMS[parsed.problem]));
    const { origin, token } = parsed;
    this.load();
    const existing = this.connections.find((c) => c.origin === origin);
    const target = { id: existing?.id ?? `c-${randomBytes(8).toString('hex')}`, origin, cookie: null };
    let answer: RawAnswer;
    try {
      answer = await this.sendRequest(teamRequest(target, { kind: 'sign-in', token }), TEAM_CONNECT_TIMEOUT_MS);
    } catch (e) {
      throw new JiaoduiError('team-unreachable', em('team.unreachable.connect', { origin, reason: reasonOf(e) }));
    }
    const cookie = answer.status === 200 ? sessionFromSetCookie(answer.headers['set-cookie']) : null;
    if (!cookie) {
      const page = pageAnswer(target, answer.status, answer.headers['content-type'], answer.body);
      // the server's own words when it gave some: worded here from its message data, else as it came
      let message = em('team.connect.refused', { origin, status: answer.status });
      try {
        const error = (JSON.parse(answer.body.toString()) as { error?: { message?: unknown; messageData?: unknown } }).error;
        // keyed: its reason in the UI language; else its English, quoted as the server's answer
        if (typeof error?.message === 'string') {
          const english = `${origin}: ${error.message}`;
          message = isErrorMessageRef(error.messageData) ? em('team.connect.refused.said', { origin, reason: [error.messageData] }, english) : em('team.connect.refused.text', { origin, reason: error.message }, english);
        }
      } catch {
        /* not JSON: the status says it */
      }
      if (answer.status === 200) message = em('team.connect.not-team', { origin });
      throw new JiaoduiError(page.status >= 500 ? 'team-unreachable' : 'invalid-input', message);
    }
    const conn: StoredConnection = { id: target.id, origin, cookie, account: null, connectedAt: new Date().toISOString() };
    this.load();
    // who signed in (for the library's heading); the session is good either way
    try {
      const who = await this.sendRequest(teamRequest(conn, { kind: 'api', method: 'whoAmI', body: '{}' }), TEAM_CONNECT_TIMEOUT_MS);
      const v = JSON.parse(who.body.toString()) as { ok?: boolean; value?: { account?: ConnectionInfo['account'] } };
      if (v.ok && v.value?.account) conn.account = { name: v.value.account.name, role: v.value.account.role };
    } catch {
      /* the library shows the address alone */
    }
    // the session this one replaces (as the file has it now: another process may have connected meanwhile)
    const replaced = this.connections.find((c) => c.id === conn.id);
    this.connections = [...this.connections.filter((c) => c.id !== conn.id), conn];
    this.save();
    if (replaced?.cookie && replaced.cookie !== cookie) {
      // nothing here uses the old session any more: its forwarded feeds end and the team server ends it
      // (else it stayed signed in there until it expired, weeks later)
      this.endFeeds();
      try {
        await this.sendRequest(teamRequest(replaced, { kind: 'sign-out' }), TEAM_CONNECT_TIMEOUT_MS);
      } catch {
        /* unreachable now: it expires there on its own */
      }
    }
    return this.listKnown().find((c) => c.id === conn.id)!;
  }

  /**
   * Disconnect: its forwarded feeds end at once (and no new one opens), then sign out on the
   * team server (when it answers) and forget the session.
   */
  async disconnect(id: string): Promise<void> {
    this.load();
    const c = this.get(id);
    this.disconnecting.add(id);
    try {
      this.endFeeds();
      try {
        await this.sendRequest(teamRequest(c, { kind: 'sign-out' }), TEAM_CONNECT_TIMEOUT_MS);
      } catch {
        /* unreachable: the session there expires on its own; it is forgotten here either way */
      }
      this.load();
      this.connections = this.connections.filter((x) => x.id !== id);
      this.save();
    } finally {
      this.disconnecting.delete(id);
    }
  }

  /** How many forwarded feeds are open (tests). */
  get openFeeds(): number {
    return this.feeds.size;
  }

  /** End the forwarded feeds whose connection is disconnecting or gone, or holds another session now (feedsToEnd). */
  private endFeeds(): void {
    for (const f of feedsToEnd(this.feeds, this.connections, this.disconnecting)) {
      this.feeds.delete(f);
      f.stream.destroy();
    }
    if (!this.feeds.size && this.recheckTimer) {
      clearInterval(this.recheckTimer);
      this.recheckTimer = null;
    }
  }

  /** Keep a forwarded feed until it closes; while any is open, read the file again every CONNECTION_RECHECK_MS. */
  private keepFeed(feed: ForwardedFeed & { stream: IncomingMessage }): void {
    this.feeds.add(feed);
    feed.stream.once('close', () => {
      this.feeds.delete(feed);
      if (!this.feeds.size && this.recheckTimer) {
        clearInterval(this.recheckTimer);
        this.recheckTimer = null;
      }
    });
    this.recheckTimer ??= setInterval(() => {
      this.load();
      this.endFeeds();
    }, this.opts.recheckMs ?? CONNECTION_RECHECK_MS);
    this.recheckTimer.unref();
  }

  /** A connection by id, as the file has it now (another process may have connected again, with a new cookie, or disconnected). */
  private find(id: string): StoredConnection | undefined {
    this.load();
    return this.connections.find((x) => x.id === id);
  }

  /** One API call, forwarded: the page's answer (pageAnswer), or unreachable. */
  async call(id: string, method: string, body: string | Buffer, windowId: string | null): Promise<PageAnswer> {
    const c = this.find(id);
    if (!c) return { status: 404, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify({ ok: false, error: keyedError('not-found', em('not-found.connection', { id })) }) };
    try {
      const r = await this.sendRequest(teamRequest(c, { kind: 'api', method, body, windowId }));
      return pageAnswer(c, r.status, r.headers['content-type'], r.body);
    } catch (e) {
      return unreachableAnswer(c, reasonOf(e));
    }
  }

  /**
   * The team's change feed: its stream when the team server answered 200, else the page's answer
   * (its refusal mapped as any call's, or unreachable).
   */
  async feed(id: string, query: string): Promise<{ stream: IncomingMessage } | { answer: PageAnswer }> {
    const notFound = { answer: { status: 404, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify({ ok: false, error: keyedError('not-found', em('not-found.connection', { id })) }) } };
    const c = this.disconnecting.has(id) ? undefined : this.find(id);
    if (!c) return notFound;
    let res: IncomingMessage;
    try {
      res = await this.open(teamRequest(c, { kind: 'feed', query }));
    } catch (e) {
      return { answer: unreachableAnswer(c, reasonOf(e)) };
    }
    if (res.statusCode === 200) {
      // disconnected while the team answered: this stream is not to be forwarded
      if (this.disconnecting.has(id) || !this.connections.some((x) => x.id === id)) {
        res.destroy();
        return notFound;
      }
      this.keepFeed({ id, cookie: c.cookie.value, stream: res });
      return { stream: res };
    }
    const chunks: Buffer[] = [];
    for await (const chunk of res as AsyncIterable<Buffer>) chunks.push(chunk);
    return { answer: pageAnswer(c, res.statusCode ?? 502, res.headers['content-type'], Buffer.concat(chunks)) };
  }
}
