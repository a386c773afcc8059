/**
 * The application menu as plain data, built from COMMANDS (shared with the renderer's
 * command palette), the platform and the recent files. No `electron` import: main.ts
 * turns each item into a MenuItem and each `action` into a click handler.
 */
import { COMMANDS, type CommandId, type CommandSpec, type MenuName } from '../shared/commands';

/** The Electron menu roles this menu uses (a subset of MenuItemConstructorOptions['role']). */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'togglefullscreen'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'windowMenu'
  | 'minimize'
  | 'zoom'
  | 'front';

export type MenuAction =
  | { kind: 'command'; id: CommandId }
  | { kind: 'openRecent'; path: string }
  | { kind: 'clearRecent' };

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  /** false: show the accelerator but let the page handle the key (Windows/Linux only). */
  registerAccelerator?: boolean;
  enabled?: boolean;
  action?: MenuAction;
  submenu?: MenuItemSpec[];
}

export interface MenuOptions {
  platform: string;
  appName: string;
  /** Absolute paths, most recent first. */
  recent: readonly string[];
  /** Development build: View gets Reload and Toggle Developer Tools. */
  dev: boolean;
  commands?: readonly CommandSpec[];
}

const SEP: MenuItemSpec = { type: 'separator' };
const MODIFIERS = /^(cmdorctrl|commandorcontrol|cmd|command|ctrl|control|alt|option|altgr|shift|super|meta)$/i;

/**
 * An accelerator without a modifier (Enter, Up, Down). Function keys do not count.
 */
export function isBareKeyAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+').filter((p) => p !== '');
  if (parts.some((p) => MODIFIERS.test(p))) return false;
  return !/^F([1-9]|1\d|2[0-4])$/i.test(parts[parts.length - 1] ?? '');
}

/**
 * A menu item that sends a command to the renderer. The renderer's key handler owns
 * the keys (as in browser mode): it knows when a text field or a dialog has focus.
 * So on Windows/Linux the menu shows the accelerator without registering it; a
 * registered one would also fire when the page declines the key (Ctrl+Z in a dialog,
 * Enter in a text field). macOS cannot show an accelerator without registering it:
 * there the menu keeps the modifier shortcuts (the page sees them first) and drops the
 * bare keys, which would take Enter and the arrows from every text field.
 */
export function commandItem(c: CommandSpec, platform: string): MenuItemSpec {
  const item: MenuItemSpec = { label: c.label, action: { kind: 'command', id: c.id as CommandId } };
  if (!c.accelerator) return item;
  if (platform !== 'darwin') return { ...item, accelerator: c.accelerator, registerAccelerator: false };
  return isBareKeyAccelerator(c.accelerator) ? item : { ...item, accelerator: c.accelerator };
}

/** The file name shown for a recent path (either separator, so it works for any platform's paths). */
export function recentLabel(path: string): string {
  const name = path.split(/[\\/]/).filter(Boolean).pop() ?? path;
  return name.replace(/&/g, '&&'); // "&" marks a mnemonic on Windows
}

function recentMenu(recent: readonly string[]): MenuItemSpec {
  const items: MenuItemSpec[] = recent.length
    ? recent.map((path) => ({ label: recentLabel(path), action: { kind: 'openRecent', path } }))
    : [{ label: 'No Recent Files', enabled: false }];
  return { label: 'Import Recent', submenu: [...items, SEP, { label: 'Clear Recent', enabled: recent.length > 0, action: { kind: 'clearRecent' } }] };
}

/** Insert separators between groups, dropping empty groups. */
function groups(...gs: MenuItemSpec[][]): MenuItemSpec[] {
  return gs.filter((g) => g.length).flatMap((g, i) => (i ? [SEP, ...g] : g));
}

export function buildMenuTemplate(opts: MenuOptions): MenuItemSpec[] {
  const mac = opts.platform === 'darwin';
  const commands = opts.commands ?? COMMANDS;
  const of = (menu: MenuName, ids?: readonly string[]) =>
    commands.filter((c) => c.menu === menu && (!ids || ids.includes(c.id))).map((c) => commandItem(c, opts.platform));
  const rest = (menu: MenuName, used: readonly string[]) => commands.filter((c) => c.menu === menu && !used.includes(c.id)).map((c) => commandItem(c, opts.platform));

  const template: MenuItemSpec[] = [];
  if (mac) {
    template.push({
      label: opts.appName,
      submenu: [{ role: 'about' }, SEP, { role: 'services' }, SEP, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, SEP, { role: 'quit' }],
    });
  }

  const fileImport = ['file.import', 'file.paste'];
  const fileExport = ['file.export'];
  template.push({
    label: 'File',
    submenu: groups(
      [...of('file', fileImport), recentMenu(opts.recent)],
      of('file', fileExport),
      rest('file', [...fileImport, ...fileExport]),
      [mac ? { role: 'close' } : { role: 'quit' }],
    ),
  });

  const history = ['edit.undo', 'edit.redo'];
  template.push({
    label: 'Edit',
    submenu: groups(of('edit', history), [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }], rest('edit', history)),
  });

  const segment = of('segment');
  if (segment.length) template.push({ label: 'Segment', submenu: segment });

  const palette = ['view.palette'];
  const themes = commands.filter((c) => c.menu === 'view' && c.id.startsWith('view.theme.')).map((c) => c.id);
  const zoom = ['view.zoomIn', 'view.zoomOut', 'view.zoomReset'];
  template.push({
    label: 'View',
    submenu: groups(
      of('view', palette),
      of('view', themes),
      of('view', zoom),
      rest('view', [...palette, ...themes, ...zoom]),
      [{ role: 'togglefullscreen' }],
      opts.dev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] : [],
    ),
  });

  if (mac) template.push({ role: 'windowMenu' });

  template.push({
    label: 'Help',
    submenu: groups(of('help'), mac ? [] : [{ role: 'about', label: `About ${opts.appName}` }]),
  });
  return template;
}

// ---- recent files --------------------------------------------------------------------

export const RECENT_FILE = 'recent-files.json';
export const MAX_RECENT = 10;

/** The saved recent list (JSON array of paths), tolerant of a damaged file. */
export function parseRecent(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const p of raw) if (typeof p === 'string' && p && p.length < 4096 && !out.includes(p)) out.push(p);
  return out.slice(0, MAX_RECENT);
}

/** `path` moved to the front; duplicates removed; at most MAX_RECENT. */
export function addRecent(list: readonly string[], path: string, max = MAX_RECENT): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, max);
}
