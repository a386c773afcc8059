/**
 * Where Jiaodui keeps its database, computed in plain Node exactly as Electron's
 * app.getPath('userData') does for productName "Jiaodui", so the CLI, browser mode
 * and the desktop app share one database. Pure: the caller passes the environment.
 */
export const PRODUCT_NAME = 'Jiaodui';
export const DB_FILE_NAME = 'jiaodui.db';

export interface PlatformInfo {
  platform: string; // process.platform
  env: Record<string, string | undefined>;
  homedir: string;
}

/** Electron's appData: %APPDATA% on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere. */
export function appDataDir(p: PlatformInfo): string {
  const join = (...parts: string[]) => parts.join(p.platform === 'win32' ? '\\' : '/');
  if (p.platform === 'win32') return p.env.APPDATA || join(p.homedir, 'AppData', 'Roaming');
  if (p.platform === 'darwin') return join(p.homedir, 'Library', 'Application Support');
  return p.env.XDG_CONFIG_HOME || join(p.homedir, '.config');
}

export function userDataDir(p: PlatformInfo): string {
  return appDataDir(p) + (p.platform === 'win32' ? '\\' : '/') + PRODUCT_NAME;
}

/** --db beats JIAODUI_DB beats <userData>/jiaodui.db. */
export function resolveDbPath(p: PlatformInfo, flag?: string): string {
  if (flag) return flag;
  if (p.env.JIAODUI_DB) return p.env.JIAODUI_DB;
  return userDataDir(p) + (p.platform === 'win32' ? '\\' : '/') + DB_FILE_NAME;
}
