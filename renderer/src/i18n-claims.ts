/**
 * UI strings of the Claims panel, English and Traditional Chinese, in the same `{name}`
 * format as i18n.ts and following its locale (own catalog: the shared one only carries
 * the command label `command.view.claims`).
 */
import { catalogHook } from './i18n';
import { defineCatalog } from './i18n-catalog';

const en = {
  'claims.title': 'Claims',
  'claims.close': 'Close claims',
  'claims.candidates': 'Candidates',
  'claims.claims': 'Claims',
  'claims.accept': 'Accept',
  'claims.reject': 'Reject',
  'claims.keys': 'A accept · R reject · ↑↓ move',
  'claims.noCandidates': 'No open candidates.',
  'claims.noClaims': 'No claims yet: accept a candidate.',
  'claims.filter.type': 'Type',
  'claims.filter.claimant': 'Claimant',
  'claims.filter.verdict': 'Verdict',
  'claims.filter.status': 'Status',
  'claims.all': 'All',
  'claims.text': 'Claim',
  'claims.evidence': 'Evidence',
  'claims.evidenceUrl': 'Evidence URL',
  'claims.evidenceNote': 'Note',
  'claims.addEvidence': 'Add',
  'claims.export': 'Export',
  'claims.crossCheck': 'Cross-check',
  'claims.noFindings': 'The claims agree with each other.',
  'claims.orphaned': 'orphaned',
  'claims.accepted': 'Claim created.',
  'claims.rejected': 'Candidate rejected (undo with Ctrl/⌘+Z).',
  'claims.restore': 'Restore',
  'claims.showRejected': 'Show rejected ({count})',
  'claims.isRejected': 'rejected',
  'claims.delete': 'Delete',
  'claims.deleteClaim': 'Delete claim {id}',
  'claims.deleted': 'Claim deleted (undo with Ctrl/⌘+Z).',
  'claims.jumpClaim': 'Go to claim {id}',
  'claims.dismissedBecause': 'dismissed: {reason}',
  'claims.crossChecks': 'Cross-checks ({count})',
} as const;
export type ClaimsMessageKey = keyof typeof en;

const zhHant: Record<ClaimsMessageKey, string> = {
  'claims.title': '待查核陳述',
  'claims.close': '關閉待查核陳述',
  'claims.candidates': '候選',
  'claims.claims': '陳述',
  'claims.accept': '採納',
  'claims.reject': '略過',
  'claims.keys': 'A 採納 · R 略過 · ↑↓ 移動',
  'claims.noCandidates': '沒有待處理的候選。',
  'claims.noClaims': '尚無陳述：請採納候選。',
  'claims.filter.type': '類型',
  'claims.filter.claimant': '陳述者',
  'claims.filter.verdict': '結論',
  'claims.filter.status': '狀態',
  'claims.all': '全部',
  'claims.text': '陳述',
  'claims.evidence': '證據',
  'claims.evidenceUrl': '證據網址',
  'claims.evidenceNote': '說明',
  'claims.addEvidence': '加入',
  'claims.export': '匯出',
  'claims.crossCheck': '交叉核對',
  'claims.noFindings': '各陳述之間沒有矛盾。',
  'claims.orphaned': '已失去錨點',
  'claims.accepted': '已建立陳述。',
  'claims.rejected': '已略過候選（Ctrl/⌘+Z 可復原）。',
  'claims.restore': '恢復',
  'claims.showRejected': '顯示已略過（{count}）',
  'claims.isRejected': '已略過',
  'claims.delete': '刪除',
  'claims.deleteClaim': '刪除陳述 {id}',
  'claims.deleted': '已刪除陳述（Ctrl/⌘+Z 可復原）。',
  'claims.jumpClaim': '跳到陳述 {id}',
  'claims.dismissedBecause': '已忽略：{reason}',
  'claims.crossChecks': '交叉核對（{count}）',
};

const catalog = defineCatalog(en, zhHant);
export const translateClaims = catalog.translate;

export const useClaimsI18n = catalogHook('ct', translateClaims);
