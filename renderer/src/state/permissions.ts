/**
 * What the app offers the signed-in reviewer (issue 19): "may this caller make this call", read
 * from the service's own method → role table (shared/contract/roles.ts, `requiredRole`), never a
 * copy of it. The UI names its guarded actions here (each one a contract call and the arguments
 * that decide its role); controls that would make a refused call are disabled or left out with the
 * reason ("Only a lead can publish claims"), and commands (keys, palette) that would make one say
 * so instead of calling. A caller without an account (the desktop app, local browser mode) may do
 * everything. Pure; the React side is `usePermissions.ts`.
 */
import type { CommandId } from '../../../shared/commands';
import type { ArgsOf, MethodName } from '../../../shared/contract/api';
import { requiredRole, roleAtLeast, type Role } from '../../../shared/contract/roles';

/** The signed-in team account (whoAmI), null in local use. */
export type Account = { name: string; role: Role } | null;

interface Guard<M extends MethodName = MethodName> {
  method: M;
  /** the arguments that decide the role (the rest of a real call's arguments do not matter to it) */
  args?: Partial<ArgsOf<M>>;
}
const guard = <M extends MethodName>(method: M, args?: Partial<ArgsOf<M>>): Guard<M> => ({ method, args });

/** Every UI action the roles restrict, as the call it makes. */
export const GUARDED = {
  approve: guard('setStatus', { status: 'approved' }),
  approveEnglish: guard('setEnglishStatus', { status: 'approved' }),
  publishClaim: guard('updateClaim', { status: 'published' }),
  exportClaimReview: guard('exportClaims', { format: 'claimreview' }),
  editGlossary: guard('saveGlossaryEntry'),
  deleteGlossaryEntry: guard('deleteGlossaryEntry'),
  importGlossary: guard('importGlossary'),
  applyGlossary: guard('applyGlossary'),
  dismissFinding: guard('dismissFinding'),
  createLabel: guard('createLabel'),
  editLabel: guard('updateLabel'),
  deleteLabel: guard('deleteLabel'),
  importDocument: guard('importDocument'),
  createProject: guard('createProject'),
  renameProject: guard('renameProject'),
  deleteProject: guard('deleteProject'),
  projectSettings: guard('updateProjectSettings'),
  editDocument: guard('updateDocument'),
  moveDocument: guard('moveDocument'),
  trashDocument: guard('trashDocument'),
  restoreDocument: guard('restoreDocument'),
  emptyTrash: guard('emptyTrash'),
  attachParallel: guard('attachParallelText'),
  translate: guard('startTranslation'),
  cancelTranslation: guard('cancelTranslation'),
  mtSettings: guard('updateMtSettings'),
  settings: guard('updateSettings'),
  recoverDatabase: guard('recoverDatabase'),
} as const satisfies Record<string, Guard>;

export type GuardedAction = keyof typeof GUARDED;
export const GUARDED_ACTIONS = Object.keys(GUARDED) as GuardedAction[];

/** null: the account may take the action; else the role it needs (the service's table). */
export function neededRole(account: Account, action: GuardedAction): Role | null {
  if (!account) return null;
  const g: Guard = GUARDED[action];
  const needed = requiredRole(g.method, (g.args ?? {}) as never);
  return roleAtLeast(account.role, needed) ? null : needed;
}

export function allows(account: Account, action: GuardedAction): boolean {
  return neededRole(account, action) === null;
}

/**
 * The document details form (components/DocumentForm.tsx) for the account: `editable` — the
 * fields take input and Save is offered; otherwise they are shown read-only with the reason (a
 * reviewer reads a document's details). Move and Move to Trash each by its own role.
 */
export function documentDetailsAccess(account: Account): { editable: boolean; move: boolean; trash: boolean } {
  return { editable: allows(account, 'editDocument'), move: allows(account, 'moveDocument'), trash: allows(account, 'trashDocument') };
}

/**
 * The recovery screen (components/RecoveryScreen.tsx) for the caller: the choices (open a copy
 * of a backup, start with a new database) are offered where the service would carry them out —
 * local use, an admin — else the screen explains who may (`needs`), listing the backups only.
 */
export function recoveryOffer(account: Account): { offered: true } | { offered: false; needs: Role } {
  const needs = neededRole(account, 'recoverDatabase');
  return needs === null ? { offered: true } : { offered: false, needs };
}

/** The commands (keys, palette, menus) whose handler makes a guarded call. */
export const COMMAND_ACTIONS: Partial<Record<CommandId, GuardedAction>> = {
  'file.import': 'importDocument',
  'file.paste': 'importDocument',
  'segment.approve': 'approve',
  'file.attachParallel': 'attachParallel',
  'mt.translateSegment': 'translate',
  'mt.translateSelection': 'translate',
  'mt.translateUntranslated': 'translate',
  'mt.settings': 'mtSettings',
};

/** The action a command would take that the account may not, or null (run it). */
export function refusedCommand(account: Account, id: CommandId): GuardedAction | null {
  const action = COMMAND_ACTIONS[id];
  return action && !allows(account, action) ? action : null;
}

/**
 * What "save and approve" (Ctrl+Enter in an editor) does:
 * - 'inOne': the edit carries `approve` (one operation, one undo step);
 * - 'separate': the text is unchanged (or saved apart) and the approval is its own call;
 * - 'saveOnly': the account may not approve: the text is saved as an edit (if changed), no
 *   approval is sent, and the app says why;
 * - 'none': a plain save.
 */
export type ApproveStep = 'inOne' | 'separate' | 'saveOnly' | 'none';
export function approveStep(opts: { approve: boolean; changed: boolean; mayApprove: boolean }): ApproveStep {
  if (!opts.approve) return 'none';
  if (!opts.mayApprove) return 'saveOnly';
  return opts.changed ? 'inOne' : 'separate';
}

/**
 * The command registry as the account may use it: a command whose call the role refuses runs
 * `refused(action)` instead (the app says which role may), so no key, palette entry or menu
 * sends what the service would refuse.
 */
export function guardCommands<H extends Partial<Record<CommandId, () => void>>>(handlers: H, account: Account, refused: (action: GuardedAction) => void): H {
  const out = { ...handlers };
  for (const id of Object.keys(handlers) as (CommandId & keyof H)[]) {
    const action = refusedCommand(account, id);
    if (action) out[id] = (() => refused(action)) as H[typeof id];
  }
  return out;
}

/**
 * The claim statuses a status menu offers: all of them, except 'published' where the account may
 * not publish — unless it is the claim's status now (the menu shows what is stored).
 */
export function claimStatusOptions<S extends string>(statuses: readonly S[], current: S, account: Account): S[] {
  const mayPublish = allows(account, 'publishClaim');
  return statuses.filter((s) => s !== 'published' || mayPublish || s === current);
}
