/** A one-field form (create or rename a project): Enter submits, Escape cancels. */
import { useState } from 'react';
import { useI18n } from '../i18n';

export interface InlineNameFormProps {
  label: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<unknown>;
  onCancel: () => void;
  testId?: string;
}

export function InlineNameForm({ label, initial = '', submitLabel, onSubmit, onCancel, testId }: InlineNameFormProps) {
  const { t } = useI18n();
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="inline-form"
      data-testid={testId}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim() || busy) return;
        setBusy(true);
        try {
          await onSubmit(name.trim());
        } finally {
          setBusy(false);
        }
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <input aria-label={label} placeholder={label} value={name} autoFocus onChange={(e) => setName(e.target.value)} maxLength={200} />
      <button type="submit" className="btn btn-small btn-primary" disabled={busy || !name.trim()}>
        {submitLabel}
      </button>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        {t('library.cancel')}
      </button>
    </form>
  );
}
