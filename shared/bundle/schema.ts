/**
 * The project bundle (issue 19, `jiaodui push`/`pull`): one project of a database as a
 * versioned, self-describing JSON value without database ids, so that it can be stored in
 * another database and proven equal there (its digest, core/bundle.ts).
 *
 * `content` is the project's id-free form: one array per table, rows in the order they were
 * written (by id), each row its table's columns by their SQL names, except that a column
 * naming another row (`document_id`, `segment_id`, `parent_id`, …) holds that row's index in
 * its array (0-based) instead of its id. Ids inside stored JSON and text (a split's
 * `structure` revision, a claim's segment evidence, a dismissal's finding ids, a group key
 * naming claims or a document) are indices too (core/bundle.ts says which). Authors and
 * times are kept as stored. `digest` is the SHA-256 of `content` as canonical JSON (sorted
 * keys, no spaces: `canonicalJson`).
 *
 * Version 1. A reader refuses a newer version with 'bundle-future' (its rows may mean
 * something it does not know); the header (format, version) keeps its shape in every version.
 */
import { z } from 'zod';
import { STANDARD_FORMS } from '../domain/values';

export const BUNDLE_FORMAT = 'jiaodui-project-bundle';
export const BUNDLE_VERSION = 1;

/** A column: its value kind; `ref` names the table whose row index it holds. */
export type BundleCol = 'text' | 'text?' | 'int' | 'int?' | 'real' | { ref: BundleTable; nullable?: true };

/**
 * The tables a bundle carries, in the order they are written on import (every reference
 * points at a table written before, or at an earlier row of the same table).
 */
export const BUNDLE_TABLES = [
  'documents',
  'segments',
  'parallel_texts',
  'segment_parallel',
  'operations',
  'annotations',
  'annotation_replies',
  'claims',
  'claim_history',
  'claim_candidate_decisions',
  'glossary_entries',
  'findings',
  'revisions',
  'record_versions',
] as const;
export type BundleTable = (typeof BUNDLE_TABLES)[number];

/**
 * Every column a bundle carries, per table (SQL names). Not carried: ids, `project_id`
 * (the bundle's project), annotations' `label_id` (carried as `label`, the label's name:
 * labels belong to the whole database, see `BundleLabel`).
 */
export const BUNDLE_COLUMNS = {
  documents: {
    title: 'text', source: 'text?', doc_date: 'text?', date_text: 'text?', script: 'text', variant: 'text', encoding: 'text', file_name: 'text?',
    byte_size: 'int', content_sha256: 'text', leading: 'text', imported_at: 'text', trashed_at: 'text?',
  },
  segments: {
    document_id: { ref: 'documents' }, position: 'real', paragraph: 'int', machine_text: 'text', current_text: 'text', sep: 'text', start_offset: 'int',
    end_offset: 'int', rendering: 'text', rendering_map: 'text?', status: 'text', furniture: 'text?', speaker: 'text?', turn: 'int?', retired: 'int',
    parent_id: { ref: 'segments', nullable: true }, updated_at: 'text',
  },
  parallel_texts: {
    document_id: { ref: 'documents' }, kind: 'text', file_name: 'text?', encoding: 'text', byte_size: 'int', raw_text: 'text', ratio: 'real', method: 'text', attached_at: 'text',
  },
  segment_parallel: { segment_id: { ref: 'segments' }, kind: 'text', aligned_text: 'text', text: 'text', status: 'text', updated_at: 'text' },
  operations: {
    kind: 'text', label: 'text', label_data: 'text?', author: 'text', created_at: 'text', state: 'text',
    /** the undo operation that undid this one (its id orders the redo stack) */
    undone_seq: { ref: 'operations', nullable: true },
    target_operation_id: { ref: 'operations', nullable: true }, scope: 'text?',
  },
  annotations: {
    segment_id: { ref: 'segments' }, start_offset: 'int', end_offset: 'int', exact: 'text', prefix: 'text', suffix: 'text', kind: 'text', body: 'text', orphaned: 'int',
    created_at: 'text', updated_at: 'text', label: 'text?', author: 'text', resolved_at: 'text?', resolved_by: 'text?', deleted_at: 'text?', deleted_by: 'text?', version: 'int',
  },
  annotation_replies: { annotation_id: { ref: 'annotations' }, author: 'text', body: 'text', created_at: 'text' },
  claims: {
    document_id: { ref: 'documents' }, segment_id: { ref: 'segments' }, start_offset: 'int', end_offset: 'int', exact: 'text', prefix: 'text', suffix: 'text', orphaned: 'int',
    text: 'text', type: 'text', claimant: 'text?', claim_date: 'text?', quantities: 'text', verdict: 'text', evidence: 'text', notes: 'text', status: 'text', author: 'text',
    created_at: 'text', updated_at: 'text', deleted_at: 'text?', version: 'int', assignee: 'text', rating_note: 'text', review_url: 'text?', published_at: 'text?', published_by: 'text?',
  },
  claim_history: { claim_id: { ref: 'claims' }, field: 'text', before: 'text?', after: 'text?', author: 'text', created_at: 'text' },
  claim_candidate_decisions: { document_id: { ref: 'documents' }, segment_id: { ref: 'segments' }, quote: 'text', decision: 'text', author: 'text', created_at: 'text' },
  glossary_entries: {
    /** null: an entry of the whole project; else the document it belongs to */
    document_id: { ref: 'documents', nullable: true },
    term: 'text', variants: 'text', type: 'text', note: 'text', english: 'text', created_at: 'text', updated_at: 'text', version: 'int',
  },
  findings: {
    document_id: { ref: 'documents' }, segment_id: { ref: 'segments' }, rule: 'text', severity: 'text', start_offset: 'int', end_offset: 'int', message: 'text', fixes: 'text',
    group_key: 'text?', dismissed_reason: 'text?', created_at: 'text', text: 'text', scope: 'text', dismissed_at: 'text?', dismissed_segment_text: 'text?', message_data: 'text?',
  },
  revisions: {
    operation_id: { ref: 'operations' }, segment_id: { ref: 'segments' }, field: 'text', before: 'text?', after: 'text?', author: 'text', created_at: 'text', reason: 'text',
  },
  /** record_id: the row's index in annotations, claims or glossary_entries, by kind */
  record_versions: { kind: 'text', record_id: 'int', version: 'int', fields: 'text', at: 'text?' },
} as const satisfies { [T in BundleTable]: Record<string, BundleCol> };

const Index = z.number().int().min(0);
const colSchema = (c: BundleCol): z.ZodType => {
  if (typeof c === 'object') return c.nullable ? Index.nullable() : Index;
  const base = c.startsWith('text') ? z.string() : c.startsWith('int') ? z.number().int() : z.number();
  return c.endsWith('?') ? base.nullable() : base;
};
const tableRow = (cols: Record<string, BundleCol>) => z.object(Object.fromEntries(Object.entries(cols).map(([k, c]) => [k, colSchema(c)]))).strict();

type ColValue<C> = C extends { ref: BundleTable; nullable: true } ? number | null : C extends { ref: BundleTable } ? number : C extends 'text' ? string : C extends 'text?' ? string | null : C extends 'int' | 'real' ? number : number | null;
export type BundleRow<T extends BundleTable> = { [K in keyof (typeof BUNDLE_COLUMNS)[T]]: ColValue<(typeof BUNDLE_COLUMNS)[T][K]> };
/** A table's columns with their kinds, for the code that handles every table alike. */
export function bundleColumns(table: BundleTable): [string, BundleCol][] {
  return Object.entries(BUNDLE_COLUMNS[table] as Record<string, BundleCol>);
}

/** Any table's row, as the generic code (core/bundle.ts, db/queries/bundle.ts) handles it. */
export type AnyBundleRow = Record<string, string | number | null>;

/** A label the project's annotations use (labels are shared by the database's projects; matched by name on import). */
export const BundleLabel = z.object({ name: z.string().min(1), color: z.string(), shortcut: z.string().nullable(), is_claim: z.number().int() }).strict();
export type BundleLabel = z.infer<typeof BundleLabel>;

/** When the project's checks last ran (settings `checks.document.<id>`, `checks.project.<id>`), ids as indices. */
export const BundleCheckRuns = z
  .object({
    /** per document index: the stored value of its check run (JSON text), when its checks have run */
    documents: z.array(z.object({ document: Index, value: z.string() }).strict()),
    /** the project check: when, the newest text revision it saw (an index; null: none), which documents */
    project: z.object({ at: z.string(), revision: Index.nullable(), documents: z.array(Index) }).strict().nullable(),
  })
  .strict();

export const BundleContent = z
  .object({
    /** the project's own row (its name is the bundle's `name`, outside the digest: an import may choose another) */
    project: z
      .object({
        created_at: z.string(),
        /** the project's settings (migration 015), only once someone has set them: a bundle of a project without any is as before */
        settings: z
          .object({ standard_forms: z.enum(STANDARD_FORMS), version: z.number().int().positive(), updated_at: z.string(), updated_by: z.string().nullable() })
          .strict()
          .optional(),
      })
      .strict(),
    tables: z.object(Object.fromEntries(BUNDLE_TABLES.map((t) => [t, z.array(tableRow(BUNDLE_COLUMNS[t]))])) as unknown as { [T in BundleTable]: z.ZodArray<z.ZodType<BundleRow<T>>> }).strict(),
    checkRuns: BundleCheckRuns,
  })
  .strict();
export type BundleContent = z.infer<typeof BundleContent>;

/** How many rows of each kind a bundle holds (what the CLI reports). */
export const BundleCounts = z.object({
  documents: z.number().int(),
  segments: z.number().int(),
  operations: z.number().int(),
  revisions: z.number().int(),
  annotations: z.number().int(),
  claims: z.number().int(),
  glossary: z.number().int(),
});
export type BundleCounts = z.infer<typeof BundleCounts>;

/** The header every version keeps: what it is and which version (read before the rest). */
export const BundleHeader = z.object({ format: z.literal(BUNDLE_FORMAT), version: z.number().int().positive() });

export const ProjectBundle = BundleHeader.extend({
  version: z.literal(BUNDLE_VERSION),
  /** the Jiaodui and time that wrote it (informative, not digested) */
  exportedAt: z.string(),
  app: z.string(),
  /** the project's name where it was exported */
  name: z.string().min(1),
  /** SHA-256 (hex) of canonicalJson(content), annotation labels compared without case (core/bundle.ts digestOf) */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  counts: BundleCounts,
  labels: z.array(BundleLabel),
  content: BundleContent,
}).strict();
export type ProjectBundle = z.infer<typeof ProjectBundle>;

/** JSON with every object's keys sorted and no spaces: the one text a digest is taken of. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}
