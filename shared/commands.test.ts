import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands';

describe('commands', () => {
  it('have unique ids and no two share a shortcut', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    const accs = COMMANDS.flatMap((c) => ('accelerator' in c && c.accelerator ? [c.accelerator.toLowerCase()] : []));
    expect(accs.filter((a, i) => accs.indexOf(a) !== i)).toEqual([]);
  });

  it('look up the word at the caret from the keyboard (Alt+D), in the Segment menu', () => {
    expect(COMMANDS.find((c) => c.id === 'segment.lookup')).toMatchObject({ menu: 'segment', accelerator: 'Alt+D' });
  });

  it('the claims view (Alt+W) and claim-from-selection (Alt+K) use keys Chromium leaves to pages', () => {
    // what Chromium's browser window (Windows/Linux) keeps for itself: tabs, windows, history, menus, devtools
    const reserved = [
      'ctrl+n', 'ctrl+shift+n', 'ctrl+t', 'ctrl+shift+t', 'ctrl+w', 'ctrl+shift+w', 'ctrl+tab', 'ctrl+shift+tab', 'ctrl+pageup', 'ctrl+pagedown',
      'ctrl+shift+q', 'ctrl+h', 'ctrl+j', 'ctrl+d', 'ctrl+p', 'ctrl+s', 'ctrl+u', 'ctrl+shift+i', 'ctrl+shift+j', 'ctrl+shift+c', 'ctrl+shift+b',
      'ctrl+shift+o', 'ctrl+shift+m', 'ctrl+shift+delete', 'alt+f4', 'alt+home', 'alt+left', 'alt+right', 'alt+d', 'alt+e', 'alt+f', 'alt+space',
      'alt+shift+a', 'alt+shift+b', 'alt+shift+i', 'alt+shift+t', 'f6', 'f11', 'f12',
    ];
    const acc = (id: string) => COMMANDS.find((c) => c.id === id) as { accelerator?: string } | undefined;
    expect(acc('view.claimsWide')?.accelerator).toBe('Alt+W');
    expect(acc('segment.claim')?.accelerator).toBe('Alt+K');
    for (const id of ['view.claimsWide', 'segment.claim']) expect(reserved).not.toContain(acc(id)!.accelerator!.toLowerCase().replace('cmdorctrl', 'ctrl'));
  });

  it('rows with findings: Alt+Q / Alt+Shift+Q (F8 stays the next segment needing attention); no command takes a key Chromium keeps', () => {
    expect(COMMANDS.find((c) => c.id === 'segment.nextFinding')).toMatchObject({ menu: 'segment', accelerator: 'Alt+Q' });
    expect(COMMANDS.find((c) => c.id === 'segment.previousFinding')).toMatchObject({ menu: 'segment', accelerator: 'Alt+Shift+Q' });
    expect(COMMANDS.find((c) => c.id === 'segment.nextAttention')).toMatchObject({ accelerator: 'F8' });
    expect(COMMANDS.find((c) => c.id === 'view.claims')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+K' });
    // reload, focus cycling, caret browsing, full screen, developer tools and the inspector, find next
    const reserved = ['f3', 'f5', 'f6', 'f7', 'f11', 'f12', 'cmdorctrl+shift+c', 'cmdorctrl+shift+i', 'cmdorctrl+shift+j', 'cmdorctrl+r', 'cmdorctrl+w', 'cmdorctrl+t', 'cmdorctrl+n'];
    const accs = COMMANDS.flatMap((c) => ('accelerator' in c && c.accelerator ? [c.accelerator.toLowerCase()] : []));
    expect(accs.filter((a) => reserved.includes(a))).toEqual([]);
  });
});
