/**
 * The claims appendix of a transcript: each claim with its verdict, claimant, evidence
 * and notes, as the text of one numbered note (footnote in DOCX, numbered note in
 * txt/md/html). Labels follow the transcript's script. Pure.
 */
import type { ScriptT } from '../domain/schemas';
import type { ClaimNote } from './model';
import { readableClaimDate } from '../claims/dates';

const LABELS = {
  hant: {
    heading: '事實查核',
    verdict: '查核結果',
    claimant: '聲稱者',
    evidence: '證據',
    notes: '備註',
    orphaned: '（原文已改動，找不到此說法）',
    verdicts: { unverified: '未查核', true: '正確', 'mostly-true': '大致正確', misleading: '誤導', false: '錯誤', unverifiable: '無法查證' },
  },
  hans: {
    heading: '事实核查',
    verdict: '核查结果',
    claimant: '声称者',
    evidence: '证据',
    notes: '备注',
    orphaned: '（原文已改动，找不到此说法）',
    verdicts: { unverified: '未核查', true: '正确', 'mostly-true': '大致正确', misleading: '误导', false: '错误', unverifiable: '无法查证' },
  },
} as const;

export function appendixHeading(script: ScriptT): string {
  return LABELS[script].heading;
}

export function verdictLabel(verdict: string, script: ScriptT): string {
  return (LABELS[script].verdicts as Record<string, string>)[verdict] ?? verdict;
}

/** Notes are one paragraph: line breaks become spaces. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** One evidence item as text: the URL, then its note (a note or segment item has no URL: its note alone). */
export function evidenceText(e: { url: string; note: string }): string {
  if (!e.url) return e.note.trim();
  return e.note.trim() ? `${e.url} (${e.note.trim()})` : e.url;
}

/**
 * The parts of a note, each a short sentence: the quoted claim, the verdict, the claimant
 * (and date), the evidence, the notes. Writers join them (and may link the URLs).
 */
export interface NoteParts {
  claim: string;
  verdict: string;
  claimant: string | null;
  evidenceLabel: string;
  evidence: readonly { url: string; note: string }[];
  notes: string | null;
}

export function noteParts(note: ClaimNote, script: ScriptT): NoteParts {
  const L = LABELS[script];
  note = { ...note, text: oneLine(note.text), notes: oneLine(note.notes), claimant: note.claimant && oneLine(note.claimant), evidence: note.evidence.map((e) => ({ url: e.url.trim(), note: oneLine(e.note) })) };
  const date = readableClaimDate(note.claimDate, script === 'hant' ? 'zh-Hant' : 'zh-Hans');
  const who = note.claimant ? `${L.claimant}：${note.claimant}${date ? `（${date}）` : ''}。` : null;
  return {
    claim: `「${note.text}」${note.orphaned ? L.orphaned : ''}`,
    verdict: `${L.verdict}：${verdictLabel(note.verdict, script)}。`,
    claimant: who,
    evidenceLabel: `${L.evidence}：`,
    evidence: note.evidence,
    notes: note.notes.trim() ? `${L.notes}：${note.notes.trim()}` : null,
  };
}

/** A note as one line of plain text. */
export function noteText(note: ClaimNote, script: ScriptT): string {
  const p = noteParts(note, script);
  const ev = p.evidence.length ? `${p.evidenceLabel}${p.evidence.map(evidenceText).join('；')}。` : null;
  return [p.claim, p.verdict, p.claimant, ev, p.notes].filter((x): x is string => !!x).join('');
}
