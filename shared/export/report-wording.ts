/**
 * How the change report words things, in the reviewer's UI language (English or Traditional
 * Chinese): times in the exporting side's time zone with its UTC offset (the report is a
 * static page and runs no script, so the zone is fixed at export), what one change did
 * ("replaced 1 character"), and the report's labels. Pure: runs in Node and the browser.
 */
import type { DiffPart } from '../text/diff';

export const REPORT_LOCALES = ['en', 'zh-Hant'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

/** Whether `timeZone` is an IANA time zone this runtime knows ('Asia/Taipei', 'UTC'). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at that instant, in minutes (east positive: Asia/Taipei +480). */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((local - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** "UTC+08:00", "UTC−05:00", "UTC+05:30", "UTC+00:00". */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const m = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * A stored time (ISO, UTC) as the reviewer reads it: local date and time in `timeZone` with
 * the offset that applied then ("2026-12-02 21:26:05 UTC+08:00"; a summer date gets its summer
 * offset). An unreadable time is returned as stored.
 */
export function formatLocalTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const offset = utcOffsetMinutes(d, timeZone);
  const local = new Date(Math.floor(d.getTime() / 1000) * 1000 + offset * 60000);
  const p2 = (v: number) => String(v).padStart(2, '0');
  const date = `${local.getUTCFullYear()}-${p2(local.getUTCMonth() + 1)}-${p2(local.getUTCDate())}`;
  const time = `${p2(local.getUTCHours())}:${p2(local.getUTCMinutes())}:${p2(local.getUTCSeconds())}`;
  return `${date} ${time} ${formatUtcOffset(offset)}`;
}

/** What a text change did, in characters: a deletion next to an insertion is a replacement. */
export interface TextChangeCounts {
  replaced: number;
  inserted: number;
  deleted: number;
}

export function textChangeCounts(diff: readonly DiffPart[]): TextChangeCounts {
  const out = { replaced: 0, inserted: 0, deleted: 0 };
  let del = 0;
  let ins = 0;
  const flush = () => {
    const r = Math.min(del, ins);
    out.replaced += r;
    out.deleted += del - r;
    out.inserted += ins - r;
    del = ins = 0;
  };
  for (const p of diff) {
    const n = [...p.text].length; // code points: 𠀋 is one character
    if (p.op === 'equal') flush();
    else if (p.op === 'delete') del += n;
    else ins += n;
  }
  flush();
  return out;
}

export function addCounts(a: TextChangeCounts, b: TextChangeCounts): TextChangeCounts {
  return { replaced: a.replaced + b.replaced, inserted: a.inserted + b.inserted, deleted: a.deleted + b.deleted };
}

/** Reasons of revisions written by the app rather than typed by the reviewer: a check's fix, applying the glossary. */
export function isAutomaticReason(reason: string): boolean {
  return reason.startsWith('fix:') || reason === 'glossary';
}

const EN = {
  title: 'Change report: {title}',
  generated: 'Generated {time}; times in {zone} ({offset}).',
  summary: 'Summary',
  segments: 'segments',
  reviewed: 'reviewed (status changed from unreviewed)',
  approvedByReviewer: 'approved by a reviewer',
  editedByHand: 'changed by hand',
  fixedAutomatically: 'changed only by automatic fixes (checks, glossary)',
  changed: 'changed',
  charactersChanged: 'characters changed',
  findingsByRule: 'Findings by rule',
  rule: 'rule',
  open: 'open',
  dismissed: 'dismissed',
  noFindings: 'No findings stored: the checks found nothing, or have not been run on this document.',
  operations: 'Operations ({count})',
  noOperations: 'No operations.',
  when: 'when',
  who: 'who',
  kind: 'kind',
  what: 'what',
  rows: 'rows',
  changes: 'changes',
  undone: 'undone later',
  findingsFixed: 'Findings fixed ({count})',
  findingsDismissed: 'Findings dismissed ({count})',
  noneFixed: 'No finding was fixed.',
  noneDismissed: 'No finding was dismissed.',
  row: 'row',
  change: 'change',
  reason: 'reason',
  text: 'text',
  message: 'message',
  perSegment: 'Changes ({count})',
  noChanges: 'No changes.',
  segment: 'Segment {row}',
  segmentMeta: '{status}, {count} characters changed',
  machineText: 'machine text',
  finalText: 'final text',
  diff: 'changes',
  before: 'before',
  after: 'after',
  why: 'why',
  dismissedHere: 'Findings dismissed:',
  placeNote: '[note {notes}] this place',
  notes: 'Notes',
  note: '[note {label}]',
  'kind.edit': 'edit',
  'kind.status': 'status',
  'kind.furniture': 'furniture',
  'kind.split': 'split',
  'kind.merge': 'merge',
  'kind.undo': 'undo',
  'kind.redo': 'redo',
  'kind.replace': 'replace',
  'kind.glossary': 'glossary',
  'kind.fix': 'fix',
  'kind.dismiss': 'dismiss',
  'kind.align': 'align',
  'kind.claim': 'claim',
  'status.unreviewed': 'unreviewed',
  'status.edited': 'edited',
  'status.approved': 'approved',
  replaced: 'replaced {n} {chars}',
  inserted: 'inserted {n} {chars}',
  deleted: 'deleted {n} {chars}',
  char: 'character',
  chars: 'characters',
  inSegments: 'in {n} segments',
  approvedSegments: 'approved {n} {segs}',
  statusSegments: 'marked {n} {segs} {status}',
  seg: 'segment',
  segs: 'segments',
  boundaries: 'changed segment boundaries',
  furnitureChange: 'changed page furniture marks',
  dismissedFinding: 'dismissed a finding: {reason}',
  restoredFinding: 'took back a dismissal',
  englishChange: 'changed the English of {n} {segs}',
  sourceChange: 'changed the original source of {n} {segs}',
  claimChange: 'changed claims',
  noTextChange: 'no text change',
  list: ', ',
} as const;

export type ReportKey = keyof typeof EN;

const ZH: Record<ReportKey, string> = {
  title: '修改報告：{title}',
  generated: '產生於 {time}；時間為 {zone}（{offset}）。',
  summary: '摘要',
  segments: '段落',
  reviewed: '已審閱（狀態不再是未審閱）',
  approvedByReviewer: '審校者核准',
  editedByHand: '人工修改',
  fixedAutomatically: '僅經自動修正（檢查、詞彙表）',
  changed: '已修改',
  charactersChanged: '修改字數',
  findingsByRule: '各規則的檢查結果',
  rule: '規則',
  open: '未處理',
  dismissed: '已略過',
  noFindings: '沒有儲存的檢查結果：檢查沒有發現問題，或尚未對此文件執行檢查。',
  operations: '操作（{count}）',
  noOperations: '沒有操作。',
  when: '時間',
  who: '審校者',
  kind: '類型',
  what: '內容',
  rows: '段落',
  changes: '修改',
  undone: '其後已復原',
  findingsFixed: '已修正的檢查結果（{count}）',
  findingsDismissed: '已略過的檢查結果（{count}）',
  noneFixed: '沒有修正任何檢查結果。',
  noneDismissed: '沒有略過任何檢查結果。',
  row: '段落',
  change: '修改',
  reason: '理由',
  text: '文字',
  message: '說明',
  perSegment: '逐段修改（{count}）',
  noChanges: '沒有修改。',
  segment: '第 {row} 段',
  segmentMeta: '{status}，修改 {count} 字',
  machineText: '機器文字',
  finalText: '最終文字',
  diff: '差異',
  before: '修改前',
  after: '修改後',
  why: '原因',
  dismissedHere: '已略過的檢查結果：',
  placeNote: '［附註 {notes}］此處',
  notes: '附註',
  note: '［附註 {label}］',
  'kind.edit': '編輯',
  'kind.status': '狀態',
  'kind.furniture': '版面雜項',
  'kind.split': '分割',
  'kind.merge': '合併',
  'kind.undo': '復原',
  'kind.redo': '重做',
  'kind.replace': '取代',
  'kind.glossary': '詞彙表',
  'kind.fix': '修正',
  'kind.dismiss': '略過',
  'kind.align': '對齊',
  'kind.claim': '聲明',
  'status.unreviewed': '未審閱',
  'status.edited': '已編輯',
  'status.approved': '已核准',
  replaced: '替換 {n} {chars}',
  inserted: '插入 {n} {chars}',
  deleted: '刪除 {n} {chars}',
  char: '字',
  chars: '字',
  inSegments: '於 {n} 段',
  approvedSegments: '核准 {n} {segs}',
  statusSegments: '將 {n} {segs}標為{status}',
  seg: '段',
  segs: '段',
  boundaries: '更改段落分界',
  furnitureChange: '更改版面雜項標記',
  dismissedFinding: '略過檢查結果：{reason}',
  restoredFinding: '取消略過',
  englishChange: '修改 {n} {segs}的英文',
  sourceChange: '修改 {n} {segs}的原文',
  claimChange: '修改聲明',
  noTextChange: '文字未變',
  list: '，',
};

/** A label of the report in `locale`, `{name}` filled from params (a key without a string reads as itself). */
export function reportText(locale: ReportLocale, key: ReportKey | string, params: Record<string, string | number> = {}): string {
  const table: Record<string, string> = locale === 'zh-Hant' ? ZH : EN;
  const template = table[key] ?? (EN as Record<string, string>)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Both catalogs, for the test that every key is translated. */
export const REPORT_CATALOG = { en: EN as Record<ReportKey, string>, 'zh-Hant': ZH };

/** "replaced 1 character", "replaced 2 characters, inserted 1 character"; empty counts: "no text change". */
export function describeTextChange(c: TextChangeCounts, locale: ReportLocale): string {
  const chars = (n: number) => reportText(locale, n === 1 ? 'char' : 'chars');
  const parts = (['replaced', 'inserted', 'deleted'] as const).filter((k) => c[k] > 0).map((k) => reportText(locale, k, { n: c[k], chars: chars(c[k]) }));
  return parts.length ? parts.join(reportText(locale, 'list')) : reportText(locale, 'noTextChange');
}

/** "N segment(s)" in the phrases that take a count of segments. */
export function segmentsWord(n: number, locale: ReportLocale): string {
  return reportText(locale, n === 1 ? 'seg' : 'segs');
}
