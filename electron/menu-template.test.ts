import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../shared/commands';
import { addRecent, buildMenuTemplate, commandItem, isBareKeyAccelerator, parseRecent, recentLabel, type MenuItemSpec } from './menu-template';

function flatten(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}
const top = (t: MenuItemSpec[], label: string) => t.find((i) => i.label === label);
const commandIds = (items: readonly MenuItemSpec[]) =>
  flatten(items).flatMap((i) => (i.action?.kind === 'command' ? [i.action.id] : []));

describe('buildMenuTemplate', () => {
  for (const platform of ['linux', 'win32', 'darwin']) {
    it(`${platform}: every command appears exactly once, in its menu`, () => {
      const t = buildMenuTemplate({ platform, appName: 'Jiaodui', recent: [], dev: false });
      const ids = commandIds(t);
      expect([...ids].sort()).toEqual(COMMANDS.map((c) => c.id).sort());
      const menuLabel = { file: 'File', edit: 'Edit', segment: 'Segment', view: 'View', help: 'Help' } as const;
      for (const c of COMMANDS) expect(commandIds(top(t, menuLabel[c.menu])!.submenu!), c.id).toContain(c.id);
    });
  }

  it('Linux/Windows: File ends with Quit, Help has About; no app menu', () => {
    const t = buildMenuTemplate({ platform: 'linux', appName: 'Jiaodui', recent: [], dev: false });
    expect(t.map((i) => i.label ?? i.role)).toEqual(['File', 'Edit', 'Segment', 'View', 'Help']);
    expect(top(t, 'File')!.submenu!.at(-1)).toEqual({ role: 'quit' });
    expect(flatten(top(t, 'Help')!.submenu!).some((i) => i.role === 'about')).toBe(true);
  });

  it('macOS: app menu with Quit, File closes the window, Window menu', () => {
    const t = buildMenuTemplate({ platform: 'darwin', appName: 'Jiaodui', recent: [], dev: false });
    expect(t[0].label).toBe('Jiaodui');
    expect(t[0].submenu!.some((i) => i.role === 'quit')).toBe(true);
    expect(top(t, 'File')!.submenu!.at(-1)).toEqual({ role: 'close' });
    expect(t.some((i) => i.role === 'windowMenu')).toBe(true);
  });

  it('Edit has the standard clipboard roles after our Undo/Redo', () => {
    const edit = top(buildMenuTemplate({ platform: 'linux', appName: 'J', recent: [], dev: false }), 'Edit')!.submenu!;
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(commandIds(edit.slice(0, 2))).toEqual(['edit.undo', 'edit.redo']);
  });

  it('developer tools only in development', () => {
    const roles = (dev: boolean) => flatten(buildMenuTemplate({ platform: 'linux', appName: 'J', recent: [], dev })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('Import Recent lists recent files, most recent first, with Clear', () => {
    const t = buildMenuTemplate({ platform: 'linux', appName: 'J', recent: ['/d/b.txt', 'C:\\docs\\a & b.txt'], dev: false });
    const sub = flatten(top(t, 'File')!.submenu!).find((i) => i.label === 'Import Recent')!.submenu!;
    expect(sub[0]).toEqual({ label: 'b.txt', action: { kind: 'openRecent', path: '/d/b.txt' } });
    expect(sub[1]).toEqual({ label: 'a && b.txt', action: { kind: 'openRecent', path: 'C:\\docs\\a & b.txt' } });
    expect(sub.at(-1)).toEqual({ label: 'Clear Recent', enabled: true, action: { kind: 'clearRecent' } });
    const empty = flatten(buildMenuTemplate({ platform: 'linux', appName: 'J', recent: [], dev: false })).find((i) => i.label === 'Import Recent')!.submenu!;
    expect(empty[0]).toEqual({ label: 'No Recent Files', enabled: false });
    expect(empty.at(-1)!.enabled).toBe(false);
  });

  it('never starts or ends a submenu with a separator, nor doubles one', () => {
    for (const platform of ['linux', 'darwin']) {
      for (const item of flatten(buildMenuTemplate({ platform, appName: 'J', recent: [], dev: true }))) {
        const sub = item.submenu;
        if (!sub) continue;
        expect(sub[0].type).not.toBe('separator');
        expect(sub.at(-1)!.type).not.toBe('separator');
        sub.forEach((s, i) => i > 0 && s.type === 'separator' && expect(sub[i - 1].type).not.toBe('separator'));
      }
    }
  });
});

describe('accelerators', () => {
  it('isBareKeyAccelerator: keys without a modifier except function keys', () => {
    expect(isBareKeyAccelerator('Enter')).toBe(true);
    expect(isBareKeyAccelerator('Down')).toBe(true);
    expect(isBareKeyAccelerator('Up')).toBe(true);
    expect(isBareKeyAccelerator('F1')).toBe(false);
    expect(isBareKeyAccelerator('F12')).toBe(false);
    expect(isBareKeyAccelerator('Alt+Down')).toBe(false);
    expect(isBareKeyAccelerator('CmdOrCtrl+Enter')).toBe(false);
    expect(isBareKeyAccelerator('CmdOrCtrl+=')).toBe(false);
    expect(isBareKeyAccelerator('Shift+Enter')).toBe(false);
  });
  it("Windows/Linux: accelerators are shown, and left to the page's key handler", () => {
    const next = { id: 'segment.next', menu: 'segment', label: 'Next Segment', accelerator: 'Down' } as const;
    const undo = { id: 'edit.undo', menu: 'edit', label: 'Undo', accelerator: 'CmdOrCtrl+Z' } as const;
    for (const platform of ['linux', 'win32']) {
      expect(commandItem(next, platform)).toEqual({ label: 'Next Segment', accelerator: 'Down', registerAccelerator: false, action: { kind: 'command', id: 'segment.next' } });
      expect(commandItem(undo, platform)).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    }
    const items = flatten(buildMenuTemplate({ platform: 'linux', appName: 'J', recent: [], dev: false }));
    expect(items.filter((i) => i.action?.kind === 'command' && i.accelerator && i.registerAccelerator !== false)).toEqual([]);
  });
  it('macOS: modifier shortcuts are kept, bare keys are left out', () => {
    const next = { id: 'segment.next', menu: 'segment', label: 'Next Segment', accelerator: 'Down' } as const;
    const undo = { id: 'edit.undo', menu: 'edit', label: 'Undo', accelerator: 'CmdOrCtrl+Z' } as const;
    const help = { id: 'help.shortcuts', menu: 'help', label: 'Keyboard Shortcuts', accelerator: 'F1' } as const;
    expect(commandItem(next, 'darwin')).toEqual({ label: 'Next Segment', action: { kind: 'command', id: 'segment.next' } });
    expect(commandItem(undo, 'darwin')).toEqual({ label: 'Undo', accelerator: 'CmdOrCtrl+Z', action: { kind: 'command', id: 'edit.undo' } });
    expect(commandItem(help, 'darwin').accelerator).toBe('F1');
  });
});

describe('recent files', () => {
  it('addRecent moves to the front, dedupes and caps', () => {
    expect(addRecent(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    expect(addRecent(['a', 'b', 'c'], 'd', 3)).toEqual(['d', 'a', 'b']);
  });
  it('parseRecent tolerates damage', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent({})).toEqual([]);
    expect(parseRecent(['/a', 3, '', '/a', '/b'])).toEqual(['/a', '/b']);
    expect(parseRecent(Array.from({ length: 30 }, (_, i) => `/f${i}`))).toHaveLength(10);
  });
  it('recentLabel shows the file name', () => {
    expect(recentLabel('/home/me/文件.txt')).toBe('文件.txt');
    expect(recentLabel('C:\\Users\\me\\x.txt')).toBe('x.txt');
  });
});
