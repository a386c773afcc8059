/**
 * The main window's saved size, position and maximized state (window-state.json in
 * userData), validated and fitted to the displays that exist now: a window saved on
 * a monitor that is gone comes back on the primary one, never off-screen. Pure.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;
/** How much of a saved window must be on a display for the position to be kept. */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e6;

/** A saved state read from JSON, or null when it is missing or malformed. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as { bounds?: Partial<Rect>; maximized?: unknown };
  const b = r.bounds;
  if (!b || typeof b !== 'object' || !isInt(b.x) || !isInt(b.y) || !isInt(b.width) || !isInt(b.height)) return null;
  if (b.width <= 0 || b.height <= 0) return null;
  return {
    bounds: { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) },
    maximized: r.maximized === true,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

function centered(area: Rect): Rect {
  const width = Math.min(DEFAULT_SIZE.width, area.width);
  const height = Math.min(DEFAULT_SIZE.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * The bounds to open the window with. `workAreas` are the displays' work areas
 * (screen.getAllDisplays().map(d => d.workArea)); `primary` is the primary one's.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[], primary: Rect): WindowState {
  const state = parseWindowState(saved);
  if (!state) return { bounds: centered(primary), maximized: false };
  // The display showing most of the saved window.
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(state.bounds, area);
    if (o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && o.width * o.height > bestArea) {
      best = area;
      bestArea = o.width * o.height;
    }
  }
  if (!best) return { bounds: centered(primary), maximized: state.maximized };
  const width = clamp(state.bounds.width, Math.min(MIN_SIZE.width, best.width), best.width);
  const height = clamp(state.bounds.height, Math.min(MIN_SIZE.height, best.height), best.height);
  return {
    bounds: {
      x: clamp(state.bounds.x, best.x, best.x + best.width - width),
      y: clamp(state.bounds.y, best.y, best.y + best.height - height),
      width,
      height,
    },
    maximized: state.maximized,
  };
}

/** What main.ts writes: the normal (unmaximized) bounds plus the maximized flag. */
export function serializeWindowState(normalBounds: Rect, maximized: boolean): string {
  const { x, y, width, height } = normalBounds;
  return JSON.stringify({ bounds: { x, y, width, height }, maximized }, null, 2) + '\n';
}
