/**
 * Every user command, declared once: the Electron menus are built from this list and
 * the command palette (Ctrl/Cmd+K) lists the same entries, so browser mode and tests
 * reach everything the menus do. Labels live in the renderer's string catalog under
 * `command.<id>`; `label` here is the English fallback the main process uses.
 */
export type MenuName = 'file' | 'edit' | 'segment' | 'view' | 'help';

export interface CommandSpec {
  id: string;
  menu: MenuName;
  label: string;
  /** Electron accelerator syntax; the renderer translates it for its key handler and display. */
  accelerator?: string;
}

export const COMMANDS = [
  { id: 'file.import', menu: 'file', label: 'Import File…', accelerator: 'CmdOrCtrl+O' },
  { id: 'file.paste', menu: 'file', label: 'Import from Clipboard Text…', accelerator: 'CmdOrCtrl+Shift+V' },
  { id: 'file.export', menu: 'file', label: 'Export…', accelerator: 'CmdOrCtrl+E' },
  { id: 'file.library', menu: 'file', label: 'Show Library', accelerator: 'CmdOrCtrl+L' },
  { id: 'file.trash', menu: 'file', label: 'Show Trash' },
  { id: 'edit.undo', menu: 'edit', label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
  { id: 'edit.redo', menu: 'edit', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' },
  { id: 'edit.find', menu: 'edit', label: 'Find in All Documents…', accelerator: 'CmdOrCtrl+F' },
  { id: 'edit.goto', menu: 'edit', label: 'Go to Segment…', accelerator: 'CmdOrCtrl+G' },
  // Not CmdOrCtrl+H: that hides the app on macOS. Ctrl+H works too on Windows/Linux (renderer/src/state/useReviewWorkflow.tsx).
  { id: 'edit.replace', menu: 'edit', label: 'Find and Replace…', accelerator: 'CmdOrCtrl+Shift+H' },
  { id: 'glossary.open', menu: 'edit', label: 'Glossary…' },
  { id: 'segment.edit', menu: 'segment', label: 'Edit Segment', accelerator: 'Enter' },
  { id: 'segment.approve', menu: 'segment', label: 'Approve Segment', accelerator: 'CmdOrCtrl+Enter' },
  { id: 'segment.unreview', menu: 'segment', label: 'Mark Segment Unreviewed', accelerator: 'CmdOrCtrl+Shift+Enter' },
  { id: 'segment.split', menu: 'segment', label: 'Split Segment at Cursor', accelerator: 'Alt+S' },
  { id: 'segment.merge', menu: 'segment', label: 'Merge with Next Segment', accelerator: 'Alt+M' },
  { id: 'segment.furniture', menu: 'segment', label: 'Toggle Page Furniture', accelerator: 'Alt+F' },
  { id: 'segment.history', menu: 'segment', label: 'Show Segment History', accelerator: 'Alt+H' },
  // the correction Esc discarded last, back in its editor (renderer/src/state/open-edit.ts); free in the app's and Chromium's keymaps
  { id: 'segment.restoreDiscarded', menu: 'segment', label: 'Restore Discarded Correction', accelerator: 'Alt+Z' },
  { id: 'segment.next', menu: 'segment', label: 'Next Segment', accelerator: 'Down' },
  { id: 'segment.previous', menu: 'segment', label: 'Previous Segment', accelerator: 'Up' },
  { id: 'segment.nextUnreviewed', menu: 'segment', label: 'Next Unreviewed Segment', accelerator: 'Alt+Down' },
  { id: 'segment.nextAttention', menu: 'segment', label: 'Next Segment Needing Attention', accelerator: 'F8' },
  // rows with open findings (issue 17). Not F8 (above), nor F7 (Chromium's caret browsing) or F6/F3/F5
  { id: 'segment.nextFinding', menu: 'segment', label: 'Next Segment with Findings', accelerator: 'Alt+Q' },
  { id: 'segment.previousFinding', menu: 'segment', label: 'Previous Segment with Findings', accelerator: 'Alt+Shift+Q' },
  { id: 'segment.comment', menu: 'segment', label: 'Comment on Selection…', accelerator: 'Alt+C' },
  { id: 'segment.editEnglish', menu: 'segment', label: 'Edit English of Segment', accelerator: 'Alt+E' },
  // dictionary glosses from the keyboard (renderer/src/components/GlossPopover.tsx); works in the segment editor too
  { id: 'segment.lookup', menu: 'segment', label: 'Look Up Word in Dictionary', accelerator: 'Alt+D' },
  { id: 'file.attachParallel', menu: 'file', label: 'Attach Original Source or English…' },
  { id: 'view.palette', menu: 'view', label: 'Command Palette…', accelerator: 'CmdOrCtrl+K' },
  { id: 'view.theme.system', menu: 'view', label: 'Theme: Follow System' },
  { id: 'view.theme.light', menu: 'view', label: 'Theme: Light' },
  { id: 'view.theme.dark', menu: 'view', label: 'Theme: Dark' },
  { id: 'view.zoomIn', menu: 'view', label: 'Zoom In', accelerator: 'CmdOrCtrl+=' },
  { id: 'view.zoomOut', menu: 'view', label: 'Zoom Out', accelerator: 'CmdOrCtrl+-' },
  { id: 'view.zoomReset', menu: 'view', label: 'Actual Size', accelerator: 'CmdOrCtrl+0' },
  { id: 'view.language', menu: 'view', label: 'Switch Language (English / 繁體中文)' },
  { id: 'view.findings', menu: 'view', label: 'Show Findings (Checks)', accelerator: 'CmdOrCtrl+Shift+F' },
  { id: 'view.annotations', menu: 'view', label: 'Show Annotations', accelerator: 'Alt+A' },
  // not Ctrl+Shift+C (Chromium's element inspector)
  { id: 'view.claims', menu: 'view', label: 'Show Claims (Fact-Checking)', accelerator: 'CmdOrCtrl+Shift+K' },
  // issue 18: the full-width claims table, and a claim from the selection (or the whole segment).
  // Alt+W / Alt+K: free in the app's keymap; Chromium's browser window reserves Alt+D/E/F, Alt+Home,
  // Alt+←/→ and Alt+Shift+A/B/I/T on Windows/Linux, none of these (README "Claims (fact-checking)").
  { id: 'view.claimsWide', menu: 'view', label: 'Claims Table (Full Width)', accelerator: 'Alt+W' },
  { id: 'segment.claim', menu: 'segment', label: 'Claim Selection or Segment', accelerator: 'Alt+K' },
  { id: 'view.changelog', menu: 'view', label: 'Document Change Log…', accelerator: 'Alt+L' },
  // the second column of the grid: Simplified → Original source → English
  { id: 'view.cycleColumn', menu: 'view', label: 'Next Second Column (Simplified / Source / English)', accelerator: 'Alt+O' },
  { id: 'help.shortcuts', menu: 'help', label: 'Keyboard Shortcuts', accelerator: 'F1' },
  // machine translation (core/mt.ts) and About / Licences (shared/licences.ts)
  { id: 'mt.translateSegment', menu: 'segment', label: 'Machine-Translate Segment' },
  { id: 'mt.translateSelection', menu: 'segment', label: 'Machine-Translate Selected Segments' },
  { id: 'mt.translateUntranslated', menu: 'segment', label: 'Machine-Translate All Untranslated Segments' },
  { id: 'mt.settings', menu: 'edit', label: 'Machine Translation Settings…' },
  { id: 'help.licences', menu: 'help', label: 'About Jiaodui and Licences…' },
  // issue 19: the app connects to a team server (renderer/src/components/ConnectDialog.tsx); no shortcut
  { id: 'team.connect', menu: 'file', label: 'Connect to a Team Server…' },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export function isCommandId(id: unknown): id is CommandId {
  return typeof id === 'string' && COMMANDS.some((c) => c.id === id);
}

/** Channel on which the main process sends a menu command to the renderer. */
export const COMMAND_CHANNEL = 'jiaodui:command';
/** Global the preload exposes for shell integration (menu commands, platform). */
export const SHELL_GLOBAL = 'jiaoduiShell';

export interface ShellBridge {
  platform: string;
  /** Subscribe to menu commands; returns an unsubscribe function. */
  onCommand(cb: (id: CommandId) => void): () => void;
  /** Native open dialog; resolves to the chosen files' names and base64 contents. */
  openFiles(): Promise<{ fileName: string; data: string }[]>;
  /** Native save dialog; resolves to the path written, or null when cancelled. `encoding` 'base64': content is bytes as base64 (DOCX). */
  saveFile(suggestedName: string, content: string, encoding?: 'utf8' | 'base64'): Promise<string | null>;
}
