/**
 * The change report: a summary (reviewer approvals and hand edits counted apart from automatic
 * fixes), every operation on the document (undo and redo shown as such, each with what it did:
 * "replaced 1 character"), the findings fixed and dismissed with their reasons, then for every
 * changed segment its machine text, final text, the character diff and the revisions that made
 * it (who, when, why: manual, glossary, replace, fix:*, xliff-import…). Times are written in the
 * exporting side's time zone with their UTC offset; labels in its UI language
 * (./report-wording.ts). As JSON and as a self-contained printable HTML page. Pure.
 */
import { charDiff, editDistance, type DiffPart } from '../text/diff';
import { baseFileName, escapeHtml, langTag, type ExportDoc } from './model';
import {
  addCounts,
  describeTextChange,
  formatLocalTime,
  formatUtcOffset,
  isAutomaticReason,
  reportText,
  segmentsWord,
  textChangeCounts,
  utcOffsetMinutes,
  type ReportKey,
  type ReportLocale,
  type TextChangeCounts,
} from './report-wording';
import { formatFindingMessage, type FindingMessageRef } from '../finding-messages';
import { placeNotes } from '../finding-families';
import type { OperationLabelRef } from '../domain/schemas';
import { formatOperationLabel } from '../wording/operations';
import { findingMessageText } from '../wording/findings';
import { ruleTitle } from '../wording/rules';
import { reasonWords } from '../wording/reasons';

export interface ReportRevision {
  author: string;
  createdAt: string;
  reason: string;
  before: string | null;
  after: string | null;
}

export interface ReportFinding {
  segmentId: number;
  rule: string;
  severity: string;
  /** the stored English message */
  message: string;
  /** its key + params (findings since migration 010): the report words it in its language */
  messageData?: FindingMessageRef | null;
  text: string;
  dismissedReason: string | null;
  dismissedAt: string | null;
  /** the group key its locations share (a group dismissed at once is listed once) */
  group?: string | null;
}

/** One operation that changed something on the document, with its revisions there. */
export interface ReportOperation {
  id: number;
  kind: string;
  /** the stored English label */
  label: string;
  /** its key + params (operations since migration 009): the report words it in its language */
  labelData?: OperationLabelRef | null;
  author: string;
  createdAt: string;
  /** done, undone (by a later undo) or dead (undone, then redo cleared by a new operation) */
  state: string;
  revisions: readonly { segmentId: number; field: string; before: string | null; after: string | null; reason: string }[];
}

export interface ReportInput {
  doc: ExportDoc;
  /** text revisions ('zh') per segment id, oldest first */
  revisions: ReadonlyMap<number, readonly ReportRevision[]>;
  /** every stored finding of the document (open and dismissed) */
  findings: readonly ReportFinding[];
  generatedAt: string;
  /** the operations on the document, oldest first */
  operations?: readonly ReportOperation[];
  /** the exporting side's IANA time zone (default UTC) */
  timeZone?: string;
  /** the exporting side's UI language (default English) */
  locale?: ReportLocale;
}

type LocalRevision = ReportRevision & { at: string };

export interface ChangeReport {
  document: { id: number; title: string; script: string };
  generatedAt: string;
  /** generatedAt in the time zone below, with its UTC offset */
  generatedAtLocal: string;
  timeZone: string;
  locale: ReportLocale;
  summary: {
    segments: number;
    reviewed: number;
    /** segments a reviewer approved (automatic fixes never approve) */
    approved: number;
    changed: number;
    /** changed segments with a reviewer's own edit among the changes in effect */
    editedByHand: number;
    /** changed segments whose changes in effect all came from a check's fix or the glossary */
    fixedAutomatically: number;
    charactersChanged: number;
    findingsByRule: Record<string, { open: number; dismissed: number }>;
  };
  /** one row per operation, oldest first; undo and redo are rows of their own */
  operations: {
    id: number;
    kind: string;
    label: string;
    author: string;
    createdAt: string;
    at: string;
    /** undone or dead: taken back since */
    undone: boolean;
    rows: number[];
    /** what it did, worded ("replaced 1 character in 2 segments") */
    changes: string;
  }[];
  /** the findings fixed by operations still in effect: the rule, where, what the fix changed */
  fixedFindings: { operationId: number; rule: string; row: number | null; before: string; after: string; author: string; createdAt: string; at: string }[];
  /** dismissed findings (a group once), with the reason; one place of a per-place family points at its note */
  dismissedFindings: { rule: string; rows: number[]; text: string; message: string; reason: string; dismissedAt: string | null; at: string | null }[];
  /** the explanations of the per-place families among the dismissed findings, each once (shared/finding-families.ts) */
  notes: { label: string; text: string }[];
  changes: {
    segmentId: number;
    row: number;
    status: string;
    machineText: string;
    finalText: string;
    diff: DiffPart[];
    charactersChanged: number;
    revisions: LocalRevision[];
    dismissedFindings: Omit<ReportFinding, 'segmentId' | 'messageData'>[];
  }[];
}

/** A revision's reason as a reader sees it ('' and 'edit' are manual corrections). */
export function reasonLabel(reason: string): string {
  return reason === '' || reason === 'edit' ? 'manual' : reason;
}

/** The changed stretch of a text with one character either side: "王震表" → "王征表". */
export function changedSpan(before: string, after: string, context = 1): { before: string; after: string } {
  const a = [...before];
  const b = [...after];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const from = Math.max(0, p - context);
  return { before: a.slice(from, a.length - Math.max(0, s - context)).join(''), after: b.slice(from, b.length - Math.max(0, s - context)).join('') };
}

/** What one operation did on the document, worded: text changes counted, then status, structure, dismissals. */
export function describeOperation(op: ReportOperation, locale: ReportLocale): string {
  const parts: string[] = [];
  const segs = (n: number) => segmentsWord(n, locale);
  const text = op.revisions.filter((r) => r.field === 'zh');
  if (text.length) {
    let counts: TextChangeCounts = { replaced: 0, inserted: 0, deleted: 0 };
    for (const r of text) counts = addCounts(counts, textChangeCounts(charDiff(r.before ?? '', r.after ?? '')));
    const n = new Set(text.map((r) => r.segmentId)).size;
    parts.push(describeTextChange(counts, locale) + (n > 1 ? ` ${reportText(locale, 'inSegments', { n })}` : ''));
  }
  // a text write's own status revision (back to edited or unreviewed) says nothing new; an approval does
  const statuses = op.revisions.filter((r) => r.field === 'status' && (!text.length || r.after === 'approved'));
  const byStatus = new Map<string, number>();
  for (const r of statuses) byStatus.set(r.after ?? 'unreviewed', (byStatus.get(r.after ?? 'unreviewed') ?? 0) + 1);
  for (const [status, n] of byStatus) {
    parts.push(
      status === 'approved'
        ? reportText(locale, 'approvedSegments', { n, segs: segs(n) })
        : reportText(locale, 'statusSegments', { n, segs: segs(n), status: reportText(locale, `status.${status}`) }),
    );
  }
  if (op.revisions.some((r) => r.field === 'structure')) parts.push(reportText(locale, 'boundaries'));
  if (op.revisions.some((r) => r.field === 'furniture')) parts.push(reportText(locale, 'furnitureChange'));
  for (const r of op.revisions.filter((v) => v.field === 'finding')) {
    const reason = (JSON.parse(r.after ?? '{}') as { reason?: string | null }).reason;
    parts.push(reason ? reportText(locale, 'dismissedFinding', { reason }) : reportText(locale, 'restoredFinding'));
  }
  for (const [field, key] of [
    ['en', 'englishChange'],
    ['source', 'sourceChange'],
  ] as const) {
    const n = new Set(op.revisions.filter((r) => r.field === field).map((r) => r.segmentId)).size;
    if (n) parts.push(reportText(locale, key, { n, segs: segs(n) }));
  }
  if (op.revisions.some((r) => r.field === 'claim' || r.field === 'claim-candidate')) parts.push(reportText(locale, 'claimChange'));
  return parts.join(reportText(locale, 'list'));
}

export function buildChangeReport(input: ReportInput): ChangeReport {
  const { doc } = input;
  const timeZone = input.timeZone ?? 'UTC';
  const locale = input.locale ?? 'en';
  const local = (iso: string) => formatLocalTime(iso, timeZone);
  const rowOfSegment = new Map(doc.segments.map((s) => [s.id, s.index + 1]));
  const rowOf = (id: number) => rowOfSegment.get(id) ?? null;
  const dismissed = new Map<number, ReportFinding[]>();
  const byRule: Record<string, { open: number; dismissed: number }> = {};
  const dismissedGroups = new Map<string, ChangeReport['dismissedFindings'][number]>();
  // a per-place family's places (each its own finding, dismissed one by one): the explanation once, in a note
  const notes = placeNotes();
  const worded = (f: Pick<ReportFinding, 'rule' | 'severity' | 'message' | 'messageData' | 'group'>): string => {
    const { labels, others } = notes.of({ ...f, related: [] });
    if (!labels.length) return findingMessageText(locale, f);
    const rest = others.map((o) => ` ${findingMessageText(locale, { message: formatFindingMessage(o), messageData: o })}`).join('');
    return `${reportText(locale, 'placeNote', { notes: labels.join(', ') })}${rest}`;
  };
  for (const [i, f] of input.findings.entries()) {
    const r = (byRule[f.rule] ??= { open: 0, dismissed: 0 });
    if (f.dismissedReason) {
      r.dismissed++;
      dismissed.set(f.segmentId, [...(dismissed.get(f.segmentId) ?? []), f]);
      const key = f.group ? `${f.group}|${f.dismissedReason}` : `#${i}`;
      const row = rowOf(f.segmentId);
      const g = dismissedGroups.get(key);
      if (g) {
        if (row !== null && !g.rows.includes(row)) g.rows.push(row);
      } else {
        dismissedGroups.set(key, {
          rule: f.rule,
          rows: row === null ? [] : [row],
          text: f.text,
          message: worded(f),
          reason: f.dismissedReason,
          dismissedAt: f.dismissedAt,
          at: f.dismissedAt ? local(f.dismissedAt) : null,
        });
      }
    } else r.open++;
  }
  const operations = input.operations ?? [];
  // the reasons of the text changes in effect (operations not taken back; undo/redo rows only replay others)
  const inEffect = operations.filter((o) => o.state === 'done' && o.kind !== 'undo' && o.kind !== 'redo');
  const reasons = new Map<number, string[]>();
  const noteReason = (segmentId: number, reason: string) => reasons.set(segmentId, [...(reasons.get(segmentId) ?? []), reason]);
  if (operations.length) {
    for (const o of inEffect) for (const r of o.revisions) if (r.field === 'zh') noteReason(r.segmentId, r.reason);
  } else {
    for (const [id, revs] of input.revisions) for (const r of revs) noteReason(id, r.reason);
  }
  let charactersChanged = 0;
  let editedByHand = 0;
  let fixedAutomatically = 0;
  const changes: ChangeReport['changes'] = [];
  for (const s of doc.segments) {
    const revs = input.revisions.get(s.id) ?? [];
    const fs = dismissed.get(s.id) ?? [];
    if (s.text !== s.machineText) {
      const why = (reasons.get(s.id) ?? []).filter((r) => r !== 'undo' && r !== 'redo');
      if (why.some((r) => !isAutomaticReason(r))) editedByHand++;
      else if (why.length) fixedAutomatically++;
    }
    if (s.text === s.machineText && !revs.length && !fs.length) continue;
    const diff = charDiff(s.machineText, s.text);
    const n = editDistance(diff);
    charactersChanged += n;
    changes.push({
      segmentId: s.id,
      row: s.index + 1,
      status: s.status,
      machineText: s.machineText,
      finalText: s.text,
      diff,
      charactersChanged: n,
      revisions: revs.map((r) => ({ ...r, reason: reasonLabel(r.reason), at: local(r.createdAt) })),
      dismissedFindings: fs.map(({ segmentId: _s, messageData, ...f }) => ({ ...f, message: worded({ ...f, messageData }) })),
    });
  }
  const fixedFindings: ChangeReport['fixedFindings'] = [];
  for (const o of inEffect) {
    for (const r of o.revisions) {
      if (r.field !== 'zh' || !r.reason.startsWith('fix:')) continue;
      const span = changedSpan(r.before ?? '', r.after ?? '');
      fixedFindings.push({ operationId: o.id, rule: r.reason.slice(4), row: rowOf(r.segmentId), ...span, author: o.author, createdAt: o.createdAt, at: local(o.createdAt) });
    }
  }
  return {
    document: { id: doc.id, title: doc.title, script: doc.script },
    generatedAt: input.generatedAt,
    generatedAtLocal: local(input.generatedAt),
    timeZone,
    locale,
    summary: {
      segments: doc.segments.length,
      reviewed: doc.segments.filter((s) => s.status !== 'unreviewed').length,
      approved: doc.segments.filter((s) => s.status === 'approved').length,
      changed: doc.segments.filter((s) => s.text !== s.machineText).length,
      editedByHand,
      fixedAutomatically,
      charactersChanged,
      findingsByRule: byRule,
    },
    operations: operations.map((o) => ({
      id: o.id,
      kind: o.kind,
      // in the report's language from the stored key + params; the stored English where there is none (older rows)
      label: formatOperationLabel(locale, o.labelData, o.label),
      author: o.author,
      createdAt: o.createdAt,
      at: local(o.createdAt),
      undone: o.state !== 'done',
      rows: [...new Set(o.revisions.map((r) => rowOf(r.segmentId)).filter((r): r is number => r !== null))].sort((a, b) => a - b),
      changes: describeOperation(o, locale),
    })),
    fixedFindings,
    dismissedFindings: [...dismissedGroups.values()].map((g) => ({ ...g, rows: g.rows.sort((a, b) => a - b) })),
    notes: notes.notes().map((n) => ({ label: n.label, text: findingMessageText(locale, { message: formatFindingMessage(n.explanation), messageData: n.explanation }) })),
    changes,
  };
}

/** Rows as a short list: "3, 5, 7" (at most ten, then "…"). */
function rowList(rows: readonly number[]): string {
  return rows.length > 10 ? `${rows.slice(0, 10).join(', ')}, …` : rows.join(', ');
}

const CSS = `body{font-family:"Noto Sans CJK TC","Noto Sans CJK SC",sans-serif;margin:2em;line-height:1.6;color:#111}
table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}
ins{background:#d6f5d6;text-decoration:underline}del{background:#f8d7da;color:#8a1f28}
table.summary{width:auto;min-width:20em}table.summary td{text-align:right}
section{break-inside:avoid;margin:1.5em 0;border-top:1px solid #ccc}.meta{color:#555;font-size:.9em}
.nowrap,th,.kind{white-space:nowrap}tr.undone td{color:#666}.kind{font-size:.85em;padding:0 .3em;border:1px solid #bbb;border-radius:3px}
.kind-undo,.kind-redo{background:#fff3cd;border-color:#c9a227}
@media print{body{margin:0}a{color:inherit}}`;

function diffHtml(parts: readonly DiffPart[]): string {
  return parts.map((p) => (p.op === 'equal' ? escapeHtml(p.text) : p.op === 'insert' ? `<ins>${escapeHtml(p.text)}</ins>` : `<del>${escapeHtml(p.text)}</del>`)).join('');
}

/** A printable page (inline style, no scripts, nothing external), in the report's language. */
export function changeReportHtml(r: ChangeReport): string {
  const e = escapeHtml;
  const L = (key: ReportKey | string, params?: Record<string, string | number>) => e(reportText(r.locale, key, params));
  // a rule as the reader's language names it: English keeps the rule's id (as the CLI and the operation labels do)
  const rule = (id: string) => e(r.locale === 'en' ? id : ruleTitle(r.locale, id));
  // a revision's reason: English as stored (manual, fix:doubled…); other languages in words (手動修改, 檢查修正：重複的字詞或標點)
  const why = (reason: string) => e(r.locale === 'en' ? reason : reasonWords(r.locale, reason));
  const s = r.summary;
  const offset = formatUtcOffset(utcOffsetMinutes(new Date(r.generatedAt), r.timeZone));
  const rules = Object.entries(s.findingsByRule)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, c]) => `<tr><td>${rule(id)}</td><td>${c.open}</td><td>${c.dismissed}</td></tr>`)
    .join('\n');
  const kind = (k: string) => `<span class="kind kind-${e(k)}">${L(`kind.${k}`)}</span>`;
  const operations = r.operations.length
    ? `<table class="operations"><tr><th>#</th><th>${L('when')}</th><th>${L('who')}</th><th>${L('kind')}</th><th>${L('what')}</th><th>${L('rows')}</th><th>${L('changes')}</th></tr>\n${r.operations
        .map(
          (o, i) =>
            `<tr${o.undone ? ' class="undone"' : ''}><td>${i + 1}</td><td class="nowrap">${e(o.at)}</td><td>${e(o.author)}</td><td>${kind(o.kind)}</td><td>${e(o.label)}${o.undone ? ` <span class="meta">(${L('undone')})</span>` : ''}</td><td>${e(rowList(o.rows))}</td><td>${e(o.changes)}</td></tr>`,
        )
        .join('\n')}\n</table>`
    : `<p>${L('noOperations')}</p>`;
  const fixed = r.fixedFindings.length
    ? `<table><tr><th>${L('rule')}</th><th>${L('row')}</th><th>${L('change')}</th><th>${L('who')}</th><th>${L('when')}</th></tr>\n${r.fixedFindings
        .map((f) => `<tr><td>${rule(f.rule)}</td><td>${f.row ?? ''}</td><td><del>${e(f.before)}</del> → <ins>${e(f.after)}</ins></td><td>${e(f.author)}</td><td class="nowrap">${e(f.at)}</td></tr>`)
        .join('\n')}\n</table>`
    : `<p>${L('noneFixed')}</p>`;
  const dismissedList = r.dismissedFindings.length
    ? `<table><tr><th>${L('rule')}</th><th>${L('rows')}</th><th>${L('text')}</th><th>${L('message')}</th><th>${L('reason')}</th><th>${L('when')}</th></tr>\n${r.dismissedFindings
        .map((f) => `<tr><td>${rule(f.rule)}</td><td>${e(rowList(f.rows))}</td><td>${e(f.text)}</td><td>${e(f.message)}</td><td>${e(f.reason)}</td><td class="nowrap">${e(f.at ?? '')}</td></tr>`)
        .join('\n')}\n</table>${
        r.notes.length ? `\n<p>${L('notes')}</p><ul class="notes">${r.notes.map((n) => `<li>${L('note', { label: n.label })} ${e(n.text)}</li>`).join('')}</ul>` : ''
      }`
    : `<p>${L('noneDismissed')}</p>`;
  const changes = r.changes
    .map((c) => {
      const revs = c.revisions.length
        ? `<table><tr><th>${L('when')}</th><th>${L('who')}</th><th>${L('why')}</th><th>${L('before')}</th><th>${L('after')}</th></tr>${c.revisions
            .map((v) => `<tr><td class="nowrap">${e(v.at)}</td><td>${e(v.author)}</td><td>${why(v.reason)}</td><td>${e(v.before ?? '')}</td><td>${e(v.after ?? '')}</td></tr>`)
            .join('')}</table>`
        : '';
      const fs = c.dismissedFindings.length
        ? `<p>${L('dismissedHere')}</p><ul>${c.dismissedFindings.map((f) => `<li>${rule(f.rule)}: ${e(f.message)} — ${e(f.dismissedReason ?? '')}</li>`).join('')}</ul>`
        : '';
      return `<section>
<h3>${L('segment', { row: c.row })} <span class="meta">(${L('segmentMeta', { status: reportText(r.locale, `status.${c.status}`), count: c.charactersChanged })})</span></h3>
<table><tr><th>${L('machineText')}</th><td>${e(c.machineText)}</td></tr><tr><th>${L('finalText')}</th><td>${e(c.finalText)}</td></tr><tr><th>${L('diff')}</th><td>${diffHtml(c.diff)}</td></tr></table>
${revs}${fs}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${r.locale === 'zh-Hant' ? 'zh-Hant' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${L('title', { title: r.document.title })}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${L('title', { title: r.document.title })}</h1>
<p class="meta">${L('generated', { time: r.generatedAtLocal, zone: r.timeZone, offset })}</p>
<h2>${L('summary')}</h2>
<table class="summary">
<tr><th>${L('segments')}</th><td>${s.segments}</td></tr>
<tr><th>${L('reviewed')}</th><td>${s.reviewed}</td></tr>
<tr><th>${L('approvedByReviewer')}</th><td>${s.approved}</td></tr>
<tr><th>${L('changed')}</th><td>${s.changed}</td></tr>
<tr><th>${L('editedByHand')}</th><td>${s.editedByHand}</td></tr>
<tr><th>${L('fixedAutomatically')}</th><td>${s.fixedAutomatically}</td></tr>
<tr><th>${L('charactersChanged')}</th><td>${s.charactersChanged}</td></tr>
</table>
<h2>${L('findingsByRule')}</h2>
${rules ? `<table><tr><th>${L('rule')}</th><th>${L('open')}</th><th>${L('dismissed')}</th></tr>\n${rules}\n</table>` : `<p>${L('noFindings')}</p>`}
<h2>${L('operations', { count: r.operations.length })}</h2>
${operations}
<h2>${L('findingsFixed', { count: r.fixedFindings.length })}</h2>
${fixed}
<h2>${L('findingsDismissed', { count: r.dismissedFindings.length })}</h2>
${dismissedList}
<h2>${L('perSegment', { count: r.changes.length })}</h2>
<div lang="${langTag(r.document.script === 'hans' ? 'hans' : 'hant')}">
${changes || `<p>${L('noChanges')}</p>`}
</div>
</body>
</html>
`;
}

export function exportChangeReport(input: ReportInput, format: 'report-json' | 'report-html'): { fileName: string; mime: string; content: string } {
  const r = buildChangeReport(input);
  const base = `${baseFileName(input.doc)}.report`;
  if (format === 'report-json') return { fileName: `${base}.json`, mime: 'application/json', content: JSON.stringify(r, null, 2) + '\n' };
  return { fileName: `${base}.html`, mime: 'text/html;charset=utf-8', content: changeReportHtml(r) };
}
