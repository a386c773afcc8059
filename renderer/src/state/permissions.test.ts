import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, type CommandId } from '../../../shared/commands';
import type { MethodName } from '../../../shared/contract/api';
import { accountCaller } from '../../../shared/contract/caller';
import { METHOD_ROLES, refusedRole, ROLES, type Role } from '../../../shared/contract/roles';
import * as rolesText from '../i18n-roles';
import { refusalReason, roleMessage } from '../i18n-roles';
import { makePermissions } from './usePermissions';
import { NOT_OFFERED } from './roles-doc';
import { allows, approveStep, claimStatusOptions, COMMAND_ACTIONS, documentDetailsAccess, GUARDED, GUARDED_ACTIONS, guardCommands, neededRole, recoveryOffer, refusedCommand, type GuardedAction } from './permissions';

const as = (role: Role) => ({ name: 'X', role });

/** What each role may do in the app, written out: the table below must agree with the service's. */
const EXPECTED: Record<Role, GuardedAction[]> = {
  reviewer: [],
  lead: GUARDED_ACTIONS.filter((a) => !['emptyTrash', 'mtSettings', 'settings', 'recoverDatabase'].includes(a)),
  admin: GUARDED_ACTIONS,
};

describe('what the app offers each role (state/permissions.ts)', () => {
  it.each(ROLES)('%s: the actions allowed are exactly those the service allows', (role) => {
    expect(GUARDED_ACTIONS.filter((a) => allows(as(role), a))).toEqual(EXPECTED[role]);
    for (const a of GUARDED_ACTIONS) {
      const g: { method: MethodName; args?: object } = GUARDED[a];
      // the service's own decision for an account caller making that call
      const service = refusedRole(accountCaller('server', '10.0.0.1', as(role)), g.method, (g.args ?? {}) as never);
      expect(neededRole(as(role), a), `${role} × ${a}`).toBe(service);
    }
  });

  it('offers everything in local use (no account)', () => {
    for (const a of GUARDED_ACTIONS) expect(allows(null, a)).toBe(true);
    for (const c of COMMANDS) expect(refusedCommand(null, c.id)).toBeNull();
  });

  it('says which role may, in both languages', () => {
    expect(refusalReason('en', as('reviewer'), 'publishClaim')).toBe('Only a lead can publish claims.');
    expect(refusalReason('en', as('lead'), 'emptyTrash')).toBe('Only an admin can empty the Trash.');
    expect(refusalReason('en', as('lead'), 'publishClaim')).toBeNull();
    expect(refusalReason('zh-Hant', as('reviewer'), 'publishClaim')).toBe('只有組長可以發布查核結果。');
    expect(roleMessage('en', as('reviewer'), 'approve', 'roles.savedNotApproved')).toBe('Saved, not approved: only a lead can approve segments.');
    expect(roleMessage('en', as('admin'), 'approve', 'roles.savedNotApproved')).toBeNull();
  });

  it('guards or names every method above a reviewer (the roles table, method by method)', () => {
    const guarded = new Set(GUARDED_ACTIONS.map((a) => GUARDED[a].method as MethodName));
    const restricted = (Object.keys(METHOD_ROLES) as MethodName[]).filter((m) => METHOD_ROLES[m] !== 'reviewer');
    expect(restricted.filter((m) => !guarded.has(m) && !(m in NOT_OFFERED))).toEqual([]);
    // nothing is listed twice, and nothing listed is open to a reviewer anyway
    expect([...guarded].filter((m) => m in NOT_OFFERED)).toEqual([]);
    expect(Object.keys(NOT_OFFERED).filter((m) => METHOD_ROLES[m as MethodName] === 'reviewer')).toEqual([]);
  });

  it('the app calls no method it says it never offers (CLI only)', () => {
    const root = join(import.meta.dirname, '..');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(root);
    const source = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    const cliOnly = (Object.entries(NOT_OFFERED) as [MethodName, string][]).filter(([, why]) => why.startsWith('CLI only')).map(([m]) => m);
    expect(cliOnly.length).toBeGreaterThan(3);
    expect(cliOnly.filter((m) => new RegExp(`client\\.${m}\\(`).test(source))).toEqual([]);
    // and the guarded ones are called (each guard stands for a real control)
    const called = GUARDED_ACTIONS.filter((a) => new RegExp(`client\\.${GUARDED[a].method}\\(`).test(source));
    expect(GUARDED_ACTIONS.filter((a) => !called.includes(a))).toEqual([]);
  });

  it('maps the commands that make a guarded call, and refuses them by role', () => {
    for (const id of Object.keys(COMMAND_ACTIONS)) expect(COMMANDS.some((c) => c.id === id)).toBe(true);
    expect(refusedCommand(as('reviewer'), 'segment.approve')).toBe('approve');
    expect(refusedCommand(as('reviewer'), 'file.import')).toBe('importDocument');
    expect(refusedCommand(as('reviewer'), 'segment.edit')).toBeNull();
    expect(refusedCommand(as('lead'), 'segment.approve')).toBeNull();
    expect(refusedCommand(as('lead'), 'mt.settings')).toBe('mtSettings');
    expect(refusedCommand(as('admin'), 'mt.settings')).toBeNull();
  });

  it('guardCommands: a refused command says why instead of running (a key, the palette, a menu)', () => {
    const approve = vi.fn();
    const edit = vi.fn();
    const refused = vi.fn();
    const handlers: Partial<Record<CommandId, () => void>> = { 'segment.approve': approve, 'segment.edit': edit };
    const reviewer = guardCommands(handlers, as('reviewer'), refused);
    reviewer['segment.approve']!();
    reviewer['segment.edit']!();
    expect(approve).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith('approve');
    expect(edit).toHaveBeenCalledTimes(1);
    const lead = guardCommands(handlers, as('lead'), refused);
    lead['segment.approve']!();
    expect(approve).toHaveBeenCalledTimes(1);
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('approveStep: Ctrl+Enter in an editor approves only where the role may, else saves and says so', () => {
    expect(approveStep({ approve: true, changed: true, mayApprove: true })).toBe('inOne');
    expect(approveStep({ approve: true, changed: false, mayApprove: true })).toBe('separate');
    expect(approveStep({ approve: true, changed: true, mayApprove: false })).toBe('saveOnly');
    expect(approveStep({ approve: true, changed: false, mayApprove: false })).toBe('saveOnly');
    expect(approveStep({ approve: false, changed: true, mayApprove: false })).toBe('none');
  });

  it("claimStatusOptions: no 'published' for a reviewer, unless the claim is published already", () => {
    const all = ['new', 'in-progress', 'published', 'discarded'] as const;
    expect(claimStatusOptions(all, 'new', as('reviewer'))).toEqual(['new', 'in-progress', 'discarded']);
    expect(claimStatusOptions(all, 'published', as('reviewer'))).toEqual(all);
    expect(claimStatusOptions(all, 'new', as('lead'))).toEqual(all);
    expect(claimStatusOptions(all, 'new', null)).toEqual(all);
  });

  it('documentDetailsAccess: a reviewer reads the details (read-only, no Save, no Move or Trash); a lead edits, moves, trashes', () => {
    expect(documentDetailsAccess(as('reviewer'))).toEqual({ editable: false, move: false, trash: false });
    expect(documentDetailsAccess(as('lead'))).toEqual({ editable: true, move: true, trash: true });
    expect(documentDetailsAccess(as('admin'))).toEqual({ editable: true, move: true, trash: true });
    expect(documentDetailsAccess(null)).toEqual({ editable: true, move: true, trash: true });
    expect(roleMessage('en', as('reviewer'), 'editDocument', 'roles.readOnlyDocument')).toBe("Only a lead can change a document's details: you can read them.");
    expect(roleMessage('zh-Hant', as('reviewer'), 'editDocument', 'roles.readOnlyDocument')).toBe('只有組長可以修改文件資料：你可以閱讀這些資料。');
  });

  it('recoveryOffer: the recovery choices for an admin or local use; a reviewer or lead is told an admin may', () => {
    expect(recoveryOffer(null)).toEqual({ offered: true });
    expect(recoveryOffer(as('admin'))).toEqual({ offered: true });
    expect(recoveryOffer(as('lead'))).toEqual({ offered: false, needs: 'admin' });
    expect(recoveryOffer(as('reviewer'))).toEqual({ offered: false, needs: 'admin' });
    expect(refusalReason('en', as('lead'), 'recoverDatabase')).toBe('Only an admin can recover the database.');
    expect(refusalReason('zh-Hant', as('reviewer'), 'recoverDatabase')).toBe('只有管理員可以復原資料庫。');
  });

  it('makePermissions: what the app provides (the wording loaded only for an account)', () => {
    const local = makePermissions(null, 'en', null);
    for (const a of GUARDED_ACTIONS) expect(local.reason(a)).toBeNull();
    const reviewer = makePermissions(as('reviewer'), 'zh-Hant', rolesText);
    expect(reviewer.reason('approve')).toBe('只有組長可以核准段落。');
    expect(reviewer.message('approve', 'roles.savedNotApproved')).toBe('已儲存，未核准：只有組長可以核准段落。');
    expect(reviewer.reason('exportClaimReview')).not.toBeNull();
    expect(makePermissions(as('lead'), 'en', rolesText).reason('approve')).toBeNull();
    // refused before the wording arrives: still refused, named by the action
    expect(makePermissions(as('reviewer'), 'en', null).reason('publishClaim')).toBe('publishClaim');
  });
});
