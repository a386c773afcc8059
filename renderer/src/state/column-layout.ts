/**
 * The grid's column layout as pure functions (issue 17): which text columns show beside the
 * Traditional text, whether the Speaker column shows, and the CSS grid template.
 *
 * - The second column is the reviewer's choice (Simplified, original source or English;
 *   Alt+O cycles it). It always shows.
 * - A third column shows when the grid is wide enough for three text columns of at least
 *   MIN_TEXT_COLUMN_PX each (scaled by the zoom). Its content is chosen too ('auto' by
 *   default: Simplified when the second column is not, else the English, else the source —
 *   a parallel text only once attached) or switched off.
 * - The Speaker column collapses when the document has no speakers.
 */
export type ColumnMode = 'hans' | 'source' | 'english';
export const COLUMN_MODES: readonly ColumnMode[] = ['hans', 'source', 'english'];
/** The third column: automatic, switched off, or one of the modes. */
export type ThirdChoice = 'auto' | 'off' | ColumnMode;

/** A text column is never narrower than this (CSS px at zoom 1) when a third one is added. */
export const MIN_TEXT_COLUMN_PX = 250;
/** The fixed columns at zoom 1 (px): row number, status marker, speaker. */
export const FIXED_COLUMNS_PX = { number: 70, status: 26, speaker: 84 } as const;

export interface Attached {
  source: boolean;
  english: boolean;
}

/** The order in which 'auto' picks the third column: Simplified, then the English, then the source. */
const AUTO_ORDER: readonly ColumnMode[] = ['hans', 'english', 'source'];

const available = (m: ColumnMode, attached: Attached) => m === 'hans' || attached[m];

/** What the third column would show (ignoring the width): null when off or nothing is left to show. */
export function thirdColumnMode(second: ColumnMode, choice: ThirdChoice, attached: Attached): ColumnMode | null {
  if (choice === 'off') return null;
  if (choice !== 'auto' && choice !== second) return choice;
  return AUTO_ORDER.find((m) => m !== second && available(m, attached)) ?? null;
}

export interface LayoutInput {
  /** the grid's width in CSS px (0: not measured yet) */
  width: number;
  zoom: number;
  second: ColumnMode;
  third: ThirdChoice;
  attached: Attached;
  /** the document has at least one speaker */
  speakers: boolean;
}

export interface ColumnLayout {
  /** the text columns beside the Traditional one, in order */
  parallel: ColumnMode[];
  speaker: boolean;
  /** whether there is room for a third column (the header offers to show one when it is off) */
  roomForThird: boolean;
  /** grid-template-columns for the header and every row */
  template: string;
}

/** The layout for a grid of this width. */
export function layoutColumns(p: LayoutInput): ColumnLayout {
  const z = p.zoom > 0 ? p.zoom : 1;
  const fixed = FIXED_COLUMNS_PX.number + FIXED_COLUMNS_PX.status + (p.speakers ? FIXED_COLUMNS_PX.speaker : 0);
  const roomForThird = p.width > 0 && p.width - fixed >= 3 * MIN_TEXT_COLUMN_PX * z;
  const third = roomForThird ? thirdColumnMode(p.second, p.third, p.attached) : null;
  const parallel = third ? [p.second, third] : [p.second];
  const cols = [`${FIXED_COLUMNS_PX.number}px`, `${FIXED_COLUMNS_PX.status}px`, ...(p.speakers ? [`${FIXED_COLUMNS_PX.speaker}px`] : []), ...Array(1 + parallel.length).fill('minmax(0, 1fr)')];
  return { parallel, speaker: p.speakers, roomForThird, template: cols.join(' ') };
}

/** The next second column for Alt+O: Simplified → original source → English → Simplified. */
export function nextColumnMode(mode: ColumnMode): ColumnMode {
  return COLUMN_MODES[(COLUMN_MODES.indexOf(mode) + 1) % COLUMN_MODES.length];
}

/** A stored column choice read back (localStorage); anything unknown is the default. */
export function parseColumnMode(v: string | null): ColumnMode {
  return v === 'source' || v === 'english' ? v : 'hans';
}
export function parseThirdChoice(v: string | null): ThirdChoice {
  return v === 'off' || v === 'hans' || v === 'source' || v === 'english' ? v : 'auto';
}
