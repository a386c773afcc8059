/**
 * A project's settings (the house style for standard forms) as one query of the window's cache
 * (`settingsKey`, under the library: a change naming the project, here or in another
 * window, refetches it), and the save: with the version the choice was based on, so a change someone made since is
 * refused (then the settings are read again); after it, the findings of the documents whose checks
 * it re-ran are read again.
 */
import { useCallback } from 'react';
import type { ProjectSettings, ProjectSettingsResult } from '../../../shared/domain/schemas';
import type { StandardForms } from '../../../shared/domain/values';
import { useClient } from './client';
import { useQuery, useQueryClient } from './queries';
import { keys } from './live';

/** Under keys.library() (./live.ts): refetched with the library when a change names the project (not in live.ts's table: it would weigh on the first screen). */
const settingsKey = (projectId: number) => ['library', 'projectSettings', projectId] as const;

export interface ProjectSettingsState {
  settings: ProjectSettings | undefined;
  error: unknown;
  /** `version`: the one the reviewer's choice was based on (what the dialog showed when they picked) */
  save: (standardForms: StandardForms, version: number | undefined) => Promise<ProjectSettingsResult>;
}

export function useProjectSettings(projectId: number): ProjectSettingsState {
  const { client } = useClient();
  const queryClient = useQueryClient();
  const key = settingsKey(projectId);
  const q = useQuery({ queryKey: key, queryFn: () => client.getProjectSettings({ projectId }) });
  const save = useCallback(
    async (standardForms: StandardForms, version: number | undefined) => {
      try {
        const r = await client.updateProjectSettings({ projectId, standardForms, ...(version !== undefined ? { version } : {}) });
        queryClient.setQueryData(settingsKey(projectId), r);
        await Promise.all(r.rechecked.map((id) => queryClient.invalidateQueries({ queryKey: keys.doc(id) })));
        return r;
      } catch (e) {
        // refused (someone changed it since, or the role): show what is stored now
        await queryClient.invalidateQueries({ queryKey: settingsKey(projectId) });
        throw e;
      }
    },
    [client, queryClient, projectId],
  );
  return { settings: q.data, error: q.error, save };
}
