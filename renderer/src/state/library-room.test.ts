import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { libraryShown, NARROW_WINDOW, toggleLibrary, type LibraryRoom } from './library-room';

const room = (r: Partial<LibraryRoom>): LibraryRoom => ({ chosen: true, panelOpen: false, narrow: true, besidePanel: false, ...r });

describe('the library beside a side panel', () => {
  it('shows as chosen with no panel open, or on a window wide enough for both', () => {
    expect(libraryShown(room({}))).toBe(true);
    expect(libraryShown(room({ chosen: false }))).toBe(false);
    expect(libraryShown(room({ panelOpen: true, narrow: false }))).toBe(true);
    expect(libraryShown(room({ panelOpen: true, narrow: false, chosen: false }))).toBe(false);
  });

  it('is laid aside while a panel is open on a narrow window, and back when it closes', () => {
    expect(libraryShown(room({ panelOpen: true }))).toBe(false);
    expect(libraryShown(room({ panelOpen: false }))).toBe(true);
  });

  it('Ctrl+L beside a panel on a narrow window shows it for that panel, again lays it aside; the choice stays', () => {
    const open = room({ panelOpen: true });
    const shown = { ...open, ...toggleLibrary(open) };
    expect(shown).toMatchObject({ chosen: true, besidePanel: true });
    expect(libraryShown(shown)).toBe(true);
    const aside = { ...shown, ...toggleLibrary(shown) };
    expect(aside).toMatchObject({ chosen: true, besidePanel: false });
    expect(libraryShown(aside)).toBe(false);
  });

  it('Ctrl+L elsewhere changes the choice; choosing it while a panel crowds the window shows it now', () => {
    expect(toggleLibrary(room({}))).toEqual({ chosen: false, besidePanel: false });
    expect(toggleLibrary(room({ chosen: false }))).toEqual({ chosen: true, besidePanel: false });
    expect(toggleLibrary(room({ panelOpen: true, narrow: false }))).toEqual({ chosen: false, besidePanel: false });
    const hidden = room({ chosen: false, panelOpen: true });
    const next = { ...hidden, ...toggleLibrary(hidden) };
    expect(libraryShown(next)).toBe(true);
  });
});

describe("layout.css's media query", () => {
  it('lays the library aside below the same width as here', () => {
    const css = readFileSync(join(import.meta.dirname, '..', 'styles', 'layout.css'), 'utf8');
    expect(css).toContain(`@media ${NARROW_WINDOW}`);
    expect(css).toMatch(/\.app\.panel-open:not\(\.library-beside\) \.sidebar \{\s*display: none;/);
  });
});
