/**
 * What a test must leave on the e2e server as it found it, and how two readings differ (pure:
 * e2e/fixtures.ts reads the server, its auto fixture `leftAsFound` compares; shared-state.test.ts
 * runs under Vitest).
 */
import type { Settings } from '../shared/domain/schemas';

/** What a test must leave on the shared server as it found it (e2e/fixtures.ts, "One server, left as found"). */
export interface SharedState {
  /** live documents: id → "title" in project "name" (#projectId) */
  documents: Map<number, string>;
  /** every project's name by id */
  projects: Map<number, string>;
  settings: Settings;
  /** team server connections: id → origin */
  connections: Map<string, string>;
}

/** What differs from `before` in `after`, one line each (empty: left as found). Pure. */
export function sharedStateChanges(before: SharedState, after: SharedState): string[] {
  const out: string[] = [];
  for (const [id, d] of after.documents) {
    const was = before.documents.get(id);
    if (was === undefined) out.push(`document #${id} ${d} was added and is not in the Trash`);
    else if (was !== d) out.push(`document #${id} ${was} is now ${d}`);
  }
  for (const [id, d] of before.documents) if (!after.documents.has(id)) out.push(`document #${id} ${d} is in the Trash or gone`);
  for (const [id, name] of before.projects) {
    const now = after.projects.get(id);
    if (now !== name) out.push(now === undefined ? `project #${id} "${name}" is gone` : `project #${id} "${name}" was renamed "${now}"`);
  }
  for (const key of Object.keys(before.settings) as (keyof Settings)[]) {
    if (before.settings[key] !== after.settings[key]) out.push(`setting ${key} was "${before.settings[key]}", is "${after.settings[key]}"`);
  }
  for (const [id, origin] of after.connections) if (!before.connections.has(id)) out.push(`team server connection ${id} to ${origin} is still open`);
  for (const [id, origin] of before.connections) if (!after.connections.has(id)) out.push(`team server connection ${id} to ${origin} was closed`);
  return out;
}

