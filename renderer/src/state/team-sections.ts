/**
 * The library's sections per backend and the server's name in headings and messages (issue 19,
 * step 5): pure, used by the team views only (components/TeamViews.tsx), off the first screen.
 */
import type { BackendId, ConnectionInfo } from '../../../shared/contract/remote';
import type { FeedMessage } from '../../../shared/contract/changes';

/** A server's name for headings and messages: its host (and port), without the scheme. */
export function serverName(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

export interface BackendSection {
  backend: BackendId;
  /** null: this machine */
  connection: ConnectionInfo | null;
}

/**
 * The library's other sections, besides the backend the window works on (whose full library the
 * sidebar shows with all its actions): this machine first, then each team server in the order
 * connected.
 */
export function otherSections(active: BackendId, connections: readonly ConnectionInfo[]): BackendSection[] {
  const all: BackendSection[] = [{ backend: 'local', connection: null }, ...connections.map((c) => ({ backend: c.id, connection: c }))];
  return all.filter((s) => s.backend !== active);
}

/**
 * Whether a message of another backend's change feed changes what its section lists (projects and
 * documents: names, titles, sources — not progress, which a section does not show): a library
 * write (import, push, a project made or renamed, a document's details, moved, trashed, restored:
 * topic `library`), a write that named nothing (`unknown`), or a resync. A save is not.
 */
export function sectionNeedsReload(m: FeedMessage): boolean {
  if (m.type === 'resync') return true;
  if (m.type !== 'change') return false;
  const topics = m.ids.topics ?? [];
  return topics.includes('library') || topics.includes('unknown');
}

/** How long a section waits after such a change before reading its lists again (several changes in a row: one read). */
export const SECTION_RELOAD_DELAY_MS = 300;
