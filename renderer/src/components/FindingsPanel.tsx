/**
 * Findings beside the grid: counts by severity and rule, filters, click to jump,
 * one-click fixes (one location or the whole group) and dismissal with a reason.
 * A per-place family (state/finding-cards.ts) is one card: its explanation once, then one
 * line per place with that place's own Fix and Dismiss.
 * Everything shown comes from the API (runChecks / listFindings); nothing is computed here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useQuery, useQueryClient, useQueryError } from '../state/queries';
import type { ChangeResult, DocumentMeta, FindingsReport, StoredFinding } from '../../../shared/domain/schemas';
import { useClient } from '../state/client';
import { keys } from '../state/live';
import { ruleTitle } from '../i18n-rules';
import { findingMessageText } from '../i18n-findings';
import { useI18n } from '../i18n';
import { SidePanel } from './SidePanel';
import { useReportsI18n } from '../i18n-reports';
import { usePermission } from '../state/usePermissions';
import { glossaryOfferFor, offerAlreadyInGlossary, type GlossaryOffer } from '../state/glossary-offer';
import { DEFAULT_FINDINGS_FILTER, setFindingsFilter, shownFindings, useFindingsFilter, type SeverityFilter } from '../state/findings-filter';
import { findingCards, placeAfter } from '../state/finding-cards';
import { fixLabel } from '../state/fix-label';

/** Locations listed per finding before “+N more” (a punctuation group can have hundreds). */
const LOCATIONS_SHOWN = 8;

export interface FindingsPanelProps {
  doc: DocumentMeta;
  /** go to a location (in this document, or another document of the project) */
  onJump: (loc: { documentId: number; segmentId: number; segmentIndex: number; start: number; end: number }) => void;
  onChange: (r: ChangeResult) => Promise<unknown>;
  onError: (e: unknown) => void;
  onClose: () => void;
}

/** The quote with a little context either side (two 云 in one segment read differently). */
function Quote({ f }: { f: Pick<StoredFinding, 'text' | 'before' | 'after'> }) {
  return (
    <span className="finding-quote" lang="zh-Hant">
      {f.before ? <span className="finding-ctx">{f.before}</span> : null}
      <mark className="finding-hit">{f.text || '∅'}</mark>
      {f.after ? <span className="finding-ctx">{f.after}</span> : null}
    </span>
  );
}

/** What takes the keyboard when the panel opens: the first finding's place, else Run checks. */
const FOCUS_FIRST = ['.finding-list .loc-btn', '[data-testid="run-checks"]'];

export function FindingsPanel({ doc, onJump, onChange, onError, onClose }: FindingsPanelProps) {
  const { client } = useClient();
  const { t, formatNumber, formatDateTime, locale } = useI18n();
  // a one-character fix names the character it replaces (覆 → 復), a word-sized one only its replacement
  const fixText = (l: StoredFinding) => {
    const label = fixLabel(l, l.fixes[0]);
    return label.kind === 'to' ? t('findings.fixOne', { text: label.to || '∅' }) : t('findings.fixChange', { from: label.from, to: label.to || '∅' });
  };
  const { rt } = useReportsI18n();
  // The stored findings live in the query cache: refetched when a change (here or elsewhere) invalidates them.
  const queryClient = useQueryClient();
  const [ran, setRan] = useState(false);
  const findings = useQuery({ queryKey: keys.findings(doc.id), queryFn: () => client.listFindings({ documentId: doc.id }), enabled: ran });
  useQueryError(findings.error, onError);
  const report = findings.data ?? null;
  const setReport = useCallback((r: FindingsReport) => queryClient.setQueryData(keys.findings(doc.id), r), [queryClient, doc.id]);
  // true from the first render: the panel runs the checks as it opens (below), and an empty list before then is no answer
  const [running, setRunning] = useState(true);
  // the filter is the window's (state/findings-filter.ts): the grid's row marks count what it lets through
  const [{ severity, rule, showDismissed }, setFilter] = useFindingsFilter();
  const setSeverity = (s: SeverityFilter) => setFilter((f) => ({ ...f, severity: s }));
  const setRule = (r: string) => setFilter((f) => ({ ...f, rule: r }));
  const setShowDismissed = (v: boolean) => setFilter((f) => ({ ...f, showDismissed: v }));
  // closed, the panel's filter is back to showing everything (as when it opens), and so are the marks
  useEffect(() => () => setFindingsFilter(DEFAULT_FINDINGS_FILTER), []);
  const [dismissing, setDismissing] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [ruleOrder, setRuleOrder] = useState<string[]>([]);
  // cards whose places are all listed (past LOCATIONS_SHOWN), by card key
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [note, setNote] = useState<string | null>(null);
  // after a name group is fixed: confirm its spelling in the glossary (the finding as listed before the fix)
  const [offer, setOffer] = useState<GlossaryOffer | null>(null);
  // on a team server only a lead dismisses (for everyone) and adds glossary entries (state/permissions.ts)
  const dismissal = usePermission('dismissFinding');
  const glossaryEdit = usePermission('editGlossary');

  useEffect(() => {
    client.listRules({}).then((rules) => {
      setTitles(Object.fromEntries(rules.map((r) => [r.id, ruleTitle(locale, r.id, r.title)])));
      setRuleOrder(rules.map((r) => r.id));
    }, onError);
  }, [client, onError, locale]);

  // the latest error handler, so that a new one (the interface language switched) is no reason to run the checks again
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const run = useCallback(async () => {
    setRunning(true);
    try {
      // a fix or an undo while the run computes refetches the findings: the run's report, older than that fetch, must not drop it
      const since = queryClient.version(keys.findings(doc.id));
      queryClient.setQueryDataSince(keys.findings(doc.id), await client.runChecks({ documentId: doc.id }), since);
    } catch (e) {
      onErrorRef.current(e);
    } finally {
      setRunning(false);
      setRan(true);
    }
  }, [client, doc.id, queryClient]);

  // Run the checks when the panel opens on a document; afterwards the cache refetches the stored findings when a change invalidates them.
  useEffect(() => {
    void run();
  }, [run]);

  // Most severe first; within a severity, in the order the rules are listed (names first).
  const shown = useMemo(() => shownFindings(report?.findings ?? [], { severity, rule, showDismissed }, ruleOrder), [report, severity, rule, showDismissed, ruleOrder]);
  // a per-place family's places on one card, everything else a card of its own
  const cards = useMemo(() => findingCards(shown), [shown]);

  const checkProject = async () => {
    setRunning(true);
    try {
      const r = await client.checkProject({ projectId: doc.projectId });
      // read after the project check stored its groups; a refetch begun meanwhile (another window's save) is newer still
      const since = queryClient.version(keys.findings(doc.id));
      queryClient.setQueryDataSince(keys.findings(doc.id), await client.listFindings({ documentId: doc.id }), since);
      setNote(r.findings.length ? null : t('findings.projectClean'));
    } catch (e) {
      onError(e);
    } finally {
      setRunning(false);
    }
  };

  // a per-place line's controls, found by its place (the keyboard moves between lines: focusPlace)
  const listRef = useRef<HTMLUListElement>(null);
  const focusPlace = (id: number | null, control: 'jump' | 'dismiss') => {
    if (id === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-place="${id}"] ${control === 'jump' ? '.loc-btn' : '[data-testid="dismiss"]'}`)?.focus();
  };
  // a card's Dismiss…, where Escape in its reason gives the keyboard back
  const focusCardDismiss = (id: number) => listRef.current?.querySelector<HTMLElement>(`[data-finding="${id}"] [data-testid="dismiss"]`)?.focus();

  /** Apply a fix; true when it was applied. */
  const fix = async (f: StoredFinding, scope: 'one' | 'group'): Promise<boolean> => {
    try {
      // the snapshot the shown findings were read at: fix all is refused where a segment changed since
      // a merged card (the project check's reading and the document's own at one place) fixes every group it shows
      const mergedIds = scope === 'group' && f.mergedIds?.length ? { mergedIds: f.mergedIds } : {};
      await onChange(await client.applyFix({ findingId: f.id, scope, snapshot: report?.snapshot, ...mergedIds }));
      const next = glossaryEdit.allowed ? glossaryOfferFor(f) : null;
      setOffer(next && !offerAlreadyInGlossary(next, await client.listGlossary({ documentId: doc.id })) ? next : null);
      return true;
    } catch (e) {
      onError(e);
      return false;
    }
  };
  // the offer's buttons go with it: the keyboard stays in the panel, on the first finding's first control
  const closeOffer = () => {
    flushSync(() => setOffer(null));
    listRef.current?.querySelector<HTMLElement>('button')?.focus();
  };
  const addToGlossary = async (o: GlossaryOffer) => {
    try {
      // a project entry: the name is confirmed for every document of the project
      const r = await client.saveGlossaryEntry({ projectId: doc.projectId, term: o.term, variants: o.variants, type: o.type });
      closeOffer();
      setNote(rt('findings.glossaryAdded', { term: r.entry.term, variants: r.entry.variants.join(rt('findings.listSeparator')) }));
      if (r.rerendered > 0) {
        // the entry re-rendered the rows holding the name: patch those in (and refresh what panels show)
        const [rows, undo] = await Promise.all([client.getSegments({ documentId: doc.id }), client.undoState({ projectId: doc.projectId })]);
        const names = [o.term, ...o.variants];
        await onChange({ operationId: null, segments: rows.filter((s) => names.some((n) => s.text.includes(n))), removedSegmentIds: [], undo });
      }
    } catch (e) {
      onError(e);
    }
  };
  /** Dismiss with the reason typed; true when it was dismissed. */
  const dismiss = async (f: StoredFinding, scope: 'one' | 'group'): Promise<boolean> => {
    try {
      // a card showing a project check's finding and the document's own at one place dismisses each
      const ids = scope === 'group' ? [f.id, ...(f.mergedIds ?? [])] : [f.id];
      let r: FindingsReport | undefined;
      for (const findingId of ids) r = await client.dismissFinding({ findingId, reason: reason.trim(), scope });
      if (r) setReport(r);
      setDismissing(null);
      setReason('');
      // a dismissal is an operation (undoable): bring the app's undo state up to date
      const undo = await client.undoState({ projectId: doc.projectId });
      await onChange({ operationId: null, segments: [], removedSegmentIds: [], undo });
      return true;
    } catch (e) {
      onError(e);
      return false;
    }
  };

  // a location: its row (and document, when another) and the quote in context; a click jumps there
  const locationButton = (l: StoredFinding['related'][number]) => (
    <button key={l.findingId} type="button" className="loc-btn" onClick={() => onJump(l)} title={t('findings.jump')}>
      <span className="muted">
        {l.documentId !== doc.id ? `${t('findings.otherDoc', { id: l.documentId })} ` : ''}#{formatNumber(l.segmentIndex + 1)}
      </span>{' '}
      <Quote f={l} />
    </button>
  );
  const dismissButton = (f: StoredFinding) => (
    <button type="button" className="btn btn-small btn-quiet" onClick={() => setDismissing(f.id)} disabled={!dismissal.allowed} title={dismissal.reason} data-testid="dismiss">
      {t('findings.dismiss')}…
    </button>
  );
  // the reason asked for: Enter dismisses (a card's group, or one place of a family), Escape cancels;
  // on a place's line (`next` given) the keyboard then goes to the next place, or back to its Dismiss…
  const dismissForm = (f: StoredFinding, scope: 'one' | 'group', next?: number | null) => (
    <form
      className="dismiss-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) void dismiss(f, scope).then((done) => done && next !== undefined && focusPlace(next, 'jump'));
      }}
    >
      <input
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('findings.reasonPlaceholder')}
        aria-label={t('findings.reason')}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault(); // the reason only, not the panel
          flushSync(() => setDismissing(null));
          if (next === undefined) focusCardDismiss(f.id);
          else focusPlace(f.id, 'dismiss');
        }}
      />
      <button type="submit" className="btn btn-small" disabled={!reason.trim()}>
        {t('findings.dismiss')}
      </button>
    </form>
  );

  const counts = report?.counts;
  // before the first run answers, the stored counts of a document never checked are no answer either (as the list's note)
  const countsPending = running && !report?.findings.length;
  const countText = (n: number) => (countsPending ? '…' : formatNumber(n));
  return (
    <SidePanel
      className="findings-panel"
      label={t('findings.title')}
      testId="findings-panel"
      closeLabel={t('findings.close')}
      onClose={onClose}
      focusFirst={FOCUS_FIRST}
      ready={ran}
      actions={
        <>
          <button type="button" className="btn btn-small" onClick={() => void run()} disabled={running} data-testid="run-checks">
            {running ? t('findings.running') : t('findings.run')}
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={() => void checkProject()} disabled={running} title={t('findings.checkProjectHint')}>
            {t('findings.checkProject')}
          </button>
        </>
      }
    >
      {counts && (
        <div className="findings-summary">
          <div className="sev-chips" role="group" aria-label={t('findings.severity')}>
            {(['all', 'error', 'warning', 'info'] as const).map((s) => (
              <button
                key={s}
                type="button"
                className={`sev-chip sev-${s}${severity === s ? ' is-on' : ''}`}
                aria-pressed={severity === s}
                onClick={() => setSeverity(s)}
              >
                {t(`findings.sev.${s}`)}
                {s !== 'all' && <span className="count">{countText(counts.bySeverity[s])}</span>}
              </button>
            ))}
          </div>
          <label className="findings-filter">
            <span>{t('findings.rule')}</span>
            <select value={rule} onChange={(e) => setRule(e.target.value)} data-testid="findings-rule">
              <option value="all">{t('findings.allRules')}</option>
              {Object.entries(counts.byRule).map(([id, n]) => (
                <option key={id} value={id}>
                  {(titles[id] ?? id) + ` (${formatNumber(n)})`}
                </option>
              ))}
            </select>
          </label>
          <label className="findings-check">
            <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed(e.target.checked)} />
            {t('findings.showDismissed', { count: countText(counts.dismissed) })}
          </label>
        </div>
      )}
      {report?.projectCheck?.stale && (
        <div className="findings-notice" role="status" data-testid="project-stale">
          <p>{rt('findings.projectStale', { time: formatDateTime(report.projectCheck.at) })}</p>
          <button type="button" className="btn btn-small" onClick={() => void checkProject()} disabled={running} data-testid="project-rerun">
            {rt('findings.projectRerun')}
          </button>
        </div>
      )}
      {offer && (
        <div className="findings-notice" role="status" data-testid="glossary-offer">
          <button
            type="button"
            className="btn btn-small btn-primary"
            onClick={() => void addToGlossary(offer)}
            title={rt('findings.glossaryOfferHint')}
            data-testid="glossary-offer-add"
          >
            {rt('findings.glossaryOffer', { term: offer.term, variants: offer.variants.join(rt('findings.listSeparator')) })}
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={closeOffer}>
            {rt('findings.glossaryOfferClose')}
          </button>
        </div>
      )}
      {note && (
        <p className="empty-note" role="status">
          {note}
        </p>
      )}
      {/* while a run computes, an empty list is no answer yet (the stored findings of a document never checked are none) */}
      {shown.length === 0 &&
        (running ? (
          <p className="empty-note" role="status" data-testid="findings-checking">
            {t('findings.checking')}
          </p>
        ) : (
          report && <p className="empty-note">{t('findings.none')}</p>
        ))}
      <ul className="finding-list" data-testid="finding-list" ref={listRef}>
        {cards.map((card) => {
          if (card.kind === 'places') {
            const all = expanded.has(card.key);
            return (
              <li key={card.key} className={`finding finding-places sev-${card.severity}`} data-testid="finding-places" data-rule={card.rule}>
                <div className="finding-head">
                  <span className={`sev-dot sev-${card.severity}`} role="img" aria-label={t(`findings.sev.${card.severity}`)} />
                  <span className="finding-rule">{titles[card.rule] ?? card.rule}</span>
                  <span className="finding-count" data-testid="places-count">
                    {rt(card.places.length === 1 ? 'findings.places.one' : 'findings.places', { count: formatNumber(card.places.length) })}
                  </span>
                </div>
                <p className="finding-msg">{findingMessageText(locale, { message: card.places[0].message, messageData: card.explanation })}</p>
                <ul className="place-list" aria-label={rt('findings.placesLabel')}>
                  {card.places.slice(0, all ? undefined : LOCATIONS_SHOWN).map((p) => (
                    <li key={p.id} className={`place-line${p.dismissedReason ? ' is-dismissed' : ''}`} data-testid="finding-place" data-place={p.id}>
                      {locationButton(p)}
                      {p.dismissedReason ? (
                        <span className="muted place-dismissed">{t('findings.dismissedBecause', { reason: p.dismissedReason })}</span>
                      ) : (
                        <span className="place-actions">
                          {p.fixes[0] && (
                            <button
                              type="button"
                              className="btn btn-small btn-primary"
                              onClick={() => void fix(p, 'one').then((done) => done && focusPlace(placeAfter(card.places, p.id), 'jump'))}
                              data-testid="fix-one"
                            >
                              {fixText(p)}
                            </button>
                          )}
                          {dismissing !== p.id && dismissButton(p)}
                        </span>
                      )}
                      {dismissing === p.id && !p.dismissedReason && dismissForm(p, 'one', placeAfter(card.places, p.id))}
                    </li>
                  ))}
                </ul>
                {card.places.length > LOCATIONS_SHOWN && !all && (
                  <button type="button" className="loc-btn loc-more" onClick={() => setExpanded((s) => new Set(s).add(card.key))}>
                    {t('findings.more', { count: formatNumber(card.places.length - LOCATIONS_SHOWN) })}
                  </button>
                )}
              </li>
            );
          }
          const f = card.finding;
          return (
            <li key={card.key} className={`finding sev-${f.severity}${f.dismissedReason ? ' is-dismissed' : ''}`} data-testid="finding" data-rule={f.rule} data-finding={f.id}>
              <div className="finding-head">
                <span className={`sev-dot sev-${f.severity}`} role="img" aria-label={t(`findings.sev.${f.severity}`)} />
                <span className="finding-rule">{titles[f.rule] ?? f.rule}</span>
              </div>
              <div className="finding-locs">
                {[f, ...f.related].slice(0, expanded.has(card.key) ? undefined : LOCATIONS_SHOWN).map((l) => locationButton(l))}
                {f.related.length + 1 > LOCATIONS_SHOWN && !expanded.has(card.key) && (
                  <button type="button" className="loc-btn loc-more" onClick={() => setExpanded((s) => new Set(s).add(card.key))}>
                    {t('findings.more', { count: formatNumber(f.related.length + 1 - LOCATIONS_SHOWN) })}
                  </button>
                )}
              </div>
              <p className="finding-msg">{findingMessageText(locale, f)}</p>
              {f.dismissedReason ? (
                <p className="muted">{t('findings.dismissedBecause', { reason: f.dismissedReason })}</p>
              ) : (
                <div className="finding-actions">
                  {f.fixes[0] && (
                    <button type="button" className="btn btn-small btn-primary" onClick={() => void fix(f, 'one')} data-testid="fix-one">
                      {fixText(f)}
                    </button>
                  )}
                  {f.related.some((r) => r.fixes.length) && (
                    <button type="button" className="btn btn-small" onClick={() => void fix(f, 'group')} data-testid="fix-all">
                      {t('findings.fixAll', { count: formatNumber([f, ...f.related].filter((l) => l.fixes.length).length) })}
                    </button>
                  )}
                  {dismissing === f.id ? dismissForm(f, 'group') : dismissButton(f)}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </SidePanel>
  );
}
