/**
 * A project's settings (migration 015): the house style for standard forms (shared/checks/house-style.ts).
 * Versioned: a change based on a version someone has since changed is refused (`edit-conflict`, details: what is stored and what was asked), unless
 * the stored value already is the one asked for (nothing would be lost). A change re-runs the
 * regional rules of the project's documents whose checks have run, outside the write lock (as a
 * check run), so their cards follow the new style at once.
 */
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import type { RuleId } from '../shared/checks';
import type { ProjectSettings, ProjectSettingsResult } from '../shared/domain/schemas';
import type { StandardForms } from '../shared/domain/values';
import { documentChecked, runDocumentChecks, type WriteTx } from './checks';
import type { ReviewHost } from './review-host';

/** The rules the house style speaks to. */
export const HOUSE_STYLE_RULES: readonly RuleId[] = ['taiwan-standard', 'hong-kong-standard'];

export function getProjectSettings(host: Pick<ReviewHost, 'store' | 'requireProject'>, projectId: number): ProjectSettings {
  host.requireProject(projectId);
  return host.store.projectSettings(projectId);
}

export function updateProjectSettings(host: ReviewHost, args: { projectId: number; standardForms: StandardForms; version?: number }): ProjectSettingsResult {
  const changed = host.tx(() => {
    host.requireProject(args.projectId);
    const stored = host.store.projectSettings(args.projectId);
    if (stored.standardForms === args.standardForms) return false;
    if (args.version !== undefined && args.version !== stored.version) {
      throw new JiaoduiError(
        'edit-conflict',
        em(stored.updatedBy ? 'edit-conflict.project-settings.by' : 'edit-conflict.project-settings', {
          ...(stored.updatedBy ? { author: stored.updatedBy } : {}),
          theirs: stored.standardForms,
          base: args.version,
          version: stored.version,
        }),
        { projectId: args.projectId, theirs: stored.standardForms, theirsVersion: stored.version, theirsAuthor: stored.updatedBy, mine: args.standardForms, baseVersion: args.version },
      );
    }
    host.store.setStandardForms(args.projectId, args.standardForms, host.now(), host.author());
    host.touch({ projects: [args.projectId], topics: ['library'] });
    return true;
  });
  const rechecked: number[] = [];
  if (changed) {
    for (const id of host.store.liveProjectDocumentIds(args.projectId)) {
      if (!documentChecked(host.store, id)) continue;
      const write: WriteTx = (fn) =>
        host.tx(() => {
          host.touch({ documents: [id], findings: [id] });
          return fn();
        });
      runDocumentChecks(host.store, write, id, () => host.now(), [...HOUSE_STYLE_RULES]);
      rechecked.push(id);
    }
  }
  return { ...host.store.projectSettings(args.projectId), rechecked };
}
