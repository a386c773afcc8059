/** The inline correction box of one segment: Enter saves, Escape cancels, Alt+S splits at the caret. */
import { useI18n } from '../i18n';
import { useEditorTextarea } from './useEditorTextarea';

export interface SegmentEditorProps {
  number: number;
  draft: string;
  onDraft: (text: string) => void;
  onSave: (opts: { approve?: boolean }) => void;
  onCancel: () => void;
  onSplit: (caret: number) => void;
  onMerge: () => void;
}

export function SegmentEditor({ number, draft, onDraft, onSave, onCancel, onSplit, onMerge }: SegmentEditorProps) {
  const { t } = useI18n();
  const ref = useEditorTextarea(draft);

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return; // IME candidate selection
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      onSave({ approve: mod && !e.shiftKey });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.altKey && !mod && e.code === 'KeyS') {
      e.preventDefault();
      e.stopPropagation();
      onSplit(e.currentTarget.selectionStart);
    } else if (e.altKey && !mod && e.code === 'KeyM') {
      e.preventDefault();
      e.stopPropagation();
      onMerge();
    }
  }

  return (
    <div className="editor">
      <textarea
        ref={ref}
        className="editor-input"
        data-testid="edit-textarea"
        aria-label={t('grid.editLabel', { n: number })}
        value={draft}
        rows={1}
        spellCheck={false}
        onChange={(e) => onDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="editor-hint">{t('grid.editHint')}</div>
    </div>
  );
}
