import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyServerHeapPolicy, HEAP_GROWING_ENV, RETAIN_MAPS_ENV, RETAINED_MAP_COLLECTIONS, retainedMapCollections, SERVER_HEAP_GROWING_PERCENT, serverHeapGrowingPercent } from './heap-policy';
import { BIN, CLI_ENV } from '../cli/test-helpers';

describe('the server heap policy: heap growing and shapes kept (core/heap-policy.ts)', () => {
  it('browser mode: a fixed heap growing factor of 2 unless the variable says otherwise', () => {
    expect(SERVER_HEAP_GROWING_PERCENT).toBe(100);
    expect(serverHeapGrowingPercent({})).toBe(100);
    expect(serverHeapGrowingPercent({ [HEAP_GROWING_ENV]: '' })).toBe(100);
    expect(serverHeapGrowingPercent({ [HEAP_GROWING_ENV]: '50' })).toBe(50);
    expect(serverHeapGrowingPercent({ [HEAP_GROWING_ENV]: ' 300 ' })).toBe(300);
    expect(serverHeapGrowingPercent({ [HEAP_GROWING_ENV]: '0' })).toBeNull(); // V8's own dynamic factor
    const set: string[] = [];
    expect(applyServerHeapPolicy({}, {}, (f) => set.push(f))).toEqual(['--heap-growing-percent=100', '--retain-maps-for-n-gc=16']);
    expect(applyServerHeapPolicy({}, { [HEAP_GROWING_ENV]: '0' }, (f) => set.push(f))).toEqual(['--retain-maps-for-n-gc=16']);
    expect(set).toEqual(['--heap-growing-percent=100', '--retain-maps-for-n-gc=16', '--retain-maps-for-n-gc=16']);
  });

  it("a team server keeps V8's own factor unless the variable sets one", () => {
    expect(serverHeapGrowingPercent({}, { team: true })).toBeNull();
    expect(serverHeapGrowingPercent({ [HEAP_GROWING_ENV]: '100' }, { team: true })).toBe(100);
    const set: string[] = [];
    expect(applyServerHeapPolicy({ team: true }, { [RETAIN_MAPS_ENV]: '0' }, (f) => set.push(f))).toEqual([]);
    expect(applyServerHeapPolicy({ team: true }, { [HEAP_GROWING_ENV]: '150', [RETAIN_MAPS_ENV]: '0' }, (f) => set.push(f))).toEqual(['--heap-growing-percent=150']);
    expect(set).toEqual(['--heap-growing-percent=150']);
  });

  it('every mode keeps the shapes of objects for 16 full collections unless the variable says otherwise', () => {
    expect(RETAINED_MAP_COLLECTIONS).toBe(16);
    expect(retainedMapCollections({})).toBe(16);
    expect(retainedMapCollections({ [RETAIN_MAPS_ENV]: '' })).toBe(16);
    expect(retainedMapCollections({ [RETAIN_MAPS_ENV]: ' 4 ' })).toBe(4);
    expect(retainedMapCollections({ [RETAIN_MAPS_ENV]: '0' })).toBeNull(); // V8's own 2
    const set: string[] = [];
    expect(applyServerHeapPolicy({ team: true }, {}, (f) => set.push(f))).toEqual(['--retain-maps-for-n-gc=16']);
    expect(applyServerHeapPolicy({}, { [RETAIN_MAPS_ENV]: '64' }, (f) => set.push(f))).toEqual(['--heap-growing-percent=100', '--retain-maps-for-n-gc=64']);
    expect(set).toEqual(['--retain-maps-for-n-gc=16', '--heap-growing-percent=100', '--retain-maps-for-n-gc=64']);
  });

  it('a malformed override of either sets nothing', () => {
    const set: string[] = [];
    expect(() => applyServerHeapPolicy({}, { [RETAIN_MAPS_ENV]: 'many' }, (f) => set.push(f))).toThrow(/JIAODUI_RETAIN_MAPS must be a whole number 0–1000/);
    expect(() => applyServerHeapPolicy({}, { [HEAP_GROWING_ENV]: 'lots' }, (f) => set.push(f))).toThrow(/JIAODUI_HEAP_GROWING_PERCENT must be a whole number 0–1000/);
    expect(set).toEqual([]);
  });

  it('refuses a value that is not a whole number 0–1000, naming the variable', () => {
    for (const bad of ['-5', '1.5', 'abc', '2000', '1e3']) {
      expect(() => serverHeapGrowingPercent({ [HEAP_GROWING_ENV]: bad }), bad).toThrow(/JIAODUI_HEAP_GROWING_PERCENT must be a whole number 0–1000/);
      expect(() => retainedMapCollections({ [RETAIN_MAPS_ENV]: bad }), bad).toThrow(/JIAODUI_RETAIN_MAPS must be a whole number 0–1000/);
    }
  });

  it('jiaodui serve applies it before opening anything (a bad value stops the start with the message)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiaodui-heap-'));
    try {
      const r = spawnSync(process.execPath, [BIN, '--db', join(dir, 'x.db'), 'serve', '--no-open'], {
        encoding: 'utf8',
        env: { ...process.env, ...CLI_ENV, [HEAP_GROWING_ENV]: 'lots' },
        timeout: 60_000,
      });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('JIAODUI_HEAP_GROWING_PERCENT must be a whole number 0–1000');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
