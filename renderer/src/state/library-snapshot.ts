/**
 * The last known library of a team server (the window's backend): stored in local storage each
 * time the library is read from the server, and shown — read-only, marked as not live, with the
 * time it was read — when a reload meets the server away (otherwise the library would be empty
 * until it is back). Pure: the key, the stored format, reading it back, and which lists to show.
 *
 * Stored format (key `jiaodui.librarySnapshot@BACKEND`, one per team connection: ids are that
 * server's), JSON: { "v": 1, "at": ISO time read, "projects": Project[], "documents": DocumentMeta[] }.
 * An entry of another `v`, or one that does not parse, is ignored whole (the library is then empty
 * until the server answers, as before).
 */
import type { DocumentMeta, Project } from '../../../shared/domain/schemas';
import { parseStoredJson } from './json';

export const LIBRARY_SNAPSHOT_KEY = 'jiaodui.librarySnapshot';
export const LIBRARY_SNAPSHOT_VERSION = 1;

export interface LibrarySnapshot {
  /** when the lists were read from the server (ISO) */
  at: string;
  projects: Project[];
  documents: DocumentMeta[];
}

export function serializeLibrarySnapshot(s: LibrarySnapshot): string {
  return JSON.stringify({ v: LIBRARY_SNAPSHOT_VERSION, at: s.at, projects: s.projects, documents: s.documents });
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x > 0;
const isProject = (x: unknown): x is Project => isObject(x) && isId(x.id) && typeof x.name === 'string' && typeof x.documentCount === 'number';
const isDocument = (x: unknown): x is DocumentMeta =>
  isObject(x) && isId(x.id) && isId(x.projectId) && typeof x.title === 'string' && isObject(x.progress) && typeof (x.progress as { total?: unknown }).total === 'number';

/** A stored snapshot back, or null (none, another version, or not readable: never half of it). */
export function parseLibrarySnapshot(raw: string | null): LibrarySnapshot | null {
  if (!raw) return null;
  const v = parseStoredJson(raw);
  if (v === undefined) return null;
  if (!isObject(v) || v.v !== LIBRARY_SNAPSHOT_VERSION || typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at))) return null;
  if (!Array.isArray(v.projects) || !Array.isArray(v.documents) || !v.projects.every(isProject) || !v.documents.every(isDocument)) return null;
  return { at: v.at, projects: v.projects, documents: v.documents };
}

/** Whether an error means the team server is away (not a refusal): the last known lists may stand in. */
export function isTeamAway(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'team-unreachable';
}

/**
 * What the library shows: the lists read now; else, when reading them failed because the team
 * server is away, the last known ones (stale: when they were read); else nothing yet.
 */
export function libraryToShow<L extends { projects: Project[]; documents: DocumentMeta[] }>(
  live: L | undefined,
  error: unknown,
  snapshot: LibrarySnapshot | null,
): { lists: Pick<L, 'projects' | 'documents'> | null; staleSince: string | null } {
  if (live) return { lists: live, staleSince: null };
  if (snapshot && isTeamAway(error)) return { lists: { projects: snapshot.projects, documents: snapshot.documents }, staleSince: snapshot.at };
  return { lists: null, staleSince: null };
}
