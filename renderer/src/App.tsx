/**
 * The review screen: library, grid, search/history panel, status bar, dialogs, and the
 * command registry that keys, palette and Electron menus share.
 */
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { AppInfo, DocumentMeta, ImportResult, SearchHit, Settings } from '../../shared/domain/schemas';
import { I18nContext, makeI18n, type Locale } from './i18n';
import { loadChineseErrors } from './i18n-errors';
import { useClient } from './state/client';
import { useToasts } from './state/useToasts';
import { usePrefs } from './state/usePrefs';
import { useLibrary } from './state/useLibrary';
import { useLiveUpdates } from './state/useLiveUpdates';
import { LAST_DOCUMENT_KEY, useReview } from './state/useReview';
import { useSearch } from './state/useSearch';
import { allows, guardCommands, type Account } from './state/permissions';
import { makePermissions, PermissionsContext, type RolesText } from './state/usePermissions';
import { usePresence } from './state/usePresence';
import { useCommands, type CommandHandlers } from './state/useCommands';
import { fileToBase64, textToBase64 } from './lib/base64';
import { TopBar } from './components/TopBar';
import { Sidebar } from './components/Sidebar';
import { DocumentHeader } from './components/DocumentHeader';
import { ReviewGrid } from './components/ReviewGrid';
import { StatusBar } from './components/StatusBar';
import { Toasts } from './components/Toasts';
import type { ImportSource } from './components/ImportDialog';
import { DropOverlay } from './components/DropOverlay';
import { EmptyState } from './components/EmptyState';
import { useReviewWorkflow } from './state/useReviewWorkflow';
import { LOCALE_KEY } from './state/session';
import { ColumnsDialog } from './components/ColumnsDialog';
import { conflictKey } from './state/conflict';
import { MtOverlays } from './components/MtOverlays';
import { WorkflowFilterBar, WorkflowOverlays, WorkflowSidePanel } from './components/ReviewWorkflowViews';
import { useMtGlosses } from './state/useMtGlosses';
import { DecorContext } from './state/decor';
import { ColumnsContext, useParallelColumns } from './state/useColumns';
import { CommandPalette } from './components/CommandPalette';
import { GotoDialog } from './components/GotoDialog';
import { useClaimsView } from './state/useClaimsView';
import { ClaimStoreContext, createClaimStore } from './state/claim-store';
import { useQueryClient } from './state/queries';
import { useBackend } from './state/backend';
import { backendKey } from './state/team';
import { LIBRARY_SNAPSHOT_KEY } from './state/library-snapshot';
import type { ConnectionInfo } from '../../shared/contract/remote';
import { sessionLocale } from './state/session';
import { libraryShown, NARROW_WINDOW, toggleLibrary } from './state/library-room';
import { AuthorDialog, ClaimsPanel, TeamView, ClaimsWideView, ConfirmDialog, ConflictDialog, ExportDialog, FindingsPanel, GlossaryPanel, HistoryPanel, ImportDialog, PasteDialog, SearchPanel, ShortcutsDialog, preloadLazy } from './lazy';

type Dialog = 'palette' | 'goto' | 'export' | 'paste' | 'shortcuts' | 'author' | 'confirmEmpty' | 'connect' | null;
type Panel = 'search' | 'history' | null | 'findings' | 'glossary' | 'replace' | 'annotations' | 'claims';
const SIDEBAR_KEY = 'jiaodui.sidebar';

export function App() {
  const { client, shell, backend = 'local' } = useClient();
  // team servers this app is connected to (components/BackendRoot.tsx); the app works on one backend at a time
  const backends = useBackend();
  const connection = backends?.connections?.find((c) => c.id === backend) ?? null;
  const [locale, setLocale] = useState<Locale>('en');
  const i18n = useMemo(() => makeI18n(locale), [locale]);
  const { t } = i18n;
  const toasts = useToasts(locale);
  // the room the notices take over the grid's bottom (components/Toasts.tsx reports it)
  const [noticeInset, setNoticeInset] = useState(0);
  const prefs = usePrefs();
  // a team server's library as last seen is kept per backend, shown (not live) when a load meets the server away
  const library = useLibrary({ snapshotKey: backend === 'local' ? null : backendKey(LIBRARY_SNAPSHOT_KEY, backend) });

  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { refresh: refreshLibrary } = library;
  const { fail } = toasts;
  const refreshLibrarySoon = useCallback(() => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => void refreshLibrary().catch(fail), 300);
  }, [refreshLibrary, fail]);

  const review = useReview(toasts, t, refreshLibrarySoon);
  const { doc, segments, selection, editing, actions } = review;
  // changes made by other windows and processes (the change feed) patch what this window shows
  useLiveUpdates(review, fail);
  const search = useSearch(toasts.fail);

  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  // a team server's signed-in account (null: local use); it signs the changes, not the Settings author
  const [account, setAccount] = useState<Account>(null);
  // what that account may do, worded in the UI language (state/usePermissions.ts; the wording loads only for an account)
  const [rolesText, setRolesText] = useState<RolesText | null>(null);
  const permissions = useMemo(() => makePermissions(account, locale, rolesText), [account, locale, rolesText]);
  const [booted, setBooted] = useState(false);
  // who else has which document open (presence, issue 19); not this window's reviewer: the server
  // signs with the account's name, else the Settings author (core/service.ts, ctx.author)
  const presence = usePresence(doc?.id ?? null, settings ? (account?.name ?? settings.author) : null);
  const [sidebarOpen, setSidebarOpen] = useState(() => localStorage.getItem(SIDEBAR_KEY) !== 'closed');
  const [trashOpen, setTrashOpen] = useState(false);
  const [panel, setPanel] = useState<Panel>(null);
  // on a narrow window a side panel lays the library aside while it is open (state/library-room.ts; layout.css hides it)
  const [libraryBesidePanel, setLibraryBesidePanel] = useState(false);
  // a panel the workspace draws (all but the search results need a document)
  const panelOpen = panel === 'search' || (!!panel && !!doc);
  // the width read when asked (a render, Ctrl+L): the media query in layout.css follows resizes by itself
  const libraryRoom = () => ({ chosen: sidebarOpen, panelOpen, narrow: window.matchMedia(NARROW_WINDOW).matches, besidePanel: libraryBesidePanel });
  const onToggleLibrary = () => {
    const next = toggleLibrary(libraryRoom());
    setSidebarOpen(next.chosen);
    setLibraryBesidePanel(next.besidePanel);
  };
  // kept beside one panel only: another panel, or none, lays it aside again
  useEffect(() => setLibraryBesidePanel(false), [panel]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const openShortcuts = useCallback(() => setDialog('shortcuts'), []);
  // Review workflow: filters, annotations, find and replace, repetitions, change log (state/useReviewWorkflow.ts).
  // Claims: the wide claims view, a claim from the selection (state/useClaimsView.ts).
  const openClaimsPanel = useCallback(() => setPanel('claims'), []);
  // the claim writes kept while the team server is away (state/claim-store.ts; sent again by teamBack below)
  const [claimStore] = useState(createClaimStore);
  const cv = useClaimsView({ review, toasts, locale, openPanel: openClaimsPanel, kept: claimStore });
  const wf = useReviewWorkflow({ review, toasts, locale, panel, setPanel, openShortcuts, onClaim: cv.claim });
  // The grid's second column: Simplified / original source / English, English edits, attach (state/useColumns.ts).
  const columns = useParallelColumns({ doc, segments, review, toasts, locale, permissions });
  // Machine translation, dictionary glosses, About / Licences (state/useMtGlosses.ts).
  const mtg = useMtGlosses({ review, toasts, locale });
  const [importQueue, setImportQueue] = useState<(ImportSource & { key: number })[]>([]);
  const importKey = useRef(0);
  const enqueue = useCallback((sources: ImportSource[]) => {
    setImportQueue((q) => [...q, ...sources.map((s) => ({ ...s, key: ++importKey.current }))]);
  }, []);
  const [dragging, setDragging] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // Panels and dialogs load as chunks of their own (lazy.tsx): fetch them once the first screen is up.
  useEffect(() => {
    const t = window.setTimeout(preloadLazy, 1500);
    return () => window.clearTimeout(t);
  }, []);
  // errors in Chinese: their templates are a chunk of their own (i18n-errors-zh.ts), fetched when the language is chosen
  useEffect(() => {
    if (locale === 'zh-Hant') void loadChineseErrors();
  }, [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = doc ? `${doc.title} — ${t('app.name')}` : t('app.name');
  }, [locale, doc, t]);

  useEffect(() => {
    localStorage.setItem(SIDEBAR_KEY, sidebarOpen ? 'open' : 'closed');
  }, [sidebarOpen]);
  // the session-ended screen speaks the language last used here (it cannot read the settings)
  useEffect(() => {
    if (settings) localStorage.setItem(LOCALE_KEY, locale);
  }, [settings, locale]);

  // On load (once): info, settings, library; open the last document (or the newest import, or
  // the sample). An effect event: it reads the client and actions as they are at mount.
  const boot = useEffectEvent(async (run: { cancelled: boolean }) => {
    try {
      const [i, s, who] = await Promise.all([client.getInfo({}), client.getSettings({}), client.whoAmI({})]);
      const text = who.account ? await import('./i18n-roles') : null;
      if (run.cancelled) return;
      setInfo(i);
      setSettings(s);
      setRolesText(text);
      setAccount(who.account);
      // a team server's settings are the team's: this window keeps the language last used here
      setLocale(backend === 'local' ? s.locale : sessionLocale(localStorage.getItem(LOCALE_KEY), navigator.language));
      const { documents } = await library.refresh();
      const last = Number(localStorage.getItem(backendKey(LAST_DOCUMENT_KEY, backend)));
      const newest = [...documents].sort((a, b) => b.importedAt.localeCompare(a.importedAt) || b.id - a.id)[0];
      const pick = documents.find((d) => d.id === last) ?? newest ?? documents.find((d) => d.projectId === i.sampleProjectId);
      if (pick && !run.cancelled) {
        await actions.openDocument(pick.id);
        // browser mode: an unsaved edit kept when the last session ended comes back in its editor
        const row = actions.restoreKeptDraft();
        if (row !== null) toasts.notify(makeI18n(s.locale).t('toast.draftRestored', { row }));
      }
    } catch (e) {
      toasts.fail(e);
    } finally {
      if (!run.cancelled) setBooted(true);
    }
  });
  useEffect(() => {
    const run = { cancelled: false };
    void boot(run);
    return () => {
      run.cancelled = true;
    };
  }, []);

  // ---- import ------------------------------------------------------------------------

  const queueFiles = useCallback(
    async (files: File[]) => {
      // dropped files on a team server where the role may not import: say who may
      const refused = permissions.reason('importDocument');
      if (refused) return toasts.notify(refused);
      try {
        const sources = await Promise.all(files.map(async (f) => ({ fileName: f.name, data: await fileToBase64(f) })));
        enqueue(sources);
      } catch (e) {
        toasts.fail(e);
      }
    },
    [toasts, enqueue, permissions],
  );

  const startImport = useCallback(async () => {
    if (shell) {
      try {
        const files = await shell.openFiles();
        if (files.length) enqueue(files);
      } catch (e) {
        toasts.fail(e);
      }
    } else fileRef.current?.click();
  }, [shell, toasts, enqueue]);

  const onImported = useCallback(
    async (r: ImportResult, title: string) => {
      setImportQueue((q) => q.slice(1));
      toasts.notify(t('import.done', { title, segments: i18n.formatNumber(r.segments) }));
      await library.refresh().catch(toasts.fail);
      await actions.openDocument(r.documentId);
    },
    [toasts, t, i18n, library, actions],
  );

  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length) void queueFiles(files);
    };
    window.addEventListener('dragenter', over);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', over);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [queueFiles]);

  // ---- library actions ------------------------------------------------------------------

  const guard = useCallback(
    async <T,>(p: Promise<T>): Promise<T> => {
      try {
        return await p;
      } catch (e) {
        toasts.fail(e);
        throw e;
      }
    },
    [toasts],
  );

  const onDocumentChanged = useCallback(
    (d: DocumentMeta) => {
      if (doc && d.id === doc.id) {
        actions.setDoc(d);
        // a new Traditional standard re-renders the Simplified column
        if (d.variant !== doc.variant) {
          actions.closeDocument();
          void actions.openDocument(d.id);
        }
      }
    },
    [doc, actions],
  );

  const onTrashed = useCallback(
    (d: DocumentMeta) => {
      if (doc && d.id === doc.id) actions.closeDocument();
    },
    [doc, actions],
  );

  // ---- search --------------------------------------------------------------------------

  const jumpTo = useCallback(
    (hit: SearchHit) => {
      void actions.openDocument(hit.documentId, { segmentId: hit.segmentId, index: hit.index });
    },
    [actions],
  );

  const focusSearch = useCallback(() => {
    const el = searchRef.current;
    if (!el) return;
    el.focus();
    el.select();
    if (search.query.trim()) setPanel('search');
  }, [search.query]);

  useEffect(() => {
    if (search.query.trim()) setPanel((p) => (p === 'history' ? p : 'search'));
  }, [search.query]);

  // ---- team server (issue 19, step 5) -----------------------------------------------------

  // The team server the window works on came back (TeamBanner retries with backoff while it is unreachable):
  // status changes that could not be sent are sent (state/status-queue.ts), then claim edits (state/useClaimRetry.ts),
  // then an edit whose save failed meanwhile (its editor kept it) is saved, without a reload.
  const queryClient = useQueryClient();
  const { onChange: claimsChanged } = cv;
  const { failOrConflict } = wf;
  const failedEdit = !!review.editing && review.saveState.kind === 'error';
  const staleLibrary = library.staleSince !== null;
  const teamBack = useCallback(() => {
    void (async () => {
      await actions.retryStatuses();
      if (claimStore.get().length) await (await import('./state/claim-retry')).retryClaimWrites(claimStore, { client, queryClient, onError: failOrConflict, onChange: claimsChanged });
      // with the approval asked for and the status version read when the save failed (state/status-queue.ts KeptSave)
      if (failedEdit) await actions.saveEdit({ retry: true });
      // the library shown as last seen (the load met the server away) is read again, live from now on
      if (staleLibrary) await refreshLibrary().catch(() => undefined);
    })();
  }, [failedEdit, actions, claimStore, client, queryClient, failOrConflict, claimsChanged, staleLibrary, refreshLibrary]);
  const disconnect = useCallback((c: ConnectionInfo) => (backends ? backends.disconnect(c.id) : Promise.resolve()), [backends]);
  // the connect dialog's address: the server's own when connecting again after being signed out there, else empty
  const [connectAddress, setConnectAddress] = useState('');
  const openConnect = useCallback((address: string) => {
    setConnectAddress(address);
    setDialog('connect');
  }, []);

  // ---- commands ------------------------------------------------------------------------

  const needDoc = (fn: () => void) => () => (doc ? fn() : toasts.notify(t('toast.noDocument')));
  const switchLocale = useCallback(() => {
    const next: Locale = locale === 'en' ? 'zh-Hant' : 'en';
    setLocale(next);
    // on a team server the settings are the server's (an admin's): a reviewer's language stays in this window
    if (backend === 'local' && allows(account, 'settings')) client.updateSettings({ locale: next }).then(setSettings, toasts.fail);
  }, [locale, client, toasts, account, backend]);
  // Ctrl+Enter in the editor approves only where the account may; else it saves and says why (state/useReview.ts)
  useEffect(() => {
    const refused = permissions.reason('approve');
    actions.setApproveRefusal(refused === null ? null : { refused, saved: permissions.message('approve', 'roles.savedNotApproved') ?? refused });
  }, [actions, permissions]);

  const rawHandlers: CommandHandlers = {
    'file.import': () => void startImport(),
    'file.paste': () => setDialog('paste'),
    'file.export': needDoc(() => setDialog('export')),
    'file.library': onToggleLibrary,
    'file.trash': () => {
      setSidebarOpen(true);
      if (panelOpen) setLibraryBesidePanel(true);
      setTrashOpen(true);
      setTimeout(() => document.querySelector('[data-testid="trash"]')?.scrollIntoView({ block: 'nearest' }), 50);
    },
    'edit.undo': () => void actions.undoRedo('undo'),
    'edit.redo': () => void actions.undoRedo('redo'),
    'edit.find': focusSearch,
    'edit.goto': needDoc(() => setDialog('goto')),
    'glossary.open': needDoc(() => setPanel((p) => (p === 'glossary' ? null : 'glossary'))),
    'segment.edit': needDoc(() => actions.startEdit()),
    'segment.approve': needDoc(() => void actions.setStatus('approved')),
    'segment.unreview': needDoc(() => void actions.setStatus('unreviewed')),
    'segment.split': needDoc(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('[data-testid="edit-textarea"]');
      void actions.split(editing && ta ? ta.selectionStart : null);
    }),
    'segment.merge': needDoc(() => void actions.merge()),
    'segment.furniture': needDoc(() => void actions.toggleFurniture()),
    'segment.history': needDoc(() => setPanel((p) => (p === 'history' ? null : 'history'))),
    'segment.restoreDiscarded': needDoc(actions.restoreDiscarded),
    'segment.next': needDoc(() => actions.moveBy(1)),
    'segment.previous': needDoc(() => actions.moveBy(-1)),
    'segment.nextUnreviewed': needDoc(() => actions.nextUnreviewed()),
    'view.palette': () => setDialog((d) => (d === 'palette' ? null : 'palette')),
    'view.theme.system': () => prefs.setTheme('system'),
    'view.theme.light': () => prefs.setTheme('light'),
    'view.theme.dark': () => prefs.setTheme('dark'),
    'view.zoomIn': () => prefs.setZoom((z) => z + 0.1),
    'view.zoomOut': () => prefs.setZoom((z) => z - 0.1),
    'view.zoomReset': () => prefs.setZoom(() => 1),
    'view.language': switchLocale,
    'view.findings': needDoc(() => (panel === 'findings' ? wf.views.closePanel() : setPanel('findings'))),
    'help.shortcuts': () => setDialog('shortcuts'),
    'edit.replace': needDoc(wf.handlers['edit.replace']),
    'segment.nextAttention': needDoc(wf.handlers['segment.nextAttention']),
    'segment.nextFinding': needDoc(wf.handlers['segment.nextFinding']),
    'segment.previousFinding': needDoc(wf.handlers['segment.previousFinding']),
    'segment.comment': needDoc(wf.handlers['segment.comment']),
    'view.annotations': needDoc(wf.handlers['view.annotations']),
    'view.claims': needDoc(() => (panel === 'claims' ? wf.views.closePanel() : setPanel('claims'))),
    'view.claimsWide': needDoc(cv.handlers['view.claimsWide']),
    'segment.claim': needDoc(cv.handlers['segment.claim']),
    'view.changelog': needDoc(wf.handlers['view.changelog']),
    'view.cycleColumn': needDoc(columns.handlers['view.cycleColumn']),
    'segment.editEnglish': needDoc(columns.handlers['segment.editEnglish']),
    'file.attachParallel': needDoc(columns.handlers['file.attachParallel']),
    'mt.translateSegment': needDoc(mtg.handlers['mt.translateSegment']),
    'segment.lookup': needDoc(mtg.handlers['segment.lookup']),
    'mt.translateSelection': needDoc(mtg.handlers['mt.translateSelection']),
    'mt.translateUntranslated': needDoc(mtg.handlers['mt.translateUntranslated']),
    'mt.settings': mtg.handlers['mt.settings'],
    'help.licences': mtg.handlers['help.licences'],
    'team.connect': () => openConnect(''),
  };
  // a command whose call the account's role refuses says which role may instead (state/permissions.ts)
  const handlers = guardCommands(rawHandlers, account, (action) => toasts.notify(permissions.reason(action) ?? ''));
  useCommands(handlers, shell);
  const run = (id: keyof CommandHandlers) => handlers[id]();

  // The finding location last jumped to from the findings panel, highlighted in the grid.
  const [findingHl, setFindingHl] = useState<{ segmentId: number; start: number; end: number } | null>(null);
  // … and the status changes waiting for the team server (a mark on their rows)
  const pendingStatus = review.pendingStatuses;
  const decor = useMemo(() => ({ ...wf.decor, pendingStatus, ...(findingHl && panel === 'findings' ? { finding: findingHl } : {}) }), [wf.decor, findingHl, panel, pendingStatus]);
  const closeDialog = useCallback(() => setDialog(null), []);
  const selected = segments[selection.index] ?? null;

  return (
    <I18nContext.Provider value={i18n}>
      <PermissionsContext.Provider value={permissions}>
      <ClaimStoreContext.Provider value={claimStore}>
      <div className={`app${panelOpen ? ' panel-open' : ''}${libraryBesidePanel ? ' library-beside' : ''}`}>
        <TopBar
          ref={searchRef}
          sidebarOpen={libraryShown(libraryRoom())}
          onToggleSidebar={onToggleLibrary}
          search={search}
          searchOpen={panel === 'search'}
          onSearchFocus={() => search.query.trim() && setPanel('search')}
          onJump={jumpTo}
          onSearchEscape={() => {
            search.clear();
            setPanel(null);
            actions.select(selection.index, { focus: true });
          }}
          onImport={() => run('file.import')}
          onPaste={() => run('file.paste')}
          onExport={doc ? () => run('file.export') : null}
          onPalette={() => run('view.palette')}
          onGlossary={doc ? () => run('glossary.open') : null}
          glossaryOpen={panel === 'glossary'}
          onFindings={doc ? () => run('view.findings') : null}
          findingsOpen={panel === 'findings'}
          onClaims={doc ? () => run('view.claims') : null}
          claimsOpen={panel === 'claims'}
        />
        {connection && <TeamView view="banner" connection={connection} client={client} onReconnect={() => openConnect(connection.origin)} onBack={teamBack} notify={toasts.notify} review={actions} claims={claimStore} />}
        <div className="workspace">
          {sidebarOpen && !cv.wide && (
            <Sidebar
              library={library}
              currentId={doc?.id ?? null}
              trashOpen={trashOpen}
              setTrashOpen={setTrashOpen}
              onOpen={(d) => void actions.openDocument(d.id, { focus: true })}
              onDocumentChanged={onDocumentChanged}
              onTrashed={onTrashed}
              onEmptyTrash={() => setDialog('confirmEmpty')}
              guard={guard}
              notify={toasts.notify}
              presence={presence}
              heading={<TeamView view="heading" onDisconnect={disconnect} notify={toasts.notify} onError={toasts.fail} />}
              after={<TeamView view="sections" onConnect={() => openConnect('')} onDisconnect={disconnect} notify={toasts.notify} onError={toasts.fail} />}
            />
          )}
          <main className="review" aria-busy={review.loading}>
            {doc && cv.wide ? (
              <ClaimsWideView key={doc.id} doc={doc} segments={segments} documents={library.documents} openClaimId={cv.openClaimId} onJump={cv.jump} onChange={cv.onChange} onError={wf.failOrConflict} notify={toasts.notify} onClose={cv.closeWide} />
            ) : doc ? (
              <>
                <DocumentHeader doc={doc} readers={presence.get(doc.id)} />
                <WorkflowFilterBar views={wf.views} />
                <DecorContext.Provider value={decor}>
                  <ColumnsContext.Provider value={columns.value}>
                    <ReviewGrid key={doc.id} doc={doc} segments={segments} selection={selection} editing={editing} zoom={prefs.zoom} actions={actions} rows={wf.rows} bottomInset={noticeInset} />
                  </ColumnsContext.Provider>
                </DecorContext.Provider>
              </>
            ) : (
              <EmptyState loading={!booted || review.loading} onImport={() => run('file.import')} onPaste={() => run('file.paste')} />
            )}
            {/* notices stack upward from the document pane's bottom-right corner: never over a side panel, the library or the status bar */}
            <Toasts toasts={toasts.toasts} onDismiss={toasts.dismiss} onInset={setNoticeInset} />
          </main>
          {panel === 'search' && (
            <SearchPanel
              search={search}
              onJump={jumpTo}
              onClose={() => {
                setPanel(null);
                search.clear();
              }}
            />
          )}
          {panel === 'findings' && doc && (
            <FindingsPanel
              key={doc.id}
              doc={doc}
              onJump={(l) => {
                setFindingHl({ segmentId: l.segmentId, start: l.start, end: l.end });
                if (l.documentId === doc.id) actions.select(l.segmentIndex, { align: 'center', focus: false });
                else void actions.openDocument(l.documentId, { segmentId: l.segmentId, index: l.segmentIndex });
              }}
              onChange={(r) => actions.applyChange(r, { selectChanged: true })}
              onError={toasts.fail}
              onClose={wf.views.closePanel}
            />
          )}
          {panel === 'glossary' && doc && (
            <GlossaryPanel
              key={doc.id}
              doc={doc}
              onChange={(r) => actions.applyChange(r, { selectChanged: true })}
              onRerendered={async () => {
                const [fresh, undo] = await Promise.all([client.getSegments({ documentId: doc.id }), client.undoState({ projectId: doc.projectId })]);
                await actions.applyChange({ operationId: null, segments: fresh, removedSegmentIds: [], undo });
              }}
              notify={toasts.notify}
              onError={wf.failOrConflict}
              onClose={() => setPanel(null)}
            />
          )}
          {panel === 'claims' && doc && (
            <ClaimsPanel
              key={doc.id}
              doc={doc}
              segments={segments}
              documents={library.documents}
              openClaimId={cv.openClaimId}
              onJump={(segmentId) => {
                const i = review.segments.findIndex((s) => s.id === segmentId);
                if (i >= 0) actions.select(i, { align: 'center', focus: false });
              }}
              onChange={cv.onChange}
              notify={toasts.notify}
              onError={wf.failOrConflict}
              onClose={() => {
                wf.views.closePanel();
                cv.setOpenClaimId(null);
              }}
            />
          )}
          {panel === 'history' && selected && (
            <HistoryPanel segmentId={selected.id} number={selection.index + 1} {...wf.historyProps} onError={toasts.fail} onClose={() => setPanel(null)} />
          )}
          <WorkflowSidePanel views={wf.views} />
        </div>
        <StatusBar
          doc={doc}
          position={doc ? selection.index : null}
          total={segments.length}
          saveState={review.saveState}
          unsavedRow={review.unsavedRow}
          undo={review.undo}
          zoom={prefs.zoom}
          author={account?.name ?? settings?.author ?? info?.author ?? ''}
          onAuthor={() => (account ? toasts.notify(t('team.signedInAs', { name: account.name, role: account.role })) : setDialog('author'))}
        />
        <input
          ref={fileRef}
          type="file"
          multiple
          accept=".txt,.text,.md,text/plain"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="file-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) void queueFiles(files);
          }}
        />
        {dragging && <DropOverlay />}
        <WorkflowOverlays views={wf.views} />
        <ColumnsDialog state={columns.dialog} />
        <MtOverlays state={mtg.overlays} />
        {review.conflict.conflict && (
          <ConflictDialog
            key={conflictKey(review.conflict.conflict)}
            conflict={review.conflict.conflict}
            busy={review.conflict.busy}
            onResolve={review.conflict.resolve}
            onDone={toasts.notify}
            onClose={review.conflict.dismiss}
          />
        )}

        {importQueue.length > 0 && (
          <ImportDialog
            key={importQueue[0].key}
            source={importQueue[0]}
            waiting={importQueue.length - 1}
            projects={library.projects}
            defaultProjectId={null}
            onImported={(r, title) => void onImported(r, title)}
            onError={() => undefined}
            onClose={() => setImportQueue((q) => q.slice(1))}
          />
        )}
        {dialog === 'palette' && <CommandPalette onRun={(id) => handlers[id]()} onClose={closeDialog} />}
        {dialog === 'paste' && (
          <PasteDialog
            onClose={closeDialog}
            onNext={(text) => {
              setDialog(null);
              enqueue([{ fileName: t('paste.fileName'), data: textToBase64(text) }]);
            }}
          />
        )}
        {dialog === 'export' && doc && <ExportDialog doc={doc} onDone={toasts.notify} onError={toasts.fail} onClose={closeDialog} />}
        {dialog === 'goto' && doc && <GotoDialog max={segments.length} onGo={(i) => actions.select(i, { align: 'center', focus: true })} onClose={closeDialog} />}
        {dialog === 'shortcuts' && <ShortcutsDialog onClose={closeDialog} />}
        {dialog === 'connect' && backends && (
          <TeamView
            view="connect"
            initialAddress={connectAddress}
            onConnect={backends.connect}
            onConnected={(message) => {
              setDialog(null);
              toasts.notify(message);
            }}
            onClose={closeDialog}
          />
        )}
        {dialog === 'author' && (
          <AuthorDialog
            author={settings?.author ?? ''}
            onClose={closeDialog}
            onSave={(author) => guard(client.updateSettings({ author })).then(setSettings)}
          />
        )}
        {dialog === 'confirmEmpty' && (
          <ConfirmDialog
            title={t('library.confirmEmptyTitle')}
            body={t('library.confirmEmptyBody', { count: library.trash.length })}
            confirmLabel={t('library.confirmEmpty')}
            onClose={closeDialog}
            onConfirm={() =>
              void guard(library.emptyTrash()).then(
                (n) => toasts.notify(t('library.emptied', { count: n })),
                () => undefined,
              )
            }
          />
        )}
      </div>
      </ClaimStoreContext.Provider>
      </PermissionsContext.Provider>
    </I18nContext.Provider>
  );
}
