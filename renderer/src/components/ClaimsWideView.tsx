/**
 * The wide claims view for a fact-checking day (Alt+W, command view.claimsWide): the
 * document's claims and open candidates in one full-width table, sortable by every column,
 * filtered by assignee, status, verdict, claimant and type (discarded claims hidden unless
 * asked for), counts by status in the header, cross-checks next to the claims they concern,
 * and the claim editor beside the table. Driven from the keyboard: ↑/↓ (Home/End) move,
 * A accepts a candidate (a discarded claim: takes it back to new), R rejects a candidate
 * (a claim: discards it), Enter edits (a candidate: accepts it and edits the claim), S sorts
 * by the next column (Shift+S the previous one), D flips the direction, Esc closes the
 * editor, then the view (the keys are listed in the shortcuts sheet, `WIDE_VIEW_KEYS`). After every action the keyboard stays in the list
 * (state/claims-table.ts decides where). The rows, their order and counts are computed there.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ALL_CLAIM_TYPES, CLAIM_STATUSES, CLAIM_VERDICTS } from '../../../shared/claims/types';
import {
  CANDIDATE,
  candidateKey,
  checksByClaim,
  claimKey,
  countByStatus,
  distinctValues,
  DOCUMENT_ORDER,
  DISCARDED,
  filterClaimRows,
  focusAfter,
  moveKey,
  NO_TABLE_FILTER,
  NONE,
  SORT_KEYS,
  sortClaimRows,
  tableRows,
  toggleSort,
  cycleSort,
  flipSort,
  ariaSort,
  type ClaimsTableFilter,
  type ClaimsTableRow,
  type Sort,
  type SortKey,
} from '../state/claims-table';
import { KEPT, useClaims } from '../state/useClaims';
import { useClaimsI18n, type ClaimsMessageKey } from '../i18n-claims';
import { usePermission } from '../state/usePermissions';
import { findingMessageText } from '../i18n-findings';
import { ClaimEditor, ClaimPending, ClaimPendingMakes } from './ClaimEditor';
import type { ClaimsPanelProps } from './ClaimsPanel';
import { CloseIcon } from './CloseIcon';

/** The same inputs as the side panel: both show one document's claims through useClaims. */
export type ClaimsWideViewProps = ClaimsPanelProps;

const STATUS_ORDER = [CANDIDATE, ...CLAIM_STATUSES];
const ORDER = { status: STATUS_ORDER, verdict: CLAIM_VERDICTS, type: ALL_CLAIM_TYPES };
const COLUMN_LABEL: Record<SortKey, ClaimsMessageKey> = {
  text: 'claims.text',
  claimant: 'claims.filter.claimant',
  type: 'claims.filter.type',
  verdict: 'claims.filter.verdict',
  status: 'claims.filter.status',
  assignee: 'claims.filter.assignee',
  evidence: 'claims.wide.evidenceCount',
  segment: 'claims.wide.segment',
};

interface Pending {
  before: string[];
  key: string;
  renamed?: string | null;
  advance?: boolean;
}

/** A claim write's answer: stored now (not failed, nor kept to be sent when the team server is back). */
const stored = <T,>(r: T | typeof KEPT | null): r is T => r !== null && r !== KEPT;

export function ClaimsWideView({ doc, segments, documents, openClaimId, onJump, onChange, onError, notify, onClose }: ClaimsWideViewProps) {
  const { ct, locale, formatNumber } = useClaimsI18n();
  // on a team server only a lead publishes: no 'published' in a reviewer's status menus, no ClaimReview export (state/permissions.ts)
  const claimReview = usePermission('exportClaimReview');
  const onKept = useCallback(() => notify?.(ct('claims.kept')), [notify, ct]);
  const claims = useClaims(doc, { onChange, onError, onKept });
  const { actions } = claims;
  const [sort, setSort] = useState<Sort>(DOCUMENT_ORDER);
  const [filter, setFilter] = useState<ClaimsTableFilter>(NO_TABLE_FILTER);
  const [withCandidates, setWithCandidates] = useState(true);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<number | null>(openClaimId ?? null);
  useEffect(() => {
    if (openClaimId != null) setEditingId(openClaimId);
  }, [openClaimId]);
  const [pending, setPending] = useState<Pending | null>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const compare = useMemo(() => new Intl.Collator(locale === 'zh-Hant' ? 'zh-Hant-TW' : 'en').compare, [locale]);
  const all = useMemo(() => tableRows(claims.claims, claims.candidates, true), [claims.claims, claims.candidates]);
  const rows = useMemo(() => (withCandidates ? all : all.filter((r) => r.kind === 'claim')), [all, withCandidates]);
  const shown = useMemo(() => sortClaimRows(filterClaimRows(rows, filter), sort, compare, ORDER), [rows, filter, sort, compare]);
  const keys = useMemo(() => shown.map((r) => r.key), [shown]);
  const counts = useMemo(() => countByStatus(all), [all]);
  const checks = useMemo(() => checksByClaim(claims.comparisons), [claims.comparisons]);
  const assignees = useMemo(() => distinctValues(all, 'assignee', compare), [all, compare]);
  const claimants = useMemo(() => distinctValues(all, 'claimant', compare), [all, compare]);
  const claimById = useMemo(() => new Map(claims.claims.map((c) => [c.id, c])), [claims.claims]);
  const textOf = useMemo(() => new Map(segments.map((s) => [s.id, s.text])), [segments]);
  const projectDocs = useMemo(() => documents.filter((d) => d.projectId === doc.projectId && !d.trashedAt).map((d) => ({ id: d.id, title: d.title, segments: d.progress.total })), [documents, doc.projectId]);

  // the keyboard stays in the list: after an action, on the row focusAfter picks; a row that left (the feed, a filter) hands it on
  const lastKeys = useRef<string[]>([]);
  useLayoutEffect(() => {
    let next = focusKey;
    if (pending) {
      next = focusAfter(pending.before, keys, pending.key, { renamed: pending.renamed, advance: pending.advance });
      setPending(null);
    } else if (focusKey !== null && !keys.includes(focusKey)) next = focusAfter(lastKeys.current, keys, focusKey);
    else if (focusKey === null && keys.length) next = keys[0];
    lastKeys.current = keys;
    if (next !== focusKey) setFocusKey(next);
    if (pending && next) bodyRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(next)}"]`)?.focus();
  }, [keys, pending, focusKey]);
  const focusRow = useCallback((key: string | null) => {
    setFocusKey(key);
    if (key) bodyRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  }, []);
  // on opening: the keyboard in the list (unless a claim is being edited)
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !keys.length) return;
    opened.current = true;
    if (editingId === null) focusRow(keys[0]);
  }, [keys, editingId, focusRow]);

  /** Run an action on a row, then put the keyboard where it belongs. */
  const act = async (row: ClaimsTableRow, fn: () => Promise<string | null | undefined>, advance: boolean) => {
    const before = keys;
    const renamed = await fn();
    setPending({ before, key: row.key, renamed, advance });
  };
  const acceptRow = (row: ClaimsTableRow, edit: boolean) =>
    act(
      row,
      async () => {
        const c = claims.candidates.find((x) => candidateKey(x) === row.key);
        if (!c) return null;
        const made = await actions.accept(c);
        // kept for the team server (the toast says so) or failed: nothing to open yet
        if (!made || made === KEPT) return null;
        notify?.(ct('claims.accepted'));
        if (edit) setEditingId(made.id);
        return claimKey(made.id);
      },
      !edit,
    );
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, row: ClaimsTableRow) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey || e.nativeEvent.isComposing) return;
    const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const claim = row.id !== null ? claimById.get(row.id) : undefined;
    if (k === 'ArrowDown' || k === 'ArrowUp' || k === 'Home' || k === 'End') {
      e.preventDefault();
      focusRow(k === 'Home' ? (keys[0] ?? null) : k === 'End' ? (keys.at(-1) ?? null) : moveKey(keys, row.key, k === 'ArrowDown' ? 1 : -1));
    } else if (k === 'a') {
      e.preventDefault();
      if (row.kind === 'candidate') void acceptRow(row, false);
      else if (claim && claim.status === DISCARDED)
        void act(row, async () => (stored(await actions.update(claim.id, { status: 'new' })) ? (notify?.(ct('claims.wide.restored')), null) : null), false);
    } else if (k === 'r') {
      e.preventDefault();
      const cand = row.kind === 'candidate' ? claims.candidates.find((x) => candidateKey(x) === row.key) : undefined;
      if (cand) void act(row, async () => (stored(await actions.reject(cand)) ? (notify?.(ct('claims.rejected')), null) : null), true);
      else if (claim && claim.status !== DISCARDED) void act(row, async () => (stored(await actions.update(claim.id, { status: DISCARDED })) ? (notify?.(ct('claims.wide.discarded')), null) : null), true);
    } else if (k === 'Enter') {
      e.preventDefault();
      if (row.kind === 'candidate') void acceptRow(row, true);
      else if (row.id !== null) setEditingId(row.id);
    } else if (k === 's' || k === 'd') {
      // sort from the row: S the next column (Shift+S the previous), D the other direction; the keyboard stays on this row
      e.preventDefault();
      setSort((s) => (k === 'd' ? flipSort(s) : cycleSort(s, e.shiftKey ? -1 : 1)));
      setPending({ before: keys, key: row.key });
    } else if (k === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  const editing = editingId !== null ? claimById.get(editingId) : undefined;
  const closeEditor = () => {
    const key = editingId !== null ? claimKey(editingId) : null;
    setEditingId(null);
    // back to the claim's row (or, when it left the view, its neighbour)
    setPending({ before: lastKeys.current, key: key ?? focusKey ?? '', advance: false });
  };

  const valueLabel = (field: 'type' | 'verdict' | 'status', v: string) => ct(`claims.value.${field}.${v}` as ClaimsMessageKey);
  const select = (name: Exclude<keyof ClaimsTableFilter, 'showDiscarded'>, values: readonly string[], labelled: boolean, none?: boolean) => (
    <label className="claims-filter">
      {ct(COLUMN_LABEL[name])}{' '}
      <select value={filter[name]} onChange={(e) => setFilter((f) => ({ ...f, [name]: e.target.value }))} data-testid={`claims-wide-filter-${name}`}>
        <option value="">{ct('claims.all')}</option>
        {none && <option value={NONE}>{ct('claims.nobody')}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {labelled ? valueLabel(name as 'type' | 'verdict' | 'status', v) : v}
          </option>
        ))}
      </select>
    </label>
  );
  const discardedCount = counts.get(DISCARDED) ?? 0;
  const candidateCount = counts.get(CANDIDATE) ?? 0;

  return (
    <section className="claims-wide" aria-label={ct('claims.wide.title')} data-testid="claims-wide">
      <header className="claims-wide-head">
        <h2>
          {ct('claims.wide.title')} <small lang="zh-Hant">{doc.title}</small>
        </h2>
        <div className="claims-wide-counts" role="group" aria-label={ct('claims.wide.counts')} data-testid="claims-wide-counts">
          {STATUS_ORDER.map((s) => (
            <button
              key={s}
              type="button"
              className={`claims-count status-${s}${filter.status === s ? ' is-active' : ''}`}
              aria-pressed={filter.status === s}
              onClick={() => setFilter((f) => ({ ...f, status: f.status === s ? '' : s }))}
              data-testid={`claims-count-${s}`}
              data-count={counts.get(s) ?? 0}
            >
              {valueLabel('status', s)} <b>{formatNumber(counts.get(s) ?? 0)}</b>
            </button>
          ))}
        </div>
        <div className="claims-wide-actions">
          {(['csv', 'json', 'claimreview'] as const).map((f) => (
            <button key={f} type="button" className="btn btn-small" onClick={() => void actions.exportAs(f)} disabled={f === 'claimreview' && !claimReview.allowed} title={f === 'claimreview' ? claimReview.reason : undefined} data-testid={`claims-wide-export-${f}`}>
              {f === 'claimreview' ? 'ClaimReview' : f.toUpperCase()}
            </button>
          ))}
          <button type="button" className="icon-btn" aria-label={ct('claims.wide.close')} title={ct('claims.wide.close')} onClick={onClose} data-testid="claims-wide-close">
            <CloseIcon />
          </button>
        </div>
      </header>
      <ClaimPendingMakes documentId={doc.id} />
      <div className="claims-wide-filters">
        {select('assignee', assignees, false, true)}
        {select('status', STATUS_ORDER, true)}
        {select('verdict', CLAIM_VERDICTS, true)}
        {select('claimant', claimants, false, true)}
        {select('type', ALL_CLAIM_TYPES, true)}
        <label className="claims-check">
          <input type="checkbox" checked={filter.showDiscarded} onChange={(e) => setFilter((f) => ({ ...f, showDiscarded: e.target.checked }))} data-testid="claims-wide-show-discarded" />{' '}
          {ct('claims.wide.showDiscarded', { count: formatNumber(discardedCount) })}
        </label>
        <label className="claims-check">
          <input type="checkbox" checked={withCandidates} onChange={(e) => setWithCandidates(e.target.checked)} data-testid="claims-wide-show-candidates" />{' '}
          {ct('claims.wide.showCandidates', { count: formatNumber(candidateCount) })}
        </label>
        <span className="claims-wide-shown" aria-live="polite" data-testid="claims-wide-shown">
          {ct('claims.wide.shown', { shown: formatNumber(shown.length), total: formatNumber(rows.length) })}
          {' · '}
          {ct(sort.dir === 'asc' ? 'claims.wide.sortedAsc' : 'claims.wide.sortedDesc', { column: ct(COLUMN_LABEL[sort.key]) })}
        </span>
        <small className="claims-wide-keys">{ct('claims.wide.keys')}</small>
      </div>
      <div className="claims-wide-body">
        <div className="claims-wide-scroll">
          <table className="claims-wide-table" data-testid="claims-wide-table">
            <thead>
              <tr>
                {SORT_KEYS.map((k) => (
                  <th key={k} scope="col" aria-sort={ariaSort(sort, k)} className={`col-${k}`} data-testid={`claims-col-${k}`}>
                    <button type="button" className="claims-sort" onClick={() => setSort((s) => toggleSort(s, k))} aria-label={ct('claims.wide.sortBy', { column: ct(COLUMN_LABEL[k]) })} data-testid={`claims-sort-${k}`}>
                      {ct(COLUMN_LABEL[k])}
                      {sort.key === k && <span aria-hidden="true">{sort.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody ref={bodyRef}>
              {shown.map((r) => {
                const ck = r.id !== null ? checks.get(r.id) : undefined;
                return (
                  <tr
                    key={r.key}
                    data-key={r.key}
                    data-kind={r.kind}
                    data-status={r.status}
                    tabIndex={r.key === focusKey ? 0 : -1}
                    aria-current={r.id !== null && r.id === editingId ? 'true' : undefined}
                    className={`claims-wide-row is-${r.kind}${r.key === focusKey ? ' is-focus' : ''}`}
                    onFocus={() => setFocusKey(r.key)}
                    onKeyDown={(e) => onRowKey(e, r)}
                    onDoubleClick={() => (r.kind === 'candidate' ? void acceptRow(r, true) : r.id !== null && setEditingId(r.id))}
                    data-testid="claims-wide-row"
                  >
                    <td className="col-text">
                      <span lang="zh-Hant">{r.text}</span>
                      {r.id !== null && <ClaimPending claimId={r.id} />}
                      {ck && (
                        <ul className="claims-wide-checks" aria-label={ct('claims.wide.checks')}>
                          {ck.crossChecks.map((i) => {
                            const f = claims.crossChecks[i];
                            return (
                              f && (
                                <li key={i} className={`severity-${f.severity}${f.dismissedReason ? ' is-dismissed' : ''}`} title={findingMessageText(locale, f)} data-testid="claims-wide-check" data-kind={f.kind}>
                                  {findingMessageText(locale, f)}
                                </li>
                              )
                            );
                          })}
                          {ck.figureFindings.map((i) => {
                            const f = claims.figureFindings[i];
                            return (
                              f && (
                                <li key={`f${i}`} className={`severity-${f.severity}${f.dismissedReason ? ' is-dismissed' : ''}`} title={findingMessageText(locale, f)} data-testid="claims-wide-figure" data-rule={f.rule}>
                                  {findingMessageText(locale, f)}
                                </li>
                              )
                            );
                          })}
                          {ck.agreesWith.length > 0 && (
                            <li className="is-agree" data-testid="claims-wide-agrees">
                              {ct('claims.agrees', { ids: ck.agreesWith.map((id) => `#${id}`).join(', ') })}
                            </li>
                          )}
                        </ul>
                      )}
                    </td>
                    <td className="col-claimant">{r.claimant}</td>
                    <td className="col-type">{valueLabel('type', r.type)}</td>
                    <td className="col-verdict">{r.verdict && valueLabel('verdict', r.verdict)}</td>
                    <td className="col-status">
                      <span className={`claims-status status-${r.status}`}>{valueLabel('status', r.status)}</span>
                    </td>
                    <td className="col-assignee">{r.assignee}</td>
                    <td className="col-evidence">{r.kind === 'claim' ? formatNumber(r.evidence) : ''}</td>
                    <td className="col-segment">
                      <button type="button" className="btn btn-small btn-quiet" tabIndex={-1} onClick={() => onJump(r.segmentId)} aria-label={ct('claims.wide.jumpSegment', { n: formatNumber(r.segment + 1) })}>
                        {formatNumber(r.segment + 1)}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {shown.length === 0 && claims.loaded && <p className="claims-wide-empty">{all.length ? ct('claims.wide.empty') : ct('claims.noClaims')}</p>}
        </div>
        {editing && (
          <aside className="claims-wide-editor">
            <ClaimEditor
              key={editing.id}
              claim={editing}
              segmentText={textOf.get(editing.segmentId) ?? null}
              people={claims.people}
              assignees={assignees}
              documents={projectDocs}
              documentId={doc.id}
              actions={actions}
              onJump={onJump}
              onClose={closeEditor}
              autoFocus
            />
          </aside>
        )}
      </div>
    </section>
  );
}
