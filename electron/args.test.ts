import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { absoluteFiles, parseLaunchArgs, resolveDbPath, secondInstanceFiles } from './args';

describe('parseLaunchArgs', () => {
  it('packaged: every positional is a file', () => {
    expect(parseLaunchArgs(['/opt/Jiaodui/jiaodui', 'a.txt', 'b.txt'], { defaultApp: false })).toEqual({ files: ['a.txt', 'b.txt'] });
  });
  it('development: the first positional is the app', () => {
    expect(parseLaunchArgs(['electron', '.', 'a.txt'], { defaultApp: true })).toEqual({ files: ['a.txt'] });
    expect(parseLaunchArgs(['electron', 'dist/electron/main.cjs'], { defaultApp: true })).toEqual({ files: [] });
  });
  it('reads --db and --user-data-dir in both spellings', () => {
    expect(parseLaunchArgs(['x', '--db', '/tmp/a.db', 'f.txt'], { defaultApp: false })).toEqual({ db: '/tmp/a.db', files: ['f.txt'] });
    expect(parseLaunchArgs(['x', '--db=/tmp/a.db'], { defaultApp: false })).toEqual({ db: '/tmp/a.db', files: [] });
    expect(parseLaunchArgs(['x', '--user-data-dir=/tmp/p', '--db', 'j.db'], { defaultApp: false })).toEqual({ userDataDir: '/tmp/p', db: 'j.db', files: [] });
    expect(parseLaunchArgs(['x', '--user-data-dir', '/tmp/p'], { defaultApp: false })).toEqual({ userDataDir: '/tmp/p', files: [] });
  });
  it('skips Chromium, Node and macOS switches (as Playwright and Finder pass them)', () => {
    const argv = ['electron', '--inspect=0', '--remote-debugging-port=0', 'dist/electron/main.cjs', '--db', '/tmp/t.db', '--user-data-dir=/tmp/prof', '--no-sandbox'];
    expect(parseLaunchArgs(argv, { defaultApp: true })).toEqual({ db: '/tmp/t.db', userDataDir: '/tmp/prof', files: [] });
    expect(parseLaunchArgs(['/Applications/Jiaodui.app/Contents/MacOS/Jiaodui', '-psn_0_12345'], { defaultApp: false })).toEqual({ files: [] });
  });
  it('a flag without a value sets nothing', () => {
    expect(parseLaunchArgs(['x', '--db'], { defaultApp: false })).toEqual({ files: [] });
    expect(parseLaunchArgs(['x', '--db', '--no-sandbox', 'f.txt'], { defaultApp: false })).toEqual({ files: ['f.txt'] });
    expect(parseLaunchArgs(['x', '--db='], { defaultApp: false })).toEqual({ files: [] });
  });
  it('after --, everything is a file', () => {
    expect(parseLaunchArgs(['x', '--', '--db', '-odd.txt'], { defaultApp: false })).toEqual({ files: ['--db', '-odd.txt'] });
  });
});

describe('resolveDbPath', () => {
  const base = { env: {}, userData: '/home/me/.config/Jiaodui', cwd: '/work' };
  it('defaults to <userData>/jiaodui.db', () => {
    expect(resolveDbPath(base)).toBe(join('/home/me/.config/Jiaodui', 'jiaodui.db'));
  });
  it('--db beats JIAODUI_DB beats the default; relative paths are from the working directory', () => {
    expect(resolveDbPath({ ...base, env: { JIAODUI_DB: '/e/x.db' } })).toBe('/e/x.db');
    expect(resolveDbPath({ ...base, env: { JIAODUI_DB: '/e/x.db' }, flag: '/f/y.db' })).toBe('/f/y.db');
    expect(resolveDbPath({ ...base, flag: 'rel.db' })).toBe(resolve('/work', 'rel.db'));
    expect(resolveDbPath({ ...base, flag: ':memory:' })).toBe(':memory:');
  });
});

describe('files from a second instance', () => {
  it('absoluteFiles resolves against the given directory', () => {
    expect(absoluteFiles(['a.txt', '/abs/b.txt'], '/home/me')).toEqual([resolve('/home/me', 'a.txt'), '/abs/b.txt']);
  });
  it('prefers additionalData (exact argv and cwd)', () => {
    const data = { argv: ['/opt/Jiaodui/jiaodui', 'new.txt'], cwd: '/home/me/docs' };
    expect(secondInstanceFiles(['/opt/Jiaodui/jiaodui', '--original-process-start-time=1', 'garbled'], '/elsewhere', data, { defaultApp: false })).toEqual([
      resolve('/home/me/docs', 'new.txt'),
    ]);
  });
  it('falls back to the event argv when additionalData is missing or malformed', () => {
    const argv = ['/opt/Jiaodui/jiaodui', '--original-process-start-time=1', 'x.txt'];
    expect(secondInstanceFiles(argv, '/home/me', undefined, { defaultApp: false })).toEqual([resolve('/home/me', 'x.txt')]);
    expect(secondInstanceFiles(argv, '/home/me', { argv: [1, 2], cwd: 3 }, { defaultApp: false })).toEqual([resolve('/home/me', 'x.txt')]);
  });
});
