/**
 * Everything about one claim, edited in place (the Claims panel and the wide claims view
 * both show it): the span (extend or shrink by a character at either edge), the claim as
 * the checker restates it, claimant (picked from the project's people, free text allowed),
 * type, verdict, status, assignee, statement date, rating note, review URL, evidence of
 * every kind with who added it and when, and the claim's history. Selects save on change,
 * text fields on Enter or when they lose focus; every save is one undoable update. Escape
 * closes the editor (the view puts the keyboard back on the claim's row).
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ClaimHistoryEntryT, ClaimPersonT, ClaimT } from '../../../shared/claims/schemas';
import { ALL_CLAIM_TYPES, CLAIM_STATUSES, CLAIM_VERDICTS, EVIDENCE_KINDS } from '../../../shared/claims/types';
import { readableClaimDate } from '../../../shared/claims/dates';
import { isWebUrl } from '../../../shared/urls';
import { changedTextFields, historyValue, stepSpan } from '../state/claim-edit';
import type { ClaimsState } from '../state/useClaims';
import { useClaimsI18n, type ClaimsMessageKey } from '../i18n-claims';
import { claimStatusOptions } from '../state/permissions';
import { usePermission, usePermissions } from '../state/usePermissions';
import { useClaimStore } from '../state/claim-store';
import { pendingFields, pendingMakes } from '../state/claim-queue';

const VALUES = { type: ALL_CLAIM_TYPES, verdict: CLAIM_VERDICTS, status: CLAIM_STATUSES } as const;
type ValueField = keyof typeof VALUES;
type TextField = 'text' | 'claimant' | 'assignee' | 'claimDate' | 'ratingNote' | 'reviewUrl';
const TEXT_FIELDS: TextField[] = ['text', 'claimant', 'assignee', 'claimDate', 'ratingNote', 'reviewUrl'];
/** The history's field names worded by the catalog (claims.field.<name>); others are shown as stored. */
const HISTORY_FIELDS = new Set(['created', 'deleted', 'restored', 'text', 'type', 'claimant', 'claimDate', 'verdict', 'evidence', 'notes', 'status', 'assignee', 'ratingNote', 'reviewUrl', 'publishedAt', 'publishedBy', 'span']);

export interface ClaimEditorProps {
  claim: ClaimT;
  /** the claim's segment text as the grid shows it (null: not loaded), for moving the span's edges */
  segmentText: string | null;
  people: readonly ClaimPersonT[];
  /** assignees already used in the document, offered for the assignee field */
  assignees: readonly string[];
  /** the project's documents (and how many segments each has), for evidence from a segment */
  documents: readonly { id: number; title: string; segments: number }[];
  documentId: number;
  actions: ClaimsState['actions'];
  onJump: (segmentId: number) => void;
  onClose: () => void;
  /** focus the restated claim on opening */
  autoFocus?: boolean;
}

const draftOf = (c: ClaimT): Record<TextField, string> => ({
  text: c.text,
  claimant: c.claimant ?? '',
  assignee: c.assignee,
  claimDate: c.claimDate ?? '',
  ratingNote: c.ratingNote,
  reviewUrl: c.reviewUrl ?? '',
});

/**
 * A claim's changes that wait for the team server (state/useClaimRetry.ts): the claim shows what
 * is stored until they are sent; this says which fields wait. Nothing when none does.
 */
export function ClaimPending({ claimId }: { claimId: number }) {
  const { ct } = useClaimsI18n();
  const { queue } = useClaimStore();
  const fields = useMemo(() => pendingFields(queue), [queue]).get(claimId);
  if (!fields?.length) return null;
  const names = fields.map((f) => (HISTORY_FIELDS.has(f) ? ct(`claims.field.${f}` as ClaimsMessageKey) : f)).join(', ');
  return (
    <span className="claim-pending" role="status" data-testid="claim-pending" data-claim-id={claimId}>
      {ct('claims.pending', { fields: names })}
    </span>
  );
}

/**
 * The claims being made and candidates decided in this document that wait for the team server
 * (state/claim-queue.ts): listed until they are sent (a claim made then appears in the list, a
 * candidate leaves it). Nothing when none waits.
 */
export function ClaimPendingMakes({ documentId }: { documentId: number }) {
  const { ct } = useClaimsI18n();
  const { queue } = useClaimStore();
  const makes = useMemo(() => pendingMakes(queue).filter((m) => m.documentId === documentId), [queue, documentId]);
  if (!makes.length) return null;
  const short = (q: string) => (q.length > 30 ? `${q.slice(0, 29)}…` : q);
  return (
    <ul className="claims-pending-makes" role="status" data-testid="claims-pending-makes">
      {makes.map((m) => (
        <li key={m.requestId} className="claim-pending" data-testid="claim-pending-make" data-kind={m.kind}>
          {ct(`claims.pendingMake.${m.kind}`, { row: m.row, quote: short(m.quote) })}
        </li>
      ))}
    </ul>
  );
}

export function ClaimEditor({ claim, segmentText, people, assignees, documents, documentId, actions, onJump, onClose, autoFocus }: ClaimEditorProps) {
  const { ct, locale, formatDateTime } = useClaimsI18n();
  // on a team server only a lead publishes (state/permissions.ts): a reviewer's status menu has no 'published'
  const { account } = usePermissions();
  const publishing = usePermission('publishClaim');
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(claim));
  const stored = useRef(claim);
  // values sent and not yet come back in `claim`: a field saved on Enter is not saved again when it loses focus
  const sent = useRef<Partial<Record<TextField, string>>>({});
  const first = useRef<HTMLTextAreaElement>(null);
  // a claim changed elsewhere (or by this editor): take its values, keep what is being typed in other fields
  useEffect(() => {
    const before = draftOf(stored.current);
    const now = draftOf(claim);
    stored.current = claim;
    sent.current = {};
    setDraft((d) => Object.fromEntries(TEXT_FIELDS.map((k) => [k, d[k] === before[k] ? now[k] : d[k]])) as Record<TextField, string>);
  }, [claim]);
  useEffect(() => {
    if (autoFocus) first.current?.focus();
  }, [autoFocus, claim.id]);

  const save = (fields: TextField[]) => {
    const storedValues = draftOf(stored.current);
    const changes = changedTextFields(
      Object.fromEntries(fields.map((k) => [k, storedValues[k]])) as Record<TextField, string>,
      Object.fromEntries(fields.map((k) => [k, draft[k]])) as Record<TextField, string>,
    );
    for (const k of Object.keys(changes) as TextField[]) {
      if (sent.current[k] === changes[k]) delete changes[k];
      else sent.current[k] = changes[k] ?? '';
    }
    if (!Object.keys(changes).length) return;
    const args: Parameters<typeof actions.update>[1] = {};
    if ('text' in changes && changes.text) args.text = changes.text;
    if ('claimant' in changes) args.claimant = changes.claimant || null;
    if ('assignee' in changes) args.assignee = changes.assignee ?? '';
    if ('claimDate' in changes) args.claimDate = changes.claimDate || null;
    if ('ratingNote' in changes) args.ratingNote = changes.ratingNote ?? '';
    if ('reviewUrl' in changes) args.reviewUrl = changes.reviewUrl || null;
    if (Object.keys(args).length) void actions.update(claim.id, args);
  };
  const input = (field: TextField, label: ClaimsMessageKey, extra: { list?: string; placeholder?: string; type?: string; title?: string } = {}) => (
    <label className="claim-field">
      <span>{ct(label)}</span>
      <input
        value={draft[field]}
        {...extra}
        onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
        onBlur={() => save([field])}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            save([field]);
          }
        }}
        data-testid={`claim-edit-${field}`}
      />
    </label>
  );
  const area = (field: TextField, label: ClaimsMessageKey, ref?: React.Ref<HTMLTextAreaElement>) => (
    <label className="claim-field">
      <span>{ct(label)}</span>
      <textarea
        ref={ref}
        rows={2}
        value={draft[field]}
        lang={field === 'text' ? 'zh-Hant' : undefined}
        onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
        onBlur={() => save([field])}
        onKeyDown={(e) => {
          // Enter saves (Shift+Enter: a new line)
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            save([field]);
          }
        }}
        data-testid={`claim-edit-${field}`}
      />
    </label>
  );
  const valueSelect = (field: ValueField) => (
    <label className="claim-field">
      <span>{ct(`claims.filter.${field}`)}</span>
      <select value={claim[field]} onChange={(e) => void actions.update(claim.id, { [field]: e.target.value })} data-testid={`claim-edit-${field}`}>
        {(field === 'status' ? claimStatusOptions(VALUES.status, claim.status, account) : VALUES[field]).map((v) => (
          <option key={v} value={v}>
            {ct(`claims.value.${field}.${v}` as ClaimsMessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
  const step = (edge: 'start' | 'end', delta: 1 | -1, label: ClaimsMessageKey, glyph: string) => {
    const next = segmentText === null || claim.orphaned ? null : stepSpan(segmentText, claim.start, claim.end, edge, delta);
    return (
      <button type="button" className="btn btn-small btn-quiet" aria-label={ct(label)} title={ct(label)} disabled={!next} onClick={() => next && void actions.update(claim.id, next)} data-testid={`claim-span-${edge}${delta > 0 ? '+' : '-'}`}>
        {glyph}
      </button>
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      e.stopPropagation();
      // what is typed is kept: the field loses focus (and saves) as the editor closes
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      onClose();
    }
  };
  const readable = claim.claimDate ? readableClaimDate(claim.claimDate, locale) : null;
  const showReadable = readable && readable !== claim.claimDate;

  return (
    <section className="claim-editor" aria-label={ct('claims.editTitle', { id: claim.id })} data-testid="claim-editor" data-claim-id={claim.id} onKeyDown={onKeyDown}>
      <div className="claim-editor-head">
        <h3>{ct('claims.editTitle', { id: claim.id })}</h3>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => onJump(claim.segmentId)}>
          {ct('claims.jumpClaim', { id: claim.id })}
        </button>
        <button type="button" className="btn btn-small btn-quiet" onClick={onClose} data-testid="claim-editor-close">
          {ct('claims.editClose')}
        </button>
      </div>
      <ClaimPending claimId={claim.id} />
      <div className="claim-span" role="group" aria-label={ct('claims.span')}>
        <span className="claim-field-label">{ct('claims.span')}</span>
        {step('start', -1, 'claims.span.extendStart', '◂')}
        {step('start', 1, 'claims.span.shrinkStart', '▸')}
        <span className="claim-span-text" lang="zh-Hant" data-testid="claim-span-text">
          <span className="claim-span-context">{claim.prefix}</span>
          <mark>{claim.exact}</mark>
          <span className="claim-span-context">{claim.suffix}</span>
        </span>
        {step('end', -1, 'claims.span.shrinkEnd', '◂')}
        {step('end', 1, 'claims.span.extendEnd', '▸')}
        {claim.orphaned && <em> ({ct('claims.orphaned')})</em>}
      </div>
      {area('text', 'claims.restated', first)}
      <div className="claim-editor-grid">
        {input('claimant', 'claims.claimant', { list: `${id}-people`, title: ct('claims.claimantHint'), placeholder: ct('claims.claimantHint') })}
        <datalist id={`${id}-people`} data-testid="claim-people">
          {people.map((p) => (
            <option key={p.name} value={p.name} />
          ))}
        </datalist>
        {input('assignee', 'claims.assignee', { list: `${id}-assignees` })}
        <datalist id={`${id}-assignees`}>
          {assignees.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        {valueSelect('type')}
        {valueSelect('verdict')}
        <div className="claim-field">
          {valueSelect('status')}
          {!publishing.allowed && <small data-testid="claim-publish-role">{publishing.reason}</small>}
        </div>
        <div className="claim-field">
          {input('claimDate', 'claims.statementDate', { placeholder: 'YYYY-MM-DD · --MM-DD' })}
          {showReadable && <small data-testid="claim-date-readable">{readable}</small>}
        </div>
      </div>
      {area('ratingNote', 'claims.ratingNote')}
      {input('reviewUrl', 'claims.reviewUrl', { type: 'url', placeholder: 'https://…' })}
      <EvidenceSection claim={claim} documents={documents} documentId={documentId} actions={actions} formatDateTime={formatDateTime} />
      <HistorySection claim={claim} actions={actions} formatDateTime={formatDateTime} />
    </section>
  );
}

function EvidenceSection({ claim, documents, documentId, actions, formatDateTime }: { claim: ClaimT; documents: ClaimEditorProps['documents']; documentId: number; actions: ClaimsState['actions']; formatDateTime: (iso: string) => string }) {
  const { ct } = useClaimsI18n();
  const [kind, setKind] = useState<(typeof EVIDENCE_KINDS)[number]>('url');
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [doc, setDoc] = useState(documentId);
  const [row, setRow] = useState('');
  const rows = documents.find((d) => d.id === doc)?.segments ?? 0;
  const ready = kind === 'url' ? !!url.trim() : kind === 'note' ? !!note.trim() : Number.isInteger(Number(row)) && Number(row) >= 1 && Number(row) <= rows;
  const add = async () => {
    if (!ready) return;
    const done =
      kind === 'segment'
        ? await actions.addSegmentEvidence(claim.id, doc, Number(row) - 1, note.trim(), ct('claims.evidenceNoSegment', { n: row, count: rows }))
        : await actions.addEvidence(claim.id, kind === 'url' ? { kind: 'url', url: url.trim(), note: note.trim() } : { kind: 'note', note: note.trim() });
    if (done) {
      setUrl('');
      setNote('');
      setRow('');
    }
  };
  const item = (e: ClaimT['evidence'][number]): ReactNode => {
    if (e.kind === 'url')
      return isWebUrl(e.url) ? (
        <a href={e.url} target="_blank" rel="noreferrer noopener">
          {e.url}
        </a>
      ) : (
        <span className="claims-evidence-unlinked">{e.url}</span>
      );
    if (e.kind === 'segment')
      return (
        <span>
          {ct('claims.evidenceSegmentOf', { title: e.documentTitle, n: e.index + 1 })}: <q lang="zh-Hant">{e.quote}</q>
        </span>
      );
    return null;
  };
  return (
    <div className="claim-evidence" role="group" aria-label={ct('claims.evidence')}>
      <span className="claim-field-label">{ct('claims.evidence')}</span>
      <ul className="claims-evidence" data-testid="claim-evidence-list">
        {claim.evidence.map((e, i) => (
          <li key={e.id} data-testid="claim-evidence-item" data-kind={e.kind}>
            <span className="claims-type">{ct(`claims.value.evidence.${e.kind}`)}</span> {item(e)}
            {e.note && (e.kind === 'note' ? e.note : ` — ${e.note}`)}{' '}
            <small className="claim-evidence-by">{ct('claims.evidenceBy', { author: e.author, when: formatDateTime(e.addedAt) })}</small>{' '}
            <button type="button" className="btn btn-small btn-quiet" aria-label={ct('claims.evidenceRemoveItem', { n: i + 1 })} onClick={() => void actions.removeEvidence(claim.id, e.id)}>
              {ct('claims.evidenceRemove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="claims-evidence-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <select aria-label={ct('claims.evidenceKind')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} data-testid="claim-evidence-kind">
          {EVIDENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {ct(`claims.value.evidence.${k}`)}
            </option>
          ))}
        </select>
        {kind === 'url' && <input type="url" aria-label={ct('claims.evidenceUrl')} placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="claim-evidence-url" />}
        {kind === 'segment' && (
          <>
            <select aria-label={ct('claims.evidenceDocument')} value={doc} onChange={(e) => setDoc(Number(e.target.value))} data-testid="claim-evidence-document">
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
            <input type="number" min={1} max={rows} className="claim-evidence-row" aria-label={ct('claims.evidenceSegment')} placeholder="#" value={row} onChange={(e) => setRow(e.target.value)} data-testid="claim-evidence-segment" />
          </>
        )}
        <input aria-label={kind === 'note' ? ct('claims.evidenceText') : ct('claims.evidenceNote')} placeholder={kind === 'note' ? ct('claims.evidenceText') : ct('claims.evidenceNote')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="claim-evidence-note" />
        <button type="submit" className="btn btn-small" disabled={!ready} data-testid="claim-evidence-add">
          {ct('claims.addEvidence')}
        </button>
      </form>
    </div>
  );
}

function HistorySection({ claim, actions, formatDateTime }: { claim: ClaimT; actions: ClaimsState['actions']; formatDateTime: (iso: string) => string }) {
  const { ct, formatNumber } = useClaimsI18n();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<ClaimHistoryEntryT[] | null>(null);
  // read when opened, and again whenever the claim changes while open
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    actions.history(claim.id).then(
      (h) => !cancelled && setEntries(h),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [open, actions, claim.id, claim.updatedAt]);
  const value = (field: string, raw: string | null): string => {
    const v = historyValue(field, raw);
    if (v.kind === 'none') return '∅';
    if (v.kind === 'label') return ct(`claims.value.${v.field}.${v.value}` as ClaimsMessageKey);
    if (v.kind === 'items') return formatNumber(v.count); // evidence: 1 → 2
    if (v.kind === 'time') return formatDateTime(v.iso);
    return v.text;
  };
  const fieldName = (f: string) => (HISTORY_FIELDS.has(f) ? ct(`claims.field.${f}` as ClaimsMessageKey) : f);
  return (
    <details className="claim-history" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="claim-history">
      <summary>{ct('claims.history')}</summary>
      {entries && entries.length === 0 && <p>{ct('claims.historyEmpty')}</p>}
      <ol>
        {(entries ?? [])
          .slice()
          .reverse()
          .map((h) => (
            <li key={h.id}>
              <small>
                {formatDateTime(h.createdAt)} · {h.author}
              </small>{' '}
              {ct('claims.historyEntry', { field: fieldName(h.field), before: value(h.field, h.before), after: value(h.field, h.after) })}
            </li>
          ))}
      </ol>
    </details>
  );
}
