/**
 * A small client for a team server (`jiaodui serve --team`) from the command line, for
 * `jiaodui push`/`pull` (cli/push-pull.ts): signs in with a one-time sign-in address or token
 * (POST /api/session, core/server.ts), calls contract methods over HTTP with the session
 * cookie (POST /api/METHOD, results validated against the contract), and signs out.
 * Every failure is a RemoteError with its own exit code (REMOTE_EXIT, documented in
 * `jiaodui push --help`).
 */
import { apiSchema, type ArgsOf, type MethodName, type ResultOf } from '../shared/contract/api';
import { HTTP_API_PREFIX, HTTP_SESSION_PATH } from '../shared/contract/transport';
import { JiaoduiError, type ErrorCode } from '../shared/errors';
import { BUNDLE_VERSION, BundleHeader } from '../shared/bundle/schema';
import { UsageError } from './args';
import { parseConnectInput } from '../shared/contract/remote';

/** Exit codes of push and pull, one per kind of failure (2: usage, bad URL or token shape). */
export const REMOTE_EXIT = {
  unreachable: 6,
  signIn: 7,
  forbidden: 8,
  nameTaken: 9,
  newerFormat: 10,
  digest: 11,
} as const;

/** A failure talking to the server, or a refusal of the move, with its exit code. */
export class RemoteError extends JiaoduiError {
  readonly exitCode: number;
  constructor(code: ErrorCode, message: string, exitCode: number) {
    super(code, message);
    this.exitCode = exitCode;
  }
}

/** The exit code of an error a server or the local service answered with. */
export function exitCodeOf(code: string): number | undefined {
  switch (code) {
    case 'unauthorized':
    case 'rate-limited':
      return REMOTE_EXIT.signIn;
    case 'forbidden':
      return REMOTE_EXIT.forbidden;
    case 'conflict':
      return REMOTE_EXIT.nameTaken;
    case 'bundle-future':
      return REMOTE_EXIT.newerFormat;
    case 'bundle-digest':
      return REMOTE_EXIT.digest;
    default:
      return undefined;
  }
}

/** The server's address: an http(s) URL; its origin is what the client talks to. */
export function parseServerUrl(raw: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${flag} must be the team server's address (https://…), got "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`${flag} must be an http:// or https:// address, got "${raw}".`);
  return new URL(url.origin);
}

/**
 * The sign-in token from what `jiaodui users add` printed: the whole address
 * (`https://server/#signin=TOKEN`) or the bare token. Read by the connect dialog's parser
 * (shared/contract/remote.ts), so the CLI and the app accept the same forms.
 */
export function parseSignInToken(raw: string): string {
  // the server is --to/--from's business: only the token part of the input is read here
  const m = /(?:^|[#&])signin=([^&\s]*)/.exec(raw.trim());
  const parsed = parseConnectInput('https://server.invalid', m ? `signin=${m[1]}` : raw);
  if (!parsed.ok) throw new UsageError('--token must be a sign-in address (https://server/#signin=…) or its token, as `jiaodui users add` prints it.');
  return parsed.token;
}

export interface RemoteSession {
  readonly origin: string;
  /** The signed-in account (what the server answered the sign-in with). */
  readonly account: { name: string; role: string };
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  /** End the session (the sign-in address was used up by signing in). */
  signOut(): Promise<void>;
}

type Fetch = typeof fetch;

async function request(fetchFn: Fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (e as Error).message;
    throw new RemoteError('invalid-input', `Cannot reach the team server at ${new URL(url).origin}: ${why}.`, REMOTE_EXIT.unreachable);
  }
}

/** The JSON envelope of an answer ({ok, value} | {ok: false, error}); anything else is not a Jiaodui server. */
async function envelopeOf(res: Response, origin: string): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
    if (body.ok === true) return { ok: true, value: body.value };
    if (body.ok === false && body.error) return { ok: false, error: { code: String(body.error.code), message: String(body.error.message) } };
  } catch {
    // not JSON: below
  }
  throw new RemoteError('invalid-input', `${origin} did not answer as a Jiaodui team server (HTTP ${res.status}).`, REMOTE_EXIT.unreachable);
}

function refusal(error: { code: string; message: string }, status: number, origin: string): RemoteError {
  const exit = exitCodeOf(error.code) ?? (status === 401 ? REMOTE_EXIT.signIn : status === 403 ? REMOTE_EXIT.forbidden : 2);
  return new RemoteError((error.code as ErrorCode) ?? 'internal', `${origin}: ${error.message}`, exit);
}

/** The longest wait a rate-limited sign-in (429, Retry-After) is retried after; longer: refused (exit 7). */
const MAX_SIGN_IN_WAIT_S = 30;

/**
 * Sign in to a team server with a one-time sign-in token; the session lasts until signOut. A
 * sign-in the server rate-limits (429: many sign-ins from this address, e.g. a script's) is
 * tried again once the server's Retry-After has passed, telling `onWait`.
 */
export async function signIn(server: URL, token: string, o: { fetchFn?: Fetch; onWait?: (seconds: number) => void } = {}): Promise<RemoteSession> {
  const fetchFn = o.fetchFn ?? fetch;
  const origin = server.origin;
  const post = () => request(fetchFn, origin + HTTP_SESSION_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
  let res = await post();
  for (let tries = 0; res.status === 429 && tries < 3; tries++) {
    const seconds = Number(res.headers.get('retry-after'));
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SIGN_IN_WAIT_S) break;
    await res.arrayBuffer();
    o.onWait?.(seconds);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    res = await post();
  }
  const env = await envelopeOf(res, origin);
  if (!env.ok) throw refusal(env.error, res.status, origin);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0])[0];
  if (!cookie) throw new RemoteError('invalid-input', `${origin} signed in without a session cookie: is it a Jiaodui team server (serve --team)?`, REMOTE_EXIT.unreachable);
  const account = (env.value as { account?: { name: string; role: string } } | null)?.account ?? { name: '?', role: '?' };
  return session(fetchFn, origin, cookie, account, true);
}

/**
 * A session the app already holds for this server (its connections file, core/remote/connections.ts),
 * checked with whoAmI. Not signed out at the end: the app keeps using it. A session the server
 * no longer knows (signed out, revoked, expired) is refused with exit 7 and what to do.
 */
export async function reuseSession(server: URL, cookie: { name: string; value: string }, o: { fetchFn?: Fetch } = {}): Promise<RemoteSession> {
  const fetchFn = o.fetchFn ?? fetch;
  const origin = server.origin;
  const s = session(fetchFn, origin, `${cookie.name}=${cookie.value}`, { name: '?', role: '?' }, false);
  try {
    const who = await s.call('whoAmI', {});
    const account = (who as { account?: { name: string; role: string } | null }).account;
    if (!account) throw new RemoteError('invalid-input', `${origin}: the app's saved session has ended`, REMOTE_EXIT.signIn);
    return { ...s, account: { name: account.name, role: account.role } };
  } catch (e) {
    if (e instanceof RemoteError && e.exitCode === REMOTE_EXIT.signIn) {
      throw new RemoteError(e.code, `${e.message.replace(/\.$/, '')}. The app's saved sign-in for ${origin} no longer works: connect again in the app, or give --token with a new sign-in address.`, REMOTE_EXIT.signIn);
    }
    throw e;
  }
}

function session(fetchFn: Fetch, origin: string, cookie: string, account: { name: string; role: string }, own: boolean): RemoteSession {
  return {
    origin,
    account,
    async call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
      const res = await request(fetchFn, `${origin}${HTTP_API_PREFIX}${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(args) });
      const env = await envelopeOf(res, origin);
      if (!env.ok) throw refusal(env.error, res.status, origin);
      const parsed = apiSchema[method].result.safeParse(env.value);
      const header = parsed.success ? null : BundleHeader.safeParse(env.value);
      if (header?.success && header.data.version > BUNDLE_VERSION) {
        throw new RemoteError('bundle-future', `${origin} sent a project bundle of format version ${header.data.version}; this Jiaodui reads up to version ${BUNDLE_VERSION}. Update Jiaodui here first.`, REMOTE_EXIT.newerFormat);
      }
      if (!parsed.success) throw new RemoteError('invalid-input', `${origin} answered ${method} with something this Jiaodui does not read (${parsed.error.issues[0]?.message ?? 'invalid'}); are both the same version?`, REMOTE_EXIT.unreachable);
      return parsed.data as ResultOf<M>;
    },
    async signOut() {
      if (!own) return; // the app's session: it stays signed in
      try {
        await fetchFn(origin + HTTP_SESSION_PATH, { method: 'DELETE', headers: { Cookie: cookie } });
      } catch {
        // the session expires by itself; nothing to report once the work is done
      }
    },
  };
}
