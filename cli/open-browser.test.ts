import { describe, expect, it } from 'vitest';
import { browserOpener, isCi, openBrowser } from './open-browser';

const URL = 'http://127.0.0.1:5173/#token=abcDEF_123-xyz';
const decide = (platform: NodeJS.Platform, env: Record<string, string | undefined> = {}, noOpen = false) => browserOpener(URL, { platform, env, noOpen });

describe('opening the browser on the address', () => {
  it('Linux and the BSDs: xdg-open with a display (X11 or Wayland), none headless', () => {
    expect(decide('linux', { DISPLAY: ':0' })).toEqual({ open: true, opener: { command: 'xdg-open', args: [URL] } });
    expect(decide('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toMatchObject({ open: true, opener: { command: 'xdg-open' } });
    expect(decide('freebsd', { DISPLAY: ':1' })).toMatchObject({ open: true });
    expect(decide('linux', {})).toEqual({ open: false, reason: 'no display' });
    expect(decide('linux', { DISPLAY: '' })).toEqual({ open: false, reason: 'no display' });
  });

  it('macOS and Windows: always (open, start)', () => {
    expect(decide('darwin')).toEqual({ open: true, opener: { command: 'open', args: [URL] } });
    const win = decide('win32');
    expect(win).toMatchObject({ open: true, opener: { command: 'cmd.exe', verbatim: true } });
    expect(win.open && win.opener.args.at(-1)).toBe(`start "" "${URL}"`);
  });

  it('never with --no-open or in CI', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(decide(platform, { DISPLAY: ':0' }, true)).toEqual({ open: false, reason: '--no-open' });
      expect(decide(platform, { DISPLAY: ':0', CI: 'true' })).toEqual({ open: false, reason: 'CI' });
    }
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '0' })).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({})).toBe(false);
  });

  it('only for an address of this server (nothing a shell could read as a command)', () => {
    expect(browserOpener('http://127.0.0.1:5173/#token=a&calc', { platform: 'win32', env: {}, noOpen: false })).toMatchObject({ open: false });
    expect(browserOpener('file:///etc/passwd', { platform: 'darwin', env: {}, noOpen: false })).toMatchObject({ open: false });
  });

  it('an opener that cannot start, or fails, only adds a line saying to open the address by hand', async () => {
    const lines: string[] = [];
    await new Promise<void>((resolve) => {
      openBrowser({ command: 'jiaodui-no-such-opener', args: [URL] }, (line) => {
        lines.push(line);
        resolve();
      });
    });
    await new Promise<void>((resolve) => {
      openBrowser({ command: process.execPath, args: ['-e', 'process.exit(3)'] }, (line) => {
        lines.push(line);
        resolve();
      });
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Could not open a browser \(jiaodui-no-such-opener: .*ENOENT.*\); open the address above yourself\.$/);
    expect(lines[1]).toMatch(/exit code 3/);
  });

  it('a working opener reports nothing', async () => {
    const lines: string[] = [];
    const child = openBrowser({ command: process.execPath, args: ['-e', ''] }, (line) => lines.push(line));
    // openBrowser's own exit listener was added first, so it has run when this one does
    const code = await new Promise((resolve) => child!.on('exit', resolve));
    expect(code).toBe(0);
    expect(lines).toEqual([]);
  });
});
