/**
 * The change feed's messages, declared once: what the durable change log (db/queries/changes.ts)
 * holds per committed write transaction, and what every window receives (Electron over IPC,
 * browser mode as NDJSON lines of `GET /api/feed`). No zod and no imports beyond types: the
 * sandboxed preload validates with `parseFeedMessage` below, so the schemas stay out of it.
 */
import type { ClientKind } from './caller';

/** Things without ids of their own that a write changed. */
export const CHANGE_TOPICS = ['library', 'settings', 'labels', 'mt', 'accounts', 'unknown'] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

/**
 * The ids one write transaction touched. Empty lists are left out (stored as compact JSON).
 * `documents`: documents whose rows, metadata or progress changed (findings, claims and
 * annotations shown for them may be stale too); `reload`: documents whose every row changed
 * (a parallel text attached, the variant changed) — refetch them whole; `findings`: documents
 * whose stored findings changed; `projects`: projects whose documents or undo history changed.
 * `topics: ['unknown']`: a write that named nothing (refetch everything shown).
 */
export interface ChangeIds {
  projects?: number[];
  documents?: number[];
  segments?: number[];
  removedSegments?: number[];
  annotations?: number[];
  claims?: number[];
  glossary?: number[];
  findings?: number[];
  reload?: number[];
  topics?: ChangeTopic[];
}
export const CHANGE_ID_KINDS = ['projects', 'documents', 'segments', 'removedSegments', 'annotations', 'claims', 'glossary', 'findings', 'reload'] as const satisfies readonly Exclude<keyof ChangeIds, 'topics'>[];

/** One committed write: its sequence number in the log, when, by whom, and what it touched. */
export interface ChangeEvent {
  type: 'change';
  seq: number;
  at: string;
  client: { kind: ClientKind | null; id: string | null };
  reviewer: string | null;
  ids: ChangeIds;
}

/** The follower is too far behind the (pruned) log, or the log went backwards (a restored database): refetch everything. */
export interface ResyncMessage {
  type: 'resync';
  seq: number;
}
/** Sent on an idle stream so proxies and the client know it is alive; carries the newest seq. */
export interface HeartbeatMessage {
  type: 'heartbeat';
  seq: number;
}
export type FeedMessage = ChangeEvent | ResyncMessage | HeartbeatMessage;

/** Electron: the IPC channels of the feed (main → window events; window → main subscription). */
export const FEED_EVENT_CHANNEL = 'jiaodui:feed:event';
export const FEED_SUBSCRIBE_CHANNEL = 'jiaodui:feed:subscribe';
/** Electron: the global the preload exposes the subscription under (window.jiaoduiFeed). */
export const FEED_GLOBAL = 'jiaoduiFeed';
/** Browser mode: a window names itself in this header, so its own writes are not echoed back to it. */
export const CLIENT_ID_HEADER = 'x-jiaodui-client';

/** A subscription to the feed, as the preload exposes it. */
export interface FeedBridge {
  /** Follow the feed from after `since` (0: only new changes); returns the unsubscribe function. */
  subscribe(since: number, cb: (msg: FeedMessage) => void): () => void;
}

const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isIdList = (v: unknown): v is number[] => Array.isArray(v) && v.length <= 100_000 && v.every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0);
const isClientKind = (v: unknown): v is ClientKind => v === 'window' || v === 'cli' || v === 'server' || v === 'test';
const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length <= 500;

/** A window's id as sent in CLIENT_ID_HEADER: short, URL- and header-safe. */
export function isClientId(v: unknown): v is string {
  return typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
}

function parseIds(v: unknown): ChangeIds | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const out: ChangeIds = {};
  for (const [k, list] of Object.entries(v)) {
    if (k === 'topics') {
      if (!Array.isArray(list) || !list.every((t) => (CHANGE_TOPICS as readonly unknown[]).includes(t))) return null;
      out.topics = list as ChangeTopic[];
    } else if ((CHANGE_ID_KINDS as readonly string[]).includes(k)) {
      if (!isIdList(list)) return null;
      out[k as (typeof CHANGE_ID_KINDS)[number]] = list;
    } else return null;
  }
  return out;
}

/** Validate a feed message from the other side of a process boundary; null when it is not one. */
export function parseFeedMessage(v: unknown): FeedMessage | null {
  if (typeof v !== 'object' || v === null) return null;
  const m = v as Record<string, unknown>;
  if (!isSeq(m.seq)) return null;
  if (m.type === 'resync' || m.type === 'heartbeat') return { type: m.type, seq: m.seq };
  if (m.type !== 'change' || !isShortString(m.at)) return null;
  const client = m.client as Record<string, unknown> | null;
  if (typeof client !== 'object' || client === null) return null;
  if (!(client.kind === null || isClientKind(client.kind)) || !(client.id === null || isShortString(client.id))) return null;
  if (!(m.reviewer === null || isShortString(m.reviewer))) return null;
  const ids = parseIds(m.ids);
  if (!ids) return null;
  return { type: 'change', seq: m.seq, at: m.at, client: { kind: client.kind, id: client.id }, reviewer: m.reviewer, ids };
}

/** Whether a subscriber should get this event: not its own writes (it applied their ChangeResult already). */
export function isOwnChange(event: ChangeEvent, subscriber: { kind: ClientKind; id: string } | null): boolean {
  return !!subscriber && event.client.kind === subscriber.kind && event.client.id === subscriber.id;
}

/**
 * Split streamed feed text (NDJSON) into validated messages and the unfinished rest. A garbled
 * line is skipped: the next heartbeat or change carries on. Used by the browser page's feed
 * reader and by Electron's main process reading a team server's feed.
 */
export function splitFeedLines(buffer: string): { messages: FeedMessage[]; rest: string } {
  const parts = buffer.split('\n');
  const rest = parts.pop() ?? '';
  const messages: FeedMessage[] = [];
  for (const line of parts) {
    if (!line.trim()) continue;
    try {
      const m = parseFeedMessage(JSON.parse(line));
      if (m) messages.push(m);
    } catch {
      /* skipped */
    }
  }
  return { messages, rest };
}
