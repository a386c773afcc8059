/**
 * Finding messages as data. Every message of shared/checks and of the claims cross-checks is
 * built here from a key and its parameters: `message` is the English text (stored in
 * findings.message, printed by the CLI, exported), `messageData` is `{ key, params }`
 * (stored beside it, migration 010) so the renderer can word the message in the UI language
 * (renderer/src/i18n-findings.ts: a Traditional Chinese template per key; its English
 * templates are these). Both come from one template, so the English text and the key cannot
 * drift. A parameter is a string, a number, or a list of nested messages (reasons of a name
 * group, the parts of a source difference), worded each in the same language and joined.
 * Pure: runs in Node and the browser.
 */

export interface FindingMessageRef {
  key: FindingMessageKey;
  params: FindingMessageParams;
}
export type FindingMessageParam = string | number | FindingMessageRef[];
export type FindingMessageParams = Record<string, FindingMessageParam>;

/** The English template of every key; {name} is a parameter. */
export const FINDING_MESSAGES_EN = {
  // ---- any rule: several readings of one place merged into one finding (merge.ts)
  'place.reasons': 'This place is flagged for {count} reasons. {reasons}',
  // ---- conversion-ambiguity, simplified-in-traditional, variant-mixing (conversion.ts)
  'conversion.usage-note': "{word}: OpenCC's usage notes write {example} ({note}). Simplified {s} has several Traditional forms ({forms}); use {want} here.",
  'conversion.name.surname': "{c} in the surname of {name}: Simplified {s} becomes {c} by default (its forms: {forms}), but a name normally keeps {s}. Check the person's name — probably {fixed}.",
  'conversion.brand': "{name}: a company's name, machine-converted. A converter writes Simplified {s} as {chars}, but names also write it {forms}, and nothing in a name tells which. Check how the company spells its name — perhaps {fixed}.",
  'conversion.brand.settled': "{name}: this company's name is written {settled} where it was corrected in this document; here it still has the converter's {chars} (Simplified {s}, which names also write {forms}). Probably {settled}.",
  'conversion.name.chars': "{name}: {chars} in this name are the default forms of Simplified {s}, which names normally keep. Check the person's name — probably {fixed}.",
  'conversion.name.given': "{c} in the given name of {name}: Simplified {s} becomes {c} by default (its forms: {forms}), but a name normally keeps {s}. Check the person's name — probably {fixed}.",
  'conversion.phrase': "OpenCC's phrase list converts {phrase} to {expected}, but the text has {c}. Simplified {s} has several Traditional forms ({forms}).",
  'conversion.phrase-crosses-word': "{c} was decided by OpenCC's phrase {phrase} → {converted}, which cuts across the word {word}; here {s} is probably the ordinary {def} ({fixed}). Forms of {s}: {forms}.",
  'conversion.overlapping-phrase': 'OpenCC matched the phrase {phrase} → {converted} here, but {other} → {otherConverted} overlaps it and makes the word {word}: probably {y}. Forms of {s}: {forms}.',
  'conversion.sense-cue': "{word} before {cue}: OpenCC writes {word} ('reply') for every Simplified 回复, which is also 'recover, return to', written {fixed}; followed by {cue} it is the second: probably {fixed}.",
  'conversion.copula.after': "{word}: {c} standing alone after {adverb} is the formal copula 係 ('is'), which Simplified writes {c}; probably {fixed}.",
  'conversion.copula': "{word}: {c} standing alone before a reason or basis is the formal 係 ('is', 'because'), which Simplified writes {c}; probably {fixed}.",
  'conversion.vocabulary': "{word} here, in a document that writes none of the mainland words OpenCC's Taiwan phrasing (s2twp) replaces, while another document of this project writes {source} where this one has {word}: s2twp makes {word} of {source}, so this is probably the converter's word, but a writer may have chosen it too. Each place is a finding of its own ({count} here): check this one in its sentence — probably {source}.",
  'conversion.vocabulary.crosses-word': "{broken}: {word} is what OpenCC's Taiwan phrasing (s2twp) writes for {source}, but here {source} belongs to the word {whole}, which its table does not list, so it cut that word. Probably {whole}.",
  'conversion.vocabulary.hong-kong': "{word} here: this document is written for Hong Kong but reads as the output of OpenCC's Taiwan phrasing (s2twp): it is what OpenCC writes character for character, it has none of the mainland words s2twp replaces, and it has words s2twp writes ({words}). s2twp writes {word} for {source}, the word Hong Kong writes, so this is probably the converter's word ({count} in this document): check it in its sentence — probably {source}.",
  'conversion.vocabulary.hong-kong.places': "This document is written for Hong Kong but reads as the output of OpenCC's Taiwan phrasing (s2twp): it is what OpenCC writes character for character, it has none of the mainland words s2twp replaces, and it has words s2twp writes for the words Hong Kong writes ({words}). Each place is a finding of its own, with its own fix (the word s2twp replaced). Check each in its sentence.",
  'conversion.vocabulary.document': "{word} here: this document reads as the output of OpenCC's Taiwan phrasing (s2twp): it is what OpenCC writes character for character, it has none of the mainland words s2twp replaces, and it has words s2twp writes for words Taiwan also uses in a sense of their own ({words}). s2twp writes {word} for {source}, but about 4 in 10 such places are the writer's own {word}, so each place is a finding of its own ({count} in this document): check this one in its sentence — perhaps {source}.",
  // the explanation a per-place family (PER_PLACE_FAMILIES, below) shows once, above its places
  'conversion.vocabulary.places': "{word}: this document writes none of the mainland words OpenCC's Taiwan phrasing (s2twp) replaces, while another document of this project writes {source} where this one has {word}. s2twp makes {word} of {source}, so these are probably the converter's words, but a writer may have chosen one too: each place is a finding of its own, with its own fix and no fix all. Check each in its sentence — probably {source}.",
  'conversion.vocabulary.document.places': "This document reads as the output of OpenCC's Taiwan phrasing (s2twp): it is what OpenCC writes character for character, it has none of the mainland words s2twp replaces, and it has words s2twp writes for words Taiwan also uses in a sense of their own ({words}). About 4 in 10 such places are the writer's own word, so each place is a finding of its own, with its own fix (the word s2twp replaces) and no fix all. Check each in its sentence.",
  'conversion.other-form-word': '{c}: Simplified {s} has several Traditional forms ({forms}); the character table\'s default stands here with no phrase behind it, and {word} is a word where {c} makes none.',
  'conversion.neighbour-phrases': "{c}: Simplified {s} has several Traditional forms ({forms}); the character table's default stands here alone, with no phrase or word behind it, while OpenCC's phrases write {y} next to {neighbour} ({examples}…).",
  'conversion.discourse': '{c}: Simplified {s} has several Traditional forms ({forms}); the character table\'s default stands here alone, with no phrase or word behind it, while this document writes {y} in {count} different words ({words}…).',
  'conversion.default-unconfirmed': '{c}: Simplified {s} has several Traditional forms ({forms}) and OpenCC used its default here, with no phrase to confirm it. Check the meaning.',
  'simplified.segment': 'This segment is in Simplified Chinese ({count} Simplified-only characters, e.g. {examples}) inside a Traditional document. Convert it, or mark it as furniture if it is a copy of another segment.',
  'simplified.char': '{c} is a Simplified character in a Traditional text; the Traditional form here is {t}.',
  'simplified.char.alts': '{c} is a Simplified character in a Traditional text; the Traditional form here is {t} (Simplified {c} can also be {alts}).',
  'variant.mixing.one': '{major} ({majorCount}×) and {minor} ({minorCount}×) are two forms of one character; this document mostly uses {major}. Write {major} throughout ({minor}).',
  'variant.mixing.many': '{major} ({majorCount}×) and {minor} ({minorCount}×) are two forms of one character; this document mostly uses {major}. Write {major} throughout ({minor} at {minorCount} places).',
  'variant.regional': '{minor} ({minorCount}×) is not the form Taiwan writes; this document is written for Taiwan (its wording says so), where the form is {major}. Write {major} throughout.',
  'variant.project.regional': '{minor} ({minorCount}× in {minorDocs} documents) is not the form Taiwan writes; this project is written for Taiwan (its wording says so), where the form is {major}. Write {major} throughout.',
  'variant.regional.press': "{minor} ({minorCount}×) is the official form, which a converter writes everywhere; this text is a converter's output, and the region's papers write {major}. Write {major} throughout (a writer's own {minor}, in a name or an official title, stays).",
  'variant.regional.hk': '{minor} ({minorCount}×) is a form neither Hong Kong nor Taiwan writes; this document is written for Hong Kong (its wording says so), where the form is {major}. Write {major} throughout.',
  'variant.project.regional.hk': '{minor} ({minorCount}× in {minorDocs} documents) is a form neither Hong Kong nor Taiwan writes; this project is written for Hong Kong (its wording says so), where the form is {major}. Write {major} throughout.',
  'variant.project': '{major} ({majorCount}× in {majorDocs} documents) and {minor} ({minorCount}× in {minorDocs} documents) are two forms of one character; this project mostly uses {major}. Write {major} throughout ({minor} at {minorCount} places).',
  // ---- entity-consistency (entities.ts)
  'entity.group': 'Probably one person written {count} ways: {spellings}. Use one spelling throughout — suggested: {canonical}.',
  'entity.group.reasons': 'Probably one person written {count} ways: {spellings}. {reasons} Use one spelling throughout — suggested: {canonical}.',
  'entity.reason.over-conversion': '{spelling} looks like the default Simplified→Traditional conversion of {original} ({changes}).',
  'entity.reason.sound': 'The given names sound alike.',
  'entity.reason.role': 'They hold the same role and differ by one character.',
  'entity.reason.role.named': 'They hold the same role ({roles}) and differ by one character.',
  'entity.reason.conversion': 'They are the same name in Simplified.',
  'entity.reason.glossary': 'The glossary lists them as one person.',
  'entity.reason.length': 'One is the other with a character of the given name left out, under the same title.',
  'entity.reason.order': 'One is the other with its surname moved or left out.',
  'entity.role': 'The {role} is named {a} in document {docA} but {b} in document {docB}. Check which spelling is right, or whether the role changed hands between the documents.',
  'entity.role.org': 'The {role} of {org} is named {a} in document {docA} but {b} in document {docB}. Check which spelling is right, or whether the role changed hands between the documents.',
  // ---- glossary (glossary.ts)
  'glossary.forbidden': '{variant} is a variant the glossary rules out; write {term}.',
  'glossary.forbidden.note': '{variant} is a variant the glossary rules out; write {term} ({note}).',
  'glossary.english': 'The glossary gives “{english}” for {term}, but the English rendering of this segment does not use it. Write “{english}” there.',
  // ---- number-format, number-mismatch (numbers.ts)
  'number.mixed-width': '{raw} mixes full-width and half-width digits; write it in one width.',
  'number.decimal-comma': '{raw} uses a decimal comma; Chinese text uses a decimal point.',
  'number.decimal-points': '{raw} has {count} decimal points.',
  'number.decimal-comma-before': '{raw} looks like a decimal comma before {unit}; write {fixed}.',
  'number.groups': '{raw}: digit groups are not in threes; probably {fixed}.',
  'number.digits-before-magnitude.large': "{raw}: {count} digits before {magnitude}, as Hong Kong and mainland writers put amounts of this size (also written {usual}); information only — the document's other figures are of this order.",
  'number.digits-before-magnitude': '{raw}: {count} digits before {magnitude} — is that right? Usually written {usual}.',
  'number.long': '{raw} is a {count}-digit number; check it (a unit such as 萬/億 may be missing, or digits doubled).',
  'number.long.quantity': '{raw} is a {count}-digit number given as a quantity; check it (a unit such as 萬/億 may be missing, or digits doubled).',
  'number.differs.english': '{mine} here, but the English has {theirs}: one of them is wrong.',
  'number.differs.source': '{mine} here, but the source text has {theirs}: one of them is wrong.',
  'number.unmatched.english': '{mine} has no counterpart in the English ({excerpt}).',
  'number.unmatched.source': '{mine} has no counterpart in the source text ({excerpt}).',
  'number.missing.english': 'The English has {theirs}, which is missing here.',
  'number.missing.source': 'The source text has {theirs}, which is missing here.',
  'number.value': '{raw}',
  'number.value.million': '{raw} ({value} million)',
  'number.value.billion': '{raw} ({value} billion)',
  'number.value.trillion': '{raw} ({value} trillion)',
  'number.repeated': 'The same quantity is stated twice with different values: {here} here, {earlier} earlier (after the same words “{words}”). One of them is wrong.',
  // ---- source-divergence, english-empty (parallel.ts)
  'source.misaligned': 'This segment and the source text aligned to it have little in common (“{excerpt}”): the alignment is probably off here. Shift, merge or split the source rows to fix it.',
  'source.differs': '{what}: a difference beyond script conversion (mistranslation, mishearing or a correction?). {advice}',
  'source.what.missing': 'The source has {source} here, which is missing',
  'source.what.extra': '{text} is not in the source',
  'source.what.changed': '{text} here, but the source has {source}',
  'source.advice.reading': "The source's reading is {readings}.",
  'source.advice.remove': 'Remove it if the source is right.',
  'english.empty': 'This segment has no English yet: write it, or fix the alignment if its English went to a neighbouring row (shift or split).',
  'english.empty.many': '{count} segments have no English yet: write it, or fix the alignment where the English went to a neighbouring row (shift or split).',
  // ---- punctuation.ts
  'halfwidth.one': '1 half-width punctuation mark in Chinese text ({summary}); Chinese text takes full-width punctuation (，；：？！（）。). Apply all fixes to convert them.',
  'halfwidth.many': '{count} half-width punctuation marks in Chinese text ({summary}); Chinese text takes full-width punctuation (，；：？！（）。). Apply all fixes to convert them.',
  'brackets.unclosed': '{open} is opened here but never closed; add {close} where it ends, or remove it.',
  'brackets.unclosed.paragraph': '{open} is opened here but never closed in this paragraph; add {close} where it ends, or remove it.',
  'brackets.unopened': '{close} closes a bracket or quote that was never opened; add its opening mark or remove it.',
  'doubled.mark': 'Doubled {mark}; remove one.',
  'doubled.marks': '{marks}: two punctuation marks in a row; keep one.',
  'doubled.phrase': '{phrase} is written twice in a row; remove the repetition.',
  'doubled.word': '{pair}: the word {word} is doubled; remove one.',
  'space.word': 'Stray space inside the word {word}; Chinese words are written without spaces.',
  'space.name': 'Stray space inside the name {name}; Chinese words are written without spaces.',
  // ---- repeated-sentence (repetition.ts), period-label (periods.ts)
  'repeated-sentence.exact': 'This sentence repeats the one right before it: {sentence} Remove the repetition.',
  'repeated-sentence.near': 'This sentence nearly repeats the one right before it ({previous}): {sentence} Keep one of them.',
  'period-label.repeated': '{label} is stated twice in a row with two values ({first} and {second}): one of them is probably another period, as {partners} (more often the second). Check which comparison each is.',
  'period-label.same-value': '{value} is given as {label} here and as {other} elsewhere in the document: one of the two labels is probably wrong.',
  'period-label.contradicts': '{label} compares with another period than {period} in the same phrase: probably {want}.',
  'period-label.contradicts.heading': '{label} compares with another period than {period}, which heads the sentence: probably {want}.',
  'period-label.period.cumulative': '{label} compares with the previous month or quarter, but the figure is for a full year or year to date: probably {want}.',
  'period-label.period.quarter': '{label} compares with the previous month, but the figure is for a quarter: probably {want}.',
  'period-label.period.month': '{label} compares with the previous quarter, but the figure is for a month: probably {want}.',
  'period-label.period.holiday': '{label} compares with the previous month or quarter, but the figure is for a holiday, compared with the same holiday a year before: probably {want}.',
  'period-label.mixed': '{label} here, but {other} for the other figures of this sentence, which names no other period between them: one of the labels is probably wrong.',
  'period-label.english': '{label} here, but the English gives {value} {phrase}: probably {want}.',
  // ---- taiwan-standard (regional.ts)
  'taiwan-standard.one': "{word} is the form OpenCC's Simplified→Traditional conversion writes; Taiwan's standard is {standard}. Write {standard}.",
  'taiwan-standard.many': "{word} ({count}×) is the form OpenCC's Simplified→Traditional conversion writes; Taiwan's standard is {standard}. Write {standard} throughout.",
  'taiwan-standard.converted': "{word} ({count}×) is the form the converter (OpenCC) writes; Taiwan's standard is {standard}: write {standard} unless the house style keeps {word}.",
  'taiwan-standard.house': "{word} ({count}×): Taiwan's standard is {standard}; many papers keep {word}. The house style decides: Set Standard forms in the project's settings (beside the project in the library).",
  // ---- hong-kong-standard (regional.ts)
  'hong-kong-standard.one': "{word} is the form OpenCC's Simplified→Traditional conversion writes; Hong Kong writes {standard}. Write {standard}.",
  'hong-kong-standard.many': "{word} ({count}×) is the form OpenCC's Simplified→Traditional conversion writes; Hong Kong writes {standard}. Write {standard} throughout.",
  'hong-kong-standard.both': "{word} ({count}×) is the form OpenCC's Simplified→Traditional conversion writes; Hong Kong's press and government mostly write {standard}, listed companies' filings often {word}. Follow the document's house style.",
  'hong-kong-standard.house': "{word} ({count}×): Hong Kong's government writes {standard}; listed companies' filings often keep {word}. The house style decides: Set Standard forms in the project's settings (beside the project in the library).",
  'hong-kong-standard.converted': "{word} ({count}×) is the form OpenCC's Simplified→Traditional conversion writes for every {standard}, and this document reads as its output throughout; Hong Kong's government and most of its press write {standard}, listed companies' filings often {word}. Write {standard} unless the house style keeps {word}.",
  // ---- claims cross-checks (shared/claims/crosscheck.ts)
  'claims.rate.within': '{stated} implies {rate} {base} per {quote}; within the plausible {low}–{high}.',
  'claims.rate.within.range': '{stated} implies {rate} {base} per {quote} ({rateLow}–{rateHigh} within rounding); within the plausible {low}–{high}.',
  'claims.rate.outside': '{stated} implies {rate} {base} per {quote}; outside the plausible {low}–{high}.',
  'claims.rate.outside.range': '{stated} implies {rate} {base} per {quote} ({rateLow}–{rateHigh} within rounding); outside the plausible {low}–{high}.',
  'claims.shares.over': 'Shares of {whole} add up to more than 100%: {listed} = {sum}%.',
  'claims.shares.full': 'Shares of {whole} add up to 100% within rounding: {listed} = {sum}%.',
  'claims.shares.under': 'Shares of {whole} add up to {sum}% ({listed}); {rest}% is not accounted for.',
  'claims.share.over-whole': '{share} of {whole} is more than the whole.',
  'claims.implied.one': 'Implied {whole}: {listed}.',
  'claims.implied.agree': 'Implied {whole} agrees within rounding ({low}–{high}): {listed}.',
  'claims.implied.disagree': 'Implied {whole} disagrees beyond rounding: {listed}.',
  'claims.part-over-whole': '{part} is a part of {whole} but larger than the whole ({total}).',
  'claims.growth.ambiguous': '{raw} is ambiguous ({readings}); {other} means ×{factor}. They agree only if {raw} means ×{match}.',
  'claims.growth.ambiguous.none': '{raw} is ambiguous ({readings}); {other} means ×{factor}. No reading agrees.',
  'claims.growth.contradiction': 'Growth stated two ways: {a} (×{factorA}) and {b} (×{factorB}).',
  'claims.conflicting': '{subject} {metric} is stated twice with different values: {a} and {b}.',
  'claims.conflicting.period': '{subject} {metric} ({period}) is stated twice with different values: {a} and {b}.',
  // ---- number-scale, number-unit (figures.ts)
  'number.scale.rate': '{stated} implies {rate} {base} per {quote}, outside the plausible {low}–{high}: one of the amounts is probably off by a factor of {factor} (萬/億 or the decimal point).',
  'number.scale.rate-near': '{stated} implies {rate} {base} per {quote}, outside the plausible {low}–{high} but not by a power of ten: check both amounts (a digit, or the rate the conversion used).',
  'number.scale.part-over-whole': '{part} is given as part (其中) of {whole} but is larger than it: one of them is probably off by a factor of {factor}.',
  'number.scale.share-total': '{part} at {share} implies a whole of {implied}, but the document states {total}: one of them is probably off by a factor of {factor}.',
  'number.scale.component-over-total': '{part} is one component of a breakdown but larger than the total ({total}): it is probably off by a factor of {factor}.',
  'number.scale.restated': '{here} here, but {other} elsewhere for the same figure (after “{label}”): the same digits {factor} times apart. One of them is wrong.',
  'number.unit.count': '{raw}: a count cannot be in {unit}; probably {expected}.',
  'number.unit.amount': '{raw}: an amount cannot be counted in {unit}; probably {expected}.',
  'number.readings': '{raw} is malformed: it reads as {readings}. Check which one is meant.',
  'number.readings.evidence': '{raw} is malformed: it reads as {readings}; {best} agrees with {evidence}.',
  'number.evidence.english': 'the English text ({other})',
  'number.evidence.document': '{other} elsewhere in this document',
  'number.unit.differs': '{here} here, but {other} elsewhere for the same figure (after “{label}”): the units differ. One of them is wrong.',
} as const;

export type FindingMessageKey = keyof typeof FINDING_MESSAGES_EN;
export const FINDING_MESSAGE_KEYS = Object.keys(FINDING_MESSAGES_EN) as FindingMessageKey[];

/**
 * Per-place finding families: a message key listed here marks a finding as one place of a family
 * — its own fix, no group, no related places, so no fix all, and a dismissal of that place only
 * (shared/checks/converter-vocabulary.ts, `placeFinding`: about 4 in 10 places of s2twp's words
 * are the writer's own, so each must be looked at). Every place of a family is stored with the same
 * message; the value is the key of the family's explanation, worded once above its places
 * (renderer/src/state/finding-cards.ts groups them; the findings panel shows one short line per
 * place). The explanation's placeholders name what the places share: places of one finding key
 * whose parameters agree on them are one family (a count that moved between runs does not split it).
 * So a document's s2twp words are one family (its explanation names them all, {words}; each line's
 * Fix names its own source), the project check's one per word and source.
 */
export const PER_PLACE_FAMILIES: Partial<Record<FindingMessageKey, FindingMessageKey>> = {
  'conversion.vocabulary': 'conversion.vocabulary.places',
  'conversion.vocabulary.document': 'conversion.vocabulary.document.places',
  'conversion.vocabulary.hong-kong': 'conversion.vocabulary.hong-kong.places',
};

/** A language's templates and the separator that joins a list of nested messages. */
export interface MessageCatalog {
  templates: Record<FindingMessageKey, string>;
  join: string;
}
export const ENGLISH_MESSAGES: MessageCatalog = { templates: FINDING_MESSAGES_EN, join: ' ' };

/** Word a message in a catalog's language; a key the catalog lacks falls back to English. */
/**
 * A template cut at its `{name}` placeholders once: literal text at even places, names at odd
 * ones (every rule words each finding through here: ~19,000 on the 1 MB bench text).
 */
const compiled = new Map<string, string[]>();
function pieces(template: string): string[] {
  let p = compiled.get(template);
  if (!p) {
    p = template.split(/\{(\w+)\}/);
    if (compiled.size > 2000) compiled.clear();
    compiled.set(template, p);
  }
  return p;
}

export function formatFindingMessage(ref: FindingMessageRef, catalog: MessageCatalog = ENGLISH_MESSAGES): string {
  const template = catalog.templates[ref.key] ?? FINDING_MESSAGES_EN[ref.key] ?? ref.key;
  const p = pieces(template);
  let out = p[0];
  for (let i = 1; i < p.length; i += 2) {
    const v = ref.params[p[i]];
    out += (v === undefined ? `{${p[i]}}` : Array.isArray(v) ? v.map((r) => formatFindingMessage(r, catalog)).join(catalog.join) : String(v)) + p[i + 1];
  }
  return out;
}

/** The builder every rule uses: the English message and its data, from one key and its parameters. */
export function findingMessage(key: FindingMessageKey, params: FindingMessageParams = {}): { message: string; messageData: FindingMessageRef } {
  const messageData = { key, params };
  return { message: formatFindingMessage(messageData), messageData };
}

/** A nested message (a reason, a part of a sentence) for a list parameter. */
export const part = (key: FindingMessageKey, params: FindingMessageParams = {}): FindingMessageRef => ({ key, params });

/** Whether a value is a message reference this catalog words (a known key, params of the known kinds). */
export const isFindingMessageRef = (v: unknown): v is FindingMessageRef =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as { key?: unknown }).key === 'string' &&
  // (an own key: `in` would also take constructor, toString, __proto__ from a stored or imported row)
  Object.hasOwn(FINDING_MESSAGES_EN, (v as { key: string }).key) &&
  !!(v as { params?: unknown }).params &&
  typeof (v as { params: unknown }).params === 'object' &&
  Object.values((v as { params: object }).params).every((p) => typeof p === 'string' || typeof p === 'number' || (Array.isArray(p) && p.every(isFindingMessageRef)));

/** The JSON stored in findings.message_data. */
export function serializeFindingMessage(ref: FindingMessageRef | undefined | null): string | null {
  return ref ? JSON.stringify(ref) : null;
}

/** Stored message data, or null (rows before migration 010, unknown keys, anything unreadable): show the English message then. */
export function parseFindingMessage(json: string | null | undefined): FindingMessageRef | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return isFindingMessageRef(v) ? v : null;
  } catch {
    return null;
  }
}
