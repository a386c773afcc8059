/**
 * One registry, CommandId → handler, driven by COMMANDS: the key handler, the command
 * palette and the Electron menus (window.jiaoduiShell.onCommand) all run these handlers.
 */
import { useEffect, useRef } from 'react';
import { COMMANDS, type CommandId, type ShellBridge } from '../../../shared/commands';
import { isTextTarget, matchesCombo, parseAccelerator, type KeyCombo } from '../lib/keys';

export type CommandHandlers = Record<CommandId, () => void>;

/** Commands whose shortcut also works while typing in a text field. */
const ALLOW_IN_TEXT = new Set<CommandId>([
  'view.palette',
  'edit.find',
  'edit.goto',
  'file.import',
  'file.export',
  'file.library',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomReset',
  'help.shortcuts',
  // the word at the caret of the segment editor
  'segment.lookup',
]);

interface Binding {
  id: CommandId;
  combo: KeyCombo;
  /** no Ctrl/Cmd/Alt: only in the grid, never elsewhere (Enter on a button presses it) */
  bare: boolean;
}

const BINDINGS: Binding[] = [
  ...COMMANDS.flatMap((c) => ('accelerator' in c && c.accelerator ? [{ id: c.id, combo: parseAccelerator(c.accelerator) }] : [])),
  // Ctrl+Y redoes too (Windows habit).
  { id: 'edit.redo' as CommandId, combo: parseAccelerator('CmdOrCtrl+Y') },
].map((b) => ({ ...b, bare: !b.combo.mod && !b.combo.alt && !/^f\d+$/.test(b.combo.key) }));

function inGridOrBody(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return true;
  return target === document.body || target === document.documentElement || target.closest('[role="grid"]') !== null;
}

export function useCommands(handlers: CommandHandlers, shell: ShellBridge | null): void {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.isComposing) return;
      const modal = document.querySelector('[aria-modal="true"]');
      if (modal) return;
      for (const b of BINDINGS) {
        if (!matchesCombo(b.combo, e)) continue;
        if (isTextTarget(e.target) && !ALLOW_IN_TEXT.has(b.id)) continue;
        if (b.bare && !inGridOrBody(e.target)) continue;
        e.preventDefault();
        ref.current[b.id]();
        return;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (!shell) return;
    return shell.onCommand((id) => ref.current[id]?.());
  }, [shell]);
}
