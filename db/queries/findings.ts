/** Stored findings: one row per location; grouped findings share group_key. */
import type { Db } from '../connection';
import { messageWording } from '../message-wording';

export interface FindingRow {
  id: number;
  documentId: number;
  segmentId: number;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  start: number;
  end: number;
  text: string;
  message: string;
  /** the message as key + params, JSON (shared/finding-messages.ts); null on rows before migration 010 */
  messageData: string | null;
  fixes: { start: number; end: number; replacement: string }[];
  group: string | null;
  scope: 'segment' | 'document' | 'project';
  dismissedReason: string | null;
  dismissedAt: string | null;
  dismissedSegmentText: string | null;
  createdAt: string;
  /** row number of the segment (listFindings only) */
  segmentIndex?: number;
}
export type NewFinding = Omit<FindingRow, 'id' | 'dismissedReason' | 'dismissedAt' | 'dismissedSegmentText' | 'messageData'> & {
  messageData?: string | null;
  dismissedReason?: string | null;
  dismissedAt?: string | null;
  dismissedSegmentText?: string | null;
};

const cols = (a: string) => `${a}.id, ${a}.document_id AS documentId, ${a}.segment_id AS segmentId, ${a}.rule, ${a}.severity,
  ${a}.start_offset AS start, ${a}.end_offset AS "end", ${a}.text, ${a}.message, ${a}.message_data AS messageData, ${a}.fixes, ${a}.group_key AS "group", ${a}.scope,
  ${a}.dismissed_reason AS dismissedReason, ${a}.dismissed_at AS dismissedAt, ${a}.dismissed_segment_text AS dismissedSegmentText,
  ${a}.created_at AS createdAt`;
const COLS = cols('findings');

type Raw = Omit<FindingRow, 'fixes'> & { fixes: string };
/** Rows as read → FindingRow, in place: a document's findings can be tens of thousands of rows (one per location). */
function fromRawRows(rows: Raw[]): FindingRow[] {
  const wording = messageWording();
  for (const r of rows) {
    (r as unknown as FindingRow).fixes = JSON.parse(r.fixes) as FindingRow['fixes'];
    r.message = wording.read(r.message, r.messageData);
  }
  return rows as unknown as FindingRow[];
}
const fromRaw = (r: Raw): FindingRow => fromRawRows([r])[0];

export function listFindings(db: Db, documentId: number): FindingRow[] {
  return fromRawRows(
    db
      .prepare(
        `SELECT ${cols('f')}, s.position AS segmentIndex FROM findings f JOIN segments s ON s.id = f.segment_id
         WHERE f.document_id = ? AND s.retired = 0 ORDER BY s.position, f.start_offset, f.id`,
      )
      .all(documentId) as Raw[],
  );
}

/** A row as the findings panel assembles it: where it is and its group; what a finding shows once (rule, message, dismissal…) is read for its primary row (`findingDetails`). */
export type FindingLocationRow = Pick<FindingRow, 'id' | 'documentId' | 'segmentId' | 'start' | 'end' | 'text' | 'fixes' | 'group' | 'segmentIndex'>;

/**
 * A document's rows in `listFindings`' order with only what assembling them needs: where each
 * is, its fixes and its group. Every row of a group shares its rule, severity, scope and message,
 * and the panel shows them and the dismissal once per finding (`findingDetails` reads them for
 * the primary rows): the 1 MB bench text has ~19,000 rows, ~18,000 of them in one group. Read
 * as arrays (no object per row from the driver; one object of a fixed shape is built here).
 */
export function listFindingLocations(db: Db, documentId: number): FindingLocationRow[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.segment_id, f.start_offset, f.end_offset, f.text, f.fixes, f.group_key, s.position
         FROM findings f JOIN segments s ON s.id = f.segment_id
        WHERE f.document_id = ? AND s.retired = 0 ORDER BY s.position, f.start_offset, f.id`,
    )
    .raw(true)
    .all(documentId) as [number, number, number, number, string, string, string | null, number][];
  const out = new Array<FindingLocationRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    out[i] = { id: r[0], documentId, segmentId: r[1], start: r[2], end: r[3], text: r[4], fixes: JSON.parse(r[5]) as FindingRow['fixes'], group: r[6], segmentIndex: r[7] };
  }
  return out;
}

/**
 * The texts of a document's segments that have findings, in one statement (a point query per
 * segment cost more on a large document: ~8,800 segments with findings in the 1 MB bench text).
 */
export function findingSegmentTexts(db: Db, documentId: number): Map<number, string> {
  const rows = db
    .prepare(`SELECT id, current_text AS text FROM segments WHERE id IN (SELECT segment_id FROM findings WHERE document_id = ?)`)
    .all(documentId) as { id: number; text: string }[];
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** What a finding shows once, from its primary row. */
export type FindingDetails = Pick<FindingRow, 'rule' | 'severity' | 'scope' | 'message' | 'messageData' | 'dismissedReason' | 'dismissedAt'>;

/** The rule, severity, scope, message and dismissal of the given rows, by id. */
export function findingDetails(db: Db, ids: readonly number[]): Map<number, FindingDetails> {
  const rows = db
    .prepare(
      `SELECT id, rule, severity, scope, message, message_data AS messageData, dismissed_reason AS dismissedReason, dismissed_at AS dismissedAt
         FROM findings WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (FindingDetails & { id: number })[];
  const wording = messageWording();
  for (const r of rows) r.message = wording.read(r.message, r.messageData);
  return new Map(rows.map((r) => [r.id, r]));
}

/** One rule's rows of a document (the findings_document index: no scan of the document's other findings). */
export function listFindingsOfRule(db: Db, documentId: number, rule: string): FindingRow[] {
  return fromRawRows(
    db
      .prepare(
        `SELECT ${cols('f')}, s.position AS segmentIndex FROM findings f JOIN segments s ON s.id = f.segment_id
         WHERE f.document_id = ? AND f.rule = ? AND s.retired = 0 ORDER BY s.position, f.start_offset, f.id`,
      )
      .all(documentId, rule) as Raw[],
  );
}

export function getFinding(db: Db, id: number): FindingRow | undefined {
  const r = db.prepare(`SELECT ${COLS} FROM findings WHERE id = ?`).get(id) as Raw | undefined;
  return r && fromRaw(r);
}

/**
 * Rows of a project-wide group in every document of the project that holds `documentId`,
 * with their row numbers. Group keys name the rule and the spellings, not the project, so the
 * same name in another project shares the key: the project filter keeps fixes from reaching it.
 */
export function findingsInProjectGroup(db: Db, documentId: number, group: string): FindingRow[] {
  return fromRawRows(
    db
      .prepare(
        `SELECT ${cols('f')}, s.position AS segmentIndex FROM findings f
           JOIN segments s ON s.id = f.segment_id
           JOIN documents d ON d.id = f.document_id
          WHERE f.group_key = ? AND s.retired = 0
            AND d.project_id = (SELECT project_id FROM documents WHERE id = ?)
          ORDER BY f.id`,
      )
      .all(group, documentId) as Raw[],
  );
}

export function deleteProjectFindings(db: Db, documentIds: readonly number[]): void {
  const stmt = db.prepare(`DELETE FROM findings WHERE document_id = ? AND scope = 'project'`);
  for (const id of documentIds) stmt.run(id);
}

export function findingsInGroup(db: Db, documentId: number, group: string): FindingRow[] {
  return fromRawRows(db.prepare(`SELECT ${COLS} FROM findings WHERE document_id = ? AND group_key = ? ORDER BY id`).all(documentId, group) as Raw[]);
}

/** Dismissed findings of a document (kept across re-runs while their segment text is unchanged). */
export function dismissedFindings(db: Db, documentId: number): FindingRow[] {
  return fromRawRows(db.prepare(`SELECT ${COLS} FROM findings WHERE document_id = ? AND dismissed_reason IS NOT NULL`).all(documentId) as Raw[]);
}

/** Dismissed findings on one segment (the incremental re-check looks only there). */
export function dismissedFindingsOfSegment(db: Db, segmentId: number): FindingRow[] {
  return fromRawRows(db.prepare(`SELECT ${COLS} FROM findings WHERE segment_id = ? AND dismissed_reason IS NOT NULL`).all(segmentId) as Raw[]);
}

export function deleteFindings(db: Db, documentId: number, scope?: 'segment' | 'document' | 'project', segmentId?: number): void {
  const where = ['document_id = ?'];
  const params: unknown[] = [documentId];
  if (scope) {
    where.push('scope = ?');
    params.push(scope);
  }
  if (segmentId !== undefined) {
    where.push('segment_id = ?');
    params.push(segmentId);
  }
  db.prepare(`DELETE FROM findings WHERE ${where.join(' AND ')}`).run(...params);
}

const INSERT_COLUMNS = `INSERT INTO findings (document_id, segment_id, rule, severity, start_offset, end_offset, text, message, message_data, fixes, group_key, scope,
       dismissed_reason, dismissed_at, dismissed_segment_text, created_at) VALUES `;
const ROW_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** Parameters per row (the columns above). */
const COLUMNS = 16;
/** Rows per INSERT statement: 16 parameters each, within SQLite's default limit of 32,766 parameters. */
const BATCH = 64;

/**
 * Inserts the rows in order. Returns the ids they were given when those are one unbroken run
 * (`first`, first + 1, … in the order of `rows`: each INSERT takes the next rowid), else null.
 */
export function insertFindings(db: Db, rows: readonly NewFinding[]): { first: number; count: number } | null {
  // A run over a large document stores tens of thousands of rows (one per location): one
  // prepared multi-row statement per BATCH rows pays SQLite's per-statement cost once per batch.
  const batch = db.prepare(INSERT_COLUMNS + Array(BATCH).fill(ROW_PLACEHOLDERS).join(', '));
  const one = db.prepare(INSERT_COLUMNS + ROW_PLACEHOLDERS);
  // one parameter array per statement shape, filled in place (no array grown again for every batch)
  const many = new Array<unknown>(BATCH * COLUMNS);
  const single = new Array<unknown>(COLUMNS);
  const wording = messageWording();
  const add = (params: unknown[], at: number, r: NewFinding) => {
    params[at] = r.documentId;
    params[at + 1] = r.segmentId;
    params[at + 2] = r.rule;
    params[at + 3] = r.severity;
    params[at + 4] = r.start;
    params[at + 5] = r.end;
    params[at + 6] = r.text;
    params[at + 7] = wording.stored(r.message, r.messageData);
    params[at + 8] = r.messageData ?? null;
    params[at + 9] = JSON.stringify(r.fixes);
    params[at + 10] = r.group ?? null;
    params[at + 11] = r.scope;
    params[at + 12] = r.dismissedReason ?? null;
    params[at + 13] = r.dismissedAt ?? null;
    params[at + 14] = r.dismissedSegmentText ?? null;
    params[at + 15] = r.createdAt;
  };
  // the ids given so far, while they run on unbroken from the first
  let first: number | null = null;
  let next = 0;
  let unbroken = true;
  const ran = (info: { changes: number; lastInsertRowid: number | bigint }, count: number) => {
    const last = Number(info.lastInsertRowid);
    if (info.changes !== count) unbroken = false;
    else if (first === null) first = last - count + 1;
    else if (last - count + 1 !== next) unbroken = false;
    next = last + 1;
  };
  let i = 0;
  for (; i + BATCH <= rows.length; i += BATCH) {
    for (let k = 0; k < BATCH; k++) add(many, k * COLUMNS, rows[i + k]);
    ran(batch.run(many), BATCH);
  }
  for (; i < rows.length; i++) {
    add(single, 0, rows[i]);
    ran(one.run(single), 1);
  }
  return unbroken && first !== null ? { first, count: rows.length } : null;
}

/** How many rows a document has, and their smallest and largest id. */
export function documentFindingSpan(db: Db, documentId: number): { count: number; min: number | null; max: number | null } {
  return db.prepare(`SELECT count(*) AS count, min(id) AS min, max(id) AS max FROM findings WHERE document_id = ?`).get(documentId) as { count: number; min: number | null; max: number | null };
}

/** A stored row as the checks' replace step compares it: every column a run writes, fixes as stored (JSON). */
export interface StoredCheckRow {
  id: number;
  key: string;
  /** where the row is, and its group: a run overtaken by edits leaves the edited segments' rows (and their groups) alone */
  segmentId: number;
  group: string | null;
}

/**
 * A document's stored rows keyed for the checks' replace step, and the heads their keys use:
 * `heads` maps each distinct head (`checkRowHead`) to its number, and a row's key is that
 * number, \u0001, and its place (`checkRowPlace`). What every row of a finding repeats (rule,
 * severity, message, group, scope: a document-wide group repeats one long message on each of
 * its thousands of rows, ~18,000 rows on the 1 MB bench text) is read and compared once per
 * distinct head instead of once per row; `checkRowKeyer` keys new rows the same way.
 */
export interface StoredCheckRows {
  heads: ReadonlyMap<string, number>;
  rows: StoredCheckRow[];
}

type KeyFields = Pick<NewFinding, 'rule' | 'segmentId' | 'start' | 'end' | 'text' | 'severity' | 'message' | 'group' | 'scope'> & {
  messageData?: string | null;
  fixes: string | NewFinding['fixes'];
  dismissedReason?: string | null;
  dismissedAt?: string | null;
  dismissedSegmentText?: string | null;
};

/**
 * What a row shares with every row of its finding: rule, severity, message, group, scope. A row
 * with message data (key + params) is keyed by it and not by its English message, which is
 * that data through the English template (and is how every reader words it,
 * renderer/src/i18n-findings.ts).
 */
export function checkRowHead(r: Pick<KeyFields, 'rule' | 'severity' | 'message' | 'messageData' | 'group' | 'scope'>): string {
  return [r.rule, r.severity, r.messageData ? '' : r.message, r.messageData ?? '', r.group ?? '', r.scope].join('\u0001');
}

/** Where a row is, its fixes as insertFindings serialises them, and its dismissal. */
export function checkRowPlace(r: Pick<KeyFields, 'segmentId' | 'start' | 'end' | 'text' | 'fixes' | 'dismissedReason' | 'dismissedAt' | 'dismissedSegmentText'>): string {
  const fixes = typeof r.fixes === 'string' ? r.fixes : JSON.stringify(r.fixes);
  return `${r.segmentId}\u0001${r.start}\u0001${r.end}\u0001${r.text}\u0001${fixes}\u0001${r.dismissedReason ?? ''}\u0001${r.dismissedAt ?? ''}\u0001${r.dismissedSegmentText ?? ''}`;
}

/**
 * Keys new rows as `checkRowKeys` keys the stored ones: undefined for a row whose head no stored
 * row has (it is new). Consecutive rows of one finding share their head's strings, so the head
 * is built again only when one of them differs from the previous row's.
 */
export function checkRowKeyer(heads: ReadonlyMap<string, number>): (r: KeyFields) => string | undefined {
  let last: Pick<KeyFields, 'rule' | 'severity' | 'message' | 'messageData' | 'group' | 'scope'> | null = null;
  let lastHead: number | undefined;
  return (r) => {
    if (!last || r.rule !== last.rule || r.severity !== last.severity || r.message !== last.message || (r.messageData ?? null) !== (last.messageData ?? null) || (r.group ?? null) !== (last.group ?? null) || r.scope !== last.scope) {
      last = r;
      lastHead = heads.get(checkRowHead(r));
    }
    return lastHead === undefined ? undefined : `${lastHead}\u0001${checkRowPlace(r)}`;
  };
}

/** The key of one row against `heads` (tests; a run keys its rows with `checkRowKeyer`). */
export function checkRowKey(r: KeyFields, heads: ReadonlyMap<string, number>): string | undefined {
  return checkRowKeyer(heads)(r);
}

/**
 * `checkRowHead` and `checkRowPlace` computed by SQLite: the fields of a row reach JavaScript as
 * one string, the head once per distinct head. Must build the very strings the functions build:
 * the same fields in the same order, NULL as '', offsets stored as integers.
 */
const sqlJoin = (columns: string[]) => columns.map((c) => `ifnull(${c}, '')`).join(' || char(1) || ');
const SQL_ROW_HEAD = sqlJoin(['rule', 'severity', "CASE WHEN message_data IS NULL OR message_data = '' THEN message ELSE '' END", 'message_data', 'group_key', 'scope']);
const SQL_ROW_PLACE = sqlJoin(['segment_id', 'start_offset', 'end_offset', 'text', 'fixes', 'dismissed_reason', 'dismissed_at', 'dismissed_segment_text']);

/**
 * A document's segment- and document-scope rows (of `rules`, or of every rule but `exceptRule`),
 * keyed for comparison. Heads are numbered in order of their first row; each head's text and
 * group reach JavaScript on that row only. Rows in id order.
 */
export function checkRowKeys(db: Db, documentId: number, exceptRule: string, rules?: readonly string[]): StoredCheckRows {
  const rows = db
    .prepare(
      `WITH f AS MATERIALIZED (
              SELECT id, segment_id, group_key, ${SQL_ROW_HEAD} AS head, ${SQL_ROW_PLACE} AS place FROM findings
               WHERE document_id = ? AND scope IN ('segment', 'document') AND rule <> ?
                 AND (? IS NULL OR rule IN (SELECT value FROM json_each(?)))),
            h AS MATERIALIZED (SELECT head, min(id) AS first, row_number() OVER (ORDER BY min(id)) - 1 AS n FROM f GROUP BY head)
       SELECT f.id, f.segment_id AS segmentId, h.n, CASE WHEN f.id = h.first THEN f.head END AS head, CASE WHEN f.id = h.first THEN f.group_key END AS grp,
              h.n || char(1) || f.place AS key
         FROM f JOIN h ON h.head = f.head`,
    )
    .all(documentId, exceptRule, rules?.length ? 1 : null, rules?.length ? JSON.stringify(rules) : null) as { id: number; segmentId: number; n: number; head: string | null; grp: string | null; key: string }[];
  const heads = new Map<string, number>();
  const groups: (string | null)[] = [];
  // each head's text and group come on one of its rows (its first), in no particular order
  for (const r of rows) {
    if (r.head !== null) {
      heads.set(r.head, r.n);
      groups[r.n] = r.grp;
    }
  }
  const out: StoredCheckRow[] = new Array<StoredCheckRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    out[i] = { id: r.id, key: r.key, segmentId: r.segmentId, group: groups[r.n] ?? null };
  }
  // in id order, as a run pairs equal rows with stored ones (sorted here: cheaper than in SQL with the keys)
  return { heads, rows: out.sort((a, b) => a.id - b.id) };
}

/** The project-scope rows of these documents: where each is and its group (a project check replaces them). */
export function projectFindingPlaces(db: Db, documentIds: readonly number[]): { id: number; segmentId: number; group: string | null }[] {
  const stmt = db.prepare(`SELECT id, segment_id AS segmentId, group_key AS "group" FROM findings WHERE document_id = ? AND scope = 'project'`);
  return documentIds.flatMap((id) => stmt.all(id) as { id: number; segmentId: number; group: string | null }[]);
}

/** Delete rows by id in one statement per 500 ids. */
export function deleteFindingIdsInBulk(db: Db, ids: readonly number[]): void {
  const stmt = db.prepare(`DELETE FROM findings WHERE id IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < ids.length; i += 500) stmt.run(JSON.stringify(ids.slice(i, i + 500)));
}

export function dismissFindings(db: Db, ids: readonly number[], reason: string, now: string): void {
  const stmt = db.prepare(
    `UPDATE findings SET dismissed_reason = ?, dismissed_at = ?,
       dismissed_segment_text = (SELECT current_text FROM segments WHERE segments.id = findings.segment_id) WHERE id = ?`,
  );
  for (const id of ids) stmt.run(reason, now, id);
}

export function undismissFindings(db: Db, ids: readonly number[]): void {
  const stmt = db.prepare(`UPDATE findings SET dismissed_reason = NULL, dismissed_at = NULL, dismissed_segment_text = NULL WHERE id = ?`);
  for (const id of ids) stmt.run(id);
}

export function findingsOfSegmentRows(db: Db, segmentId: number): FindingRow[] {
  return fromRawRows(db.prepare(`SELECT ${COLS} FROM findings WHERE segment_id = ?`).all(segmentId) as Raw[]);
}

export function deleteFindingIds(db: Db, ids: readonly number[]): void {
  const stmt = db.prepare(`DELETE FROM findings WHERE id = ?`);
  for (const id of ids) stmt.run(id);
}

/** The message, severity and key of one stored row of a document's group outside one segment (a document-wide group's rows share them: core/checks.ts). */
export function groupHead(db: Db, documentId: number, group: string, rule: string, exceptSegment: number): { message: string; messageData: string | null; severity: FindingRow['severity'] } | undefined {
  const head = db
    .prepare(`SELECT message, message_data AS messageData, severity FROM findings WHERE document_id = ? AND group_key = ? AND rule = ? AND segment_id != ? AND scope != 'project' LIMIT 1`)
    .get(documentId, group, rule, exceptSegment) as { message: string; messageData: string | null; severity: FindingRow['severity'] } | undefined;
  if (head) head.message = messageWording().read(head.message, head.messageData);
  return head;
}

/** The texts of a document's group's places (outside the project check's rows), in document order. */
export function documentGroupTexts(db: Db, documentId: number, group: string, rule: string): string[] {
  return (
    db
      .prepare(
        `SELECT f.text FROM findings f JOIN segments s ON s.id = f.segment_id
          WHERE f.document_id = ? AND f.group_key = ? AND f.rule = ? AND f.scope != 'project' AND s.retired = 0 ORDER BY s.position, f.start_offset, f.id`,
      )
      .pluck()
      .all(documentId, group, rule) as string[]
  );
}

/** Word every row of a document's group anew (the rows of a group share their message). */
export function setDocumentGroupMessage(db: Db, documentId: number, group: string, rule: string, message: string, messageData: string | null): void {
  db.prepare(`UPDATE findings SET message = ?, message_data = ? WHERE document_id = ? AND group_key = ? AND rule = ? AND scope != 'project'`).run(messageWording().stored(message, messageData), messageData, documentId, group, rule);
}
