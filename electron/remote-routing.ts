/**
 * Electron's main process talking to team servers (issue 19, step 5), its decisions as pure
 * functions (electron/main.ts wires them to IPC and to core/remote/connections.ts, the module
 * browser mode's local server uses too): which IPC requests are valid — a connection id, a
 * method name, a sequence number; anything else is refused before a byte goes out —, the envelope
 * the window gets for a team answer, and the team feed's NDJSON split into validated messages.
 * Nothing here touches Electron, so it is tested without it.
 */
import { isConnectionId, isMethodName, type ConnectionId, type TeamFeedStatus } from '../shared/contract/remote';
import { em, keyedError, type ErrorMessageKey, type ErrorMessageRef } from '../shared/error-messages';

export type ApiEnvelopeLike = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown; messageData?: ErrorMessageRef } };

const refused = (key: ErrorMessageKey): { ok: false; envelope: ApiEnvelopeLike } => ({ ok: false, envelope: { ok: false, error: keyedError('invalid-input', em(key)) } });

/** A window's `call(id, method, args)`: the request to forward (args as JSON), or the refusal to answer with. */
export function parseRemoteCall(id: unknown, method: unknown, args: unknown): { ok: true; id: ConnectionId; method: string; body: string } | { ok: false; envelope: ApiEnvelopeLike } {
  if (!isConnectionId(id)) return refused('team.route.not-connection');
  if (!isMethodName(method)) return refused('team.route.not-method');
  let body: string;
  try {
    body = JSON.stringify(args ?? {});
  } catch {
    return refused('team.route.not-json');
  }
  return { ok: true, id, method, body };
}

/** A window's `connect(address, signIn)`: two strings of sane length. */
export function parseRemoteConnect(address: unknown, signIn: unknown): { ok: true; address: string; signIn: string } | { ok: false; envelope: ApiEnvelopeLike } {
  if (typeof address !== 'string' || typeof signIn !== 'string' || address.length > 2048 || signIn.length > 4096) return refused('team.route.connect-needs');
  return { ok: true, address, signIn };
}

/** A window's team feed subscription: a connection and a seq to follow from, or null to stop. */
export function parseRemoteSubscription(id: unknown, since: unknown): { id: ConnectionId; since: number | null } | null {
  if (!isConnectionId(id)) return null;
  if (since === null) return { id, since: null };
  return typeof since === 'number' && Number.isSafeInteger(since) && since >= 0 ? { id, since } : null;
}

/**
 * The window's envelope for a team answer (core/remote/team-http.ts pageAnswer): its JSON body as
 * the team sent it — so a 403 or a 409 with base/theirs/mine reaches the conflict view unchanged —
 * or, when it is not an envelope, an error saying so.
 */
export function envelopeFromAnswer(answer: { status: number; body: string | Buffer }): ApiEnvelopeLike {
  try {
    const v = JSON.parse(answer.body.toString()) as ApiEnvelopeLike;
    if (v && (v.ok === true || (v.ok === false && typeof v.error?.message === 'string'))) return v;
  } catch {
    /* below */
  }
  return { ok: false, error: keyedError('internal', em('team.route.no-envelope', { status: answer.status })) };
}

/**
 * What a window is told when the team feed answered instead of streaming: the answer's error as
 * the team (or this process, core/remote/team-http.ts pageAnswer) worded it, message data
 * included — unreachable, signed out —, or, for an answer that is no error, that the feed was
 * refused; with the answer's status (a refusal of its own, a 403 or 404, is shown as one).
 */
export function teamFeedStatus(answer: { status: number; body: string | Buffer }): TeamFeedStatus {
  const env = envelopeFromAnswer(answer);
  const error = env.ok ? keyedError('internal', em('team.feed-refused')) : env.error;
  return { ok: false, code: error.code, message: error.message, ...(error.messageData ? { messageData: error.messageData } : {}), status: answer.status };
}

/** The query of a team feed request: the window's own id (its writes left out) and where to start. */
export function teamFeedQuery(windowId: string, since: number | null): string {
  return `?client=${encodeURIComponent(windowId)}${since === null || since === 0 ? '' : `&since=${since}`}`;
}
