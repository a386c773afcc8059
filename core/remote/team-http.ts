/**
 * Talking to a team server on the page's behalf (issue 19, step 5), used by both the local
 * browser-mode server (core/server.ts proxies `/remote/ID/…`) and Electron's main process:
 *
 * - pure: the request a call becomes (`teamRequest`: the team's own Origin, its session cookie,
 *   the window's id; never anything of the page's request but its body), the session cookie read
 *   from the team's sign-in answer (`sessionFromSetCookie`), and the answer the page gets
 *   (`pageAnswer`: status and envelope unchanged — 403 role refusals, 409 conflicts with their
 *   details —, only Content-Type kept, never a Set-Cookie; a team 401 becomes `team-signed-out`,
 *   so the page says "signed out of TEAM" rather than ending its own session; no answer at all
 *   becomes `team-unreachable`);
 * - `send`: one HTTP(S) request with node:http(s), the answer read whole, or its stream for the feed.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { CLIENT_ID_HEADER } from '../../shared/contract/changes';
import { HTTP_API_PREFIX, HTTP_FEED_PATH, HTTP_SESSION_PATH } from '../../shared/contract/transport';
import { TEAM_ANSWER_HEADER } from '../../shared/contract/remote';
import { em, errPart, formatErrorMessage, isErrorMessageRef, keyedError, type ErrorMessageParam, type ErrorMessageRef, type KeyedMessage } from '../../shared/error-messages';

/** What the local process keeps of a team session: the cookie the team server set. */
export interface TeamCookie {
  name: string;
  value: string;
}

export interface TeamTarget {
  id: string;
  origin: string;
  cookie: TeamCookie | null;
}

export interface TeamRequest {
  url: string;
  method: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** How long a call may take before the team server counts as unreachable (a check run is slower than a save, not this slow). */
export const TEAM_CALL_TIMEOUT_MS = 60_000;
/** A connection attempt that gets no answer at all. */
export const TEAM_CONNECT_TIMEOUT_MS = 10_000;

/**
 * The request for one call to the team server: its own origin as Origin (its Origin check), its
 * session cookie (and nothing else: the page's own cookies for the local server never go out),
 * the window's id so the team's feed leaves that window's writes out.
 */
export function teamRequest(
  target: TeamTarget,
  what: { kind: 'api'; method: string; body: string | Buffer; windowId?: string | null } | { kind: 'feed'; query: string } | { kind: 'sign-in'; token: string } | { kind: 'sign-out' },
): TeamRequest {
  const headers: Record<string, string> = { Origin: target.origin, Accept: 'application/json' };
  if (target.cookie && what.kind !== 'sign-in') headers.Cookie = `${target.cookie.name}=${target.cookie.value}`;
  switch (what.kind) {
    case 'api':
      if (what.windowId) headers[CLIENT_ID_HEADER] = what.windowId;
      return { url: target.origin + HTTP_API_PREFIX + what.method, method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: what.body };
    case 'feed':
      return { url: target.origin + HTTP_FEED_PATH + what.query, method: 'GET', headers: { ...headers, Accept: 'application/x-ndjson' } };
    case 'sign-in':
      return { url: target.origin + HTTP_SESSION_PATH, method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ token: what.token }) };
    case 'sign-out':
      return { url: target.origin + HTTP_SESSION_PATH, method: 'DELETE', headers };
  }
}

/** The team session cookie in a sign-in answer's Set-Cookie headers (a team server names it `jiaodui-…`, `__Host-jiaodui-…` over https). */
export function sessionFromSetCookie(setCookie: string | readonly string[] | undefined): TeamCookie | null {
  const all = setCookie === undefined ? [] : typeof setCookie === 'string' ? [setCookie] : setCookie;
  for (const line of all) {
    const m = /^\s*((?:__Host-)?jiaodui-[0-9a-f]{12})=([A-Za-z0-9_-]+)\s*(?:;|$)/.exec(line);
    if (m && !/;\s*Max-Age=0\b/i.test(line)) return { name: m[1], value: m[2] };
  }
  return null;
}

export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

function envelopeError(code: string, m: KeyedMessage): string {
  return JSON.stringify({ ok: false, error: keyedError(code, m) });
}

/** The page's answer when the team server could not be reached at all (`reason`: the socket's own words, or a keyed part). */
export function unreachableAnswer(target: { id: string; origin: string }, reason: ErrorMessageParam): PageAnswer {
  return {
    status: 502,
    headers: { 'Content-Type': 'application/json; charset=utf-8', [TEAM_ANSWER_HEADER]: target.id },
    body: envelopeError('team-unreachable', em('team.unreachable', { origin: target.origin, reason })),
  };
}

/**
 * Why a 401 of the team server signed this app out, as a message of ours: the team's reason
 * nested when it sent its message data (worded in the UI language), else its English message
 * quoted as the server's answer; without either, that it signed out.
 */
function signedOut(origin: string, body: Buffer | string): KeyedMessage {
  try {
    const error = (JSON.parse(body.toString()) as { error?: { message?: unknown; messageData?: unknown } } | null)?.error;
    if (typeof error?.message === 'string') {
      return isErrorMessageRef(error.messageData) ? em('team.signed-out.why', { origin, reason: [error.messageData] }) : em('team.signed-out.said', { origin, reason: error.message });
    }
  } catch {
    /* no envelope */
  }
  return em('team.signed-out', { origin });
}

/**
 * What the page gets for the team server's answer: the same status and envelope (so a 403 role
 * refusal or a 409 conflict with its base/theirs/mine reaches the conflict view unchanged), only
 * Content-Type of its headers (no Set-Cookie: the team cookie stays in this process), marked with
 * the connection. A 401 becomes `team-signed-out` naming the server. An answer that is no JSON
 * envelope (a proxy's error page in front of the team server) counts as unreachable when 5xx.
 */
export function pageAnswer(target: { id: string; origin: string }, status: number, contentType: string | undefined, body: Buffer): PageAnswer {
  const marked = { [TEAM_ANSWER_HEADER]: target.id };
  const json = (contentType ?? '').toLowerCase().startsWith('application/json');
  if (status === 401) {
    return { status: 401, headers: { 'Content-Type': 'application/json; charset=utf-8', ...marked }, body: envelopeError('team-signed-out', signedOut(target.origin, body)) };
  }
  if (!json) {
    if (status >= 500) return unreachableAnswer(target, [errPart('team.reason.answered', { status })]);
    return { status: 502, headers: { 'Content-Type': 'application/json; charset=utf-8', ...marked }, body: envelopeError('internal', em('team.route.no-json', { origin: target.origin, status })) };
  }
  return { status, headers: { 'Content-Type': contentType!, ...marked }, body };
}

export interface RawAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** Largest answer read from a team server (an export of a large document as base64). */
export const MAX_TEAM_ANSWER_BYTES = 64 * 1024 * 1024;

function open(req: TeamRequest, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const url = new URL(req.url);
    const make = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = { ...req.headers, ...(req.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(req.body)) } : {}) };
    const r = make(url, { method: req.method, headers, timeout: timeoutMs }, resolve);
    r.on('timeout', () => r.destroy(new TeamRequestFailed(errPart('team.reason.timeout', { seconds: Math.round(timeoutMs / 1000) }))));
    r.on('error', reject);
    r.end(req.body);
  });
}

/** Send one request and read the whole answer. Rejects when the server cannot be reached (the caller answers `unreachableAnswer`). */
export async function send(req: TeamRequest, timeoutMs = TEAM_CALL_TIMEOUT_MS): Promise<RawAnswer> {
  const res = await open(req, timeoutMs);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of res as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_TEAM_ANSWER_BYTES) {
      res.destroy();
      throw new TeamRequestFailed(errPart('team.reason.too-large', { limit: MAX_TEAM_ANSWER_BYTES / 1048576 }));
    }
    chunks.push(c);
  }
  return { status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) };
}

/** Open a streamed answer (the feed): resolves once the status is known; the caller reads or destroys the stream. */
export function openStream(req: TeamRequest, timeoutMs = TEAM_CONNECT_TIMEOUT_MS): Promise<IncomingMessage> {
  return open(req, timeoutMs).then((res) => {
    // the feed is long-lived: the connect timeout must not end it (heartbeats keep it visibly alive)
    res.socket?.setTimeout(0);
    return res;
  });
}

/** A request that failed for a reason of ours (no answer in time, an answer too large), worded as a part of the message that reports it. */
export class TeamRequestFailed extends Error {
  constructor(readonly part: ErrorMessageRef) {
    super(formatErrorMessage(part));
  }
}

/** Why a request failed, short: a reason of ours as a keyed part, else the socket's own (ECONNREFUSED…). */
export function reasonOf(e: unknown): ErrorMessageParam {
  if (e instanceof TeamRequestFailed) return [e.part];
  const err = e as { code?: unknown; message?: unknown };
  if (typeof err?.code === 'string') return err.code;
  return typeof err?.message === 'string' ? err.message : String(e);
}
