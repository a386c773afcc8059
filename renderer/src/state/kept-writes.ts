/**
 * Writes kept for a team server that could not be reached, stored so that a reload (or a crash
 * of the window) does not forget them: the segment status changes (state/status-queue.ts), the
 * claim edits (state/claim-queue.ts) and a save kept with its editor's text and approval
 * (`KeptSave` plus the text). Pure: the key, the stored format, reading it back and merging it
 * with what the window keeps; state/kept-store.ts reads and writes local storage.
 *
 * Stored format (local storage, one entry per team server and reviewer, key
 * `jiaodui.keptWrites@ORIGIN#ACCOUNT`), JSON:
 *   { "v": 1,
 *     "statuses": [{ "segmentId", "status", "version"? }],            // QueuedStatus
 *     "claims":   [{ "documentId", "claimId", "version"?, "call" }],  // QueuedClaimWrite (claimId null: a claim
 *                                                                  // being made or a candidate decided, with its request id)
 *     "save": null | { "documentId", "segmentId", "row", "text", "version", "approve", "statusVersion"? } }
 * Versions are the ones read when the reviewer asked, so a change made on the server meanwhile is
 * still a conflict after the reload. An entry of another `v`, or one that does not parse, is
 * ignored (a console warning), never half read.
 */
import type { SegmentStatus } from '../../../shared/domain/schemas';
import { draftToKeep, type KeptDraft } from './session';
import { enqueueClaimWrite, type QueuedClaimWrite } from './claim-queue';
import { enqueueStatus, type KeptSave, type QueuedStatus } from './status-queue';
import { parseStoredJson } from './json';

export const KEPT_WRITES_KEY = 'jiaodui.keptWrites';
export const KEPT_WRITES_VERSION = 1;

/** A save kept with its text: the editor's draft (as a session's kept draft) and the approval asked with it. */
export type KeptSaveEntry = KeptDraft & Omit<KeptSave, 'segmentId'>;

export interface KeptWrites {
  statuses: QueuedStatus[];
  claims: QueuedClaimWrite[];
  save: KeptSaveEntry | null;
}

export const NO_KEPT_WRITES: KeptWrites = { statuses: [], claims: [], save: null };

/** The entry's key: per team server (its origin: ids are its database's) and reviewer (its account). */
export function keptWritesKey(origin: string, account: string): string {
  return `${KEPT_WRITES_KEY}@${origin}#${encodeURIComponent(account)}`;
}

/** How many writes wait (a save counts once). */
export function keptCount(k: KeptWrites): number {
  return k.statuses.length + k.claims.length + (k.save ? 1 : 0);
}

/** The stored form; null when nothing waits (the entry is then removed). */
export function serializeKeptWrites(k: KeptWrites): string | null {
  if (keptCount(k) === 0) return null;
  return JSON.stringify({ v: KEPT_WRITES_VERSION, statuses: k.statuses, claims: k.claims, save: k.save });
}

/** What the window keeps now: its queues, and the kept save with the text in its editor (none once the editor moved on). */
export function keptWritesNow(
  statuses: readonly QueuedStatus[],
  claims: readonly QueuedClaimWrite[],
  save: KeptSave | null,
  view: { doc: { id: number } | null; segments: readonly { id: number; text: string }[]; editing: { segmentId: number; draft: string; version?: number | null } | null },
): KeptWrites {
  const draft = save && view.editing?.segmentId === save.segmentId ? draftToKeep(view.editing, view.doc?.id ?? null, view.segments) : null;
  const entry: KeptSaveEntry | null = save && draft ? { ...draft, approve: save.approve, ...(save.statusVersion !== undefined ? { statusVersion: save.statusVersion } : {}) } : null;
  return { statuses: [...statuses], claims: [...claims], save: entry };
}

const STATUSES: readonly SegmentStatus[] = ['unreviewed', 'edited', 'approved'];
const isId = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x > 0;
const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** a version read from the backend: a number, null (none stored yet) or absent */
const isVersion = (x: unknown, nullable: boolean): boolean => x === undefined || (nullable && x === null) || (typeof x === 'number' && Number.isInteger(x) && x >= 0);

function parseStatus(x: unknown): QueuedStatus | null {
  if (!isObject(x) || !isId(x.segmentId) || !STATUSES.includes(x.status as SegmentStatus) || !isVersion(x.version, true)) return null;
  return { segmentId: x.segmentId, status: x.status as SegmentStatus, ...(x.version !== undefined ? { version: x.version as number | null } : {}) };
}

const isRequestId = (x: unknown): x is string => typeof x === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(x);
/** a span's arguments as kept: segment, offsets (both or neither), the quote read and the request id */
const isSpanArgs = (a: unknown): boolean =>
  isObject(a) && isId(a.segmentId) && (a.start === undefined ? a.end === undefined : isIndex(a.start) && isIndex(a.end)) && typeof a.quote === 'string' && isRequestId(a.requestId);

function parseClaim(x: unknown): QueuedClaimWrite | null {
  if (!isObject(x) || !isId(x.documentId) || !isVersion(x.version, false) || !isObject(x.call)) return null;
  const c = x.call;
  // a claim being made or a candidate decided has no claim yet; every other write names its claim
  const making = c.method === 'addClaim' || c.method === 'decideCandidate';
  if (making ? x.claimId !== null : !isId(x.claimId)) return null;
  const ok =
    (c.method === 'addClaim' && isSpanArgs(c.args) && isId(c.row)) ||
    (c.method === 'decideCandidate' && typeof c.reject === 'boolean' && isSpanArgs(c.args) && (c.args as { start?: unknown }).start !== undefined && isId(c.row)) ||
    (c.method === 'deleteClaim' && isRequestId(c.requestId)) ||
    (c.method === 'updateClaim' && isObject(c.fields)) ||
    (c.method === 'addClaimEvidence' && isObject(c.evidence)) ||
    (c.method === 'removeClaimEvidence' && isId(c.evidenceId)) ||
    (c.method === 'addSegmentEvidence' && isId(c.documentId) && isIndex(c.index) && typeof c.note === 'string' && typeof c.notFound === 'string');
  if (!ok) return null;
  return { documentId: x.documentId, claimId: x.claimId as number | null, ...(x.version !== undefined ? { version: x.version as number } : {}), call: c as unknown as QueuedClaimWrite['call'] };
}

function parseSave(x: unknown): KeptSaveEntry | null {
  if (!isObject(x) || !isId(x.documentId) || !isId(x.segmentId) || !isId(x.row) || typeof x.text !== 'string' || typeof x.approve !== 'boolean') return null;
  if (!(x.version === null || isVersion(x.version, false)) || x.version === undefined || !isVersion(x.statusVersion, true)) return null;
  return {
    documentId: x.documentId,
    segmentId: x.segmentId,
    row: x.row,
    text: x.text,
    version: x.version as number | null,
    approve: x.approve,
    ...(x.statusVersion !== undefined ? { statusVersion: x.statusVersion as number | null } : {}),
  };
}

export type ParsedKeptWrites = { kind: 'none' } | { kind: 'ok'; writes: KeptWrites } | { kind: 'unreadable'; reason: string };

/** Read a stored entry back: nothing, the writes, or unreadable (another version, or corrupt) with why — never half of it. */
export function parseKeptWrites(raw: string | null): ParsedKeptWrites {
  if (raw === null || raw === '') return { kind: 'none' };
  const v = parseStoredJson(raw);
  if (v === undefined) return { kind: 'unreadable', reason: 'not JSON' };
  if (!isObject(v)) return { kind: 'unreadable', reason: 'not an object' };
  if (v.v !== KEPT_WRITES_VERSION) return { kind: 'unreadable', reason: `format version ${JSON.stringify(v.v)}, this window reads ${KEPT_WRITES_VERSION}` };
  if (!Array.isArray(v.statuses) || !Array.isArray(v.claims)) return { kind: 'unreadable', reason: 'statuses or claims missing' };
  const statuses = v.statuses.map(parseStatus);
  const claims = v.claims.map(parseClaim);
  const save = v.save === null || v.save === undefined ? null : parseSave(v.save);
  if (statuses.some((s) => s === null)) return { kind: 'unreadable', reason: 'a status change does not parse' };
  if (claims.some((c) => c === null)) return { kind: 'unreadable', reason: 'a claim edit does not parse' };
  if (v.save != null && save === null) return { kind: 'unreadable', reason: 'the kept save does not parse' };
  return { kind: 'ok', writes: { statuses: statuses as QueuedStatus[], claims: claims as QueuedClaimWrite[], save } };
}

/**
 * The stored writes (an earlier session's, asked first) with the window's own after them, by the
 * queues' rules: a later status of a segment wins but keeps the earlier version read, claim
 * updates merge into the stored ones keeping their version; the window's kept save, else the
 * stored one. A write already in the window (stored by it) is not added twice.
 */
export function mergeKeptWrites(stored: KeptWrites, current: KeptWrites): KeptWrites {
  let statuses: QueuedStatus[] = [];
  for (const s of [...stored.statuses, ...current.statuses]) statuses = enqueueStatus(statuses, s);
  const same = (a: QueuedClaimWrite, b: QueuedClaimWrite) => JSON.stringify(a) === JSON.stringify(b);
  let claims: QueuedClaimWrite[] = [];
  for (const c of [...stored.claims, ...current.claims.filter((c) => !stored.claims.some((s) => same(s, c)))]) claims = enqueueClaimWrite(claims, c);
  return { statuses, claims, save: current.save ?? stored.save };
}
