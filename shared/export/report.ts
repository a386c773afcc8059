/**
 * The change report: for every changed segment its machine text, final text, the
 * character diff and the revisions that made it (who, when, why: manual, glossary,
 * replace, fix:*, xliff-import…), the findings dismissed on it, and a summary. As JSON
 * and as a self-contained printable HTML page. Pure.
 */
import { charDiff, editDistance, type DiffPart } from '../text/diff';
import { baseFileName, escapeHtml, langTag, type ExportDoc } from './model';

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
  message: string;
  text: string;
  dismissedReason: string | null;
  dismissedAt: string | null;
}

export interface ReportInput {
  doc: ExportDoc;
  /** text revisions ('zh') per segment id, oldest first */
  revisions: ReadonlyMap<number, readonly ReportRevision[]>;
  /** every stored finding of the document (open and dismissed) */
  findings: readonly ReportFinding[];
  generatedAt: string;
}

export interface ChangeReport {
  document: { id: number; title: string; script: string };
  generatedAt: string;
  summary: {
    segments: number;
    reviewed: number;
    approved: number;
    changed: number;
    charactersChanged: number;
    findingsByRule: Record<string, { open: number; dismissed: number }>;
  };
  changes: {
    segmentId: number;
    row: number;
    status: string;
    machineText: string;
    finalText: string;
    diff: DiffPart[];
    charactersChanged: number;
    revisions: ReportRevision[];
    dismissedFindings: Omit<ReportFinding, 'segmentId'>[];
  }[];
}

/** A revision's reason as a reader sees it ('' and 'edit' are manual corrections). */
export function reasonLabel(reason: string): string {
  return reason === '' || reason === 'edit' ? 'manual' : reason;
}

export function buildChangeReport(input: ReportInput): ChangeReport {
  const { doc } = input;
  const dismissed = new Map<number, ReportFinding[]>();
  const byRule: Record<string, { open: number; dismissed: number }> = {};
  for (const f of input.findings) {
    const r = (byRule[f.rule] ??= { open: 0, dismissed: 0 });
    if (f.dismissedReason) {
      r.dismissed++;
      dismissed.set(f.segmentId, [...(dismissed.get(f.segmentId) ?? []), f]);
    } else r.open++;
  }
  let charactersChanged = 0;
  const changes: ChangeReport['changes'] = [];
  for (const s of doc.segments) {
    const revs = input.revisions.get(s.id) ?? [];
    const fs = dismissed.get(s.id) ?? [];
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
      revisions: revs.map((r) => ({ ...r, reason: reasonLabel(r.reason) })),
      dismissedFindings: fs.map(({ segmentId: _s, ...f }) => f),
    });
  }
  return {
    document: { id: doc.id, title: doc.title, script: doc.script },
    generatedAt: input.generatedAt,
    summary: {
      segments: doc.segments.length,
      reviewed: doc.segments.filter((s) => s.status !== 'unreviewed').length,
      approved: doc.segments.filter((s) => s.status === 'approved').length,
      changed: doc.segments.filter((s) => s.text !== s.machineText).length,
      charactersChanged,
      findingsByRule: byRule,
    },
    changes,
  };
}

const CSS = `body{font-family:"Noto Sans CJK TC","Noto Sans CJK SC",sans-serif;margin:2em;line-height:1.6;color:#111}
table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}
ins{background:#d6f5d6;text-decoration:underline}del{background:#f8d7da;color:#8a1f28}
table.summary{width:auto;min-width:20em}table.summary td{text-align:right}
section{break-inside:avoid;margin:1.5em 0;border-top:1px solid #ccc}.meta{color:#555;font-size:.9em}
@media print{body{margin:0}a{color:inherit}}`;

function diffHtml(parts: readonly DiffPart[]): string {
  return parts.map((p) => (p.op === 'equal' ? escapeHtml(p.text) : p.op === 'insert' ? `<ins>${escapeHtml(p.text)}</ins>` : `<del>${escapeHtml(p.text)}</del>`)).join('');
}

/** A printable page (inline style, no scripts, nothing external). */
export function changeReportHtml(r: ChangeReport): string {
  const e = escapeHtml;
  const s = r.summary;
  const rules = Object.entries(s.findingsByRule)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, c]) => `<tr><td>${e(rule)}</td><td>${c.open}</td><td>${c.dismissed}</td></tr>`)
    .join('\n');
  const changes = r.changes
    .map((c) => {
      const revs = c.revisions.length
        ? `<table><tr><th>when</th><th>who</th><th>why</th><th>before</th><th>after</th></tr>${c.revisions
            .map((v) => `<tr><td>${e(v.createdAt)}</td><td>${e(v.author)}</td><td>${e(v.reason)}</td><td>${e(v.before ?? '')}</td><td>${e(v.after ?? '')}</td></tr>`)
            .join('')}</table>`
        : '';
      const fs = c.dismissedFindings.length
        ? `<p>Findings dismissed:</p><ul>${c.dismissedFindings.map((f) => `<li>${e(f.rule)}: ${e(f.message)} — ${e(f.dismissedReason ?? '')}</li>`).join('')}</ul>`
        : '';
      return `<section>
<h3>Segment ${c.row} <span class="meta">(${e(c.status)}, ${c.charactersChanged} characters changed)</span></h3>
<table><tr><th>machine text</th><td>${e(c.machineText)}</td></tr><tr><th>final text</th><td>${e(c.finalText)}</td></tr><tr><th>changes</th><td>${diffHtml(c.diff)}</td></tr></table>
${revs}${fs}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${langTag(r.document.script === 'hans' ? 'hans' : 'hant')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Change report: ${e(r.document.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Change report: ${e(r.document.title)}</h1>
<p class="meta">Generated ${e(r.generatedAt)}</p>
<h2>Summary</h2>
<table class="summary">
<tr><th>segments</th><td>${s.segments}</td></tr>
<tr><th>reviewed</th><td>${s.reviewed}</td></tr>
<tr><th>approved</th><td>${s.approved}</td></tr>
<tr><th>changed</th><td>${s.changed}</td></tr>
<tr><th>characters changed</th><td>${s.charactersChanged}</td></tr>
</table>
<h2>Findings by rule</h2>
${rules ? `<table><tr><th>rule</th><th>open</th><th>dismissed</th></tr>\n${rules}\n</table>` : '<p>No findings stored: the checks found nothing, or have not been run on this document.</p>'}
<h2>Changes (${r.changes.length})</h2>
${changes || '<p>No changes.</p>'}
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
