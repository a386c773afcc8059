/**
 * Browser mode: the renderer's production build plus `POST /api/:method`, on
 * 127.0.0.1 only, guarded by a per-run token and Host/Origin checks. The API goes
 * through the same dispatcher and validation as Electron's IPC. `GET /api/feed` streams the
 * change feed (core/feed.ts) as NDJSON under the same checks: a streamed fetch, because
 * EventSource cannot send the bearer token.
 *
 * Sign-in: the page's first load exchanges the token from its address (`#token=…`) for an
 * HTTP-only session cookie (`POST /api/session`, core/session-cookie.ts, sessions kept by
 * core/sessions.ts); the API and the feed then accept that cookie (CSRF: cookie-signed
 * POSTs must carry our Origin) as well as the bearer token (CLI, tests). A reload keeps
 * working; a restarted server knows no session, and the page shows that it ended.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { envelope, toErrorPayload } from '../shared/contract/dispatch';
import { em, keyedError } from '../shared/error-messages';
import { accountCaller, callerContext, type CallerContext } from '../shared/contract/caller';
import { HTTP_API_PREFIX, HTTP_FEED_PATH, HTTP_SESSION_PATH } from '../shared/contract/transport';
import { CLIENT_ID_HEADER, isClientId, isOwnChange, type FeedMessage } from '../shared/contract/changes';
import type { ChangeFeed } from './feed';
import { asksAgainBefore, FeedStreams, streamVerdict } from './feed-access';
import { isMethodName, type JiaoduiApi, type MethodName } from '../shared/contract/api';
import { mayCall, refusal, ROLES } from '../shared/contract/roles';
import { allowedOrigins, authenticate as authenticateBrowser, CONTENT_SECURITY_POLICY, contentType, exchangeDecision, isAllowedRequest, sessionEnded, staticRelativePath, statusForError, type Refusal } from './http-policy';
import { createSessionStore, type SessionStore } from './sessions';
import * as browserCookie from './session-cookie';
import { clearedSessionCookie, isLoopback, isTeamRequestAllowed, publicOrigin, readCookie, sessionCookie, sessionCookieName, type ListenAddress } from './team-policy';
import { RateLimiter, SIGN_IN_LIMIT } from './rate-limit';
import { SignInRefused, type TeamSessions } from './accounts';
import { isOffloaded, type Offload } from './offload';
import { HTTP_CONNECTIONS_PATH, REMOTE_PREFIX, feedQuery, isConnectionId, parseRemotePath, TEAM_ANSWER_HEADER } from '../shared/contract/remote';
import type { TeamConnections } from './remote/connections';
import { isJiaoduiError, JiaoduiError } from '../shared/errors';

/** A team server's answer without a live session. */
const teamSignedOut = () => JSON.stringify({ ok: false, error: keyedError('unauthorized', em('http.team-session-ended')) });

/** Largest API request body: a 10 MiB import as base64 plus JSON overhead. */
export const MAX_BODY_BYTES = 15 * 1024 * 1024;

/**
 * Largest body of `importProjectBundle` (`jiaodui push`), for callers whose role may call it
 * (checked before the body is read): a project bundle is one JSON value stored in one
 * transaction, so it comes in one request rather than in chunks the server would have to keep
 * between requests. A project of 1 MB of text with its history is a few MB of bundle.
 */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

/** The methods whose bodies may exceed MAX_BODY_BYTES, and up to what. */
const LARGE_BODY_METHODS: Partial<Record<MethodName, number>> = { importProjectBundle: MAX_BUNDLE_BYTES };

/** What browser mode keeps with a session: how it was earned (the team server will have accounts). */
export interface BrowserSession {
  via: 'run-token';
}

/** How long a browser-mode session lasts (the server's run usually ends it sooner: sessions live in memory). */
export const SESSION_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  /** Team mode: the public origin reviewers open (sign-in addresses are made on it). */
  publicUrl?: string;
  /** The sessions of pages that exchanged the token. */
  sessions: SessionStore<BrowserSession>;
  /** This server's session cookie name (per port). */
  cookieName: string;
  close: () => Promise<void>;
}

/**
 * Team mode (`jiaodui serve --team`, issue 19): reviewers sign in with a one-time address and
 * then carry a session cookie; there is no per-run token. Listens where told (the caller has
 * checked the address with `listenDecision`), over TLS when given a certificate.
 */
export interface TeamServeOptions {
  listen: ListenAddress;
  /** `--public-url`; default: the listen address */
  publicUrl?: string;
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** sessions on the open database; null while there is none (recovery state) */
  sessions: () => TeamSessions | null;
  /** sign-in attempts per client address (default SIGN_IN_LIMIT) */
  limiter?: RateLimiter;
  clock?: () => number;
}

export interface ServeOptions {
  port?: number;
  staticRoot: string;
  token?: string;
  /** Validate every result against the contract (tests). */
  checkResults?: boolean;
  /** The change feed to stream at GET /api/feed; null while there is no database (recovery state). */
  feed?: () => ChangeFeed | null;
  /** How often an idle feed stream gets a heartbeat line. */
  heartbeatMs?: number;
  /** Serve a team instead of this machine's browser (see TeamServeOptions). */
  team?: TeamServeOptions;
  /** The session store (tests pass one with their own clock); default: SESSION_MAX_AGE_MS, in memory. */
  sessions?: SessionStore<BrowserSession>;
  /**
   * Worker threads for the offloaded methods (checks, exports: core/offload.ts), so they do not
   * hold other requests up; null while there is no database (recovery state). Absent: every
   * method runs on this thread.
   */
  offload?: () => Offload | null;
  /**
   * Browser mode: this app's team server connections (core/remote/connections.ts). The page lists,
   * adds and removes them at /api/connections and reaches each server through /remote/ID/…,
   * which this server forwards with the team session cookie it keeps.
   */
  remote?: TeamConnections;
}

/** Heartbeats keep an idle feed stream visibly alive (and end it soon after its client went away). */
export const FEED_HEARTBEAT_MS = 15_000;

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/** Slice size of a large answer: one socket write copies at most this much before other requests get a turn. */
export const ANSWER_SLICE_BYTES = 64 * 1024;

/**
 * A large JSON answer (a findings report, an export: megabytes) written in slices, each after
 * the socket drained and other events had their turn: written at once, copying it into the
 * socket held every other request up for tens of milliseconds (issue 19's load run).
 */
async function sendSliced(res: ServerResponse, status: number, body: Buffer): Promise<void> {
  if (body.length <= ANSWER_SLICE_BYTES) return send(res, status, body, 'application/json; charset=utf-8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  for (let at = 0; at < body.length && !res.destroyed; at += ANSWER_SLICE_BYTES) {
    const more = res.write(body.subarray(at, at + ANSWER_SLICE_BYTES));
    await new Promise<void>((resolve) => {
      if (more) setImmediate(resolve);
      else {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      }
    });
  }
  res.end();
}

function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);
}

/** A refused sign-in or authentication as the envelope every call answers with (its message keyed: core/http-policy.ts). */
function sendRefusal(res: ServerResponse, refusal: Refusal<number>, extra: Record<string, string> = {}): void {
  const code = refusal.status === 401 ? 'unauthorized' : refusal.status === 403 ? 'forbidden' : 'invalid-input';
  sendJson(res, refusal.status, { ok: false, error: keyedError(code, refusal) }, extra);
}

function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Too large: stop keeping it but read on to the end, so the client gets the 413 answer
      // (destroying the socket mid-upload shows it a connection reset instead). Give up on
      // a sender that goes on far past the limit.
      if (size > 4 * limit) req.destroy();
      else if (size <= limit) chunks.push(c);
    });
    req.on('end', () => (size > limit ? reject(new Error('too-large')) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export async function startServer(api: JiaoduiApi, opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const sessions = opts.sessions ?? createSessionStore<BrowserSession>({ maxAgeMs: SESSION_MAX_AGE_MS });
  let port = 0;
  let cookieName = '';
  const auth = (req: IncomingMessage) =>
    authenticateBrowser(
      { method: req.method, authorization: req.headers.authorization, cookie: req.headers.cookie, origin: req.headers.origin },
      { token, port, lookupSession: (id) => sessions.lookup(id) },
    );
  /**
   * Open feed streams (this server's own and the team feeds it forwards): those of a session it
   * ends close at once (sign-out), all of them when the server closes (else close() would wait
   * for them forever).
   */
  const streams = new FeedStreams();

  const team = opts.team;
  /** Team mode: the public origin, known once the port is (a listen port 0 picks one). */
  let origin: URL | null = null;
  let extraHosts: string[] = [];
  const limiter = team?.limiter ?? new RateLimiter(SIGN_IN_LIMIT);
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, ...toErrorPayload(e) });
    });
  };
  const server: Server = team?.tls ? createHttpsServer({ cert: team.tls.cert, key: team.tls.key }, onRequest) : createServer(onRequest);

  function allowed(req: IncomingMessage): boolean {
    const headers = { host: req.headers.host, origin: req.headers.origin };
    return origin ? isTeamRequestAllowed(headers, origin, extraHosts) : isAllowedRequest(headers, port);
  }

  /**
   * Who calls: browser mode checks the per-run bearer token or the page's session cookie (the
   * caller is that window, or this server on behalf of the address); team mode the session cookie (the caller is its account).
   * `session`: the session the request came with (null: the run token); `stillSignedIn` asks
   * again, for a feed stream that outlives the request's check (core/feed-access.ts).
   * null: refused (401 sent).
   */
  function authenticate(
    req: IncomingMessage,
    res: ServerResponse,
  ): { caller: (windowId: string | null) => CallerContext; session: string | null; stillSignedIn: () => boolean } | null {
    if (!team || !origin) {
      // the bearer token (CLI, tests) or the session cookie the page exchanged it for (core/http-policy.ts)
      const who = auth(req);
      if (!who.ok) {
        sendRefusal(res, who);
        return null;
      }
      // the run token lasts as long as this server; a page's session may be signed out or expire
      const session = who.via === 'session' ? who.session.id : null;
      return {
        caller: (windowId) => (windowId !== null ? callerContext('window', windowId) : callerContext('server', req.socket.remoteAddress ?? 'unknown')),
        session,
        stillSignedIn: () => session === null || sessions.isLive(session),
      };
    }
    const teamOrigin = origin;
    const cookie = readCookie(req.headers.cookie, sessionCookieName(teamOrigin));
    const account = team.sessions()?.account(cookie) ?? null;
    if (!account) {
      send(res, 401, teamSignedOut(), 'application/json; charset=utf-8');
      return null;
    }
    return {
      caller: (windowId) => accountCaller(windowId !== null ? 'window' : 'server', windowId ?? req.socket.remoteAddress ?? 'unknown', account),
      session: cookie,
      // asked of the database again (another process may have revoked it); no database (recovery), or it failed
      // (closing): not signed in — a stream is never kept on an answer nobody could give
      stillSignedIn: () => {
        try {
          return streamVerdict(team.sessions()?.account(cookie) ?? null) === 'keep';
        } catch {
          return false;
        }
      },
    };
  }

  /** Team mode: POST /api/session {token} → session cookie; DELETE → signed out. Rate limited per address. */
  async function handleSession(req: IncomingMessage, res: ServerResponse, at: URL): Promise<void> {
    const sessions = team!.sessions();
    if (!sessions) return sendJson(res, 503, { ok: false, error: keyedError('db-corrupt', em('http.no-database.sign-in')) });
    const name = sessionCookieName(at);
    if (req.method === 'DELETE') {
      const session = readCookie(req.headers.cookie, name);
      sessions.end(session);
      // its feed streams end now, not at their next check
      streams.endSession(session);
      return send(res, 200, JSON.stringify({ ok: true, value: null }), 'application/json; charset=utf-8', { 'Set-Cookie': clearedSessionCookie(at) });
    }
    // GET: whether this page's cookie is a live session (the page's check at load, components/SessionGate.tsx)
    if (req.method === 'GET') {
      const id = readCookie(req.headers.cookie, name);
      if (sessions.account(id)) return sendJson(res, 200, { ok: true, value: null });
      return send(res, 401, teamSignedOut(), 'application/json; charset=utf-8', id === null ? {} : { 'Set-Cookie': clearedSessionCookie(at) });
    }
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: keyedError('method', em('http.sign-in-methods')) });
    const decision = limiter.take(req.socket.remoteAddress ?? 'unknown', (team!.clock ?? Date.now)());
    if (!decision.allowed) {
      const seconds = Math.ceil(decision.retryAfterMs / 1000);
      return send(res, 429, JSON.stringify({ ok: false, error: keyedError('rate-limited', em('http.rate-limited', { seconds })) }), 'application/json; charset=utf-8', {
        'Retry-After': String(seconds),
      });
    }
    if ((req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() !== 'application/json') {
      return sendJson(res, 415, { ok: false, error: keyedError('invalid-input', em('http.sign-in-json-only')) });
    }
    let token: unknown;
    try {
      token = (JSON.parse((await readBody(req)).toString('utf8')) as { token?: unknown } | null)?.token;
    } catch {
      return sendJson(res, 400, { ok: false, error: keyedError('invalid-input', em('http.sign-in-bad-json')) });
    }
    try {
      const s = sessions.exchange(token);
      const maxAge = (Date.parse(s.expiresAt) - Date.now()) / 1000;
      return send(res, 200, JSON.stringify({ ok: true, value: { account: s.account, expiresAt: s.expiresAt } }), 'application/json; charset=utf-8', { 'Set-Cookie': sessionCookie(at, s.session, maxAge) });
    } catch (e) {
      if (e instanceof SignInRefused) return sendJson(res, 401, { ok: false, error: keyedError('unauthorized', e.keyed) });
      throw e;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowed(req)) {
      return sendJson(res, 403, { ok: false, error: keyedError('forbidden', origin ? em('http.not-public-url', { origin: origin.origin }) : em('http.not-this-machine')) });
    }
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    if (!origin && opts.remote) {
      if (path === HTTP_CONNECTIONS_PATH || path.startsWith(`${HTTP_CONNECTIONS_PATH}/`)) return handleConnections(req, res, opts.remote, path);
      if (path.startsWith(REMOTE_PREFIX)) return handleRemote(req, res, opts.remote, url);
    }
    if (url.split('?')[0] === HTTP_SESSION_PATH) return origin ? handleSession(req, res, origin) : handleBrowserSession(req, res);
    if (url.split('?')[0] === HTTP_FEED_PATH) return handleFeed(req, res, url);
    if (url.startsWith(HTTP_API_PREFIX)) return handleApi(req, res, url.slice(HTTP_API_PREFIX.length).split('?')[0]);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: keyedError('method', em('http.files-get-only')) });
    return serveStatic(res, url);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: keyedError('method', em('http.post-only')) });
    const auth = authenticate(req, res);
    if (!auth) return;
    if ((req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() !== 'application/json') {
      return sendJson(res, 415, { ok: false, error: keyedError('invalid-input', em('http.json-only')) });
    }
    // a larger body only for the methods that need one, and only from a caller whose role may call them: another
    // caller is refused at once (403, as the dispatcher would), its body read and dropped so that it hears the answer
    const large = isMethodName(method) ? LARGE_BODY_METHODS[method] : undefined;
    const account = auth.caller(null).account;
    if (large !== undefined && account && !mayCall(account, method as MethodName)) {
      const needed = ROLES.find((role) => mayCall({ role }, method as MethodName)) ?? 'admin';
      req.resume();
      return new Promise<void>((resolve) => {
        req.on('end', () => resolve(sendJson(res, 403, { ok: false, ...toErrorPayload(new JiaoduiError('forbidden', refusal(account, method as MethodName, needed))) })));
        req.on('error', () => resolve());
      });
    }
    const limit = large ?? MAX_BODY_BYTES;
    let body: Buffer;
    try {
      body = await readBody(req, limit);
    } catch {
      return sendJson(res, 413, { ok: false, error: keyedError('invalid-input', em('http.too-large', { limit: limit / 1048576 })) });
    }
    let args: unknown;
    try {
      args = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: keyedError('invalid-input', em('http.bad-json')) });
    }
    let name: string;
    try {
      name = decodeURIComponent(method);
    } catch {
      return sendJson(res, 400, { ok: false, error: keyedError('invalid-input', em('http.bad-method-name')) });
    }
    // the caller: the window that named itself (its feed then skips its own writes), else this server on behalf of that address;
    // in team mode signed by the session's account
    const windowId = req.headers[CLIENT_ID_HEADER];
    const caller = auth.caller(isClientId(windowId) ? windowId : null);
    const offload = opts.offload?.();
    if (offload && isOffloaded(name)) {
      // off this thread: the envelope comes back as JSON, sent as it is (in slices: it may be megabytes)
      const answer = await offload.call(name, args, caller, opts.checkResults);
      return sendSliced(res, answer.ok ? 200 : statusForError(answer.errorCode ?? 'internal'), answer.json);
    }
    const result = await envelope(api, name, args, { checkResults: opts.checkResults, caller });
    sendJson(res, result.ok ? 200 : statusForError(result.error.code), result);
  }

  /**
   * Browser mode's team connections (signed in as any call: the page's session cookie and our
   * Origin): GET lists them (never their cookies), POST {address, signIn} connects, DELETE
   * /api/connections/ID disconnects.
   */
  async function handleConnections(req: IncomingMessage, res: ServerResponse, remote: TeamConnections, path: string): Promise<void> {
    if (!authenticate(req, res)) return;
    const fail = (e: unknown) => {
      if (!isJiaoduiError(e)) throw e;
      sendJson(res, statusForError(e.code), { ok: false, ...toErrorPayload(e) });
    };
    if (path === HTTP_CONNECTIONS_PATH && req.method === 'GET') return sendJson(res, 200, { ok: true, value: remote.list() });
    if (path === HTTP_CONNECTIONS_PATH && req.method === 'POST') {
      if ((req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() !== 'application/json') {
        return sendJson(res, 415, { ok: false, error: keyedError('invalid-input', em('http.connect-json-only')) });
      }
      let given: { address?: unknown; signIn?: unknown } | null;
      try {
        given = JSON.parse((await readBody(req)).toString('utf8') || '{}') as typeof given;
      } catch {
        return sendJson(res, 400, { ok: false, error: keyedError('invalid-input', em('http.connect-needs')) });
      }
      const address = typeof given?.address === 'string' ? given.address : '';
      const signIn = typeof given?.signIn === 'string' ? given.signIn : '';
      try {
        return sendJson(res, 200, { ok: true, value: await remote.connect(address, signIn) });
      } catch (e) {
        return fail(e);
      }
    }
    const id = path.slice(HTTP_CONNECTIONS_PATH.length + 1);
    if (req.method === 'DELETE' && isConnectionId(id)) {
      try {
        await remote.disconnect(id);
        return sendJson(res, 200, { ok: true, value: null });
      } catch (e) {
        return fail(e);
      }
    }
    return sendJson(res, 405, { ok: false, error: keyedError('method', em('http.connections-methods')) });
  }

  /**
   * /remote/ID/api/METHOD and /remote/ID/api/feed: the page's call forwarded to team server ID
   * (core/remote/team-http.ts builds the request and maps the answer), signed in on this side by
   * the page's own session, on the team's by the cookie kept here.
   */
  async function handleRemote(req: IncomingMessage, res: ServerResponse, remote: TeamConnections, url: string): Promise<void> {
    const target = parseRemotePath(url);
    if (!target) return sendJson(res, 404, { ok: false, error: keyedError('not-found', em('http.no-team-route')) });
    const who = authenticate(req, res);
    if (!who) return;
    const windowId = req.headers[CLIENT_ID_HEADER];
    const reply = (a: { status: number; headers: Record<string, string>; body: string | Buffer }) => send(res, a.status, a.body, a.headers['Content-Type'] ?? 'application/json; charset=utf-8', { [TEAM_ANSWER_HEADER]: target.id });
    if (target.target.kind === 'api') {
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: keyedError('method', em('http.post-only')) });
      if ((req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() !== 'application/json') {
        return sendJson(res, 415, { ok: false, error: keyedError('invalid-input', em('http.json-only')) });
      }
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch {
        return sendJson(res, 413, { ok: false, error: keyedError('invalid-input', em('http.too-large', { limit: MAX_BODY_BYTES / 1048576 })) });
      }
      return reply(await remote.call(target.id, target.target.method, body, isClientId(windowId) ? windowId : null));
    }
    if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: keyedError('method', em('http.feed-get-only')) });
    const query = feedQuery(target.target.query);
    if (query === null) return sendJson(res, 400, { ok: false, error: keyedError('invalid-input', em('http.feed-query')) });
    const feed = await remote.feed(target.id, query);
    if ('answer' in feed) return reply(feed.answer);
    res.writeHead(200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      [TEAM_ANSWER_HEADER]: target.id,
    });
    const upstream = feed.stream;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      forget();
      upstream.destroy();
      res.end();
    };
    // the page's own session: signing it out ends the forwarded stream too (the team's session is the connection's)
    const forget = streams.add({ session: who.session, end });
    // the page's session is asked again as the team's lines come (heartbeats at least): one that expired ends the stream
    upstream.on('data', (c: Buffer) => (who.stillSignedIn() ? res.write(c) : end()));
    upstream.on('end', end);
    // ended here (the connection was disconnected: core/remote/connections.ts) or broken
    upstream.on('close', end);
    upstream.on('error', end);
    req.on('close', end);
    res.on('error', end);
  }

  /**
   * /api/session: POST {token} → a session and its cookie (exchangeDecision: our Origin, JSON,
   * the right token); GET → whether this page's cookie is a live session (401 when not, and the
   * stale cookie is cleared); DELETE → sign out (our Origin required, as for any cookie POST).
   */
  async function handleBrowserSession(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Plain http on loopback: see SessionCookieOptions.secure for why the cookie is not Secure here.
    const secure = false;
    const expiresAt = (ms: number) => new Date(ms).toISOString();
    if (req.method === 'POST') {
      let given: unknown;
      try {
        const body = await readBody(req);
        given = (JSON.parse(body.toString('utf8') || '{}') as { token?: unknown } | null)?.token;
      } catch {
        given = undefined;
      }
      const decision = exchangeDecision({ origin: req.headers.origin, contentType: req.headers['content-type'], token: given }, { token, port });
      if (!decision.ok) return sendRefusal(res, decision);
      const session = sessions.create({ via: 'run-token' });
      const cookie = browserCookie.sessionCookie(cookieName, session.id, { maxAgeSeconds: (session.expiresAt - session.createdAt) / 1000, secure });
      return sendJson(res, 200, { ok: true, value: { expiresAt: expiresAt(session.expiresAt) } }, { 'Set-Cookie': cookie });
    }
    if (req.method === 'GET') {
      const id = browserCookie.readCookie(req.headers.cookie, cookieName);
      const session = sessions.lookup(id);
      if (!session) return sendRefusal(res, sessionEnded(), id === null ? {} : { 'Set-Cookie': browserCookie.clearedSessionCookie(cookieName, secure) });
      return sendJson(res, 200, { ok: true, value: { expiresAt: expiresAt(session.expiresAt) } });
    }
    if (req.method === 'DELETE') {
      if (!browserCookie.cookieRequestAllowed('DELETE', req.headers.origin, allowedOrigins(port))) return sendRefusal(res, { ok: false, status: 403, ...em('http.sign-out-origin') });
      const id = browserCookie.readCookie(req.headers.cookie, cookieName);
      const ended = sessions.revoke(id);
      // the page's feed streams end now, not at their next check
      streams.endSession(id);
      return sendJson(res, 200, { ok: true, value: { ended } }, { 'Set-Cookie': browserCookie.clearedSessionCookie(cookieName, secure) });
    }
    return sendJson(res, 405, { ok: false, error: keyedError('method', em('http.session-methods')) });
  }

  /**
   * GET /api/feed?since=N[&client=ID]: one JSON message per line (shared/contract/changes.ts),
   * heartbeats when idle. The session is asked again on every heartbeat and before any message
   * saying accounts changed; a stream whose session ended, expired or was revoked is ended
   * (core/feed-access.ts), and so is every stream of a session this server signs out.
   */
  function handleFeed(req: IncomingMessage, res: ServerResponse, url: string): void {
    if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: keyedError('method', em('http.feed-get-only')) });
    const who = authenticate(req, res);
    if (!who) return;
    const query = new URLSearchParams(url.split('?')[1] ?? '');
    const sinceText = query.get('since');
    const client = query.get('client');
    if ((sinceText !== null && !/^\d{1,15}$/.test(sinceText)) || (client !== null && !isClientId(client))) {
      return sendJson(res, 400, { ok: false, error: keyedError('invalid-input', em('http.feed-query')) });
    }
    const feed = opts.feed?.();
    if (!feed) return sendJson(res, 503, { ok: false, error: keyedError('db-corrupt', em('http.no-database.feed')) });
    res.writeHead(200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    const self = client === null ? null : { kind: 'window' as const, id: client };
    let ended = false;
    const write = (m: FeedMessage) => {
      if (ended) return;
      // accounts changed (here or in another process): is this stream's session still live? (before anything more is sent)
      if (asksAgainBefore(m) && !who.stillSignedIn()) return end();
      if (m.type === 'change' && isOwnChange(m, self)) return;
      res.write(JSON.stringify(m) + '\n');
    };
    // every heartbeat asks too: a session expires, or ends where nothing is logged
    const heartbeat = () => (who.stillSignedIn() ? write({ type: 'heartbeat', seq: feed.latest() }) : end());
    let unsubscribe = () => {};
    const beat = setInterval(heartbeat, opts.heartbeatMs ?? FEED_HEARTBEAT_MS);
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(beat);
      unsubscribe();
      forget();
      res.end();
    };
    const forget = streams.add({ session: who.session, end });
    req.on('close', end);
    res.on('error', end);
    // the first line says where the stream starts
    write({ type: 'heartbeat', seq: feed.latest() });
    unsubscribe = feed.subscribe(write, sinceText === null ? undefined : Number(sinceText));
  }

  async function serveStatic(res: ServerResponse, url: string): Promise<void> {
    const rel = staticRelativePath(url);
    if (rel === null) return sendJson(res, 400, { ok: false, error: keyedError('invalid-input', em('http.bad-path')) });
    let file = join(opts.staticRoot, rel);
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      // Single-page app: unknown paths without an extension get index.html.
      if (/\.[a-z0-9]+$/i.test(rel)) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      file = join(opts.staticRoot, 'index.html');
    }
    const data = await readFile(file);
    send(res, 200, data, contentType(file), file.endsWith('.html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {});
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(team ? team.listen.port : (opts.port ?? 0), team ? team.listen.host : '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  if (team) {
    origin = publicOrigin(team.publicUrl, { host: team.listen.host, port }, !!team.tls);
    // without a public URL, a loopback server answers to both of this machine's names
    if (team.publicUrl === undefined && isLoopback(team.listen.host)) extraHosts = [`localhost:${port}`, `127.0.0.1:${port}`];
  }
  cookieName = browserCookie.sessionCookieName(port);
  return {
    server,
    port,
    token,
    sessions,
    cookieName,
    url: origin ? origin.origin + '/' : `http://127.0.0.1:${port}/#token=${token}`,
    ...(origin ? { publicUrl: origin.origin } : {}),
    close: () =>
      new Promise((resolve) => {
        streams.endAll();
        server.close(() => resolve());
      }),
  };
}
