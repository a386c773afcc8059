/**
 * Operation labels (undo/redo, the change log, the change report) in both UI languages. The
 * backend stores each label as English text plus key + params (shared/operation-labels.ts);
 * here is an English and a Traditional Chinese template per key (`op.<key>`), and words for
 * the params that are words themselves (`value.<param>.<value>`: statuses, claim fields). The
 * English templates give exactly the stored English text. Without a key (operations stored
 * before migration 009), or for a key these tables lack, the English text is used.
 * Pure and zod-free: the renderer (i18n-operations.ts) and the change report share it.
 */
import type { OperationLabelRef } from '../domain/schemas';
import { ruleTitle, type UiLocale } from './rules';

const en = {
  'op.segment.edit': 'Edit segment {n}',
  'op.segment.editApprove': 'Edit and approve segment {n}',
  'op.segment.status': 'Mark segment {n} {status}',
  'op.segments.status': 'Mark {count} segments {status}',
  'op.segment.furniture.mark': 'Mark segment {n} as furniture',
  'op.segment.furniture.unmark': 'Unmark segment {n} as furniture',
  'op.segment.split': 'Split segment {n}',
  'op.segments.merge': 'Merge segments {n} and {next}',
  'op.segment.revert.machine': 'Revert segment {n} to the machine text',
  'op.segment.revert.revision': 'Revert segment {n} to revision {revision}',
  'op.undo': 'Undo {label}',
  'op.redo': 'Redo {label}',
  'op.fix.one': 'Fix {rule} in segment {n}',
  'op.fix.many': 'Fix {count} × {rule}',
  'op.dismiss': 'Dismiss {rule}',
  'op.claim.add': 'Add claim in segment {n}',
  'op.claim.edit': 'Edit claim {id} ({fields}) in segment {n}',
  'op.claim.delete': 'Delete claim {id} in segment {n}',
  'op.claim.candidate.reject': 'Reject claim candidate in segment {n}',
  'op.claim.candidate.restore': 'Restore claim candidate in segment {n}',
  'op.xliff.import.one': 'Import XLIFF (1 segment)',
  'op.xliff.import': 'Import XLIFF ({count} segments)',
  'op.glossary.apply.one': 'Apply glossary to 1 segment',
  'op.glossary.apply': 'Apply glossary to {count} segments',
  'op.mt.segment': 'Machine-translate segment {n}',
  'op.mt.segments': 'Machine-translate {count} segments',
  'op.english.edit': 'Edit English of segment {n}',
  'op.english.editApprove': 'Edit and approve English of segment {n}',
  'op.parallel.attach.english': 'Attach the English rendering',
  'op.parallel.attach.source': 'Attach the original source',
  'op.english.status': 'Mark English of segment {n} {status}',
  'op.english.statuses': 'Mark English of {count} segments {status}',
  'op.align.english.merge': 'Align English: merge at segment {n}',
  'op.align.english.split': 'Align English: split at segment {n}',
  'op.align.english.shift.up': 'Align English: shift up at segment {n}',
  'op.align.english.shift.down': 'Align English: shift down at segment {n}',
  'op.align.source.merge': 'Align source: merge at segment {n}',
  'op.align.source.split': 'Align source: split at segment {n}',
  'op.align.source.shift.up': 'Align source: shift up at segment {n}',
  'op.align.source.shift.down': 'Align source: shift down at segment {n}',
  'op.replace': 'Replace “{find}” with “{replace}”',
  'op.propagate.one': 'Apply the correction of segment {n} to 1 repetition',
  'op.propagate': 'Apply the correction of segment {n} to {count} repetitions',

  'value.status.unreviewed': 'unreviewed',
  'value.status.edited': 'edited',
  'value.status.approved': 'approved',
  'value.fields.text': 'text',
  'value.fields.type': 'type',
  'value.fields.claimant': 'claimant',
  'value.fields.claimDate': 'claimDate',
  'value.fields.verdict': 'verdict',
  'value.fields.evidence': 'evidence',
  'value.fields.notes': 'notes',
  'value.fields.status': 'status',
  'value.fields.assignee': 'assignee',
  'value.fields.ratingNote': 'rating note',
  'value.fields.reviewUrl': 'review URL',
  'value.fields.span': 'span',
} as const;

export type OperationsMessageKey = keyof typeof en;

const zhHant: Record<OperationsMessageKey, string> = {
  'op.segment.edit': '編輯第 {n} 段',
  'op.segment.editApprove': '編輯並核准第 {n} 段',
  'op.segment.status': '將第 {n} 段標為{status}',
  'op.segments.status': '將 {count} 段標為{status}',
  'op.segment.furniture.mark': '將第 {n} 段標為版面雜項',
  'op.segment.furniture.unmark': '取消第 {n} 段的版面雜項標記',
  'op.segment.split': '分割第 {n} 段',
  'op.segments.merge': '合併第 {n} 段與第 {next} 段',
  'op.segment.revert.machine': '將第 {n} 段還原為機器文字',
  'op.segment.revert.revision': '將第 {n} 段還原為修訂 {revision}',
  'op.undo': '復原「{label}」',
  'op.redo': '重做「{label}」',
  'op.fix.one': '修正第 {n} 段的{rule}',
  'op.fix.many': '修正 {count} 處{rule}',
  'op.dismiss': '略過檢查結果：{rule}',
  'op.claim.add': '在第 {n} 段新增陳述',
  'op.claim.edit': '編輯第 {n} 段的陳述 {id}（{fields}）',
  'op.claim.delete': '刪除第 {n} 段的陳述 {id}',
  'op.claim.candidate.reject': '略過第 {n} 段的候選陳述',
  'op.claim.candidate.restore': '恢復第 {n} 段的候選陳述',
  'op.xliff.import.one': '匯入 XLIFF（1 段）',
  'op.xliff.import': '匯入 XLIFF（{count} 段）',
  'op.glossary.apply.one': '將詞彙表套用到 1 段',
  'op.glossary.apply': '將詞彙表套用到 {count} 段',
  'op.mt.segment': '機器翻譯第 {n} 段',
  'op.mt.segments': '機器翻譯 {count} 段',
  'op.english.edit': '編輯第 {n} 段的英文',
  'op.english.editApprove': '編輯並核准第 {n} 段的英文',
  'op.parallel.attach.english': '附加英文譯本',
  'op.parallel.attach.source': '附加原始來源',
  'op.english.status': '將第 {n} 段的英文標為{status}',
  'op.english.statuses': '將 {count} 段的英文標為{status}',
  'op.align.english.merge': '對齊英文：在第 {n} 段合併',
  'op.align.english.split': '對齊英文：在第 {n} 段分割',
  'op.align.english.shift.up': '對齊英文：在第 {n} 段上移',
  'op.align.english.shift.down': '對齊英文：在第 {n} 段下移',
  'op.align.source.merge': '對齊原文：在第 {n} 段合併',
  'op.align.source.split': '對齊原文：在第 {n} 段分割',
  'op.align.source.shift.up': '對齊原文：在第 {n} 段上移',
  'op.align.source.shift.down': '對齊原文：在第 {n} 段下移',
  'op.replace': '將「{find}」取代為「{replace}」',
  'op.propagate.one': '將第 {n} 段的修正套用到 1 個重複段落',
  'op.propagate': '將第 {n} 段的修正套用到 {count} 個重複段落',

  'value.status.unreviewed': '未審閱',
  'value.status.edited': '已修改',
  'value.status.approved': '已核准',
  'value.fields.text': '陳述',
  'value.fields.type': '類型',
  'value.fields.claimant': '陳述者',
  'value.fields.claimDate': '日期',
  'value.fields.verdict': '結論',
  'value.fields.evidence': '證據',
  'value.fields.notes': '備註',
  'value.fields.status': '狀態',
  'value.fields.assignee': '負責人',
  'value.fields.ratingNote': '評級說明',
  'value.fields.reviewUrl': '查核報告網址',
  'value.fields.span': '範圍',
};

/** Both tables (the renderer's catalog test checks every key is translated). */
export const OPERATION_TEMPLATES = { en, 'zh-Hant': zhHant } as const;

const LIST_SEP: Record<UiLocale, string> = { en: ', ', 'zh-Hant': '、' };

function word(locale: UiLocale, param: string, value: string): string {
  // a rule by its title in either language (the stored English label, which the CLI prints, keeps the id)
  if (param === 'rule') return ruleTitle(locale, value);
  const key = `value.${param}.${value}`;
  return key in en ? OPERATION_TEMPLATES[locale][key as OperationsMessageKey] : value;
}

/**
 * An operation's label in `locale`: the structured label through the catalog, else the
 * stored English `text` (older operations, unknown keys, missing params).
 */
export function formatOperationLabel(locale: UiLocale, label: OperationLabelRef | null | undefined, text: string): string {
  if (!label) return text;
  const key = `op.${label.key}`;
  if (!(key in en)) return text;
  const params: Record<string, string> = {};
  for (const [name, v] of Object.entries(label.params)) {
    params[name] = Array.isArray(v) ? v.map((x) => word(locale, name, x)).join(LIST_SEP[locale]) : typeof v === 'string' ? word(locale, name, v) : String(v);
  }
  if ((label.key === 'undo' || label.key === 'redo') && typeof label.params.label === 'string') {
    // the target's label, worded in turn (its English text when it has no key)
    params.label = formatOperationLabel(locale, label.of ?? null, label.params.label);
  }
  let missing = false;
  const out = OPERATION_TEMPLATES[locale][key as OperationsMessageKey].replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name in params) return params[name];
    missing = true;
    return '';
  });
  return missing ? text : out;
}

