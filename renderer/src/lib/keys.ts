/**
 * Electron accelerators ("CmdOrCtrl+Shift+Z", "Alt+Down", "F1") turned into key
 * matchers for the renderer's key handler and into labels for display.
 */
export interface KeyCombo {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function parseAccelerator(acc: string): KeyCombo {
  const parts = acc.split('+');
  // "CmdOrCtrl+=" / "CmdOrCtrl+-" : the key is the last part, which may itself be "+" if split produced ''.
  let key = parts.pop() ?? '';
  if (key === '' && parts[parts.length - 1] === '') {
    parts.pop();
    key = '+';
  }
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return {
    mod: mods.has('cmdorctrl') || mods.has('commandorcontrol') || mods.has('ctrl') || mods.has('cmd'),
    shift: mods.has('shift'),
    alt: mods.has('alt') || mods.has('option'),
    key: key.toLowerCase(),
  };
}

const KEY_ALIASES: Record<string, string[]> = {
  down: ['ArrowDown'],
  up: ['ArrowUp'],
  left: ['ArrowLeft'],
  right: ['ArrowRight'],
  enter: ['Enter'],
  '=': ['=', '+'],
  '-': ['-', '_'],
  f1: ['F1'],
};

function keyMatches(want: string, e: KeyboardEvent): boolean {
  const aliases = KEY_ALIASES[want];
  if (aliases) return aliases.includes(e.key);
  if (/^[a-z]$/.test(want)) return e.code === `Key${want.toUpperCase()}` || e.key.toLowerCase() === want;
  if (/^[0-9]$/.test(want)) return e.code === `Digit${want}` || e.key === want;
  return e.key.toLowerCase() === want;
}

export function matchesCombo(c: KeyCombo, e: KeyboardEvent): boolean {
  const mod = IS_MAC ? e.metaKey : e.ctrlKey;
  const otherMod = IS_MAC ? e.ctrlKey : e.metaKey;
  if (mod !== c.mod || otherMod) return false;
  if (e.altKey !== c.alt) return false;
  // Zoom in is Ctrl+= but often typed as Ctrl+Shift+= (Ctrl++): ignore Shift there.
  if (c.key !== '=' && e.shiftKey !== c.shift) return false;
  return keyMatches(c.key, e);
}

const DISPLAY: Record<string, string> = { down: '↓', up: '↑', left: '←', right: '→', enter: 'Enter', '=': '=', '-': '−' };

/** A label like "Ctrl+Shift+Z" (or "⌘⇧Z" on macOS). */
export function formatAccelerator(acc: string): string {
  const c = parseAccelerator(acc);
  const key = DISPLAY[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key.toUpperCase());
  if (IS_MAC) return `${c.mod ? '⌘' : ''}${c.alt ? '⌥' : ''}${c.shift ? '⇧' : ''}${key === 'Enter' ? '↩' : key}`;
  return [c.mod ? 'Ctrl' : '', c.alt ? 'Alt' : '', c.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** True when the event comes from a place where typing text is expected. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(target.type);
  return false;
}
