/** Per-machine view preferences kept in localStorage: theme override and text zoom. */
import { useCallback, useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const THEME_KEY = 'jiaodui.theme';
const ZOOM_KEY = 'jiaodui.zoom';
export const ZOOM_MIN = 0.7;
export const ZOOM_MAX = 2;

function readTheme(): ThemeChoice {
  const v = localStorage.getItem(THEME_KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

function readZoom(): number {
  const v = Number(localStorage.getItem(ZOOM_KEY));
  return Number.isFinite(v) && v >= ZOOM_MIN && v <= ZOOM_MAX ? v : 1;
}

export function usePrefs() {
  const [theme, setThemeState] = useState<ThemeChoice>(readTheme);
  const [zoom, setZoomState] = useState<number>(readZoom);

  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    document.documentElement.style.setProperty('--zoom', String(zoom));
  }, [zoom]);

  const setTheme = useCallback((t: ThemeChoice) => {
    if (t === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, t);
    setThemeState(t);
  }, []);

  const setZoom = useCallback((f: (z: number) => number) => {
    setZoomState((z) => {
      const next = Math.round(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, f(z))) * 10) / 10;
      localStorage.setItem(ZOOM_KEY, String(next));
      return next;
    });
  }, []);

  return { theme, setTheme, zoom, setZoom };
}
