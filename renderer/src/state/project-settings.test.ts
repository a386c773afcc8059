import { describe, expect, it } from 'vitest';
import { STANDARD_FORMS_CHOICES, savedMessage, settingsForm } from './project-settings';
import type { ProjectSettings } from '../../../shared/domain/schemas';

const stored = (standardForms: ProjectSettings['standardForms'], version = 1): ProjectSettings => ({ projectId: 1, standardForms, version, updatedAt: null, updatedBy: null });

describe('project settings form', () => {
  it('lists not set, the standard, the press', () => {
    expect(STANDARD_FORMS_CHOICES).toEqual(['unset', 'ministry', 'press']);
  });

  it('shows what is stored until the reviewer picks; saves only a change, once read, when allowed', () => {
    expect(settingsForm(undefined, null, true)).toEqual({ choice: 'unset', canSave: false });
    expect(settingsForm(stored('press'), null, true)).toEqual({ choice: 'press', canSave: false });
    expect(settingsForm(stored('press'), 'ministry', true)).toEqual({ choice: 'ministry', canSave: true });
    expect(settingsForm(stored('press'), 'press', true).canSave).toBe(false);
    expect(settingsForm(stored('press'), 'ministry', false).canSave).toBe(false);
    expect(settingsForm(undefined, 'ministry', true).canSave).toBe(false);
  });

  it('says how many documents were checked again', () => {
    expect(savedMessage({ rechecked: [3, 4] })).toEqual({ key: 'projectSettings.saved', count: 2 });
    expect(savedMessage({ rechecked: [3] })).toEqual({ key: 'projectSettings.saved1', count: 1 });
    expect(savedMessage({ rechecked: [] })).toEqual({ key: 'projectSettings.savedNone', count: 0 });
  });
});
