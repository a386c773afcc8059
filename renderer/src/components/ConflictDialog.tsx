/**
 * The conflict view (issue 16): a save refused because someone else changed the field since.
 * Shows what the reviewer started from (base), what is stored now (theirs) and the refused
 * save (mine), each change drawn against the base, and offers keep theirs / keep mine / merge
 * by hand. A segment field is one text; an annotation, claim or glossary entry shows each field
 * someone else changed (merged by hand in an editor for free text, else chosen theirs or mine).
 * It only shows: which write a choice makes lives in state/conflict.ts, running it in
 * state/useConflict.ts.
 */
import { useState } from 'react';
import type { EditConflictDetails, RecordConflictDetails, RecordFieldConflict } from '../../../shared/domain/schemas';
import { useConflictI18n } from '../i18n-conflict';
import { useI18n, type MessageKey } from '../i18n';
import { translateClaims, type ClaimsMessageKey } from '../i18n-claims';
import { canMerge, canMergeField, isRecordConflict, mergeDraft, recordMergeDraft, scopeKindOf, shownFields, valueLabelKey, type ConflictChoice, type ShownConflict } from '../state/conflict';
import { DiffText } from './DiffText';
import { Modal } from './Modal';

export interface ConflictDialogProps {
  conflict: ShownConflict;
  busy: boolean;
  /** resolves true once the choice is stored */
  onResolve: (choice: ConflictChoice) => Promise<boolean>;
  onDone: (message: string) => void;
  onClose: () => void;
}

type Xt = ReturnType<typeof useConflictI18n>['xt'];

/** base / theirs / mine of one value, the two changes drawn against the base. */
function Versions({ base, theirs, mine, author, suffix, xt, plain = false }: { base: string | null; theirs: string | null; mine: string | null; author: string | null; suffix: string; xt: Xt; plain?: boolean }) {
  // a choice among values (a type, a verdict, a scope) reads as the values; a character diff of them is noise
  if (plain)
    return (
      <dl className="conflict-versions">
        <dt>{xt('conflict.base')}</dt>
        <dd data-testid={`conflict-base${suffix}`}>{base || xt('conflict.none')}</dd>
        <dt>{author ? xt('conflict.theirs', { author }) : xt('conflict.theirsAnon')}</dt>
        <dd data-testid={`conflict-theirs${suffix}`}>{theirs || xt('conflict.none')}</dd>
        <dt>{xt('conflict.mine')}</dt>
        <dd data-testid={`conflict-mine${suffix}`}>{mine || xt('conflict.none')}</dd>
      </dl>
    );
  return (
    <dl className="conflict-versions">
      <dt>{xt('conflict.base')}</dt>
      <dd data-testid={`conflict-base${suffix}`}>{base || xt('conflict.none')}</dd>
      <dt>{author ? xt('conflict.theirs', { author }) : xt('conflict.theirsAnon')}</dt>
      <dd data-testid={`conflict-theirs${suffix}`} title={xt('conflict.vsBase')}>
        {theirs || base ? <DiffText before={base ?? ''} after={theirs ?? ''} /> : xt('conflict.none')}
      </dd>
      <dt>{xt('conflict.mine')}</dt>
      <dd data-testid={`conflict-mine${suffix}`} title={xt('conflict.vsBase')}>
        {mine || base ? <DiffText before={base ?? ''} after={mine ?? ''} /> : xt('conflict.none')}
      </dd>
    </dl>
  );
}

export function ConflictDialog(props: ConflictDialogProps) {
  return isRecordConflict(props.conflict) ? <RecordConflictView {...props} conflict={props.conflict} /> : <FieldConflictView {...props} conflict={props.conflict} />;
}

/** A stored value as the UI words it (a status, a verdict), else as written (state/conflict.ts valueLabelKey). */
function useValueLabel() {
  const { locale, t } = useI18n();
  return (record: Parameters<typeof valueLabelKey>[0], field: string, v: string | null): string | null => {
    const k = valueLabelKey(record, field, v);
    if (!k) return v;
    return k.catalog === 'main' ? t(k.key as MessageKey) : translateClaims(locale, k.key as ClaimsMessageKey);
  };
}

function useChoose(onResolve: ConflictDialogProps['onResolve'], onDone: ConflictDialogProps['onDone'], xt: Xt) {
  return async (choice: ConflictChoice) => {
    if (await onResolve(choice)) onDone(xt(choice.kind === 'theirs' ? 'conflict.keptTheirs' : choice.kind === 'mine' ? 'conflict.keptMine' : 'conflict.merged'));
  };
}

function FieldConflictView({ conflict: c, busy, onResolve, onDone, onClose }: ConflictDialogProps & { conflict: EditConflictDetails }) {
  const { xt } = useConflictI18n();
  const [merging, setMerging] = useState<string | null>(null);
  const field = xt(`conflict.field.${c.field}`);
  const label = useValueLabel();
  const row = c.row ?? c.segmentId;
  const choose = useChoose(onResolve, onDone, xt);
  return (
    <Modal title={xt('conflict.title')} onClose={onClose} testId="conflict-dialog" className="modal-conflict">
      <p className="modal-text">{c.theirsAuthor ? xt('conflict.intro', { row, author: c.theirsAuthor, field }) : xt('conflict.introAnon', { row, field })}</p>
      {/* a status or furniture is one value or the other: shown as values, not as a character diff */}
      <Versions base={label(null, c.field, c.base)} theirs={label(null, c.field, c.theirs)} mine={label(null, c.field, c.mine)} author={c.theirsAuthor} suffix="" xt={xt} plain={!canMerge(c)} />
      {c.conflicts.length > 1 && <p className="modal-text">{xt('conflict.more', { count: c.conflicts.length - 1 })}</p>}
      {merging !== null ? (
        <>
          <label className="conflict-merge">
            {xt('conflict.mergeLabel')}
            <textarea data-testid="conflict-merge-text" value={merging} onChange={(e) => setMerging(e.target.value)} rows={4} autoFocus />
          </label>
          <div className="modal-actions">
            <button type="button" className="btn" disabled={busy} onClick={() => setMerging(null)}>
              {xt('conflict.back')}
            </button>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void choose({ kind: 'merge', text: merging })}>
              {xt('conflict.saveMerge')}
            </button>
          </div>
        </>
      ) : (
        <ChoiceButtons busy={busy} onTheirs={() => void choose({ kind: 'theirs' })} onMerge={canMerge(c) ? () => setMerging(mergeDraft(c)) : null} onMine={() => void choose({ kind: 'mine' })} />
      )}
    </Modal>
  );
}

const FIELD_KEYS = new Set(['body', 'labelId', 'text', 'type', 'claimant', 'claimDate', 'verdict', 'evidence', 'notes', 'status', 'term', 'variants', 'note', 'english', 'scope']);

function RecordConflictView({ conflict: c, busy, onResolve, onDone, onClose }: ConflictDialogProps & { conflict: RecordConflictDetails }) {
  const { xt } = useConflictI18n();
  const [merging, setMerging] = useState<Record<string, string | null> | null>(null);
  const choose = useChoose(onResolve, onDone, xt);
  const fields = shownFields(c);
  const fieldName = (f: RecordFieldConflict) => (FIELD_KEYS.has(f.field) ? xt(`conflict.recordField.${f.field}` as 'conflict.recordField.body') : f.field);
  // a glossary entry's scope travels as "document:5"; the reader sees "this document only" / "the whole project"
  const label = useValueLabel();
  const shown = (f: RecordFieldConflict, v: string | null): string | null => {
    const kind = f.field === 'scope' ? scopeKindOf(v) : null;
    return kind ? xt(`conflict.scope.${kind}`) : label(c.record, f.field, v);
  };
  const what = xt(`conflict.record.${c.record}`);
  const names = fields.map(fieldName).join(' / ');
  // a refused deletion: their changes against what you deleted; keep mine deletes it anyway, nothing to merge
  const deleting = c.action === 'delete';
  const intro = deleting
    ? xt(c.theirsAuthor ? 'conflict.deleteIntro' : 'conflict.deleteIntroAnon', { what, row: c.row ?? '?', author: c.theirsAuthor ?? '', fields: names })
    : c.row !== null
      ? xt(c.theirsAuthor ? 'conflict.recordIntroRow' : 'conflict.recordIntroRowAnon', { what, row: c.row, author: c.theirsAuthor ?? '', fields: names })
      : xt(c.theirsAuthor ? 'conflict.recordIntro' : 'conflict.recordIntroAnon', { what, author: c.theirsAuthor ?? '', fields: names });
  return (
    <Modal title={xt('conflict.title')} onClose={onClose} testId="conflict-dialog" className="modal-conflict">
      <p className="modal-text">{intro}</p>
      {fields.map((f) => (
        <section key={f.field} className="conflict-field" data-testid={`conflict-field-${f.field}`}>
          <h3 className="conflict-field-name">{fieldName(f)}</h3>
          {merging === null ? (
            <Versions base={shown(f, f.base)} theirs={shown(f, f.theirs)} mine={deleting ? xt('conflict.deleteMine') : shown(f, f.mine)} author={c.theirsAuthor} suffix={`-${f.field}`} xt={xt} plain={deleting || !canMergeField(c.record, f.field)} />
          ) : canMergeField(c.record, f.field) ? (
            <label className="conflict-merge">
              {xt('conflict.mergeLabel')}
              <textarea data-testid={`conflict-merge-${f.field}`} value={merging[f.field] ?? ''} onChange={(e) => setMerging({ ...merging, [f.field]: e.target.value })} rows={3} />
            </label>
          ) : (
            <label className="conflict-merge">
              {xt('conflict.pick')}
              <select data-testid={`conflict-merge-${f.field}`} value={merging[f.field] === f.theirs ? 'theirs' : 'mine'} onChange={(e) => setMerging({ ...merging, [f.field]: e.target.value === 'theirs' ? f.theirs : f.mine })}>
                <option value="theirs">{`${xt('conflict.theirsAnon')}: ${shown(f, f.theirs) ?? xt('conflict.none')}`}</option>
                <option value="mine">{`${xt('conflict.mine')}: ${shown(f, f.mine) ?? xt('conflict.none')}`}</option>
              </select>
            </label>
          )}
        </section>
      ))}
      {merging !== null ? (
        <div className="modal-actions">
          <button type="button" className="btn" disabled={busy} onClick={() => setMerging(null)}>
            {xt('conflict.back')}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void choose({ kind: 'mergeFields', fields: merging })}>
            {xt('conflict.saveMerge')}
          </button>
        </div>
      ) : (
        <ChoiceButtons busy={busy} onTheirs={() => void choose({ kind: 'theirs' })} onMerge={deleting ? null : () => setMerging(recordMergeDraft(c))} onMine={() => void choose({ kind: 'mine' })} mineLabel={deleting ? xt('conflict.deleteAnyway') : undefined} />
      )}
    </Modal>
  );
}

/** The three ways out of a conflict, the same for a segment and for a record: keep theirs, merge by hand, keep mine. */
function ChoiceButtons({ busy, onTheirs, onMerge, onMine, mineLabel }: { busy: boolean; onTheirs: () => void; onMerge: (() => void) | null; onMine: () => void; mineLabel?: string }) {
  const { xt } = useConflictI18n();
  return (
    <div className="modal-actions">
      <button type="button" className="btn" disabled={busy} onClick={onTheirs}>
        {xt('conflict.keepTheirs')}
      </button>
      {onMerge && (
        <button type="button" className="btn" disabled={busy} onClick={onMerge}>
          {xt('conflict.merge')}
        </button>
      )}
      <button type="button" className="btn btn-primary" disabled={busy} onClick={onMine} autoFocus>
        {mineLabel ?? xt('conflict.keepMine')}
      </button>
    </div>
  );
}
