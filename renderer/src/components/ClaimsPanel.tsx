/**
 * Claims beside the grid: candidates detected by the API (accept with A, reject with R —
 * a stored rejection, undoable, hidden unless “Show rejected” is on, where R or Restore
 * takes it back), the document's claims in a table filtered by type, claimant, verdict
 * and status, verdict/status/evidence edited inline (each change an undoable operation),
 * deletion, the cross-checks between claims (the stored claims-crosscheck findings, with
 * links to the claims involved), and exports (CSV, JSON, ClaimReview). Nothing is computed
 * here; everything comes from the API.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient, useQueryError } from '../state/queries';
import type { ChangeResult, DocumentMeta } from '../../../shared/domain/schemas';
import type { ClaimCandidateT, ClaimCrossCheckT, ClaimT } from '../../../shared/claims/schemas';
import { ALL_CLAIM_TYPES, CLAIM_STATUSES, CLAIM_VERDICTS } from '../../../shared/claims/types';
import { isWebUrl } from '../../../shared/urls';
import { useClient } from '../state/client';
import { keys } from '../state/live';
import { useClaimsI18n, type ClaimsMessageKey } from '../i18n-claims';
import { downloadText } from '../lib/download';
import { SidePanel } from './SidePanel';
import { findingMessageText } from '../i18n-findings';

// The values come from the schemas, their labels from the catalog (claims.value.<field>.<value>).
const VALUES = { type: ALL_CLAIM_TYPES, verdict: CLAIM_VERDICTS, status: CLAIM_STATUSES } as const;
type ValueField = keyof typeof VALUES;

const EMPTY = { candidates: [] as ClaimCandidateT[], claims: [] as ClaimT[], findings: [] as ClaimCrossCheckT[] };

export interface ClaimsPanelProps {
  doc: DocumentMeta;
  onJump: (segmentId: number) => void;
  /** after a write: the operation's result, or nothing (refetch the undo state) */
  onChange?: (r?: ChangeResult) => Promise<void>;
  onError: (e: unknown) => void;
  notify?: (message: string) => void;
  onClose: () => void;
}

function EvidenceForm({ onAdd, label }: { onAdd: (url: string, note: string) => void; label: (k: 'claims.evidenceUrl' | 'claims.evidenceNote' | 'claims.addEvidence') => string }) {
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  return (
    <form
      className="claims-evidence-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!url.trim()) return;
        onAdd(url.trim(), note.trim());
        setUrl('');
        setNote('');
      }}
    >
      <input type="url" aria-label={label('claims.evidenceUrl')} placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="claim-evidence-url" />
      <input aria-label={label('claims.evidenceNote')} placeholder={label('claims.evidenceNote')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="claim-evidence-note" />
      <button type="submit" className="btn btn-small" data-testid="claim-evidence-add">
        {label('claims.addEvidence')}
      </button>
    </form>
  );
}

export function ClaimsPanel({ doc, onJump, onChange, onError, notify, onClose }: ClaimsPanelProps) {
  const { client } = useClient();
  const { ct, locale } = useClaimsI18n();
  const [showRejected, setShowRejected] = useState(false);
  const [filter, setFilter] = useState({ type: '', claimant: '', verdict: '', status: '' });
  const listRef = useRef<HTMLUListElement>(null);
  const focusNext = useRef<string | null>(null);

  // candidates, claims and cross-checks live in the query cache, refetched when a change (here or elsewhere) invalidates them
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: keys.claims(doc.id),
    queryFn: async (): Promise<{ candidates: ClaimCandidateT[]; claims: ClaimT[]; findings: ClaimCrossCheckT[] }> => {
      const [candidates, claims, findings] = await Promise.all([
        client.listClaimCandidates({ documentId: doc.id, includeRejected: true }),
        client.listClaims({ documentId: doc.id }),
        client.crossCheckClaims({ documentId: doc.id }),
      ]);
      return { candidates, claims, findings };
    },
  });
  useQueryError(query.error, onError);
  const { candidates, claims, findings } = query.data ?? EMPTY;
  const load = useCallback(() => queryClient.invalidateQueries({ queryKey: keys.claims(doc.id) }), [queryClient, doc.id]);

  const key = (c: ClaimCandidateT) => `${c.segmentId}:${c.start}:${c.end}`;
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
  const claimById = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const shown = useMemo(
    () =>
      claims.filter(
        (c) => (!filter.type || c.type === filter.type) && (!filter.claimant || (c.claimant ?? '') === filter.claimant) && (!filter.verdict || c.verdict === filter.verdict) && (!filter.status || c.status === filter.status),
      ),
    [claims, filter],
  );
  const claimants = useMemo(() => [...new Set(claims.map((c) => c.claimant ?? ''))].filter(Boolean), [claims]);

  // every write is an operation: tell the app (undo state, version), which refetches this panel
  const changed = async (r?: ChangeResult) => {
    if (onChange) await onChange(r);
    else await load();
  };
  const accept = async (c: ClaimCandidateT) => {
    try {
      await client.createClaim({ segmentId: c.segmentId, start: c.start, end: c.end });
      notify?.(ct('claims.accepted'));
      await changed();
    } catch (e) {
      onError(e);
    }
  };
  const decide = async (c: ClaimCandidateT, next?: Element | null) => {
    try {
      focusNext.current = (next as HTMLElement | null)?.dataset?.key ?? null;
      const args = { segmentId: c.segmentId, start: c.start, end: c.end };
      const r = c.rejected ? await client.restoreClaimCandidate(args) : await client.rejectClaimCandidate(args);
      if (!c.rejected) notify?.(ct('claims.rejected'));
      await changed(r);
    } catch (e) {
      onError(e);
    }
  };
  const update = async (args: Parameters<typeof client.updateClaim>[0]) => {
    try {
      // the claim's version as this panel read it: a change refused when someone changed it since (issue 16; onError offers the conflict view)
      const seen = query.data?.claims.find((c) => c.id === args.claimId);
      const u = await client.updateClaim({ ...args, ...(seen ? { version: seen.version } : {}) });
      queryClient.setQueryData(keys.claims(doc.id), (d: typeof query.data) => d && { ...d, claims: d.claims.map((c) => (c.id === u.id ? u : c)) });
      await changed();
    } catch (e) {
      onError(e);
    }
  };
  const remove = async (c: ClaimT) => {
    try {
      const r = await client.deleteClaim({ claimId: c.id });
      notify?.(ct('claims.deleted'));
      await changed(r);
    } catch (e) {
      onError(e);
    }
  };
  const exportAs = async (format: 'csv' | 'json' | 'claimreview') => {
    try {
      const r = await client.exportClaims({ documentId: doc.id, format });
      downloadText(r.fileName, r.content, r.mime);
    } catch (e) {
      onError(e);
    }
  };

  const onCandidateKey = (e: KeyboardEvent<HTMLLIElement>, c: ClaimCandidateT) => {
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
  /** A filter: the labelled values of a field, or (claimant) the names found. */
  const select = (name: keyof typeof filter, label: string, names?: readonly string[]) => (
    <label className="claims-filter">
      {label}{' '}
      <select value={filter[name]} onChange={(e) => setFilter((f) => ({ ...f, [name]: e.target.value }))} data-testid={`claims-filter-${name}`}>
        <option value="">{ct('claims.all')}</option>
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
    <select aria-label={ct(`claims.filter.${field}`)} value={c[field]} onChange={(e) => void update({ claimId: c.id, [field]: e.target.value })} data-testid={testId}>
      {options(field)}
    </select>
  );

  return (
    <SidePanel as="aside" className="claims-panel" label={ct('claims.title')} testId="claims-panel" closeLabel={ct('claims.close')} onClose={onClose}>
      <section aria-label={ct('claims.candidates')}>
        <h3>
          {ct('claims.candidates')} ({open.filter((c) => !c.rejected).length}) <small>{ct('claims.keys')}</small>
        </h3>
        <label className="claims-filter">
          <input type="checkbox" checked={showRejected} onChange={(e) => setShowRejected(e.target.checked)} data-testid="claims-show-rejected" />{' '}
          {ct('claims.showRejected', { count: rejectedCount })}
        </label>
        {open.length === 0 ? (
          <p>{ct('claims.noCandidates')}</p>
        ) : (
          <ul className="claims-candidates" data-testid="claims-candidates" ref={listRef}>
            {open.map((c) => (
              <li
                key={key(c)}
                data-key={key(c)}
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
          {ct('claims.claims')} ({claims.length})
        </h3>
        <div className="claims-filters">
          {select('type', ct('claims.filter.type'))}
          {select('claimant', ct('claims.filter.claimant'), claimants)}
          {select('verdict', ct('claims.filter.verdict'))}
          {select('status', ct('claims.filter.status'))}
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
              {shown.map((c) => (
                <tr key={c.id} data-testid="claim-row">
                  <td>
                    {fieldSelect(c, 'type', 'claim-type')} {c.claimant && <span className="claims-claimant">{c.claimant}: </span>}
                    <span lang="zh-Hant">{c.text}</span>
                    {c.orphaned && <em> ({ct('claims.orphaned')})</em>}
                  </td>
                  <td>
                    {fieldSelect(c, 'verdict', 'claim-verdict')}
                  </td>
                  <td>
                    {fieldSelect(c, 'status')}
                  </td>
                  <td>
                    <ul className="claims-evidence">
                      {c.evidence.map((e, i) => (
                        <li key={i}>
                          {isWebUrl(e.url) ? (
                            <a href={e.url} target="_blank" rel="noreferrer noopener">
                              {e.url}
                            </a>
                          ) : (
                            <span className="claims-evidence-unlinked">{e.url}</span>
                          )}
                          {e.note && ` — ${e.note}`}
                        </li>
                      ))}
                    </ul>
                    <EvidenceForm label={ct} onAdd={(url, note) => void update({ claimId: c.id, evidence: [...c.evidence, { url, note }] })} />
                    <button type="button" className="btn btn-small btn-quiet" aria-label={ct('claims.deleteClaim', { id: c.id })} onClick={() => void remove(c)} data-testid="claim-delete">
                      {ct('claims.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="claims-actions">
          {ct('claims.export')}:{' '}
          {(['csv', 'json', 'claimreview'] as const).map((f) => (
            <button key={f} type="button" className="btn btn-small" onClick={() => void exportAs(f)} data-testid={`claims-export-${f}`}>
              {f === 'claimreview' ? 'ClaimReview' : f.toUpperCase()}
            </button>
          ))}{' '}
          <button type="button" className="btn btn-small" onClick={() => void load()} data-testid="claims-crosscheck">
            {ct('claims.crossCheck')}
          </button>
        </div>
        {claims.length > 0 && (
          <>
            <h3>{ct('claims.crossChecks', { count: findings.filter((f) => !f.dismissedReason).length })}</h3>
            <ul className="claims-findings" data-testid="claims-findings">
              {findings.length === 0 ? (
                <li>{ct('claims.noFindings')}</li>
              ) : (
                findings.map((f) => (
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
