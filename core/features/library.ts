/** Library: settings, projects, documents, the trash and importing. */
import { createHash } from 'node:crypto';
import { getProjectSettings, updateProjectSettings } from '../project-settings';
import type { ArgsOf, ResultOf } from '../../shared/contract/api';
import type { Settings } from '../../shared/domain/schemas';
import { JiaoduiError, namingFile } from '../../shared/errors';
import { em } from '../../shared/error-messages';
import { prepareImport, type ImportProgress, type PreparedImport } from '../../shared/import/prepare';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import * as glossary from '../glossary';
import { documentCheckKey, projectCheckKey } from '../checks';
import { render } from '../segment-writes';
import type { HandlerContext } from './context';
import type { Store } from '../store';
import type { HandlerTable } from './handler';
import { DEFAULT_PROJECTS } from '../../shared/domain/values';

const DEFAULT_PROJECT = DEFAULT_PROJECTS.inbox;
export const SAMPLE_PROJECT = DEFAULT_PROJECTS.samples;

function base64ToBytes(data: string): Uint8Array {
  return new Uint8Array(Buffer.from(data, 'base64'));
}

/** The settings as stored, with the defaults filled in (`defaultAuthor`: the OS user). */
export function readSettings(store: Store, defaultAuthor: string): Settings {
  return {
    author: store.setting('author') ?? defaultAuthor,
    locale: (store.setting('locale') as Settings['locale'] | undefined) ?? 'en',
  };
}

function projectIdFor(ctx: HandlerContext, args: { projectId?: number; projectName?: string }): number {
  if (args.projectId !== undefined) return ctx.requireProject(args.projectId).id;
  const name = args.projectName ?? DEFAULT_PROJECT;
  return ctx.store.projectNamed(name)?.id ?? ctx.store.addProject(name, ctx.now());
}

/**
 * Import raw bytes (the CLI and first-start sample import call this directly). An in-process
 * caller with a progress listener (the CLI's bar) hears each stage: segmenting (paragraphs),
 * converting and storing (segments).
 */
export function importBytes(ctx: HandlerContext, bytes: Uint8Array, args: Omit<ArgsOf<'importDocument'>, 'data'>): ResultOf<'importDocument'> {
  const listener = ctx.caller.progress;
  const progress: ImportProgress | undefined = listener && ((stage, done, total) => listener({ stage, done, total }));
  const p = namingFile(args.fileName, () => prepareImport(bytes, { encoding: args.encoding, variant: args.variant, progress })); // throws before any write
  return ctx.tx(() => storeImport(ctx, bytes, p, args, progress));
}

/** Segments stored between two progress reports (a multiple of the insert's batch of 32 rows). */
const STORE_STEP = 1024;

/** Store a prepared import (call inside a transaction). */
function storeImport(ctx: HandlerContext, bytes: Uint8Array, p: PreparedImport, args: Omit<ArgsOf<'importDocument'>, 'data'>, progress?: ImportProgress): ResultOf<'importDocument'> {
  const sha = createHash('sha256').update(bytes).digest('hex');
  const now = ctx.now();
  const { store } = ctx;
  const projectId = projectIdFor(ctx, args);
  const documentId = store.addDocument({
    projectId,
    title: args.title ?? p.metadata.title ?? args.fileName,
    source: p.metadata.source,
    date: p.metadata.date,
    dateText: p.metadata.dateText,
    script: p.script,
    variant: p.variant,
    encoding: p.encoding,
    fileName: args.fileName,
    byteSize: bytes.length,
    contentSha256: sha,
    leading: p.segmented.leading,
    importedAt: now,
  });
  const rows = p.segmented.segments.map((s, i) => ({
      documentId,
      position: i,
      paragraph: s.paragraph,
      machineText: s.text,
      currentText: s.text,
      sep: s.sep,
      start: s.start,
      end: s.end,
      rendering: p.renderings[i].text,
      renderingMap: p.renderings[i].map,
      status: 'unreviewed' as const,
      furniture: s.furniture,
      speaker: s.speaker,
      turn: s.turn,
      parentId: null,
      updatedAt: now,
    }));
  // in steps, so a listener hears how far storing has got (one transaction all the same)
  for (let i = 0; i < rows.length; i += STORE_STEP) {
    progress?.('storing', i, rows.length);
    store.addSegments(rows.slice(i, i + STORE_STEP));
  }
  store.indexDocumentSearch(documentId);
  glossary.rerenderForGlossary(ctx.store, [documentId]); // the project's confirmed names
  progress?.('storing', rows.length, rows.length);
  ctx.touch({ projects: [projectId], documents: [documentId], topics: ['library'] });
  return { documentId, segments: p.segmented.segments.length, encoding: p.encoding, encodingDetected: p.detected, encodingConfidence: p.confidence, script: p.script, variant: p.variant };
}

/** Whether this database still wants the first-start sample: never imported, and empty. */
function wantsSample(store: Store): boolean {
  return !store.setting('sampleImported') && store.documentCount() === 0;
}

/**
 * First start: import the bundled sample into "Samples", once per database — however many
 * processes start together on a new database. The look outside the lock only spares a
 * started database the sample's reading and preparing; the decision is taken again inside
 * the IMMEDIATE transaction that stores the sample and its marker, so a process that
 * looked while another was importing sees that import and stores nothing.
 * `sample`: the bytes, or a function reading them (called only when the sample is wanted).
 */
export function ensureSample(ctx: HandlerContext, sample: Uint8Array | (() => Uint8Array), fileName: string): number | null {
  if (!wantsSample(ctx.store)) return null;
  const bytes = typeof sample === 'function' ? sample() : sample;
  const p = prepareImport(bytes, {});
  return ctx.tx(() => {
    if (!wantsSample(ctx.store)) return null;
    const { documentId } = storeImport(ctx, bytes, p, { fileName, projectName: SAMPLE_PROJECT });
    ctx.store.setSetting('sampleImported', String(documentId));
    return documentId;
  });
}

export const libraryHandlers = {
  getInfo: (ctx) => ({
    version: ctx.info.version,
    dbPath: ctx.info.dbPath,
    schemaVersion: LATEST_SCHEMA_VERSION,
    author: ctx.settings().author,
    sampleProjectId: ctx.store.projectNamed(SAMPLE_PROJECT)?.id ?? null,
  }),
  getSettings: (ctx) => ctx.settings(),
  updateSettings: (ctx, args) => {
    ctx.tx(() => {
      if (args.author !== undefined) ctx.store.setSetting('author', args.author.trim());
      if (args.locale !== undefined) ctx.store.setSetting('locale', args.locale);
      ctx.touch({ topics: ['settings'] });
    });
    return ctx.settings();
  },

  listProjects: (ctx) => ctx.store.projects(),
  createProject: (ctx, args) =>
    ctx.tx(() => {
      if (ctx.store.projectNamed(args.name)) throw new JiaoduiError('conflict', em('conflict.project-name-taken', { name: args.name }));
      const id = ctx.store.addProject(args.name, ctx.now());
      ctx.touch({ projects: [id], topics: ['library'] });
      return ctx.store.project(id)!;
    }),
  renameProject: (ctx, args) =>
    ctx.tx(() => {
      ctx.requireProject(args.projectId);
      const other = ctx.store.projectNamed(args.name);
      if (other && other.id !== args.projectId) throw new JiaoduiError('conflict', em('conflict.project-name-taken', { name: args.name }));
      ctx.store.renameProject(args.projectId, args.name);
      ctx.touch({ projects: [args.projectId], topics: ['library'] });
      return ctx.store.project(args.projectId)!;
    }),
  deleteProject: (ctx, args) =>
    ctx.tx(() => {
      const project = ctx.requireProject(args.projectId);
      const { live, trashed } = ctx.store.projectDocumentCounts(args.projectId);
      if (live) throw new JiaoduiError('conflict', em('conflict.project-not-empty', { name: project.name, live, trashed }));
      if (trashed) throw new JiaoduiError('conflict', em('conflict.project-in-trash', { name: project.name, trashed }));
      const glossaryEntries = ctx.store.deleteEmptyProject(args.projectId, projectCheckKey(args.projectId));
      ctx.touch({ projects: [args.projectId], topics: ['library'] });
      return { projectId: args.projectId, glossaryEntries };
    }),

  getProjectSettings: (ctx, args) => getProjectSettings(ctx, args.projectId),
  updateProjectSettings: (ctx, args) => updateProjectSettings(ctx, args),

  listDocuments: (ctx, args) => ctx.store.documents(args),
  getDocument: (ctx, args) => ctx.requireDocument(args.documentId),
  updateDocument: (ctx, args) =>
    ctx.tx(() => {
      const before = ctx.requireDocument(args.documentId);
      ctx.store.changeDocument(args.documentId, { title: args.title, source: args.source, date: args.date, variant: args.variant });
      if (args.variant && args.variant !== before.variant) {
        const doc = ctx.store.documentScript(args.documentId);
        ctx.store.rerenderDocument(args.documentId, (text) => render(doc, text));
        ctx.touch({ reload: [args.documentId] });
      }
      ctx.touch({ projects: [before.projectId], documents: [args.documentId], topics: ['library'] });
      return ctx.requireDocument(args.documentId);
    }),
  moveDocument: (ctx, args) =>
    ctx.tx(() => {
      const from = ctx.requireDocument(args.documentId).projectId;
      ctx.requireProject(args.projectId);
      ctx.touch({ projects: [from, args.projectId], documents: [args.documentId], topics: ['library'] });
      // another project, another glossary: re-render what it changes
      const { segments } = glossary.withGlossaryRerender(ctx.store, [args.documentId], () => ctx.store.changeDocument(args.documentId, { projectId: args.projectId }));
      ctx.touch({ segments });
      return ctx.requireDocument(args.documentId);
    }),
  trashDocument: (ctx, args) =>
    ctx.tx(() => {
      ctx.touch({ projects: [ctx.requireDocument(args.documentId).projectId], documents: [args.documentId], topics: ['library'] });
      ctx.store.changeDocument(args.documentId, { trashedAt: ctx.now() });
      return ctx.requireDocument(args.documentId);
    }),
  restoreDocument: (ctx, args) =>
    ctx.tx(() => {
      ctx.touch({ projects: [ctx.requireDocument(args.documentId).projectId], documents: [args.documentId], topics: ['library'] });
      ctx.store.changeDocument(args.documentId, { trashedAt: null });
      return ctx.requireDocument(args.documentId);
    }),
  emptyTrash: (ctx) =>
    ctx.tx(() => {
      ctx.touch({ topics: ['library'] });
      return { deleted: ctx.store.deleteTrashedDocuments(documentCheckKey) };
    }),

  previewImport: (_ctx, args) => {
    const bytes = base64ToBytes(args.data);
    const p = namingFile(args.fileName, () => prepareImport(bytes, { encoding: args.encoding, variant: args.variant }));
    return {
      guess: p.guess,
      encoding: p.encoding,
      preview: p.text.slice(0, 400),
      script: p.script,
      variant: p.variant,
      segments: p.segmented.segments.length,
      title: p.metadata.title,
      byteSize: bytes.length,
    };
  },
  importDocument: (ctx, args) => importBytes(ctx, typeof args.data === 'string' ? base64ToBytes(args.data) : args.data, args),
} satisfies HandlerTable;

/** Backup/recovery: the database opened fine, so there is nothing to recover (core/recovery-api.ts answers these when it did not). */
export const recoveryHandlers = {
  recoveryStatus: (ctx) => ({ state: 'ok', dbPath: ctx.info.dbPath, problem: null, backups: [] }),
  recoverDatabase: () => Promise.reject(new JiaoduiError('conflict', em('conflict.nothing-to-recover'))),
} satisfies HandlerTable;
