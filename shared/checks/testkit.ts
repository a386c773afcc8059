/** Helpers for the checks' tests (not used by the app). */
import type { CheckContext, CheckSegment, Finding } from './types';

export const HANT: CheckContext = { script: 'hant', variant: 't' };
export const HANS: CheckContext = { script: 'hans', variant: 't' };

/** One segment per sentence-ish piece of text; ids from 1, one paragraph unless given. */
export function segs(...texts: string[]): CheckSegment[] {
  return texts.map((text, i) => ({ id: i + 1, text, furniture: null, speaker: null, paragraph: 0 }));
}

/** Every place a finding points at (primary and related), with its fixes. */
export function places(f: Finding): { segmentId: number; start: number; end: number; text: string; fixes: string[] }[] {
  return [f, ...f.related].map((l) => ({ segmentId: l.segmentId, start: l.start, end: l.end, text: l.text, fixes: l.fixes.map((x) => x.replacement) }));
}

export function byRule(findings: Finding[], rule: Finding['rule']): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Apply a finding's fixes (primary and related) to the segments' texts. */
export function applyAll(segments: CheckSegment[], f: Finding): string[] {
  const bySeg = new Map<number, { start: number; end: number; replacement: string }[]>();
  for (const l of [f, ...f.related]) {
    const fix = l.fixes[0];
    if (fix) bySeg.set(l.segmentId, [...(bySeg.get(l.segmentId) ?? []), fix]);
  }
  return segments.map((s) => {
    const fixes = (bySeg.get(s.id) ?? []).sort((a, b) => b.start - a.start);
    let t = s.text;
    for (const x of fixes) t = t.slice(0, x.start) + x.replacement + t.slice(x.end);
    return t;
  });
}
