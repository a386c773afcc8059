import { describe, expect, it } from 'vitest';
import { resolveDbPath, userDataDir } from './paths';

describe('userData like Electron', () => {
  it('Linux: XDG_CONFIG_HOME or ~/.config', () => {
    expect(userDataDir({ platform: 'linux', env: {}, homedir: '/home/a' })).toBe('/home/a/.config/Jiaodui');
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, homedir: '/home/a' })).toBe('/x/Jiaodui');
  });
  it('macOS and Windows', () => {
    expect(userDataDir({ platform: 'darwin', env: {}, homedir: '/Users/a' })).toBe('/Users/a/Library/Application Support/Jiaodui');
    expect(userDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, homedir: 'C:\\Users\\a' })).toBe('C:\\Users\\a\\AppData\\Roaming\\Jiaodui');
  });
  it('--db beats JIAODUI_DB beats the default', () => {
    const p = { platform: 'linux', env: { JIAODUI_DB: '/env.db' }, homedir: '/h' };
    expect(resolveDbPath(p, '/flag.db')).toBe('/flag.db');
    expect(resolveDbPath(p)).toBe('/env.db');
    expect(resolveDbPath({ ...p, env: {} })).toBe('/h/.config/Jiaodui/jiaodui.db');
  });
});
