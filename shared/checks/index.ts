/**
 * Review checks: pure functions from segments to findings.
 *
 *   runChecks(segments, ctx)            the whole document (furniture segments skipped)
 *   checkSegment(segment, ctx)          incremental: the per-segment rules for one changed segment
 *   runProjectEntityCheck(docs, ctx)    entity consistency across the documents of a project
 *   runProjectRules(docs, ctx)          every project-scope rule (entities, variants across documents)
 *
 * Grouped findings (entity groups, the document's half-width punctuation, a variant pair,
 * a quantity stated twice) carry a `group` key and list their other locations in `related`.
 * checkSegment returns the segment's half-width punctuation as one finding with the same
 * group key ('halfwidth-punctuation') that runChecks uses for the document-wide one, so a
 * caller can merge by key.
 */
import { analyse, Analysis, type AnalysisCarry } from './analysis';
import { documentMentions, entityFindings, findMentions, orNone, projectEntityFindings, reorderedNameMentions, surnameTitleMentions } from './entities';
import { afterFigureFindings, ambiguityFindings, convertedByOpenCC, documentSenses, simplifiedFindings, variantMixingFindings, type DocumentSenses } from './conversion';
import { numberFormatFindings, parallelNumberFindings, repeatedQuantityFindings } from './numbers';
import { glossaryFindings } from './glossary';
import { HALFWIDTH_GROUP, bracketFindings, doubledFindings, halfwidthFindings, halfwidthGroupMessage, mergeHalfwidth, straySpaceFindings } from './punctuation';
import { ENGLISH_EMPTY_GROUP, englishEmptyFindings, englishEmptyGroupMessage, mergeEnglishEmpty, sourceDivergenceFindings } from './parallel';
import { projectVariantFindings } from './project-variants';
import { brandNameFindings, yieldToBrands } from './brand-names';
import { converterVocabularyFindings, documentVocabularyFindings, vocabularyCrossingFindings } from './converter-vocabulary';
import { mergeSamePlace } from './merge';
import { repeatedSentenceFindings } from './repetition';
import { contextPeriodFindings, periodLabelFindings, periodValueFindings, projectPeriodValueFindings } from './periods';
import { analysesRegion, hongKongStandardFindings, taiwanStandardFindings, writtenFor } from './regional';
import { houseStyleOf, mentionsHousePair, writerEvidence, type HouseStyle, type WriterEvidence } from './house-style';
import { documentFigures, projectCountUnitFindings, rankReadings, restatedScaleFindings, scaleFindings, unitDisagreementFindings, unitFindings } from './figures';
import type { CheckContext, CheckSegment, Finding, RuleId, RuleInfo } from './types';
import type { SegmentEvidence } from './evidence';
import { addTo, pushAll } from './collect';

export { DocumentEvidence, holdsSegments, type SegmentEvidence } from './evidence';
export { AnalysisCarry } from './analysis';

export type { CheckContext, CheckSegment, Finding, Fix, GlossaryEntry, Location, RuleId, RuleInfo, Scope, Severity } from './types';

export const RULES: RuleInfo[] = [
  {
    id: 'entity-consistency',
    title: 'Name spelled inconsistently',
    scope: 'document',
    description:
      'Person names found next to role titles (CFO, 董事長), honorifics (先生) or speech verbs (表示, 介紹), or from the glossary, grouped when they are probably one person written differently: the same name in Simplified (a conversion variant), the same surname with a given name that sounds alike, or one character apart in the same role. One finding per group, with every location. Across a project, also the same role held by differently named people in two documents (one finding per pair of names), a name inverted or with its surname dropped (looked up from the full name introduced with a title elsewhere), and three characters against two under one title; never across organisations (names normalised: spaces, 控股/集團/有限公司; glossary equivalences).',
  },
  {
    id: 'conversion-ambiguity',
    title: 'Ambiguous Simplified→Traditional conversion',
    scope: 'segment',
    description:
      "Characters whose Simplified form has several Traditional forms (征 → 徵/征, 云 → 雲/云). Ranked: error where OpenCC's usage notes give another form for the word; warning in a person's name, against OpenCC's phrase list (unless that phrase cuts across a word here, as 有云 in 公有雲), or where the phrase OpenCC matched cuts across a word; warning where the converter's form stands alone against a sibling the document writes in three or more words (發品 among 洗髮, 護髮, 頭髮: one sense per discourse, in a whole-document run); info (a lens) where the character table's default was used unconfirmed (not on a function word standing alone: 於, 並, 須 'must'). Suggests the alternatives. Also OpenCC's Taiwan phrasing (s2twp): a word it writes for another (元件 for 組件) where that cut a longer word (零組件 → 零元件: warning, fix all), and its words in a document that reads as its output as a whole (資料 for 數據, each place on its own). In a document that reads as a converter's output as a whole, a company's name (two characters before 開發, 科技, 控股… or a stock code) holding the converter's form of a character that names also write otherwise (升 for 昇, 梁 for 樑, 傑 for 杰, 採 for 采): warning, one card for every place of the name, fix all.",
  },
  {
    id: 'simplified-in-traditional',
    title: 'Simplified character in Traditional text',
    scope: 'segment',
    description: 'Simplified-only characters left in a Traditional document, or a whole segment in Simplified. Suggests the Traditional form in context.',
  },
  {
    id: 'variant-mixing',
    title: 'Variant forms mixed',
    scope: 'document',
    description: 'One document using two forms of one character (爲/為, 戶/户, 裏/裡); the minority form is reported with a fix to the majority form. Across a project (project check), the forms compared over all documents: the form fewer documents use is one group with a fix at every place; on a tie, the form most conventions write (為 over 爲, 說 over 説, 台 over 臺).',
  },
  {
    id: 'number-format',
    title: 'Malformed number',
    scope: 'segment',
    description: 'Digit groups not in threes, a decimal comma, five or more digits before 萬/億, absurdly long digit runs, mixed full/half-width digits.',
  },
  {
    id: 'number-mismatch',
    title: 'Number differs from its counterpart',
    scope: 'document',
    description:
      'Numbers present on one side and missing or different on the other, against the English rendering or the original source (萬/億/百分之/個百分點 normalised); and one quantity stated twice in a document with different values. checkSegment runs the parallel comparison; runChecks adds the document-wide one.',
  },
  {
    id: 'glossary-forbidden',
    title: 'Glossary variant used',
    scope: 'segment',
    description: 'A spelling the glossary rules out; the fix writes the glossary term.',
  },
  {
    id: 'glossary-english',
    title: 'Glossary English form missing',
    scope: 'segment',
    description: 'The segment uses a glossary term with an English form, but its English rendering does not contain that form.',
  },
  {
    id: 'halfwidth-punctuation',
    title: 'Half-width punctuation in Chinese text',
    scope: 'segment',
    description: 'ASCII punctuation used in Chinese text (not in English phrases, numbers, times or URLs). One finding per document with a fix at every place (fix all).',
  },
  {
    id: 'unbalanced-brackets',
    title: 'Unbalanced brackets or quotes',
    scope: 'document',
    description: '「」『』（）“”《》【】〈〉 that do not pair up within a paragraph.',
  },
  {
    id: 'doubled',
    title: 'Doubled word or punctuation',
    scope: 'segment',
    description: 'Repeated punctuation (，，), a doubled function word (的的) or a repeated word (我們我們); normal reduplication (天天, 研究研究, 一個一個) is left alone.',
  },
  {
    id: 'stray-space',
    title: 'Stray space',
    scope: 'segment',
    description: 'A space inside a Chinese word or name. In a headline or a spaced list a space separates parts, so only a split name is reported there.',
  },
  {
    id: 'source-divergence',
    title: 'Differs from the original source',
    scope: 'segment',
    description:
      "With an original Simplified source attached: every place where the Simplified form of the current text differs from the aligned source beyond script conversion (a mistranslation or mishearing such as a changed name or number). Suggests the source's reading in Traditional. A row that barely matches its source is reported once as a probable misalignment.",
  },
  {
    id: 'english-empty',
    title: 'English missing',
    scope: 'segment',
    description: "The document has an English rendering, but segments' English is empty (not yet written, or their English went to a neighbouring row). One finding per document, listing every such segment.",
  },
  {
    id: 'repeated-sentence',
    title: 'Sentence repeated',
    scope: 'document',
    description:
      'A sentence written twice in a row, exactly or nearly (one edit in ten characters, the same figures), also across a segment boundary; sentences under ten characters are left alone. The fix removes the second copy.',
  },
  {
    id: 'period-label',
    title: 'Period label repeated or mismatched',
    scope: 'segment',
    description:
      "A comparison label (同比/環比, 年增/季增/月增, 按年/按季/按月) written twice in a row with two values and no metric between them (the second is probably the partner label), next to a phrase naming another period (較去年同期季增), or not fitting the figure's own period (全年…月增); in the document, one value with a decimal stated with labels of two periods (年增18.4% and 季增18.4%).",
  },
  {
    id: 'taiwan-standard',
    title: "Not Taiwan's standard form",
    scope: 'document',
    description:
      "In a document written for Taiwan (read from its vocabulary: 新台幣, 金管會, 年增…), a word in the form every OpenCC Simplified→Traditional target writes where Taiwan's standard writes another (公佈 → 公布, 計劃 → 計畫, 佔比 → 占比). One finding per word, fix all.",
  },
  {
    id: 'hong-kong-standard',
    title: "Not Hong Kong's form",
    scope: 'document',
    description:
      "In a document written for Hong Kong (read from its vocabulary: 港元, 香港, 恒生, 聯交所…), a word in the form every OpenCC Simplified→Traditional target writes where Hong Kong writes another: 應占 → 應佔 (股東應佔溢利), a shop's 鋪 → 舖 (店舖, 商舖, 舖位, 舖租; the verb 鋪設 stays), and 占 → 佔 in any other word but divination (占卜) and names. One finding per word, fix all.",
  },
  {
    id: 'number-scale',
    title: 'Figure off by a power of ten',
    scope: 'document',
    description:
      'A figure ×10 to ×1000 off: an amount and its conversion into another currency at an implausible rate; a part (其中) larger than its whole; an amount whose share (佔總營收63.8%) implies a whole a power of ten from the one stated; the same figure (same words before it, same digits) at a power of ten apart in one document or, in the project check, in two documents. Fixes give the readings.',
  },
  {
    id: 'number-unit',
    title: 'Count with a wrong unit',
    scope: 'document',
    description:
      "A count (員工, 客戶數, 門市, 家數, 成交量, 航次 …) carrying a currency or a person unit its noun cannot take; or the same figure stated with a count unit in one place and a currency or person unit in another (also across the project's documents).",
  },
];

const SEGMENT_RULES = new Set<RuleId>(RULES.filter((r) => r.scope === 'segment').map((r) => r.id));

/**
 * The rules whose findings runChecks computes across segments (name groups, a quantity stated
 * twice, variant mixing, brackets, repeated sentences, period values, figures): checkSegment
 * cannot bring them back, so undo and redo re-run these over the document (core/checks.ts).
 */
export const CROSS_SEGMENT_RULES: readonly RuleId[] = [...RULES.filter((r) => r.scope === 'document').map((r) => r.id), 'period-label'];

function wants(ctx: CheckContext): (r: RuleId) => boolean {
  const only = ctx.rules ? new Set(ctx.rules) : null;
  return (r) => !only || only.has(r);
}

/** The per-segment rules on one analysed segment (mentions: the document's, for name positions). */
function segmentRules(a: Analysis, ctx: CheckContext, want: (r: RuleId) => boolean, mentions: ReturnType<typeof findMentions> | null, senses?: DocumentSenses): Finding[] {
  const out: Finding[] = [];
  if (want('conversion-ambiguity')) {
    // the segment's mentions, then its surname-title ones (a list joined only when both have some)
    const own = mentions ?? findMentions(a, 0, ctx.glossary);
    const titled = a.memo('surname-title-mentions', () => orNone(surnameTitleMentions(a)));
    pushAll(out, ambiguityFindings(a, !titled.length ? own : !own.length ? titled : [...own, ...titled], ctx, senses));
    pushAll(out, afterFigureFindings(a, ctx));
    pushAll(out, vocabularyCrossingFindings(a));
  }
  if (want('simplified-in-traditional')) pushAll(out, simplifiedFindings(a, ctx));
  if (want('number-format')) pushAll(out, numberFormatFindings(a));
  if (want('glossary-forbidden') || want('glossary-english')) pushAll(out, glossaryFindings(a, ctx, want('glossary-forbidden'), want('glossary-english')));
  if (want('halfwidth-punctuation')) pushAll(out, halfwidthFindings(a, ctx));
  if (want('doubled')) pushAll(out, doubledFindings(a));
  if (want('stray-space')) pushAll(out, straySpaceFindings(a));
  if (want('source-divergence')) pushAll(out, sourceDivergenceFindings(a));
  if (want('english-empty')) pushAll(out, englishEmptyFindings(a));
  if (want('period-label')) pushAll(out, periodLabelFindings(a));
  return out;
}

/** Findings of a whole-document pass of a per-segment rule, stored as the document's (a segment's re-check cannot make them). */
function documentDecided(findings: Finding[]): Finding[] {
  for (const f of findings) f.scope = 'document';
  return findings;
}

/**
 * Rules whose findings runChecks gathers into one group per document (one card counting every
 * place: half-width punctuation, rows without English), with the group's key: a segment's re-check
 * joins its places to the group stored for the document (core/checks.ts `recheckSegment`).
 */
export const DOCUMENT_GROUPS: ReadonlyMap<RuleId, string> = new Map<RuleId, string>([
  ['halfwidth-punctuation', HALFWIDTH_GROUP],
  ['english-empty', ENGLISH_EMPTY_GROUP],
]);

/**
 * The message runChecks gives a document group (DOCUMENT_GROUPS) of these places (their texts, in
 * document order): a segment's re-check words the group anew when its places there changed.
 */
export function documentGroupMessage(rule: RuleId, texts: readonly string[]) {
  return rule === 'english-empty' ? englishEmptyGroupMessage(texts.length) : halfwidthGroupMessage(texts);
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortFindings(findings: Finding[], order: Map<number, number>): Finding[] {
  const sorted = findings.sort(
    (x, y) => (order.get(x.segmentId) ?? 0) - (order.get(y.segmentId) ?? 0) || x.start - y.start || SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] || x.rule.localeCompare(y.rule),
  );
  // Two sub-checks of one rule can flag the same span (e.g. a phrase mis-match seen from both
  // of its overlapping words, a label against its period and against the value's other label):
  // the reviewer sees one card for the place, with the most severe reading first and every
  // reason, fix and related place (merge.ts).
  return mergeSamePlace(sorted);
}

/**
 * What a document says about its project's house style (house-style.ts): null unless it is written
 * for Taiwan or Hong Kong, holds a form of a pair, and is a writer's own text, not a converter's
 * output throughout (there every 占 became 佔). Only a document holding a form is replayed.
 */
export function documentHouseEvidence(segments: CheckSegment[], ctx: CheckContext): WriterEvidence | null {
  if (ctx.script !== 'hant') return null;
  const content = segments.filter((s) => !s.furniture);
  const texts = content.map((s) => s.text);
  if (!texts.some(mentionsHousePair)) return null;
  const region = writtenFor(texts);
  if (!region || convertedByOpenCC([...analyse(content, ctx).values()])) return null;
  return writerEvidence(region, texts);
}

/** The house style a project's documents show (`documentHouseEvidence` of each, then house-style.ts `houseStyleOf`). */
export function projectHouseStyle(docs: readonly { segments: CheckSegment[]; ctx: CheckContext }[]): HouseStyle {
  return houseStyleOf(docs.map((d) => documentHouseEvidence(d.segments, d.ctx)).filter((e): e is WriterEvidence => e !== null));
}

/**
 * Every rule over a whole document. Furniture segments (share buttons, bylines, duplicates…) are
 * skipped. `carry`: where the run's analyses come from and are kept (analysis.ts `AnalysisCarry`:
 * an unchanged segment's analysis from an earlier run, with what it memoised); the findings are
 * the same with or without it.
 */
export function runChecks(segments: CheckSegment[], ctx: CheckContext, carry?: AnalysisCarry<DocumentSenses>): Finding[] {
  const want = wants(ctx);
  const content = segments.filter((s) => !s.furniture);
  const analyses = carry ? content.map((s) => carry.analysis(s, ctx)) : [...analyse(content, ctx).values()];
  const needMentions = want('entity-consistency') || want('conversion-ambiguity') || want('hong-kong-standard');
  const mentions = needMentions ? documentMentions(analyses, ctx.glossary) : [];
  const bySegment = new Map<number, typeof mentions>();
  for (const m of mentions) {
    addTo(bySegment, m.segmentId, m);
  }

  let out: Finding[] = [];
  const halfwidth: Finding[] = [];
  const noEnglish: Finding[] = [];
  // the document's sense of each one-to-many character (one sense per discourse, conversion-ambiguity)
  const senses = want('conversion-ambiguity') && ctx.script === 'hant' ? (carry?.senses ?? documentSenses(analyses)) : undefined;
  // the region the document is written for, read once (documentSenses has read it when conversion-ambiguity runs)
  const regional = want('number-format') || want('taiwan-standard') || want('hong-kong-standard');
  const region = ctx.script !== 'hant' ? null : senses ? senses.region : regional ? analysesRegion(analyses) : null;
  for (const a of analyses) {
    for (const f of segmentRules(a, ctx, want, bySegment.get(a.seg.id) ?? [], senses)) (f.rule === 'halfwidth-punctuation' ? halfwidth : f.rule === 'english-empty' ? noEnglish : out).push(f);
    if (want('number-mismatch')) pushAll(out, parallelNumberFindings(a));
  }
  out.push(...mergeHalfwidth(halfwidth));
  // one grouped finding per document for the rows without English, not one card per row
  out.push(...mergeEnglishEmpty(noEnglish));
  if (want('entity-consistency')) out.push(...entityFindings(mentions, ctx));
  if (want('variant-mixing')) out.push(...variantMixingFindings(analyses, ctx));
  if (want('number-mismatch')) out.push(...repeatedQuantityFindings(analyses));
  if (want('unbalanced-brackets')) out.push(...bracketFindings(analyses));
  if (want('repeated-sentence')) out.push(...repeatedSentenceFindings(analyses));
  if (want('period-label')) {
    // the document passes of a per-segment rule: a segment's re-check keeps them (types.ts `scope`)
    out.push(...documentDecided(periodValueFindings(analyses)));
    const held = new Set(out.filter((f) => f.rule === 'period-label').flatMap((f) => [f, ...f.related].map((l) => `${l.segmentId}|${l.start}`)));
    out.push(...documentDecided(contextPeriodFindings(analyses, held)));
  }
  // is the document a converter's output as a whole? Read once, when a rule first asks (a pass over every character)
  let converted: boolean | undefined;
  const isConverted = () => (converted ??= convertedByOpenCC(analyses));
  if ((want('taiwan-standard') || want('hong-kong-standard')) && ctx.script === 'hant') {
    if (want('taiwan-standard')) out.push(...taiwanStandardFindings(analyses, region, isConverted, ctx));
    if (want('hong-kong-standard')) out.push(...hongKongStandardFindings(analyses, mentions, region, isConverted, ctx));
  }
  // the converter's Taiwan phrasing (s2twp), recognised from the document as a whole
  if (want('conversion-ambiguity') && ctx.script === 'hant') {
    out.push(...documentVocabularyFindings(analyses));
    // a company's name the converter could not spell: one card for its places, which other conversion cards leave to it
    const brands = brandNameFindings(analyses, isConverted);
    if (brands.length) out = [...yieldToBrands(out, brands), ...brands];
  }
  if (want('number-scale') || want('number-unit') || want('number-format')) {
    const figures = documentFigures(analyses);
    if (want('number-format')) rankReadings(out, analyses, figures, region);
    if (want('number-scale')) out.push(...scaleFindings(analyses, figures));
    if (want('number-unit')) out.push(...unitFindings(analyses, figures));
  }
  return sortFindings(out, new Map(content.map((s, i) => [s.id, i])));
}

/**
 * Incremental: the segment-scope rules (and the parallel-number comparison) for one segment,
 * e.g. after an edit. Document-scope rules (entity groups, variant mixing, brackets, repeated
 * quantities) need runChecks. A furniture segment has no findings.
 *
 * `evidence` (evidence.ts, `DocumentEvidence.forSegment`): what the whole document says about
 * the segment (names introduced elsewhere, the document's senses and region), so that the
 * segment's findings are those `runChecks` gives it; without it the segment is read alone.
 */
export function checkSegment(segment: CheckSegment, ctx: CheckContext, evidence?: SegmentEvidence): Finding[] {
  if (segment.furniture) return [];
  const want = wants(ctx);
  const a = new Analysis(segment, ctx);
  const out = segmentRules(a, ctx, (r) => SEGMENT_RULES.has(r) && want(r), evidence?.mentions ?? null, ctx.script === 'hant' ? evidence?.senses : undefined);
  if (want('number-mismatch')) out.push(...parallelNumberFindings(a));
  for (const f of out) if (f.rule === 'halfwidth-punctuation') Object.assign(f, mergeHalfwidth([f])[0]);
  return sortFindings(out, new Map([[segment.id, 0]]));
}

/**
 * Entity consistency across the documents of a project: one person spelled differently in
 * different documents, and a unique role (a company's CEO, CFO…) held by differently named
 * people in two documents. Locations carry their documentId.
 */
export function runProjectEntityCheck(docs: ProjectDocument[], ctx: CheckContext): Finding[] {
  return runProjectRules(docs, { ...ctx, rules: ['entity-consistency'] });
}

/** One document of a project check; `ctx` (its own script and variant) defaults to the project's. */
export interface ProjectDocument {
  documentId: number;
  segments: CheckSegment[];
  ctx?: CheckContext;
}

/**
 * Every project-scope rule: entity consistency across documents, the forms of a variant
 * pair compared over all documents (variant-mixing across documents), and one value stated
 * with labels of two periods in two documents (period-label), and one figure restated at
 * another scale or with another unit in two documents (number-scale, number-unit). Locations
 * carry their documentId.
 */
export function runProjectRules(docs: ProjectDocument[], ctx: CheckContext): Finding[] {
  const want = wants(ctx);
  const analysed = docs.map((d) => ({ documentId: d.documentId, analyses: [...analyse(d.segments.filter((s) => !s.furniture), d.ctx ?? ctx).values()] }));
  const out: Finding[] = [];
  if (want('entity-consistency')) {
    const perDoc = analysed.map((d) => ({ ...d, mentions: documentMentions(d.analyses, ctx.glossary, d.documentId) }));
    const reordered = reorderedNameMentions(perDoc);
    for (const d of perDoc) d.mentions.push(...reordered.filter((m) => m.documentId === d.documentId));
    out.push(...projectEntityFindings(perDoc, ctx));
  }
  if (want('variant-mixing')) out.push(...projectVariantFindings(analysed));
  if (want('conversion-ambiguity')) out.push(...converterVocabularyFindings(analysed));
  if (want('period-label')) out.push(...projectPeriodValueFindings(analysed));
  if (want('number-scale') || want('number-unit')) {
    const perDoc = analysed.map((d) => ({ ...d, figures: documentFigures(d.analyses, d.documentId) }));
    const figures = perDoc.flatMap((d) => d.figures);
    if (want('number-scale')) out.push(...restatedScaleFindings(figures, true));
    if (want('number-unit')) {
      const differs = unitDisagreementFindings(figures, true);
      const at = new Set(differs.map((f) => `${f.documentId}|${f.segmentId}|${f.start}`));
      out.push(...differs, ...projectCountUnitFindings(perDoc).filter((f) => !at.has(`${f.documentId}|${f.segmentId}|${f.start}`)));
    }
  }
  return out;
}

/**
 * Period labels across the documents of a project: one value stated with labels of two periods
 * in two documents (年增18.4% in one, 季增18.4% in another). Locations carry their documentId.
 */
export function runProjectPeriodCheck(docs: ProjectDocument[], ctx: CheckContext): Finding[] {
  if (!wants(ctx)('period-label')) return [];
  return runProjectRules(docs, { ...ctx, rules: ['period-label'] });
}

/**
 * Figures across the documents of a project: the same figure at a power of ten apart
 * (number-scale) or with a contradicting unit (number-unit) in two documents. A document's
 * own pairs are left to runChecks. Locations carry their documentId.
 */
export function runProjectFigureCheck(docs: ProjectDocument[], ctx: CheckContext): Finding[] {
  const want = wants(ctx);
  const rules = (['number-scale', 'number-unit'] as const).filter((r) => want(r));
  return rules.length ? runProjectRules(docs, { ...ctx, rules: [...rules] }) : [];
}

/**
 * Load the dictionaries and tables the checks use (OpenCC's phrase trie, character maps, ICU,
 * pinyin) ahead of time, e.g. at service start: the first run otherwise pays ~0.1–0.4 s for it.
 */
export function prepareChecks(ctx: Pick<CheckContext, 'script' | 'variant'> = { script: 'hant', variant: 't' }): void {
  const warm: CheckSegment = { id: 1, text: '董事長李徵表示,收入爲11.8億,增長「很快」。', furniture: null, speaker: null, english: 'Revenue was 1.18 billion.' };
  runChecks([warm, { ...warm, id: 2, text: '剛才李震介紹的現金。' }], { ...ctx });
}
