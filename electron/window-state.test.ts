import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, parseWindowState, restoreWindowState, serializeWindowState, type Rect } from './window-state';

const primary: Rect = { x: 0, y: 25, width: 1920, height: 1055 };
const right: Rect = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('parseWindowState', () => {
  it('reads what serializeWindowState writes', () => {
    const s = JSON.parse(serializeWindowState({ x: 10, y: 40, width: 1000, height: 700 }, true));
    expect(parseWindowState(s)).toEqual({ bounds: { x: 10, y: 40, width: 1000, height: 700 }, maximized: true });
  });
  it('rejects damaged files', () => {
    for (const bad of [null, 'x', 3, [], {}, { bounds: null }, { bounds: { x: 0, y: 0, width: 'a', height: 10 } }, { bounds: { x: 0, y: 0, width: -5, height: 10 } }, { bounds: { x: NaN, y: 0, width: 5, height: 10 } }, { bounds: { x: 1e9, y: 0, width: 5, height: 10 } }]) {
      expect(parseWindowState(bad), JSON.stringify(bad)).toBeNull();
    }
  });
  it('treats a missing maximized flag as false', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 800, height: 600 } })?.maximized).toBe(false);
  });
});

describe('restoreWindowState', () => {
  it('first start: default size centred on the primary display', () => {
    const s = restoreWindowState(null, [primary], primary);
    expect(s.maximized).toBe(false);
    expect(s.bounds.width).toBe(DEFAULT_SIZE.width);
    expect(s.bounds.height).toBe(DEFAULT_SIZE.height);
    expect(s.bounds.x).toBe((1920 - DEFAULT_SIZE.width) / 2);
    expect(s.bounds.y).toBe(25 + Math.round((1055 - DEFAULT_SIZE.height) / 2));
  });
  it('keeps a window that is on a display', () => {
    const saved = { bounds: { x: 100, y: 100, width: 1000, height: 700 }, maximized: true };
    expect(restoreWindowState(saved, [primary, right], primary)).toEqual(saved);
  });
  it('keeps a window on the second display', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1000, height: 700 }, maximized: false };
    expect(restoreWindowState(saved, [primary, right], primary)).toEqual(saved);
  });
  it('brings back a window whose display is gone, keeping maximized', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1000, height: 700 }, maximized: true };
    const s = restoreWindowState(saved, [primary], primary);
    expect(s.maximized).toBe(true);
    expect(s.bounds.x).toBeGreaterThanOrEqual(primary.x);
    expect(s.bounds.x + s.bounds.width).toBeLessThanOrEqual(primary.x + primary.width);
  });
  it('pulls a window hanging off the edge fully onto the display', () => {
    const s = restoreWindowState({ bounds: { x: 1700, y: -300, width: 1000, height: 700 } }, [primary], primary);
    expect(s.bounds).toEqual({ x: 1920 - 1000, y: 25, width: 1000, height: 700 });
  });
  it('shrinks a window larger than the display and enlarges one below the minimum', () => {
    const big = restoreWindowState({ bounds: { x: 0, y: 25, width: 5000, height: 4000 } }, [primary], primary);
    expect(big.bounds).toEqual({ x: 0, y: 25, width: 1920, height: 1055 });
    const tiny = restoreWindowState({ bounds: { x: 10, y: 30, width: 200, height: 100 } }, [primary], primary);
    expect(tiny.bounds.width).toBe(MIN_SIZE.width);
    expect(tiny.bounds.height).toBe(MIN_SIZE.height);
  });
  it('ignores a sliver: a window barely touching a display is centred instead', () => {
    const s = restoreWindowState({ bounds: { x: 1915, y: 100, width: 800, height: 600 } }, [primary], primary);
    expect(s.bounds.x).toBe((1920 - DEFAULT_SIZE.width) / 2);
  });
  it('fits a small display', () => {
    const small: Rect = { x: 0, y: 0, width: 640, height: 400 };
    const s = restoreWindowState(null, [small], small);
    expect(s.bounds).toEqual({ x: 0, y: 0, width: 640, height: 400 });
  });
});
