/**
 * Panels and dialogs the first screen (library + grid) does not show, each loaded on first
 * use as its own chunk (dynamic import + React.lazy), so the entry chunk stays small
 * (scripts/check-bundle-size.mjs holds its size target). Until its chunk arrives a component
 * renders nothing; the chunks are local files, so that is a frame or two, and preloadLazy()
 * fetches them all once the first screen is up. Dialogs that take typing the moment they open
 * (the command palette, go to segment) stay in the entry chunk: keys typed before a chunk
 * arrived would be lost.
 */
import { lazy, Suspense, type ComponentProps, type ComponentType, type JSX } from 'react';

// any props: each lazy component keeps its own props type through ComponentProps<M[K]>
type AnyComponent = ComponentType<any>;

const loaders: (() => Promise<unknown>)[] = [];

/** A lazily loaded named export `name` of the module `load` imports. */
function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M>(load: () => Promise<M>, name: K): (props: ComponentProps<M[K]>) => JSX.Element {
  loaders.push(load);
  const Inner = lazy(async () => ({ default: (await load())[name] }));
  function Lazy(props: ComponentProps<M[K]>) {
    return (
      <Suspense fallback={null}>
        <Inner {...props} />
      </Suspense>
    );
  }
  Lazy.displayName = `Lazy(${String(name)})`;
  return Lazy;
}

export const SearchPanel = lazyNamed(() => import('./components/SearchPanel'), 'SearchPanel');
export const HistoryPanel = lazyNamed(() => import('./components/HistoryPanel'), 'HistoryPanel');
export const FindingsPanel = lazyNamed(() => import('./components/FindingsPanel'), 'FindingsPanel');
export const GlossaryPanel = lazyNamed(() => import('./components/GlossaryPanel'), 'GlossaryPanel');
export const ClaimsPanel = lazyNamed(() => import('./components/ClaimsPanel'), 'ClaimsPanel');
export const ClaimsWideView = lazyNamed(() => import('./components/ClaimsWideView'), 'ClaimsWideView');
export const AnnotationsPanel = lazyNamed(() => import('./components/AnnotationsPanel'), 'AnnotationsPanel');
export const ImportDialog = lazyNamed(() => import('./components/ImportDialog'), 'ImportDialog');
export const PasteDialog = lazyNamed(() => import('./components/PasteDialog'), 'PasteDialog');
export const ExportDialog = lazyNamed(() => import('./components/ExportDialog'), 'ExportDialog');
export const ShortcutsDialog = lazyNamed(() => import('./components/ShortcutsDialog'), 'ShortcutsDialog');
export const AuthorDialog = lazyNamed(() => import('./components/AuthorDialog'), 'AuthorDialog');
export const ProjectSettingsDialog = lazyNamed(() => import('./components/ProjectSettingsDialog'), 'ProjectSettingsDialog');
/** A document's details in the library (title, source, date, standard; move, trash): opened by its Details button. */
export const DocumentForm = lazyNamed(() => import('./components/DocumentForm'), 'DocumentForm');
export const ConfirmDialog = lazyNamed(() => import('./components/ConfirmDialog'), 'ConfirmDialog');
export const MtSettingsDialog = lazyNamed(() => import('./components/MtSettingsDialog'), 'MtSettingsDialog');
export const AboutDialog = lazyNamed(() => import('./components/AboutDialog'), 'AboutDialog');
export const AttachParallelDialog = lazyNamed(() => import('./components/AttachParallelDialog'), 'AttachParallelDialog');
/** Shown only on a stale write (state/useConflict.ts), on a damaged database (components/RecoveryGate.tsx), on hover or Alt+D. */
export const ConflictDialog = lazyNamed(() => import('./components/ConflictDialog'), 'ConflictDialog');
export const RecoveryScreen = lazyNamed(() => import('./components/RecoveryScreen'), 'RecoveryScreen');
export const GlossPopover = lazyNamed(() => import('./components/GlossPopover'), 'GlossPopover');
export const ChangeLogDialog = lazyNamed(() => import('./components/ChangeLogDialog'), 'ChangeLogDialog');
/** Browser mode's session-ended screen (components/SessionGate.tsx shows it; static files need no session, so it loads). */
export const SessionScreen = lazyNamed(() => import('./components/SessionScreen'), 'SessionScreen');
/** Team connections (issue 19, step 5): the connect dialog, the library's sections per backend, the banner; one chunk with their strings. */
export const TeamView = lazyNamed(() => import('./components/TeamViews'), 'TeamView');
export const TranslateProgress = lazyNamed(() => import('./components/TranslateProgress'), 'TranslateProgress');

/** Fetch every lazy chunk now (called when the browser is idle after the first screen); failures wait for first use. */
export function preloadLazy(): void {
  for (const load of loaders) load().catch(() => undefined);
}
