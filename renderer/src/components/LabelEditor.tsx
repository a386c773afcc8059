/**
 * Edit the annotation label set: name, colour and key of each label, and whether it is a claim
 * label (a span tagged with it becomes a claim; flagging a label turns its annotations into
 * claims, core/claims.ts); add and delete (unused) labels.
 */
import { useState, type CSSProperties } from 'react';
import type { AnnotationLabel } from '../../../shared/domain/review';
import { useClient } from '../state/client';
import { useReviewI18n } from '../i18n-review';

export interface LabelEditorProps {
  labels: readonly AnnotationLabel[];
  onChanged: () => void;
  onError: (e: unknown) => void;
}

function Row({ label, onChanged, onError }: { label: AnnotationLabel | null } & Omit<LabelEditorProps, 'labels'>) {
  const { client } = useClient();
  const { rt } = useReviewI18n();
  const [name, setName] = useState(label?.name ?? '');
  const [color, setColor] = useState(label?.color ?? '#4b5563');
  const [shortcut, setShortcut] = useState(label?.shortcut ?? '');
  const [claim, setClaim] = useState(label?.claim ?? false);
  const dirty = !label || name !== label.name || color !== label.color || shortcut !== (label.shortcut ?? '') || claim !== label.claim;

  async function save() {
    try {
      if (label) await client.updateLabel({ labelId: label.id, name, color, shortcut: shortcut || null, claim });
      else {
        await client.createLabel({ name, color, shortcut: shortcut || null, claim });
        setName('');
        setShortcut('');
        setClaim(false);
      }
      onChanged();
    } catch (e) {
      onError(e);
    }
  }
  async function remove() {
    if (!label) return;
    try {
      await client.deleteLabel({ labelId: label.id });
      onChanged();
    } catch (e) {
      onError(e);
    }
  }

  return (
    <form
      className="label-row"
      style={{ '--anno': color } as CSSProperties}
      data-testid={label ? `label-row-${label.id}` : 'label-row-new'}
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim() && dirty) void save();
      }}
    >
      <input type="color" value={color} onChange={(e) => setColor(e.target.value)} aria-label={rt('labels.color')} />
      <input value={name} onChange={(e) => setName(e.target.value)} aria-label={rt('labels.name')} placeholder={rt('labels.newName')} maxLength={60} />
      <input
        className="label-key"
        value={shortcut}
        onChange={(e) => setShortcut(e.target.value.slice(-1).toLowerCase())}
        aria-label={rt('labels.key')}
        placeholder="–"
        maxLength={1}
      />
      <label className="label-claim" title={rt('labels.claimHint')}>
        <input type="checkbox" checked={claim} onChange={(e) => setClaim(e.target.checked)} data-testid="label-claim" /> {rt('labels.claim')}
      </label>
      <button type="submit" className="btn btn-small" disabled={!name.trim() || !dirty}>
        {label ? rt('anno.save') : rt('labels.add')}
      </button>
      {label && (
        <button type="button" className="btn btn-small btn-quiet" onClick={() => void remove()} disabled={label.uses > 0} title={label.uses > 0 ? rt('labels.inUse', { count: label.uses }) : undefined}>
          {rt('anno.delete')}
        </button>
      )}
    </form>
  );
}

export function LabelEditor({ labels, onChanged, onError }: LabelEditorProps) {
  return (
    <div className="label-editor" data-testid="label-editor">
      {labels.map((l) => (
        <Row key={`${l.id}:${l.name}:${l.color}:${l.shortcut}:${l.claim}`} label={l} onChanged={onChanged} onError={onError} />
      ))}
      <Row key={`new-${labels.length}`} label={null} onChanged={onChanged} onError={onError} />
    </div>
  );
}
