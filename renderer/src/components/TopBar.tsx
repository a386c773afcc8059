/** The top bar: library toggle, search across documents, import/export and the palette. */
import { forwardRef } from 'react';
import type { SearchHit } from '../../../shared/domain/schemas';
import type { Search } from '../state/useSearch';
import { useI18n } from '../i18n';
import { formatAccelerator } from '../lib/keys';
import { usePermission } from '../state/usePermissions';

export interface TopBarProps {
  sidebarOpen: boolean;
  onToggleSidebar: () => void;
  search: Search;
  searchOpen: boolean;
  onSearchFocus: () => void;
  onJump: (hit: SearchHit) => void;
  onSearchEscape: () => void;
  onImport: () => void;
  onPaste: () => void;
  onExport: (() => void) | null;
  onPalette: () => void;
  /** toggle the glossary panel (null: no document open) */
  onGlossary?: (() => void) | null;
  glossaryOpen?: boolean;
  /** toggle the findings / claims panels (null: no document open) */
  onFindings?: (() => void) | null;
  findingsOpen?: boolean;
  onClaims?: (() => void) | null;
  claimsOpen?: boolean;
}

/** A button that opens or closes a side panel (undefined: not offered; null: no document open). */
function panelButton(onClick: (() => void) | null | undefined, open: boolean | undefined, label: string, title: string, testId: string) {
  if (onClick === undefined) return null;
  return (
    <button type="button" className="btn btn-quiet" onClick={onClick ?? undefined} disabled={!onClick} aria-pressed={!!open} title={title} data-testid={testId}>
      {label}
    </button>
  );
}

export const TopBar = forwardRef<HTMLInputElement, TopBarProps>(function TopBar(p, searchRef) {
  const { t } = useI18n();
  // on a team server only a lead imports (state/permissions.ts)
  const importing = usePermission('importDocument');
  const s = p.search;

  async function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!s.hits.length) return;
      const d = e.key === 'ArrowDown' ? 1 : -1;
      const next = (s.active + d + s.hits.length) % s.hits.length;
      s.setActive(next);
      document.getElementById(`search-hit-${next}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hits = await s.resultsNow();
      const hit = hits[hits === s.hits ? s.active : 0];
      if (hit) p.onJump(hit);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      p.onSearchEscape();
    }
  }

  return (
    <header className="topbar">
      <button
        type="button"
        className="icon-btn"
        aria-label={t('topbar.toggleLibrary')}
        aria-expanded={p.sidebarOpen}
        title={`${t('topbar.toggleLibrary')} (${formatAccelerator('CmdOrCtrl+L')})`}
        onClick={p.onToggleSidebar}
        data-testid="toggle-library"
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
          <path d="M6 3v10" stroke="currentColor" strokeWidth="1.3" />
        </svg>
      </button>
      <div className="brand">
        <span className="brand-mark" lang="zh-Hant">
          校
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="search-box" role="search">
        <svg className="search-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          ref={searchRef}
          type="search"
          className="search-input"
          data-testid="search-input"
          role="combobox"
          aria-label={t('topbar.search')}
          aria-expanded={p.searchOpen}
          aria-controls="search-hits"
          aria-autocomplete="list"
          aria-activedescendant={p.searchOpen && s.hits.length ? `search-hit-${s.active}` : undefined}
          placeholder={t('topbar.searchPlaceholder')}
          value={s.query}
          onFocus={p.onSearchFocus}
          onChange={(e) => s.setQuery(e.target.value)}
          onKeyDown={(e) => void onKeyDown(e)}
        />
      </div>
      <nav className="toolbar" aria-label={t('topbar.main')}>
        <button type="button" className="btn btn-quiet" onClick={p.onImport} disabled={!importing.allowed} title={importing.reason ?? formatAccelerator('CmdOrCtrl+O')} data-testid="import-button">
          {t('topbar.import')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={p.onPaste} disabled={!importing.allowed} title={importing.reason ?? formatAccelerator('CmdOrCtrl+Shift+V')} data-testid="paste-button">
          {t('topbar.paste')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={p.onExport ?? undefined} disabled={!p.onExport} title={formatAccelerator('CmdOrCtrl+E')} data-testid="export-button">
          {t('topbar.export')}
        </button>
        {p.onGlossary !== undefined && (
          <button
            type="button"
            className="btn btn-quiet"
            onClick={p.onGlossary ?? undefined}
            disabled={!p.onGlossary}
            aria-pressed={!!p.glossaryOpen}
            data-testid="glossary-button"
          >
            {t('topbar.glossary')}
          </button>
        )}
        {panelButton(p.onFindings, p.findingsOpen, t('topbar.findings'), `${t('command.view.findings')} (${formatAccelerator('CmdOrCtrl+Shift+F')})`, 'findings-button')}
        {panelButton(p.onClaims, p.claimsOpen, t('topbar.claims'), `${t('command.view.claims')} (${formatAccelerator('CmdOrCtrl+Shift+K')})`, 'claims-button')}
        <button type="button" className="btn btn-quiet btn-palette" onClick={p.onPalette} data-testid="palette-button">
          {t('topbar.commands')} <kbd className="kbd">{formatAccelerator('CmdOrCtrl+K')}</kbd>
        </button>
      </nav>
    </header>
  );
});
