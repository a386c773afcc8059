/**
 * UI strings of team roles (issue 19): why a control is disabled or a command does nothing
 * ("Only a lead can publish claims"), one per guarded action of state/permissions.ts, and the
 * role names. English and Traditional Chinese, following i18n.ts's locale.
 */
import type { Role } from '../../shared/contract/roles';
import { defineCatalog, type Locale } from './i18n-catalog';
import { neededRole, type Account, type GuardedAction } from './state/permissions';

const en = {
  'roles.role.reviewer': 'reviewer',
  'roles.role.lead': 'lead',
  'roles.role.admin': 'admin',
  'roles.a.reviewer': 'a reviewer',
  'roles.a.lead': 'a lead',
  'roles.a.admin': 'an admin',
  'roles.only.approve': 'Only {role} can approve segments.',
  'roles.only.approveEnglish': 'Only {role} can approve English.',
  'roles.only.publishClaim': 'Only {role} can publish claims.',
  'roles.only.exportClaimReview': 'Only {role} can export ClaimReview (it publishes the verdicts).',
  'roles.only.editGlossary': 'Only {role} can edit the glossary.',
  'roles.only.deleteGlossaryEntry': 'Only {role} can delete glossary entries.',
  'roles.only.importGlossary': 'Only {role} can import a glossary.',
  'roles.only.applyGlossary': 'Only {role} can apply the glossary to the text.',
  'roles.only.dismissFinding': 'Only {role} can dismiss findings (a dismissal hides a finding for everyone).',
  'roles.only.createLabel': 'Only {role} can create labels.',
  'roles.only.editLabel': 'Only {role} can change labels.',
  'roles.only.deleteLabel': 'Only {role} can delete labels.',
  'roles.only.importDocument': 'Only {role} can import documents.',
  'roles.only.createProject': 'Only {role} can create projects.',
  'roles.only.renameProject': 'Only {role} can rename projects.',
  'roles.only.deleteProject': 'Only {role} can delete projects.',
  'roles.only.projectSettings': "Only {role} can change a project's settings.",
  'roles.only.editDocument': "Only {role} can change a document's details.",
  'roles.only.moveDocument': 'Only {role} can move documents between projects.',
  'roles.only.trashDocument': 'Only {role} can move documents to the Trash.',
  'roles.only.restoreDocument': 'Only {role} can restore documents from the Trash.',
  'roles.only.emptyTrash': 'Only {role} can empty the Trash.',
  'roles.only.attachParallel': 'Only {role} can attach an original source or English.',
  'roles.only.translate': 'Only {role} can start machine translation.',
  'roles.only.cancelTranslation': 'Only {role} can cancel machine translation.',
  'roles.only.mtSettings': 'Only {role} can change the machine translation settings.',
  'roles.only.settings': "Only {role} can change the server's settings.",
  'roles.only.recoverDatabase': 'Only {role} can recover the database.',
  'roles.savedNotApproved': 'Saved, not approved: only {role} can approve segments.',
  'roles.savedEnglishNotApproved': 'English saved, not approved: only {role} can approve English.',
  'roles.readOnlyGlossary': 'Only {role} can edit the glossary: you can read and export it.',
  'roles.readOnlyDocument': "Only {role} can change a document's details: you can read them.",
};

const zhHant: Record<keyof typeof en, string> = {
  'roles.role.reviewer': '審校員',
  'roles.role.lead': '組長',
  'roles.role.admin': '管理員',
  'roles.a.reviewer': '審校員',
  'roles.a.lead': '組長',
  'roles.a.admin': '管理員',
  'roles.only.approve': '只有{role}可以核准段落。',
  'roles.only.approveEnglish': '只有{role}可以核准英文譯文。',
  'roles.only.publishClaim': '只有{role}可以發布查核結果。',
  'roles.only.exportClaimReview': '只有{role}可以匯出 ClaimReview（它會發布查核結論）。',
  'roles.only.editGlossary': '只有{role}可以編輯詞彙表。',
  'roles.only.deleteGlossaryEntry': '只有{role}可以刪除詞彙表條目。',
  'roles.only.importGlossary': '只有{role}可以匯入詞彙表。',
  'roles.only.applyGlossary': '只有{role}可以把詞彙表套用到文字。',
  'roles.only.dismissFinding': '只有{role}可以略過檢查結果（略過後所有人都看不到）。',
  'roles.only.createLabel': '只有{role}可以新增標籤。',
  'roles.only.editLabel': '只有{role}可以修改標籤。',
  'roles.only.deleteLabel': '只有{role}可以刪除標籤。',
  'roles.only.importDocument': '只有{role}可以匯入文件。',
  'roles.only.createProject': '只有{role}可以新增專案。',
  'roles.only.renameProject': '只有{role}可以重新命名專案。',
  'roles.only.deleteProject': '只有{role}可以刪除專案。',
  'roles.only.projectSettings': '只有{role}可以變更專案設定。',
  'roles.only.editDocument': '只有{role}可以修改文件資料。',
  'roles.only.moveDocument': '只有{role}可以在專案之間移動文件。',
  'roles.only.trashDocument': '只有{role}可以把文件移到垃圾桶。',
  'roles.only.restoreDocument': '只有{role}可以從垃圾桶還原文件。',
  'roles.only.emptyTrash': '只有{role}可以清空垃圾桶。',
  'roles.only.attachParallel': '只有{role}可以附加原文或英文譯文。',
  'roles.only.translate': '只有{role}可以啟動機器翻譯。',
  'roles.only.cancelTranslation': '只有{role}可以取消機器翻譯。',
  'roles.only.mtSettings': '只有{role}可以修改機器翻譯設定。',
  'roles.only.settings': '只有{role}可以修改伺服器的設定。',
  'roles.only.recoverDatabase': '只有{role}可以復原資料庫。',
  'roles.savedNotApproved': '已儲存，未核准：只有{role}可以核准段落。',
  'roles.savedEnglishNotApproved': '英文已儲存，未核准：只有{role}可以核准英文譯文。',
  'roles.readOnlyGlossary': '只有{role}可以編輯詞彙表：你可以閱讀及匯出它。',
  'roles.readOnlyDocument': '只有{role}可以修改文件資料：你可以閱讀這些資料。',
};

const catalog = defineCatalog(en, zhHant);
export const ROLES_CATALOG = catalog.catalog;
export const translateRoles = catalog.translate;
export type RolesMessageKey = keyof typeof en;

export function roleName(locale: Locale, role: Role): string {
  return translateRoles(locale, `roles.role.${role}`);
}

/** Why the account may not take the action, in the UI language ("Only a lead can publish claims."), or null when it may. */
export function refusalReason(locale: Locale, account: Account, action: GuardedAction): string | null {
  const role = neededRole(account, action);
  return role === null ? null : translateRoles(locale, `roles.only.${action}`, { role: translateRoles(locale, `roles.a.${role}`) });
}

/** A message with the role the action needs ("Saved, not approved: only a lead can …"), or null when the account may take it. */
export function roleMessage(locale: Locale, account: Account, action: GuardedAction, key: RolesMessageKey): string | null {
  const role = neededRole(account, action);
  return role === null ? null : translateRoles(locale, key, { role: translateRoles(locale, `roles.a.${role}`) });
}
