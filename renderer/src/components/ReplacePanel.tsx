/**
 * Find and replace beside the grid: literal or regular expression, optionally across
 * Traditional/Simplified forms, in the selected segment, the document or the project.
 * Every hit is previewed with its diff; replace one, or all as one undo step.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '../state/queries';
import type { ChangeResult, DocumentMeta } from '../../../shared/domain/schemas';
import type { ReplaceHit, ReplacePreview, ReplaceResult, ReplaceScope } from '../../../shared/domain/review';
import { useClient } from '../state/client';
import { keys } from '../state/live';
import { useReviewI18n } from '../i18n-review';
import { errorMessage } from '../lib/format';
import { DiffText } from './DiffText';
import { SidePanel } from './SidePanel';

type ScopeKind = ReplaceScope['kind'];
const SHOWN = 300;
const CONTEXT = 18;

export interface ReplacePanelProps {
  doc: DocumentMeta;
  selectedSegmentId: number | null;
  initialFind?: string;
  /** Apply the change; `selectChanged`: the first changed row of the open document takes the keyboard (true when it did). */
  onChange: (r: ChangeResult, opts?: { selectChanged?: boolean }) => Promise<boolean>;
  onJump: (hit: ReplaceHit) => void;
  onNotify: (message: string) => void;
  onError: (e: unknown) => void;
  onClose: () => void;
}

export interface ReplacePanelHandle {
  focusFind: (text?: string) => void;
}

function HitDiff({ hit }: { hit: ReplaceHit }) {
  const from = Math.max(0, hit.start - CONTEXT);
  const prefix = hit.before.slice(from, hit.start);
  const suffix = hit.before.slice(hit.end, hit.end + CONTEXT);
  return (
    <>
      {from > 0 ? '…' : ''}
      <DiffText before={prefix + hit.matched + suffix} after={prefix + hit.replacement + suffix} />
      {hit.end + CONTEXT < hit.before.length ? '…' : ''}
    </>
  );
}

export const ReplacePanel = forwardRef<ReplacePanelHandle, ReplacePanelProps>(function ReplacePanel(p, ref) {
  const { client } = useClient();
  const { rt, formatNumber, locale } = useReviewI18n();
  const [find, setFind] = useState(p.initialFind ?? '');
  const [replace, setReplace] = useState('');
  const [regex, setRegex] = useState(false);
  const [cross, setCross] = useState(false);
  const [scopeKind, setScopeKind] = useState<ScopeKind>('document');
  const [busy, setBusy] = useState(false);
  const findRef = useRef<HTMLInputElement>(null);

  useImperativeHandle(ref, () => ({
    focusFind: (text?: string) => {
      if (text) setFind(text);
      findRef.current?.focus();
      findRef.current?.select();
    },
  }));

  useEffect(() => {
    findRef.current?.focus();
    findRef.current?.select();
  }, []);

  const scope = useCallback((): ReplaceScope | null => {
    if (scopeKind === 'project') return { kind: 'project', projectId: p.doc.projectId };
    if (scopeKind === 'segments') return p.selectedSegmentId ? { kind: 'segments', segmentIds: [p.selectedSegmentId] } : null;
    return { kind: 'document', documentId: p.doc.id };
  }, [scopeKind, p.doc.projectId, p.doc.id, p.selectedSegmentId]);

  const args = useCallback(() => {
    const s = scope();
    return s && find ? { find, replace, regex, crossScript: cross, scope: s } : null;
  }, [scope, find, replace, regex, cross]);

  // Preview as you type (debounced); the preview is a query, previewed again when a change (here or elsewhere) invalidates it.
  const [asked, setAsked] = useState<ReturnType<typeof args>>(null);
  useEffect(() => {
    const a = args();
    if (!a) {
      setAsked(null);
      return;
    }
    const h = setTimeout(() => setAsked(a), 200);
    return () => clearTimeout(h);
  }, [args]);
  const previewQuery = useQuery({
    queryKey: keys.replacePreview(asked),
    queryFn: (): Promise<ReplacePreview> => client.previewReplace(asked!),
    enabled: asked !== null,
    placeholderData: keepPreviousData,
  });
  const preview = asked && !previewQuery.error ? (previewQuery.data ?? null) : null;
  const problem = asked && previewQuery.error ? errorMessage(previewQuery.error, locale) : null;

  /** `toGrid`: the first changed row takes the keyboard, so Ctrl+Z (which the notice names) takes the step back at once. */
  async function run(fn: () => Promise<ReplaceResult>, toGrid = false) {
    setBusy(true);
    let inGrid = false;
    try {
      const r = await fn();
      inGrid = await p.onChange(r, { selectChanged: toGrid });
      if (!r.replaced) p.onNotify(rt('replace.nothing'));
      else if (r.unapproved)
        p.onNotify(rt('replace.doneUnapproved', { count: formatNumber(r.replaced), segments: formatNumber(r.changedSegments), unapproved: formatNumber(r.unapproved) }));
      else p.onNotify(rt('replace.done', { count: formatNumber(r.replaced), segments: formatNumber(r.changedSegments) }));
    } catch (e) {
      p.onError(e);
    } finally {
      setBusy(false);
      // the button pressed may now be disabled: keep the keyboard in the panel, unless a changed row took it
      if (!inGrid) findRef.current?.focus();
    }
  }

  const replaceAll = () => {
    const a = args();
    // the preview's snapshot: a segment edited since it was shown refuses the step (issue 16)
    if (a) void run(() => client.replaceAll({ ...a, snapshot: preview?.snapshot }), true);
  };
  const replaceOne = (hit: ReplaceHit) => {
    const a = args();
    if (a) void run(() => client.replaceHits({ ...a, hitIds: [hit.id], snapshot: preview?.snapshot }));
  };

  const hits = preview?.hits ?? [];
  const summary = !preview
    ? null
    : preview.total === 0
      ? rt('replace.none')
      : preview.total === 1
        ? rt('replace.count1')
        : rt('replace.count', { count: formatNumber(preview.total) + (preview.truncated ? '+' : ''), segments: formatNumber(preview.segments) });

  return (
    <SidePanel
      className="replace-panel"
      label={rt('replace.title')}
      testId="replace-panel"
      closeLabel={rt('replace.close')}
      onClose={p.onClose}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          p.onClose();
        }
      }}
    >
      <form
        className="replace-form"
        onSubmit={(e) => {
          e.preventDefault();
          replaceAll();
        }}
      >
        <label className="field">
          <span>{rt('replace.find')}</span>
          <input ref={findRef} value={find} onChange={(e) => setFind(e.target.value)} data-testid="replace-find" lang="zh-Hant" spellCheck={false} maxLength={500} />
        </label>
        <label className="field">
          <span>{rt('replace.with')}</span>
          <input value={replace} onChange={(e) => setReplace(e.target.value)} data-testid="replace-with" lang="zh-Hant" spellCheck={false} />
        </label>
        <div className="replace-options">
          <label className="filter-check">
            <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} data-testid="replace-regex" />
            {rt('replace.regex')}
          </label>
          <label className="filter-check" title={rt('replace.crossHint')}>
            <input type="checkbox" checked={cross} onChange={(e) => setCross(e.target.checked)} data-testid="replace-cross" />
            {rt('replace.cross')}
          </label>
          <label className="replace-scope">
            <span>{rt('replace.scope')}</span>
            <select value={scopeKind} onChange={(e) => setScopeKind(e.target.value as ScopeKind)} data-testid="replace-scope">
              <option value="segments" disabled={!p.selectedSegmentId}>
                {rt('replace.scope.segments')}
              </option>
              <option value="document">{rt('replace.scope.document')}</option>
              <option value="project">{rt('replace.scope.project')}</option>
            </select>
          </label>
        </div>
        {regex && <p className="hint">{rt('replace.regexHint')}</p>}
        {problem && (
          <p className="form-error" role="alert" data-testid="replace-error">
            {problem}
          </p>
        )}
        <div className="replace-actions">
          <span className="replace-summary" aria-live="polite" data-testid="replace-summary">
            {summary}
          </span>
          <button type="submit" className="btn btn-small btn-primary" disabled={busy || !preview || preview.total === 0 || preview.truncated} data-testid="replace-all">
            {rt('replace.all')}
          </button>
        </div>
        {preview && preview.approvedSegments > 0 && (
          <p className="hint replace-warning" data-testid="replace-approved-warning">
            {preview.approvedSegments === 1 ? rt('replace.approvedWarning1') : rt('replace.approvedWarning', { count: formatNumber(preview.approvedSegments) })}
          </p>
        )}
        {preview?.truncated && <p className="hint replace-warning">{rt('replace.truncated', { limit: formatNumber(preview.limit) })}</p>}
      </form>
      <ul className="hit-list replace-hits" aria-label={rt('replace.title')}>
        {hits.slice(0, SHOWN).map((h) => (
          <li key={h.id} className="hit replace-hit" data-testid="replace-hit" onClick={() => p.onJump(h)}>
            <div className="hit-head">
              <span className="hit-doc" lang="zh-Hant">
                {h.documentTitle}
              </span>
              {h.status === 'approved' && <span className="tag tag-approved">{rt('filter.status.approved')}</span>}
              {h.matchedIn === 'rendering' && <span className="tag">{rt('replace.inSimplified')}</span>}
              <span className="hit-row">{rt('replace.row', { n: formatNumber(h.index + 1) })}</span>
            </div>
            <div className="replace-hit-body">
              <div className="hit-text" lang="zh-Hant">
                <HitDiff hit={h} />
              </div>
              <button
                type="button"
                className="btn btn-small"
                disabled={busy}
                data-testid="replace-one"
                onClick={(e) => {
                  e.stopPropagation();
                  replaceOne(h);
                }}
              >
                {rt('replace.one')}
              </button>
            </div>
          </li>
        ))}
        {hits.length > SHOWN && <li className="empty-note">{rt('replace.more', { count: formatNumber(hits.length - SHOWN) })}</li>}
      </ul>
    </SidePanel>
  );
});
