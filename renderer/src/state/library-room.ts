/**
 * Whether the library shows beside a side panel. The reviewer's choice (Ctrl+L, kept between
 * sessions) says whether the library shows at all; on a window too narrow for the library, the
 * grid and a side panel together (at 1280 px each text column kept ~180 px), opening a panel
 * (findings, glossary, claims, find and replace…) lays the library aside until the panel closes.
 * Ctrl+L there shows it beside that panel anyway (or lays it aside again) without changing the
 * choice; a wide window keeps both.
 */

/** Below this window width (CSS px) the library, the grid and a side panel do not fit together. */
export const ROOM_FOR_LIBRARY_AND_PANEL_PX = 1400;
/** The media query of a window narrower than that (layout.css holds the same). */
export const NARROW_WINDOW = `(max-width: ${ROOM_FOR_LIBRARY_AND_PANEL_PX - 0.02}px)`;

export interface LibraryRoom {
  /** the reviewer's choice: show the library */
  chosen: boolean;
  /** a side panel is open (drawn) */
  panelOpen: boolean;
  /** the window is narrower than ROOM_FOR_LIBRARY_AND_PANEL_PX */
  narrow: boolean;
  /** shown beside the open panel anyway (Ctrl+L while it was laid aside); reset when another panel opens or it closes */
  besidePanel: boolean;
}

const crowded = (r: LibraryRoom) => r.panelOpen && r.narrow;

export function libraryShown(r: LibraryRoom): boolean {
  return r.chosen && (!crowded(r) || r.besidePanel);
}

/** What Ctrl+L (the library button) leaves: beside a panel on a narrow window it shows or lays aside the library for that panel only. */
export function toggleLibrary(r: LibraryRoom): Pick<LibraryRoom, 'chosen' | 'besidePanel'> {
  if (crowded(r) && r.chosen) return { chosen: true, besidePanel: !r.besidePanel };
  // choosing to show it while a panel crowds the window: it shows now, beside that panel
  return { chosen: !r.chosen, besidePanel: crowded(r) && !r.chosen };
}
