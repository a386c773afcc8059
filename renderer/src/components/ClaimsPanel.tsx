/**
 * Claims beside the grid, for quick tagging: candidates detected by the API (accept with A,
 * reject with R — a stored rejection, undoable, hidden unless “Show rejected” is on, where R
 * or Restore takes it back), the document's claims filtered by type, claimant, verdict,
 * status and assignee (discarded ones hidden unless asked for), type/verdict/status edited
 * inline (each change an undoable operation), Edit opening everything about a claim
 * (ClaimEditor: span, restated claim, claimant from the project's people, assignee, rating
 * note, evidence of every kind…), deletion, the cross-checks between claims (the stored
 * claims-crosscheck findings, with links to the claims involved), and exports (CSV, JSON,
 * ClaimReview). The wide claims view (Alt+W) shows the same claims as a full-width table.
 * Nothing is computed here; everything comes from the API and state/.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChangeResult, DocumentMeta, Segment } from '../../../shared/domain/schemas';
import type { ClaimCandidateT, ClaimT } from '../../../shared/claims/schemas';
import { ALL_CLAIM_TYPES, CLAIM_STATUSES, CLAIM_VERDICTS } from '../../../shared/claims/types';
import { KEPT, useClaims } from '../state/useClaims';
import { candidateKey, checksByClaim, comparedCount, distinctValues, filterClaimRows, NO_TABLE_FILTER, NONE, tableRows, type ClaimsTableFilter } from '../state/claims-table';
import { useClaimsI18n, type ClaimsMessageKey } from '../i18n-claims';
import { claimStatusOptions } from '../state/permissions';
import { usePermission, usePermissions } from '../state/usePermissions';
import { SidePanel } from './SidePanel';
import { findingMessageText } from '../i18n-findings';
import { ClaimEditor, ClaimPending, ClaimPendingMakes } from './ClaimEditor';

// The values come from the schemas, their labels from the catalog (claims.value.<field>.<value>).
const VALUES = { type: ALL_CLAIM_TYPES, verdict: CLAIM_VERDICTS, status: CLAIM_STATUSES } as const;
type ValueField = keyof typeof VALUES;

export interface ClaimsPanelProps {
  doc: DocumentMeta;
  /** the open document's rows (the claim editor moves a span's edges within its segment's text) */
  segments: readonly Segment[];
  /** the project's documents, for evidence from a segment */
  documents: readonly DocumentMeta[];
  /** a claim to open in the editor (one just made from a selection) */
  openClaimId?: number | null;
  onJump: (segmentId: number) => void;
  /** after a write: the operation's result, or nothing (refetch the undo state) */
  onChange?: (r?: ChangeResult) => Promise<void>;
  onError: (e: unknown) => void;
  notify?: (message: string) => void;
  onClose: () => void;
}

/** What takes the keyboard when the panel opens: the first candidate (A accepts, R rejects), else the first field. */
const FOCUS_FIRST = ['[data-testid="claim-candidate"]', 'input, select'];

export function ClaimsPanel({ doc, segments, documents, openClaimId, onJump, onChange, onError, notify, onClose }: ClaimsPanelProps) {
  const { ct, locale } = useClaimsI18n();
  // on a team server only a lead publishes: no 'published' in a reviewer's status menus, no ClaimReview export (state/permissions.ts)
  const { account } = usePermissions();
  const claimReview = usePermission('exportClaimReview');
  const onKept = useCallback(() => notify?.(ct('claims.kept')), [notify, ct]);
  const claims = useClaims(doc, { onChange, onError, onKept });
  const { candidates, crossChecks, actions } = claims;
  const [showRejected, setShowRejected] = useState(false);
  const [filter, setFilter] = useState<ClaimsTableFilter>(NO_TABLE_FILTER);
  const [editingId, setEditingId] = useState<number | null>(openClaimId ?? null);
  useEffect(() => {
    if (openClaimId != null) setEditingId(openClaimId);
  }, [openClaimId]);
  const listRef = useRef<HTMLUListElement>(null);
  const focusNext = useRef<string | null>(null);

  const rejectedCount = useMemo(() => candidates.filter((c) => c.claimId === null && c.rejected).length, [candidates]);
  const open = useMemo(() => candidates.filter((c) => c.claimId === null && (showRejected || !c.rejected)), [candidates, showRejected]);
  // keep the keyboard where it was: after a rejection, on the next candidate
  useEffect(() => {
    const k = focusNext.current;
    if (!k) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-key="${k}"]`);
    if (el) {
      el.focus();
      focusNext.current = null;
    }
  }, [open]);
  const claimById = useMemo(() => new Map(claims.claims.map((c) => [c.id, c])), [claims.claims]);
  const rows = useMemo(() => tableRows(claims.claims, [], false), [claims.claims]);
  const shownIds = useMemo(() => new Set(filterClaimRows(rows, filter).map((r) => r.id)), [rows, filter]);
  const shown = useMemo(() => claims.claims.filter((c) => shownIds.has(c.id)), [claims.claims, shownIds]);
  const claimants = useMemo(() => distinctValues(rows, 'claimant'), [rows]);
  const assignees = useMemo(() => distinctValues(rows, 'assignee'), [rows]);
  const checks = useMemo(() => checksByClaim(claims.comparisons), [claims.comparisons]);
  const compared = useMemo(() => comparedCount(claims.comparisons), [claims.comparisons]);
  const discarded = useMemo(() => rows.filter((r) => r.status === 'discarded').length, [rows]);
  const textOf = useMemo(() => new Map(segments.map((s) => [s.id, s.text])), [segments]);
  const projectDocs = useMemo(() => documents.filter((d) => d.projectId === doc.projectId && !d.trashedAt).map((d) => ({ id: d.id, title: d.title, segments: d.progress.total })), [documents, doc.projectId]);

  const accept = async (c: ClaimCandidateT) => {
    const r = await actions.accept(c);
    if (r && r !== KEPT) notify?.(ct('claims.accepted'));
  };
  const decide = async (c: ClaimCandidateT, next?: Element | null) => {
    focusNext.current = (next as HTMLElement | null)?.dataset?.key ?? null;
    const r = await actions.reject(c);
    if (r && r !== KEPT && !c.rejected) notify?.(ct('claims.rejected'));
  };
  const remove = async (c: ClaimT) => {
    const r = await actions.remove(c);
    if (r && r !== KEPT) notify?.(ct('claims.deleted'));
  };

  const onCandidateKey = (e: KeyboardEvent<HTMLLIElement>, c: ClaimCandidateT) => {
    if (e.target !== e.currentTarget) return;
    const k = e.key.toLowerCase();
    if (k === 'a') {
      e.preventDefault();
      void accept(c);
    } else if (k === 'r') {
      e.preventDefault();
      void decide(c, showRejected ? e.currentTarget : (e.currentTarget.nextElementSibling ?? e.currentTarget.previousElementSibling));
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const el = (e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null;
      el?.focus();
    } else if (e.key === 'Enter') onJump(c.segmentId);
  };

  const valueLabel = (field: ValueField, v: string) => ct(`claims.value.${field}.${v}` as ClaimsMessageKey);
  const options = (field: ValueField) =>
    VALUES[field].map((v) => (
      <option key={v} value={v}>
        {valueLabel(field, v)}
      </option>
    ));
  /** A filter: the labelled values of a field, or (claimant, assignee) the names found. */
  const select = (name: 'type' | 'claimant' | 'verdict' | 'status' | 'assignee', names?: readonly string[]) => (
    <label className="claims-filter">
      {ct(`claims.filter.${name}`)}{' '}
      <select value={filter[name]} onChange={(e) => setFilter((f) => ({ ...f, [name]: e.target.value }))} data-testid={`claims-filter-${name}`}>
        <option value="">{ct('claims.all')}</option>
        {names && <option value={NONE}>{ct('claims.nobody')}</option>}
        {names
          ? names.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))
          : options(name as ValueField)}
      </select>
    </label>
  );
  /** A claim's field edited inline: one undoable update per change. */
  const fieldSelect = (c: ClaimT, field: ValueField, testId?: string) => (
    <select aria-label={ct(`claims.filter.${field}`)} value={c[field]} onChange={(e) => void actions.update(c.id, { [field]: e.target.value })} data-testid={testId}>
      {field === 'status'
        ? claimStatusOptions(VALUES.status, c.status, account).map((v) => (
            <option key={v} value={v}>
              {valueLabel(field, v)}
            </option>
          ))
        : options(field)}
    </select>
  );
  const editing = editingId !== null ? claimById.get(editingId) : undefined;

  return (
    <SidePanel as="aside" className="claims-panel" label={ct('claims.title')} testId="claims-panel" closeLabel={ct('claims.close')} onClose={onClose} focusFirst={FOCUS_FIRST} ready={claims.loaded}>
      <ClaimPendingMakes documentId={doc.id} />
      <section aria-label={ct('claims.candidates')}>
        <h3>
          {ct('claims.candidates')} ({open.filter((c) => !c.rejected).length}) <small>{ct('claims.keys')}</small>
        </h3>
        <label className="claims-filter">
          <span>
            <input type="checkbox" checked={showRejected} onChange={(e) => setShowRejected(e.target.checked)} data-testid="claims-show-rejected" />{' '}
            {ct('claims.showRejected', { count: rejectedCount })}
          </span>
        </label>
        {open.length === 0 ? (
          <p>{ct('claims.noCandidates')}</p>
        ) : (
          <ul className="claims-candidates" data-testid="claims-candidates" ref={listRef}>
            {open.map((c) => (
              <li
                key={candidateKey(c)}
                data-key={candidateKey(c)}
                tabIndex={0}
                data-testid="claim-candidate"
                data-rejected={c.rejected ? 'true' : undefined}
                className={c.rejected ? 'is-rejected' : undefined}
                onKeyDown={(e) => onCandidateKey(e, c)}
                onClick={() => onJump(c.segmentId)}
              >
                <span className="claims-type">{valueLabel('type', c.type)}</span> <span lang="zh-Hant">{c.text}</span>
                {c.claimant && (
                  <span className="claims-claimant">
                    {' '}
                    — {c.claimantRole ? `${c.claimantRole} ` : ''}
                    {c.claimant}
                  </span>
                )}
                {c.rejected && <em> ({ct('claims.isRejected')})</em>}{' '}
                <button type="button" className="btn btn-small" onClick={(e) => (e.stopPropagation(), void accept(c))}>
                  {ct('claims.accept')}
                </button>
                <button type="button" className="btn btn-small" onClick={(e) => (e.stopPropagation(), void decide(c))} data-testid={c.rejected ? 'claim-candidate-restore' : 'claim-candidate-reject'}>
                  {c.rejected ? ct('claims.restore') : ct('claims.reject')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={ct('claims.claims')}>
        <h3>
          {ct('claims.claims')} ({claims.claims.length - discarded})
        </h3>
        <div className="claims-filters">
          {select('type')}
          {select('claimant', claimants)}
          {select('verdict')}
          {select('status')}
          {select('assignee', assignees)}
          <label className="claims-filter">
            <span>
              <input type="checkbox" checked={filter.showDiscarded} onChange={(e) => setFilter((f) => ({ ...f, showDiscarded: e.target.checked }))} data-testid="claims-show-discarded" />{' '}
              {ct('claims.wide.showDiscarded', { count: discarded })}
            </span>
          </label>
        </div>
        {shown.length === 0 ? (
          <p>{ct('claims.noClaims')}</p>
        ) : (
          <table className="claims-table" data-testid="claims-table">
            <thead>
              <tr>
                <th>{ct('claims.text')}</th>
                <th>{ct('claims.filter.verdict')}</th>
                <th>{ct('claims.filter.status')}</th>
                <th>{ct('claims.evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => {
                const ck = checks.get(c.id);
                return (
                  <tr key={c.id} data-testid="claim-row" data-claim-id={c.id} data-status={c.status}>
                    <td>
                      {fieldSelect(c, 'type', 'claim-type')} {c.claimant && <span className="claims-claimant">{c.claimant}: </span>}
                      <span lang="zh-Hant">{c.text}</span>
                      {c.orphaned && <em> ({ct('claims.orphaned')})</em>}
                      <ClaimPending claimId={c.id} />
                      {c.assignee && <span className="claims-assignee"> · {ct('claims.assignee')}: {c.assignee}</span>}
                      {ck && (
                        // the panel is narrow: how many cross-checks concern the claim (their texts in the tooltip and the list below), and whom it agrees with
                        <span className="claims-check-badges" data-testid="claim-checks">
                          {ck.crossChecks.length + ck.figureFindings.length > 0 && (
                            <span
                              className={`claims-check-badge${ck.contradicted || ck.figureFindings.length ? ' is-contradicted' : ''}`}
                              title={[...ck.crossChecks.map((i) => crossChecks[i]), ...ck.figureFindings.map((i) => claims.figureFindings[i])]
                                .map((f) => (f ? findingMessageText(locale, f) : ''))
                                .join('\n')}
                            >
                              {ct('claims.checksCount', { count: ck.crossChecks.length + ck.figureFindings.length })}
                            </span>
                          )}
                          {ck.agreesWith.length > 0 && <span className="claims-check-badge is-agree">{ct('claims.agrees', { ids: ck.agreesWith.map((id) => `#${id}`).join(', ') })}</span>}
                        </span>
                      )}
                    </td>
                    <td>{fieldSelect(c, 'verdict', 'claim-verdict')}</td>
                    <td>{fieldSelect(c, 'status', 'claim-status')}</td>
                    <td>
                      <span className="claims-evidence-count">
                        {ct('claims.evidence')}: {c.evidence.length}
                      </span>{' '}
                      <button type="button" className="btn btn-small" aria-expanded={editingId === c.id} onClick={() => setEditingId((id) => (id === c.id ? null : c.id))} data-testid="claim-edit">
                        {ct('claims.edit')}
                      </button>{' '}
                      <button type="button" className="btn btn-small btn-quiet" aria-label={ct('claims.deleteClaim', { id: c.id })} onClick={() => void remove(c)} data-testid="claim-delete">
                        {ct('claims.delete')}
                      </button>
                      {editing && editing.id === c.id && (
                        <ClaimEditor
                          claim={editing}
                          segmentText={textOf.get(editing.segmentId) ?? null}
                          people={claims.people}
                          assignees={assignees}
                          documents={projectDocs}
                          documentId={doc.id}
                          actions={actions}
                          onJump={onJump}
                          onClose={() => setEditingId(null)}
                          autoFocus={editing.id === openClaimId}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div className="claims-actions">
          {ct('claims.export')}:{' '}
          {(['csv', 'json', 'claimreview'] as const).map((f) => (
            <button key={f} type="button" className="btn btn-small" onClick={() => void actions.exportAs(f)} disabled={f === 'claimreview' && !claimReview.allowed} title={f === 'claimreview' ? claimReview.reason : undefined} data-testid={`claims-export-${f}`}>
              {f === 'claimreview' ? 'ClaimReview' : f.toUpperCase()}
            </button>
          ))}{' '}
          <button type="button" className="btn btn-small" onClick={() => void actions.load()} data-testid="claims-crosscheck">
            {ct('claims.crossCheck')}
          </button>
        </div>
        {claims.claims.length > 0 && (
          <>
            <h3>{ct('claims.crossChecks', { count: crossChecks.filter((f) => !f.dismissedReason).length })}</h3>
            <ul className="claims-findings" data-testid="claims-findings">
              {crossChecks.length === 0 ? (
                <li data-testid="claims-no-findings">{compared > 0 ? ct('claims.noFindings', { count: compared }) : ct('claims.notComparable')}</li>
              ) : (
                crossChecks.map((f) => (
                  <li key={`${f.kind}:${f.claimIds.join(',')}`} className={`severity-${f.severity}${f.dismissedReason ? ' is-dismissed' : ''}`} data-testid="claims-finding" data-kind={f.kind}>
                    {findingMessageText(locale, f)}{' '}
                    {f.claimIds.map((id) => {
                      const c = claimById.get(id);
                      return (
                        c && (
                          <button key={id} type="button" className="btn btn-small btn-quiet" aria-label={ct('claims.jumpClaim', { id })} onClick={() => onJump(c.segmentId)}>
                            #{id}
                          </button>
                        )
                      );
                    })}
                    {f.dismissedReason && <em> ({ct('claims.dismissedBecause', { reason: f.dismissedReason })})</em>}
                  </li>
                ))
              )}
            </ul>
          </>
        )}
      </section>
    </SidePanel>
  );
}
