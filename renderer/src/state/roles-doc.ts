/**
 * README's "What the roles may do" tables, generated from the service's method → role table
 * (shared/contract/roles.ts) and the app's guarded actions (./permissions.ts); roles-doc.test.ts
 * fails when README's copy differs (and prints the table to paste). Test and docs only: the app
 * does not import this module.
 */
import type { MethodName } from '../../../shared/contract/api';
import { METHOD_ROLES, requiredRole, ROLES, type Role } from '../../../shared/contract/roles';
import { ROLES_CATALOG } from '../i18n-roles';
import { allows, GUARDED_ACTIONS } from './permissions';

/**
 * Methods above a reviewer's role that the app never calls, so nothing needs hiding for them
 * (permissions.test.ts: every such method is either guarded in permissions.ts or listed here, with why).
 */
export const NOT_OFFERED: Partial<Record<MethodName, string>> = {
  realignParallel: 'CLI only',
  updateClaimReviewSettings: 'CLI only (the fact-check publisher settings)',
  listUsers: 'CLI only (jiaodui users)',
  addUser: 'CLI only (jiaodui users add)',
  revokeUser: 'CLI only (jiaodui users revoke)',
  importProjectBundle: 'CLI only (jiaodui push)',
  editSegment: 'only its approve flag needs a lead: the app sends it where `approve` is allowed (approveStep, permissions.ts)',
  editEnglish: 'only its approve flag needs a lead: the app sends it where `approveEnglish` is allowed (approveStep, permissions.ts)',
};

/** For each method whose role depends on its arguments: the arguments that raise it, in words. */
export const DECIDING_ARGS: Partial<Record<MethodName, { args: object; what: string }>> = {
  setStatus: { args: { status: 'approved' }, what: 'to approved' },
  setEnglishStatus: { args: { status: 'approved' }, what: 'to approved' },
  editSegment: { args: { approve: true }, what: 'with approve (save and approve, Ctrl+Enter)' },
  editEnglish: { args: { approve: true }, what: 'with approve (save and approve, Ctrl+Enter)' },
  updateClaim: { args: { status: 'published' }, what: 'to status published' },
  exportClaims: { args: { format: 'claimreview' }, what: 'as ClaimReview' },
};

const role = (m: MethodName, args: object): Role => requiredRole(m, args as never);

/** What the app offers each role: one row per guarded action (its English "Only … can X" wording), ✓ or —. */
export function actionsTable(): string {
  const rows = GUARDED_ACTIONS.map((a) => {
    const what = /^Only \{role\} can (.*?)\.?$/.exec(ROLES_CATALOG.en[`roles.only.${a}`])?.[1] ?? a;
    return `| ${what} | ${ROLES.map((r) => (allows({ name: '', role: r }, a) ? '✓' : '—')).join(' | ')} |`;
  });
  return [`| in the app | ${ROLES.join(' | ')} |`, `| --- | ${ROLES.map(() => '---').join(' | ')} |`, ...rows].join('\n');
}

/** Every contract method by the role it needs; methods whose arguments decide listed with both roles. */
export function methodsTable(): string {
  const methods = Object.keys(METHOD_ROLES) as MethodName[];
  const fixed = methods.filter((m) => typeof METHOD_ROLES[m] !== 'function');
  const byArgs = methods.filter((m) => typeof METHOD_ROLES[m] === 'function');
  const lines = ROLES.map((r) => `| ${r} | ${fixed.filter((m) => role(m, {}) === r).map((m) => `\`${m}\``).join(', ')} |`);
  const decided = byArgs.map((m) => {
    const d = DECIDING_ARGS[m];
    return d ? `\`${m}\` ${d.what}: ${role(m, d.args)}, otherwise ${role(m, {})}` : `\`${m}\`: depends on its arguments`;
  });
  return ['| needs | methods |', '| --- | --- |', ...lines, `| depends on the arguments | ${decided.join('; ')} |`].join('\n');
}

export const ROLES_DOC_START = '<!-- roles-table: generated from shared/contract/roles.ts by renderer/src/state/roles-doc.ts; roles-doc.test.ts checks it -->';
export const ROLES_DOC_END = '<!-- /roles-table -->';

export function rolesDoc(): string {
  return [ROLES_DOC_START, '', actionsTable(), '', 'Every contract method by the role it needs (a role may do what the roles before it may):', '', methodsTable(), '', ROLES_DOC_END].join('\n');
}
