/**
 * The glossary beside the grid: the entries of the open document and of its project,
 * a small form to add or edit one (with its scope), CSV/TBX import and export, and
 * "Preview & apply", which shows every affected segment's diff before one undoable apply.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeResult, DocumentMeta } from '../../../shared/domain/schemas';
import type { GlossaryEntry, GlossaryTypeT } from '../../../shared/glossary/schemas';
import { GLOSSARY_TYPES } from '../../../shared/glossary/types';
import { recordConflictOf } from '../../../shared/contract/conflict';
import { useClient } from '../state/client';
import { useQuery, useQueryClient, useQueryError } from '../state/queries';
import { keys } from '../state/live';
import { useGlossaryI18n, type GlossaryKey } from '../i18n-glossary';
import { useExportI18n } from '../i18n-export';
import { fileToBase64 } from '../lib/base64';
import { downloadText } from '../lib/download';
import { GlossaryPreviewDialog } from './GlossaryPreviewDialog';
import { SidePanel } from './SidePanel';
import { usePermission, usePermissions } from '../state/usePermissions';
import { errorMessage } from '../lib/format';

export interface GlossaryPanelProps {
  doc: DocumentMeta;
  /** an applied glossary (or an undo): patch the grid and the undo label */
  onChange: (r: ChangeResult) => Promise<unknown>;
  /** renderings of the open document changed (a confirmed name feeds the conversion) */
  onRerendered: () => Promise<void>;
  notify: (message: string) => void;
  onError: (e: unknown) => void;
  onClose: () => void;
}

type ScopeKind = 'document' | 'project';

interface Draft {
  id?: number;
  /** the edited entry's version as read: a save refused when someone changed it since (issue 16) */
  version?: number;
  scope: ScopeKind;
  term: string;
  variants: string;
  type: GlossaryTypeT;
  note: string;
  english: string;
}

const EMPTY: Draft = { scope: 'project', term: '', variants: '', type: 'person', note: '', english: '' };

/** Variants as typed: separated by commas (either width), 、, |, semicolons or line breaks. */
export function splitVariants(s: string): string[] {
  return s
    .split(/[,，、|;；\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

export function GlossaryPanel({ doc, onChange, onRerendered, notify, onError, onClose }: GlossaryPanelProps) {
  const { client, shell } = useClient();
  const { gt, formatNumber, locale, projectName } = useGlossaryI18n();
  const { et } = useExportI18n();
  const permissions = usePermissions();
  // The entries live in the query cache: refetched when a glossary write here or elsewhere
  // (another window, the CLI) invalidates the open document's queries (renderer/src/state/live.ts).
  const queryClient = useQueryClient();
  const glossary = useQuery({ queryKey: keys.glossary(doc.id), queryFn: () => client.listGlossary({ documentId: doc.id }) });
  useQueryError(glossary.error, onError);
  const entries: GlossaryEntry[] | null = glossary.data ?? null;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileScope, setFileScope] = useState<ScopeKind>('project');
  const [previewing, setPreviewing] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  // on a team server only a lead edits the glossary (state/permissions.ts): a reviewer reads and exports it
  const editing = usePermission('editGlossary');
  const deleting = usePermission('deleteGlossaryEntry');
  const importing = usePermission('importGlossary');
  const termRef = useRef<HTMLInputElement>(null);

  const load = useCallback(() => queryClient.invalidateQueries({ queryKey: keys.glossary(doc.id) }), [queryClient, doc.id]);

  // focus the term when the form opens (or switches entry), not on every keystroke
  const draftOpen = draft !== null;
  const draftId = draft?.id;
  useEffect(() => {
    if (draftOpen) termRef.current?.focus();
  }, [draftId, draftOpen]);

  const scopeArgs = (s: ScopeKind) => (s === 'project' ? { projectId: doc.projectId } : { documentId: doc.id });

  const afterWrite = async (rerendered: number) => {
    await load();
    if (rerendered > 0) await onRerendered();
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setBusy(true);
    setFormError(null);
    try {
      const r = await client.saveGlossaryEntry({
        ...(draft.id !== undefined ? { id: draft.id, version: draft.version } : {}),
        ...scopeArgs(draft.scope),
        term: draft.term,
        variants: splitVariants(draft.variants),
        type: draft.type,
        note: draft.note,
        english: draft.english,
      });
      setDraft(null);
      notify(r.rerendered ? gt('glossary.savedRerendered', { term: r.entry.term, count: formatNumber(r.rerendered) }) : gt('glossary.saved', { term: r.entry.term }));
      await afterWrite(r.rerendered);
    } catch (err) {
      // changed elsewhere since it was opened: the conflict view (onError offers it) takes over from the form
      if (recordConflictOf(err)) {
        setDraft(null);
        onError(err);
      } else setFormError(errorMessage(err, locale));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (entry: GlossaryEntry) => {
    try {
      const r = await client.deleteGlossaryEntry({ id: entry.id });
      if (draft?.id === entry.id) setDraft(null);
      notify(gt('glossary.deleted', { term: entry.term }));
      await afterWrite(r.rerendered);
    } catch (err) {
      onError(err);
    }
  };

  const importFile = async (file: File) => {
    try {
      const r = await client.importGlossary({ ...scopeArgs(fileScope), fileName: file.name, data: await fileToBase64(file) });
      notify(gt('glossary.imported', { file: file.name, added: formatNumber(r.added), updated: formatNumber(r.updated), unchanged: formatNumber(r.unchanged) }));
      await afterWrite(r.rerendered);
    } catch (err) {
      onError(err);
    }
  };

  const exportAs = async (format: 'csv' | 'tbx') => {
    try {
      const r = await client.exportGlossary({ ...scopeArgs(fileScope), format });
      if (shell) {
        const path = await shell.saveFile(r.fileName, r.content);
        if (path) notify(et('export.saved', { path }));
      } else {
        downloadText(r.fileName, r.content, r.mime);
        notify(et('export.downloaded', { fileName: r.fileName }));
      }
    } catch (err) {
      onError(err);
    }
  };

  const edit = (e: GlossaryEntry) => {
    setFormError(null);
    setDraft({ id: e.id, version: e.version, scope: e.scope, term: e.term, variants: e.variants.join(', '), type: e.type, note: e.note, english: e.english });
  };

  const projectEntries = (entries ?? []).filter((e) => e.scope === 'project');
  const documentEntries = (entries ?? []).filter((e) => e.scope === 'document');
  const projectLabel = gt('glossary.projectSection', { name: projectName(doc.projectName) });

  const section = (title: string, list: GlossaryEntry[], testId: string) => (
    <section className="gl-section" aria-label={title} data-testid={testId}>
      <h3 className="gl-section-title">
        <span>{title}</span>
        <span className="muted">{formatNumber(list.length)}</span>
      </h3>
      {list.length === 0 ? (
        <p className="gl-none">{gt('glossary.sectionEmpty')}</p>
      ) : (
        <ul className="gl-list">
          {list.map((e) => (
            <li key={e.id} className={`gl-entry${draft?.id === e.id ? ' is-editing' : ''}`} data-testid="glossary-entry" data-term={e.term}>
              <div className="gl-entry-head">
                <span className="gl-term" lang="zh-Hant">
                  {e.term}
                </span>
                <span className="tag">{gt(`glossary.type.${e.type}` as GlossaryKey)}</span>
                <span className="gl-spacer" />
                {editing.allowed && (
                  <button type="button" className="icon-btn" aria-label={gt('glossary.edit', { term: e.term })} title={gt('glossary.edit', { term: e.term })} onClick={() => edit(e)}>
                    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                      <path d="M3 11.5V13h1.5l7-7L10 4.5l-7 7zM11 3.5l1.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
                    </svg>
                  </button>
                )}
                {deleting.allowed && (
                  <button
                    type="button"
                    className="icon-btn gl-delete"
                    aria-label={gt('glossary.delete', { term: e.term })}
                    title={gt('glossary.delete', { term: e.term })}
                    onClick={() => void remove(e)}
                  >
                    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                      <path d="M3.5 4.5h9M6.5 4.5V3h3v1.5M5 4.5l.6 8.5h4.8l.6-8.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
                    </svg>
                  </button>
                )}
              </div>
              {e.variants.length > 0 && (
                <div className="gl-variants">
                  <span className="muted">{gt('glossary.replaces')}</span>
                  {e.variants.map((v) => (
                    <del key={v} className="gl-variant" lang="zh-Hant">
                      {v}
                    </del>
                  ))}
                </div>
              )}
              {(e.note || e.english) && (
                <p className="gl-meta">
                  {e.english && <span className="gl-english">{e.english}</span>}
                  {e.english && e.note && ' · '}
                  {e.note && <span lang="zh-Hant">{e.note}</span>}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <SidePanel className="glossary-panel" label={gt('glossary.title')} testId="glossary-panel" closeLabel={gt('glossary.close')} onClose={onClose}>
      <div className="gl-toolbar">
        {!editing.allowed && (
          <p className="hint" data-testid="glossary-read-only">
            {permissions.message('editGlossary', 'roles.readOnlyGlossary')}
          </p>
        )}
        <div className="gl-toolbar-row">
          {editing.allowed && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setFormError(null);
                setDraft({ ...EMPTY });
              }}
              data-testid="glossary-add"
            >
              {gt('glossary.add')}
            </button>
          )}
          <span className="gl-spacer" />
          <button type="button" className="btn btn-small btn-primary" onClick={() => setPreviewing(true)} disabled={!entries?.length} data-testid="glossary-preview">
            {gt('glossary.preview')}
          </button>
        </div>
        <div className="gl-toolbar-row gl-files">
          <label className="gl-file-scope">
            <span className="visually-hidden">{gt('glossary.fileScope')}</span>
            <select value={fileScope} onChange={(e) => setFileScope(e.target.value as ScopeKind)} aria-label={gt('glossary.fileScope')} data-testid="glossary-file-scope">
              <option value="project">{projectLabel}</option>
              <option value="document">{gt('glossary.documentSection')}</option>
            </select>
          </label>
          {importing.allowed && (
            <button type="button" className="btn btn-small btn-quiet" onClick={() => fileRef.current?.click()} data-testid="glossary-import">
              {gt('glossary.import')}
            </button>
          )}
          <button type="button" className="btn btn-small btn-quiet" onClick={() => void exportAs('csv')} data-testid="glossary-export-csv">
            CSV
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={() => void exportAs('tbx')} data-testid="glossary-export-tbx">
            TBX
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".csv,.tbx,.xml,text/csv,application/xml"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="glossary-file-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </div>
      </div>

      <div className="gl-body">
        {draft && (
          <form className="gl-form" onSubmit={(e) => void save(e)} data-testid="glossary-form" aria-label={gt(draft.id !== undefined ? 'glossary.form.edit' : 'glossary.form.add')}>
            <h3 className="gl-section-title">{gt(draft.id !== undefined ? 'glossary.form.edit' : 'glossary.form.add')}</h3>
            <label>
              <span>{gt('glossary.field.term')}</span>
              <input ref={termRef} lang="zh-Hant" value={draft.term} onChange={(e) => setDraft({ ...draft, term: e.target.value })} maxLength={200} required data-testid="glossary-term" />
            </label>
            <label>
              <span>{gt('glossary.field.variants')}</span>
              <input lang="zh-Hant" value={draft.variants} onChange={(e) => setDraft({ ...draft, variants: e.target.value })} placeholder={gt('glossary.field.variantsHint')} data-testid="glossary-variants" />
            </label>
            <div className="gl-form-row">
              <label>
                <span>{gt('glossary.field.type')}</span>
                <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as GlossaryTypeT })} data-testid="glossary-type">
                  {GLOSSARY_TYPES.map((ty) => (
                    <option key={ty} value={ty}>
                      {gt(`glossary.type.${ty}` as GlossaryKey)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{gt('glossary.field.english')}</span>
                <input value={draft.english} onChange={(e) => setDraft({ ...draft, english: e.target.value })} maxLength={200} data-testid="glossary-english" />
              </label>
            </div>
            <label>
              <span>{gt('glossary.field.note')}</span>
              <input lang="zh-Hant" value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} maxLength={2000} data-testid="glossary-note" />
            </label>
            <fieldset className="radio-group gl-scope">
              <legend>{gt('glossary.field.scope')}</legend>
              {(['project', 'document'] as const).map((s) => (
                <label key={s} className="radio">
                  <input type="radio" name="glossary-scope" value={s} checked={draft.scope === s} onChange={() => setDraft({ ...draft, scope: s })} data-testid={`glossary-scope-${s}`} />
                  {s === 'project' ? gt('glossary.scope.project', { name: projectName(doc.projectName) }) : gt('glossary.scope.document')}
                </label>
              ))}
            </fieldset>
            {formError && (
              <p className="form-error" role="alert" data-testid="glossary-form-error">
                {formError}
              </p>
            )}
            <div className="modal-actions">
              <button type="button" className="btn" onClick={() => setDraft(null)}>
                {gt('glossary.cancel')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={busy || !draft.term.trim()} data-testid="glossary-save">
                {gt('glossary.save')}
              </button>
            </div>
          </form>
        )}
        {entries && entries.length === 0 && !draft && (
          <p className="empty-note gl-empty" lang="zh-Hant">
            {gt('glossary.empty')}
          </p>
        )}
        {entries && entries.length > 0 && (
          <>
            {section(projectLabel, projectEntries, 'glossary-project')}
            {section(gt('glossary.documentSection'), documentEntries, 'glossary-document')}
          </>
        )}
      </div>
      {previewing && (
        <GlossaryPreviewDialog
          doc={doc}
          onApplied={async (r, reset) => {
            setPreviewing(false);
            await onChange(r);
            notify(reset ? gt('glossary.appliedReset', { count: formatNumber(r.segments.length), reset: formatNumber(reset) }) : gt('glossary.applied', { count: formatNumber(r.segments.length) }));
          }}
          onError={onError}
          onClose={() => setPreviewing(false)}
        />
      )}
    </SidePanel>
  );
}
