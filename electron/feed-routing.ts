/**
 * The main process's feed decisions as pure functions (electron/main.ts wires them): whether a
 * window's subscription request is valid, and what of each feed message a window is sent.
 */
import { isOwnChange, type FeedMessage } from '../shared/contract/changes';

/**
 * A window's subscription request (FEED_SUBSCRIBE_CHANNEL): a seq to follow from, or null to
 * stop. Anything else is refused (undefined), so a renderer cannot make main read junk.
 */
export function parseSubscription(since: unknown): number | null | undefined {
  if (since === null) return null;
  return typeof since === 'number' && Number.isSafeInteger(since) && since >= 0 ? since : undefined;
}

/**
 * What a window is sent of a feed message: every change but its own writes (the window's API
 * calls are signed `window`/its webContents id by main, and it applied their results already),
 * every resync and heartbeat.
 */
export function feedMessageFor(msg: FeedMessage, webContentsId: number): FeedMessage | null {
  if (msg.type === 'change' && isOwnChange(msg, { kind: 'window', id: String(webContentsId) })) return null;
  return msg;
}
