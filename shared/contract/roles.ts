/**
 * Team roles (issue 19): which role each contract method needs, as one pure table. The
 * service enforces it from the caller context (core/service.ts, before any handler runs);
 * the app reads the same table to leave out what the signed-in reviewer may not do. zod-free
 * and Node-free: the renderer imports it too.
 *
 * A caller without an account (the desktop app, the CLI, local browser mode) has every role:
 * local use is unchanged.
 */
import type { ArgsOf, MethodName } from './api';
import type { CallerContext } from './caller';

import { ROLES, type Role } from './role-names';
import { em, errPart, type KeyedMessage } from '../error-messages';

export { ROLES, type Role } from './role-names';

/** Each role may do what the roles before it may: reviewer < lead < admin. */
const RANK: Record<Role, number> = { reviewer: 0, lead: 1, admin: 2 };

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** A method's minimum role, or a rule reading its (validated) arguments when the role depends on what it does. */
type Rule<M extends MethodName> = Role | ((args: ArgsOf<M>) => Role);

/** Approving (setting a status to 'approved') is a lead's; marking edited or unreviewed a reviewer's. */
const approving = (args: { status: string }): Role => (args.status === 'approved' ? 'lead' : 'reviewer');
/** An edit that also approves (editSegment / editEnglish with `approve`: Ctrl+Enter) is a lead's too. */
const editing = (args: { approve?: boolean }): Role => (args.approve ? 'lead' : 'reviewer');

/**
 * Method → minimum role. Reading is a reviewer's; a reviewer edits text, marks segments
 * (edited/unreviewed), annotates, drafts claims, runs checks and applies fixes; a lead also
 * approves, publishes claims (status 'published', or the ClaimReview export), edits the glossary and
 * labels, dismisses findings (a dismissal hides a finding for everyone), manages projects and
 * documents and starts machine translation; an admin also manages reviewers, the server's
 * settings and recovery. Every method is listed (a missing one is a type error).
 */
export const METHOD_ROLES: { [M in MethodName]: Rule<M> } = {
  getInfo: 'reviewer',
  recoveryStatus: 'reviewer',
  recoverDatabase: 'admin',
  getSettings: 'reviewer',
  updateSettings: 'admin',
  listProjects: 'reviewer',
  createProject: 'lead',
  renameProject: 'lead',
  // only an empty project (its glossary goes with it): a lead's, as creating one
  deleteProject: 'lead',
  getProjectSettings: 'reviewer',
  // the house style decides what every reviewer of the project is shown: a lead's, as managing projects
  updateProjectSettings: 'lead',
  listDocuments: 'reviewer',
  getDocument: 'reviewer',
  updateDocument: 'lead',
  moveDocument: 'lead',
  trashDocument: 'lead',
  restoreDocument: 'lead',
  emptyTrash: 'admin',
  previewImport: 'reviewer',
  importDocument: 'lead',
  getSegments: 'reviewer',
  getSegmentsById: 'reviewer',
  editSegment: editing,
  setStatus: approving,
  setFurniture: 'reviewer',
  splitSegment: 'reviewer',
  mergeSegments: 'reviewer',
  undo: 'reviewer',
  redo: 'reviewer',
  undoState: 'reviewer',
  segmentHistory: 'reviewer',
  search: 'reviewer',
  exportDocument: 'reviewer',
  importXliff: 'reviewer',
  listRules: 'reviewer',
  runChecks: 'reviewer',
  checkProject: 'reviewer',
  listFindings: 'reviewer',
  applyFix: 'reviewer',
  dismissFinding: 'lead',
  listAnnotations: 'reviewer',
  addAnnotation: 'reviewer',
  previewReplace: 'reviewer',
  replaceAll: 'reviewer',
  replaceHits: 'reviewer',
  findRepetitions: 'reviewer',
  propagateEdit: 'reviewer',
  revertSegment: 'reviewer',
  documentChangeLog: 'reviewer',
  updateAnnotation: 'reviewer',
  replyToAnnotation: 'reviewer',
  resolveAnnotation: 'reviewer',
  deleteAnnotation: 'reviewer',
  restoreAnnotation: 'reviewer',
  listLabels: 'reviewer',
  createLabel: 'lead',
  updateLabel: 'lead',
  deleteLabel: 'lead',
  attention: 'reviewer',
  listGlossary: 'reviewer',
  saveGlossaryEntry: 'lead',
  deleteGlossaryEntry: 'lead',
  previewGlossary: 'reviewer',
  applyGlossary: 'lead',
  importGlossary: 'lead',
  exportGlossary: 'reviewer',
  listClaimCandidates: 'reviewer',
  createClaim: 'reviewer',
  updateClaim: (args) => (args.status === 'published' ? 'lead' : 'reviewer'),
  addClaim: 'reviewer',
  addClaimEvidence: 'reviewer',
  removeClaimEvidence: 'reviewer',
  claimsReport: 'reviewer',
  listPeople: 'reviewer',
  getClaimReviewSettings: 'reviewer',
  updateClaimReviewSettings: 'admin',
  listClaims: 'reviewer',
  claimHistory: 'reviewer',
  crossCheckClaims: 'reviewer',
  exportClaims: (args) => (args.format === 'claimreview' ? 'lead' : 'reviewer'),
  deleteClaim: 'reviewer',
  rejectClaimCandidate: 'reviewer',
  restoreClaimCandidate: 'reviewer',
  attachParallelText: 'lead',
  listParallelTexts: 'reviewer',
  realignParallel: 'lead',
  editEnglish: editing,
  setEnglishStatus: approving,
  editAlignment: 'reviewer',
  getMtSettings: 'reviewer',
  updateMtSettings: 'admin',
  startTranslation: 'lead',
  getTranslationJob: 'reviewer',
  cancelTranslation: 'lead',
  lookupGloss: 'reviewer',
  glossAt: 'reviewer',
  whoAmI: 'reviewer',
  listUsers: 'admin',
  addUser: 'admin',
  revokeUser: 'admin',
  // moving projects (jiaodui pull / push): reading a whole project is a reviewer's, creating one from a bundle a lead's (as createProject)
  exportProjectBundle: 'reviewer',
  importProjectBundle: 'lead',
  presence: 'reviewer',
};

/** The role a call needs, read from its method and arguments. */
export function requiredRole<M extends MethodName>(method: M, args: ArgsOf<M>): Role {
  const rule = METHOD_ROLES[method] as Rule<M>;
  return typeof rule === 'function' ? rule(args) : rule;
}

/** What a refused call is told: who, what they tried, and which role it takes. */
export function refusalMessage(account: { name: string; role: Role }, method: MethodName, needed: Role): string {
  return refusal(account, method, needed).message;
}

/** The refusal as a keyed message (shared/error-messages.ts): the roles' names are nested messages, worded in the UI language. */
export function refusal(account: { name: string; role: Role }, method: MethodName, needed: Role): KeyedMessage {
  return em('forbidden.role', { name: account.name, role: [errPart(`role.${account.role}`)], action: describeMethod(method), needed: [errPart(`role.${needed}`)] });
}

function describeMethod(method: MethodName): string {
  const words = method.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
  return `"${words}"`;
}

/**
 * null when the caller may call the method with these arguments, else the role it needs.
 * A caller without an account (local use) may call everything.
 */
export function refusedRole<M extends MethodName>(caller: CallerContext, method: M, args: ArgsOf<M>): Role | null {
  if (!caller.account) return null;
  const needed = requiredRole(method, args);
  return roleAtLeast(caller.account.role, needed) ? null : needed;
}

/** Whether an account (null: local use) may call a method at all with some arguments — what the app offers. */
export function mayCall(account: { role: Role } | null | undefined, method: MethodName, args?: object): boolean {
  if (!account) return true;
  const rule = METHOD_ROLES[method] as Rule<MethodName>;
  const needed = typeof rule === 'function' ? (args ? rule(args as never) : 'reviewer') : rule;
  return roleAtLeast(account.role, needed);
}
