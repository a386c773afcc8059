import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinaryStatus } from './electron-binary.mjs';

const dirs: string[] = [];
function fakeElectron(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-electron-'));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('electronBinaryStatus', () => {
  it('present: path.txt names a file under dist/', () => {
    const dir = fakeElectron({ 'package.json': '{}', 'path.txt': 'electron', 'dist/electron': '#!/bin/sh\n' });
    chmodSync(join(dir, 'dist/electron'), 0o755);
    expect(electronBinaryStatus(dir, {})).toEqual({ present: true, executablePath: join(dir, 'dist', 'electron') });
  });
  it('macOS layout', () => {
    const dir = fakeElectron({ 'package.json': '{}', 'path.txt': 'Electron.app/Contents/MacOS/Electron', 'dist/Electron.app/Contents/MacOS/Electron': 'x' });
    expect(electronBinaryStatus(dir, {})).toMatchObject({ present: true, executablePath: join(dir, 'dist', 'Electron.app/Contents/MacOS/Electron') });
  });
  it('missing: no dist/ (the install script could not download)', () => {
    const dir = fakeElectron({ 'package.json': '{}' });
    expect(electronBinaryStatus(dir, {})).toEqual({ present: false, executablePath: null, reason: 'node_modules/electron/dist missing' });
  });
  it('missing: path.txt names a file that is not there', () => {
    const dir = fakeElectron({ 'package.json': '{}', 'path.txt': 'electron', 'dist/version': 'v42.11.18' });
    const s = electronBinaryStatus(dir, {});
    expect(s.present).toBe(false);
    expect(s.present === false && s.reason).toContain(join('dist', 'electron'));
  });
  it('missing: a directory where the executable should be', () => {
    const dir = fakeElectron({ 'package.json': '{}', 'path.txt': 'electron', 'dist/electron/x': '' });
    expect(electronBinaryStatus(dir, {}).present).toBe(false);
  });
  it('missing: no electron package at all', () => {
    expect(electronBinaryStatus(join(tmpdir(), 'no-such-dir-jiaodui'), {})).toMatchObject({ present: false });
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dir = fakeElectron({ 'package.json': '{}', 'custom/electron': 'x' });
    expect(electronBinaryStatus(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'custom') })).toMatchObject({ present: true, executablePath: join(dir, 'custom', 'electron') });
  });
  it('this checkout (no network here): reports missing without throwing', () => {
    const s = electronBinaryStatus();
    expect(typeof s.present).toBe('boolean');
  });
});
