/**
 * Project bundles (issue 19, `jiaodui push`/`pull`): a project of this database as its id-free
 * form (shared/bundle/schema.ts), and a bundle stored as a new project.
 *
 * Ids become indices on the way out and new ids on the way in through one mapping function
 * (`Ref`), applied by the same code in both directions: table columns that name a row
 * (BUNDLE_COLUMNS' `ref`), and the ids stored inside values —
 *   - revisions: `structure` ({live, retired}: segments), `finding` ({ids}: findings),
 *     `claim` ({id}: the claim; fields.evidence), `claim-candidate` ({documentId, segmentId});
 *   - claims' `evidence`, claim_history's `evidence` before/after: segment evidence
 *     ({documentId, segmentId});
 *   - findings' group keys that name claims (`claims-crosscheck:KIND:ID,ID`) or a document
 *     (`converter-vocabulary:ID:…`);
 *   - record_versions: `record_id` (by kind) and, in `fields`, a claim's evidence or a glossary
 *     entry's projectId/documentId;
 *   - the check-run settings (`checks.document.ID`, `checks.project.ID` with its revision and documents).
 * A reference to a row outside the project (evidence citing a document moved away since, a
 * dismissal of a finding a later check run deleted) is null in the bundle, or left out of its list.
 * Operations of another project that revised the project's segments (a document moved in) come
 * along as `dead`: they are history, not steps of this project's undo stack.
 *
 * Export reads in one read transaction; import writes in the caller's one write transaction,
 * checks the bundle's digest before writing anything and proves after writing that the stored
 * project's own bundle has that digest (else everything is rolled back).
 */
import type { StandardForms } from '../shared/domain/values';
import { createHash } from 'node:crypto';
import {
  bundleColumns,
  BUNDLE_FORMAT,
  BUNDLE_TABLES,
  BUNDLE_VERSION,
  BundleHeader,
  canonicalJson,
  ProjectBundle,
  type AnyBundleRow,
  type BundleContent,
  type BundleCounts,
  type BundleTable,
} from '../shared/bundle/schema';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import type { ProjectRows, Store } from './store';

type RefSpace = BundleTable | 'project';
/** A reference from one side to the other: an id to its index (export), an index to its new id (import); null: no row of the bundle. */
type Ref = (space: RefSpace, value: number) => number | null;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const one = (ref: Ref, space: RefSpace, v: unknown): number | null => (typeof v === 'number' ? ref(space, v) : null);
/** A list of references, mapped; those naming no row of the bundle are left out. */
const many = (ref: Ref, space: RefSpace, v: unknown): unknown =>
  Array.isArray(v) ? v.map((x) => one(ref, space, x)).filter((x): x is number => x !== null) : v;

/** A JSON value stored as text, rewritten by `f` (undefined: not of the expected shape, kept as it is). */
function mapJson(text: string | null, f: (v: unknown) => unknown): string | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  const out = f(value);
  return out === undefined ? text : JSON.stringify(out);
}

/** Claims' evidence (a JSON list): a segment item's document and segment. */
function mapEvidence(text: string | null, ref: Ref): string | null {
  return mapJson(text, (v) =>
    Array.isArray(v) ? v.map((e) => (isObject(e) && e.kind === 'segment' ? { ...e, documentId: one(ref, 'documents', e.documentId), segmentId: one(ref, 'segments', e.segmentId) } : e)) : undefined,
  );
}

/** A revision's before/after, by field (core/operations/fields.ts says what each holds). */
function mapRevisionValue(field: unknown, text: string | null, ref: Ref): string | null {
  switch (field) {
    case 'structure':
      return mapJson(text, (v) => (isObject(v) ? { ...v, live: many(ref, 'segments', v.live), retired: many(ref, 'segments', v.retired) } : undefined));
    case 'finding':
      return mapJson(text, (v) => (isObject(v) ? { ...v, ids: many(ref, 'findings', v.ids) } : undefined));
    case 'claim':
      return mapJson(text, (v) =>
        isObject(v)
          ? { ...v, id: one(ref, 'claims', v.id), ...(isObject(v.fields) && typeof v.fields.evidence === 'string' ? { fields: { ...v.fields, evidence: mapEvidence(v.fields.evidence, ref) } } : {}) }
          : undefined,
      );
    case 'claim-candidate':
      return mapJson(text, (v) => (isObject(v) ? { ...v, documentId: one(ref, 'documents', v.documentId), segmentId: one(ref, 'segments', v.segmentId) } : undefined));
    default:
      return text;
  }
}

/** Group keys that name rows: the claims a cross-check compares, the document of a converter-vocabulary finding. */
function mapGroupKey(key: string | null, ref: Ref): string | null {
  if (key === null) return null;
  const cross = /^claims-crosscheck:([^:]*):(\d+(?:,\d+)*)$/.exec(key);
  if (cross) return `claims-crosscheck:${cross[1]}:${(many(ref, 'claims', cross[2].split(',').map(Number)) as number[]).join(',')}`;
  const vocabulary = /^converter-vocabulary:(\d+):(.*)$/s.exec(key);
  if (vocabulary) return `converter-vocabulary:${one(ref, 'documents', Number(vocabulary[1])) ?? ''}:${vocabulary[2]}`;
  return key;
}

const RECORD_TABLE: Record<string, BundleTable> = { annotation: 'annotations', claim: 'claims', glossary: 'glossary_entries' };

/** The ids stored inside a row's values (see the module comment), mapped in place. */
function mapEmbedded(table: BundleTable, row: AnyBundleRow, ref: Ref): void {
  switch (table) {
    case 'revisions':
      row.before = mapRevisionValue(row.field, row.before as string | null, ref);
      row.after = mapRevisionValue(row.field, row.after as string | null, ref);
      return;
    case 'claims':
      row.evidence = mapEvidence(row.evidence as string, ref) ?? '[]';
      return;
    case 'claim_history':
      if (row.field === 'evidence') {
        row.before = mapEvidence(row.before as string | null, ref);
        row.after = mapEvidence(row.after as string | null, ref);
      }
      return;
    case 'findings':
      row.group_key = mapGroupKey(row.group_key as string | null, ref);
      return;
    case 'record_versions': {
      const kind = String(row.kind);
      const target = RECORD_TABLE[kind];
      if (target === undefined) throw new JiaoduiError('invalid-input', em('bundle.unknown-record-kind', { kind }));
      const id = one(ref, target, row.record_id);
      if (id === null) throw new JiaoduiError('invalid-input', em('bundle.record-orphan', { kind }));
      row.record_id = id;
      if (kind === 'claim') row.fields = mapJson(row.fields as string, (v) => (isObject(v) && typeof v.evidence === 'string' ? { ...v, evidence: mapEvidence(v.evidence, ref) } : undefined)) ?? '{}';
      if (kind === 'glossary') row.fields = mapJson(row.fields as string, (v) => (isObject(v) ? { ...v, projectId: one(ref, 'project', v.projectId), documentId: one(ref, 'documents', v.documentId) } : undefined)) ?? '{}';
      return;
    }
    default:
  }
}

/** The check-run settings of a project (core/checks.ts ProjectCheckRun: at, revision, documents). */
interface ProjectCheckRun {
  at: string;
  revision: number;
  documents: number[];
}

/** The project's id-free form from its stored rows. */
export function bundleContent(rows: ProjectRows): BundleContent {
  const index = new Map<RefSpace, Map<number, number>>([['project', new Map([[rows.project.id, 0]])]]);
  for (const t of BUNDLE_TABLES) index.set(t, new Map(rows.tables[t].map((r, i) => [r.id ?? -1, i])));
  const ref: Ref = (space, id) => index.get(space)?.get(id) ?? null;
  const foreign = new Set(rows.foreignOperations);
  const tables = Object.fromEntries(
    BUNDLE_TABLES.map((t) => [
      t,
      rows.tables[t].map((stored) => {
        const row: AnyBundleRow = {};
        for (const [col, spec] of bundleColumns(t)) {
          const v = stored[col] ?? null;
          row[col] = typeof spec === 'object' && typeof v === 'number' ? ref(spec.ref, v) : v;
        }
        mapEmbedded(t, row, ref);
        if (t === 'operations' && stored.id !== null && foreign.has(stored.id)) row.state = 'dead';
        return row;
      }),
    ]),
  ) as BundleContent['tables'];
  let project: BundleContent['checkRuns']['project'] = null;
  if (rows.projectCheckRun !== null) {
    try {
      const run = JSON.parse(rows.projectCheckRun) as ProjectCheckRun;
      project = { at: String(run.at), revision: ref('revisions', run.revision), documents: many(ref, 'documents', run.documents) as number[] };
    } catch {
      project = null; // an unreadable note is no check run (core/checks.ts projectCheckState reads it so)
    }
  }
  return {
    project: { created_at: rows.project.created_at, ...(rows.settings ? { settings: { ...rows.settings, standard_forms: rows.settings.standard_forms as StandardForms } } : {}) },
    tables,
    checkRuns: { documents: rows.documentCheckRuns.map((r) => ({ document: ref('documents', r.documentId)!, value: r.value })), project },
  };
}

/**
 * The digest of a project's id-free form: SHA-256 of its canonical JSON. An annotation's label
 * is compared without case, as label names are (an existing label the import matched may be
 * spelt differently).
 */
export function digestOf(content: BundleContent): string {
  const annotations = content.tables.annotations.map((a) => ({ ...a, label: a.label === null ? null : a.label.toLowerCase() }));
  return createHash('sha256').update(canonicalJson({ ...content, tables: { ...content.tables, annotations } }), 'utf8').digest('hex');
}

export function bundleCounts(content: BundleContent): BundleCounts {
  const t = content.tables;
  return {
    documents: t.documents.length,
    segments: t.segments.length,
    operations: t.operations.length,
    revisions: t.revisions.length,
    annotations: t.annotations.length,
    claims: t.claims.length,
    glossary: t.glossary_entries.length,
  };
}

function readRows(store: Store, projectId: number): ProjectRows {
  const rows = store.projectRows(projectId);
  if (!rows) throw new JiaoduiError('not-found', em('not-found.project', { id: projectId }));
  return rows;
}

/** A project as a bundle, read in one read transaction. */
export function exportBundle(store: Store, projectId: number, meta: { app: string; now: string }): ProjectBundle {
  const rows = store.readSnapshot(() => readRows(store, projectId)) as ProjectRows;
  const content = bundleContent(rows);
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: meta.now,
    app: meta.app,
    name: rows.project.name,
    digest: digestOf(content),
    counts: bundleCounts(content),
    labels: rows.labels,
    content,
  };
}

/**
 * A bundle as the contract received it (its header checked), read in full: a newer version is
 * 'bundle-future', a malformed one 'invalid-input' naming the first problem.
 */
export function readBundle(value: unknown): ProjectBundle {
  const header = BundleHeader.safeParse(value);
  if (!header.success) throw new JiaoduiError('invalid-input', em('bundle.not-bundle', { format: BUNDLE_FORMAT }));
  if (header.data.version > BUNDLE_VERSION) {
    throw new JiaoduiError('bundle-future', em('bundle.future', { version: header.data.version, known: BUNDLE_VERSION }));
  }
  const parsed = ProjectBundle.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JiaoduiError('invalid-input', em('bundle.malformed', { path: issue.path.join('.') || '(top)', problem: issue.message }));
  }
  return parsed.data;
}

/** Every table reference in range (a row names an existing row of its target table). */
function checkReferences(content: BundleContent): void {
  for (const t of BUNDLE_TABLES) {
    const rows = content.tables[t] as AnyBundleRow[];
    rows.forEach((row, i) => {
      for (const [col, spec] of bundleColumns(t)) {
        const v = row[col];
        if (typeof spec !== 'object' || v === null) continue;
        if ((v as number) >= content.tables[spec.ref].length) throw new JiaoduiError('invalid-input', em('bundle.inconsistent-ref', { table: t, index: i, column: col, row: String(v), count: content.tables[spec.ref].length, target: spec.ref }));
      }
    });
  }
  for (const d of content.checkRuns.documents) if (d.document >= content.tables.documents.length) throw new JiaoduiError('invalid-input', em('bundle.inconsistent-check-run'));
}

/** Columns that point forward within their own table (an operation undone by a later undo): set once both rows exist. */
type Deferred = { table: 'operations' | 'segments'; row: number; column: 'undone_seq' | 'target_operation_id' | 'parent_id'; target: number };

/**
 * Whether a bundle is what it says: its content has its digest, and every reference names a row
 * it holds. Outside the write transaction (it only reads the bundle), so the lock is held only
 * while storing.
 */
export function checkBundle(bundle: ProjectBundle): void {
  const digest = digestOf(bundle.content);
  if (digest !== bundle.digest) {
    throw new JiaoduiError('bundle-digest', em('bundle.digest', { stated: bundle.digest.slice(0, 12), found: digest.slice(0, 12) }));
  }
  checkReferences(bundle.content);
}

/**
 * Store a checked bundle (`checkBundle`) as a new project named `name`. Call inside a write
 * transaction: any refusal (name taken, the stored copy not matching) throws, and the
 * transaction rolls back.
 */
export function importBundle(store: Store, bundle: ProjectBundle, name: string, now: string): { projectId: number; documentIds: number[] } {
  const { content } = bundle;
  if (store.projectNamed(name)) throw new JiaoduiError('conflict', em('conflict.bundle-name-taken', { name }));

  const projectId = store.addProjectRow(name, content.project.created_at);
  if (content.project.settings) store.addProjectSettingsRow(projectId, content.project.settings);
  const ids: Record<RefSpace, number[]> = Object.fromEntries([['project', [projectId]], ...BUNDLE_TABLES.map((t) => [t, []])]) as unknown as Record<RefSpace, number[]>;
  const ref: Ref = (space, i) => ids[space][i] ?? null;
  const labels = new Map<string, number>();
  const labelId = (labelName: string): number => {
    const key = labelName.toLowerCase();
    let id = labels.get(key) ?? store.labelIdByName(labelName);
    if (id === undefined) {
      const def = bundle.labels.find((l) => l.name.toLowerCase() === key) ?? { name: labelName, color: '#888888', shortcut: null, is_claim: 0 };
      id = store.addBundleLabel(def, now);
    }
    labels.set(key, id);
    return id;
  };
  const deferred: Deferred[] = [];
  for (const t of BUNDLE_TABLES) {
    (content.tables[t] as AnyBundleRow[]).forEach((bundled, i) => {
      const row: AnyBundleRow = {};
      for (const [col, spec] of bundleColumns(t)) {
        const v = bundled[col];
        if (typeof spec !== 'object' || v === null) row[col] = v;
        else if (spec.ref === t && (v as number) >= i) {
          deferred.push({ table: t as Deferred['table'], row: i, column: col as Deferred['column'], target: v as number });
          row[col] = null;
        } else row[col] = ref(spec.ref, v as number);
      }
      mapEmbedded(t, row, ref);
      if (t === 'documents' || t === 'operations') row.project_id = projectId;
      if (t === 'glossary_entries') row.project_id = row.document_id === null ? projectId : null;
      if (t === 'annotations') {
        row.label_id = row.label === null ? null : labelId(String(row.label));
        delete row.label;
      }
      ids[t].push(store.addBundleRow(t, row));
    });
  }
  for (const d of deferred) store.setBundleReference(d.table, ids[d.table][d.row], d.column, ids[d.table][d.target]);
  for (const documentId of ids.documents) store.indexDocumentSearch(documentId);
  for (const r of content.checkRuns.documents) store.setCheckRun(`checks.document.${ids.documents[r.document]}`, r.value);
  const run = content.checkRuns.project;
  if (run) {
    const stored: ProjectCheckRun = { at: run.at, revision: run.revision === null ? 0 : (ref('revisions', run.revision) ?? 0), documents: many(ref, 'documents', run.documents) as number[] };
    store.setCheckRun(`checks.project.${projectId}`, JSON.stringify(stored));
  }

  // the stored copy, read back as a bundle, must be the bundle
  const stored = digestOf(bundleContent(readRows(store, projectId)));
  if (stored !== bundle.digest) throw new JiaoduiError('internal', `The imported copy's digest (${stored.slice(0, 12)}…) differs from the bundle's (${bundle.digest.slice(0, 12)}…); nothing was imported.`);
  return { projectId, documentIds: ids.documents };
}
