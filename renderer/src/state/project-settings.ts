/**
 * The project settings dialog's rules (components/ProjectSettingsDialog.tsx), pure: the choices in
 * the order shown, what is chosen (the reviewer's pick, else what is stored), whether Save does
 * anything, and what the window says after a save.
 */
import { STANDARD_FORMS, type StandardForms } from '../../../shared/domain/values';
import type { ProjectSettings, ProjectSettingsResult } from '../../../shared/domain/schemas';

/** The choices in the order the dialog lists them. */
export const STANDARD_FORMS_CHOICES: readonly StandardForms[] = STANDARD_FORMS;

export interface SettingsForm {
  /** the radio that is on */
  choice: StandardForms;
  /** Save writes something: the settings are read, the choice differs from what is stored, and the reviewer may change them */
  canSave: boolean;
}

export function settingsForm(stored: ProjectSettings | undefined, picked: StandardForms | null, allowed: boolean): SettingsForm {
  const choice = picked ?? stored?.standardForms ?? 'unset';
  return { choice, canSave: allowed && stored !== undefined && choice !== stored.standardForms };
}

/** The toast after a save: with the number of documents whose checks were re-run, when there were any. */
export function savedMessage(r: Pick<ProjectSettingsResult, 'rechecked'>): { key: 'projectSettings.saved' | 'projectSettings.saved1' | 'projectSettings.savedNone'; count: number } {
  const count = r.rechecked.length;
  return { key: count === 0 ? 'projectSettings.savedNone' : count === 1 ? 'projectSettings.saved1' : 'projectSettings.saved', count };
}
