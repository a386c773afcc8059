/**
 * Scoring findings against labelled instances. A finding location hits an instance when it
 * overlaps one of the instance's spans (for cross-document classes, also a counterpart: either
 * side of the disagreement). Recall per class; precision per rule over warning-or-error findings
 * (a finding is right when any of its locations overlaps any label; a variant label only counts
 * for variant rules); info findings apart.
 */
import { CLASSES, CROSS_DOCUMENT, type ErrorClass, type Instance, type Span } from './labels';
import { wilson, type Proportion } from './wilson';

export type Severity = 'error' | 'warning' | 'info';
/** A finding flattened to its places: the primary location and every related one, in document offsets. */
export interface ScoredFinding {
  id: number;
  rule: string;
  severity: Severity;
  /** the finding message's key (conversion.default-unconfirmed …), for breakdowns on dev material */
  key?: string;
  locations: Span[];
}

/** Typography rules: counted apart from the rules that look at content. */
export const TYPOGRAPHY_RULES: ReadonlySet<string> = new Set(['halfwidth-punctuation', 'stray-space', 'unbalanced-brackets', 'doubled']);
/**
 * A regional variant (爲 for 為 throughout an s2t document) is not an error in itself: a finding on a
 * variant label is right only when its rule is about variant consistency.
 */
export const VARIANT_RULES: ReadonlySet<string> = new Set(['variant-mixing']);
export const NUMBER_RULES: ReadonlySet<string> = new Set(['number-format', 'number-mismatch', 'number-scale', 'number-unit']);

export const spansOverlap = (a: Span, b: Span) => a.doc === b.doc && a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1);

/** The spans an instance may be hit on. */
export function targets(i: Instance): Span[] {
  return CROSS_DOCUMENT.has(i.class) ? [...i.spans, ...(i.counterparts ?? [])] : i.spans;
}

export function hits(f: ScoredFinding, i: Instance): boolean {
  const t = targets(i);
  return f.locations.some((l) => t.some((s) => spansOverlap(l, s)));
}

export interface ClassScore {
  class: ErrorClass;
  /** hit by a warning or error */
  recall: Proportion;
  /** hit by any finding, info included */
  recallWithInfo: Proportion;
  /** rules whose warning-or-error findings hit instances of the class, with how many */
  byRule: Record<string, number>;
}
export interface RuleScore {
  rule: string;
  /** warning-or-error findings that overlap a label */
  precision: Proportion;
  info: { findings: number; onLabel: number };
}
export interface Scores {
  classes: ClassScore[];
  rules: RuleScore[];
  /** every rule's warning-or-error findings pooled */
  pooled: Proportion;
  /** the same without typography rules */
  pooledContent: Proportion;
}

const serious = (f: ScoredFinding) => f.severity !== 'info';

export function score(instances: readonly Instance[], findings: readonly ScoredFinding[]): Scores {
  const classes: ClassScore[] = CLASSES.map((c) => {
    const mine = instances.filter((i) => i.class === c);
    const byRule: Record<string, number> = {};
    let k = 0;
    let kInfo = 0;
    for (const i of mine) {
      const hitting = findings.filter((f) => hits(f, i));
      if (hitting.length) kInfo++;
      const sure = hitting.filter(serious);
      if (sure.length) k++;
      for (const r of new Set(sure.map((f) => f.rule))) byRule[r] = (byRule[r] ?? 0) + 1;
    }
    return { class: c, recall: wilson(k, mine.length), recallWithInfo: wilson(kInfo, mine.length), byRule };
  });
  const onLabel = (f: ScoredFinding) => instances.some((i) => (i.class !== 'variant' || VARIANT_RULES.has(f.rule)) && hits(f, i));
  const ruleIds = [...new Set(findings.map((f) => f.rule))].sort();
  const rules: RuleScore[] = ruleIds.map((rule) => {
    const mine = findings.filter((f) => f.rule === rule);
    const sure = mine.filter(serious);
    const info = mine.filter((f) => !serious(f));
    return { rule, precision: wilson(sure.filter(onLabel).length, sure.length), info: { findings: info.length, onLabel: info.filter(onLabel).length } };
  });
  const pool = (fs: readonly ScoredFinding[]) => wilson(fs.filter(onLabel).length, fs.length);
  const sure = findings.filter(serious);
  return { classes, rules, pooled: pool(sure), pooledContent: pool(sure.filter((f) => !TYPOGRAPHY_RULES.has(f.rule))) };
}

export interface CleanDocScore {
  name: string;
  /** warning-or-error findings of content rules, typography rules, number rules (a subset of content) */
  content: number;
  typography: number;
  numbers: number;
  byRule: Record<string, number>;
}
export function scoreClean(name: string, findings: readonly ScoredFinding[]): CleanDocScore {
  const sure = findings.filter(serious);
  const byRule: Record<string, number> = {};
  for (const f of sure) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    name,
    content: sure.filter((f) => !TYPOGRAPHY_RULES.has(f.rule)).length,
    typography: sure.filter((f) => TYPOGRAPHY_RULES.has(f.rule)).length,
    numbers: sure.filter((f) => NUMBER_RULES.has(f.rule)).length,
    byRule,
  };
}
