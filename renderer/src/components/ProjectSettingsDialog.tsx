/** A project's settings: the house style for standard forms (state/useProjectSettings.ts, state/project-settings.ts). */
import { useState } from 'react';
import type { Project } from '../../../shared/domain/schemas';
import type { StandardForms } from '../../../shared/domain/values';
import { useProjectSettingsI18n } from '../i18n-project-settings';
import { usePermission } from '../state/usePermissions';
import { useProjectSettings } from '../state/useProjectSettings';
import { STANDARD_FORMS_CHOICES, savedMessage, settingsForm } from '../state/project-settings';
import { Modal } from './Modal';

export interface ProjectSettingsDialogProps {
  project: Project;
  onClose: () => void;
  /** run an action; errors are reported and rethrown */
  guard: <T>(p: Promise<T>) => Promise<T>;
  notify: (message: string) => void;
}

export function ProjectSettingsDialog({ project, onClose, guard, notify }: ProjectSettingsDialogProps) {
  const { ps, formatDateTime, projectName } = useProjectSettingsI18n();
  const allowed = usePermission('projectSettings');
  const { settings, save } = useProjectSettings(project.id);
  // the choice and the version shown when it was made: a change someone saves meanwhile is a conflict, not overwritten
  const [picked, setPicked] = useState<{ value: StandardForms; version: number | undefined } | null>(null);
  const form = settingsForm(settings, picked?.value ?? null, allowed.allowed);
  const label = (v: StandardForms) => ps(`projectSettings.${v}`);
  return (
    <Modal title={ps('projectSettings.title', { name: projectName(project.name) })} onClose={onClose} testId="project-settings-dialog" className="modal-small">
      <form
        className="modal-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.canSave) return;
          void guard(save(form.choice, picked?.version ?? settings?.version)).then(
            (r) => {
              const m = savedMessage(r);
              notify(ps(m.key, { name: projectName(project.name), value: label(r.standardForms), count: m.count }));
              onClose();
            },
            () => setPicked(null),
          );
        }}
      >
        <fieldset className="radio-group" data-testid="standard-forms">
          <legend>{ps('projectSettings.standardForms')}</legend>
          <p className="hint">{ps('projectSettings.standardFormsHelp')}</p>
          {STANDARD_FORMS_CHOICES.map((v) => (
            <label key={v} className="radio radio-described">
              <input type="radio" name="standard-forms" value={v} data-testid={`standard-forms-${v}`} checked={form.choice === v} disabled={!allowed.allowed || !settings} onChange={() => setPicked({ value: v, version: settings?.version })} />
              <span>
                {label(v)}
                <span className="hint radio-help">{ps(`projectSettings.${v}Help`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="hint" data-testid="standard-forms-version">
          {!settings
            ? ps('projectSettings.loading')
            : settings.version === 0
              ? ps('projectSettings.never')
              : ps('projectSettings.version', { version: settings.version, by: settings.updatedBy ?? '—', at: settings.updatedAt ? formatDateTime(settings.updatedAt) : '' })}
        </p>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {ps('projectSettings.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!form.canSave} title={allowed.reason}>
            {ps('projectSettings.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
