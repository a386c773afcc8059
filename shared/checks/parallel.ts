/**
 * Checks against a segment's parallel texts (issue 7):
 *  - source-divergence: where t2s(current Traditional) differs from the original Simplified
 *    source beyond script conversion — every character-level difference is a finding (a
 *    mistranslation or a misheard name), with the source's
 *    reading, converted to Traditional, as the suggested fix. Differences only in
 *    punctuation or spacing are left to the punctuation rules. When the two barely overlap
 *    the row is probably misaligned: one info finding says so instead.
 *  - english-empty: the document has an English rendering but this segment's is empty.
 * (Numbers against the English or the source, and glossary English forms, are number-mismatch
 * and glossary-english.)
 */
import { findingMessage, part } from '../finding-messages';
import { getConverter, type ConversionConfig } from '../text/convert';
import { charDiff } from '../text/diff';
import { dice } from '../align/gale-church';
import { candidatesOf, hasHan, stChar, type Analysis } from './analysis';
import { isSurnameS } from './data/surnames';
import type { Finding, Fix } from './types';

const TO_T: Record<'t' | 'tw' | 'hk', ConversionConfig> = { t: 's2t', tw: 's2tw', hk: 's2hk' };
const TO_S: Record<'t' | 'tw' | 'hk', ConversionConfig> = { t: 't2s', tw: 'tw2s', hk: 'hk2s' };

/** Full-width ASCII folded to ASCII (same length), so ，/, and ５/5 compare equal. */
function fold(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
const INSIGNIFICANT = /^[\p{P}\p{S}\s]*$/u;

interface Hunk {
  /** range in the segment's text (and its aligned Simplified form) */
  start: number;
  end: number;
  /** the source's reading (Simplified) */
  source: string;
  /** where the reading starts in the (folded) source */
  at: number;
}

function hunks(mine: string, theirs: string): Hunk[] {
  const out: Hunk[] = [];
  let i = 0;
  let j = 0;
  let cur: Hunk | null = null;
  for (const p of charDiff(mine, theirs)) {
    if (p.op === 'equal') {
      if (cur) out.push(cur);
      cur = null;
      i += p.text.length;
      j += p.text.length;
      continue;
    }
    cur ??= { start: i, end: i, source: '', at: j };
    if (p.op === 'delete') {
      i += p.text.length;
      cur.end = i;
    } else {
      cur.source += p.text;
      j += p.text.length;
    }
  }
  if (cur) out.push(cur);
  return coalesce(out, mine, theirs);
}

const NUMERIC = /[0-9.,]/;

/**
 * Readable differences: hunks one character apart are one (43 vs 34 is not “4 removed, 4
 * added”), and a difference inside a number covers the whole number (3.6 vs 3.8).
 */
function coalesce(hs: Hunk[], mine: string, theirs: string): Hunk[] {
  const out: Hunk[] = [];
  for (const h of hs) {
    const prev = out[out.length - 1];
    if (prev && h.start - prev.end <= 1) {
      prev.end = h.end;
      prev.source = theirs.slice(prev.at, h.at + h.source.length);
    } else out.push({ ...h });
  }
  for (const h of out) {
    if (!NUMERIC.test(mine.slice(h.start, h.end) + h.source)) continue;
    // the characters around the hunk are equal on both sides
    while (h.start > 0 && h.at > 0 && /[0-9.]/.test(mine[h.start - 1]) && mine[h.start - 1] === theirs[h.at - 1]) {
      h.start--;
      h.at--;
      h.source = theirs[h.at] + h.source;
    }
    let k = h.at + h.source.length;
    while (h.end < mine.length && k < theirs.length && /[0-9.]/.test(mine[h.end]) && mine[h.end] === theirs[k]) {
      h.source += theirs[k];
      h.end++;
      k++;
    }
  }
  return out;
}

/** The source's reading in Traditional: as the converter reads it in context, and as a name would keep it (征, not the converter's 徵). */
function readings(h: Hunk, source: string, inContext: string): string[] {
  const ctx = inContext.length === source.length ? inContext.slice(h.at, h.at + h.source.length) : Array.from(h.source, stChar).join('');
  const literal = Array.from(h.source, (c) => (candidatesOf(c).includes(c) ? c : stChar(c))).join('');
  const before = source[h.at - 1] ?? '';
  const inName = isSurnameS(h.source[0] ?? '') || isSurnameS(before);
  const list = inName ? [literal, ctx] : [ctx, literal];
  return [...new Set(list)];
}

export function sourceDivergenceFindings(a: Analysis): Finding[] {
  const src = a.seg.source?.trim();
  if (!src || !hasHan(a.text)) return [];
  const variant = a.ctx.variant;
  const simplified = fold(a.s);
  const source = fold(getConverter(TO_S[variant]).convert(a.seg.source ?? ''));
  const text = a.text;
  if (simplified === source) return [];
  if (dice(simplified.replace(/\s+/g, ''), source.replace(/\s+/g, '')) < 0.4) {
    return [
      {
        rule: 'source-divergence',
        severity: 'info',
        segmentId: a.seg.id,
        start: 0,
        end: 0,
        text: '',
        ...findingMessage('source.misaligned', { excerpt: src.length > 40 ? src.slice(0, 40) + '…' : src }),
        fixes: [],
        related: [],
      },
    ];
  }
  const inContext = a.ctx.script === 'hant' ? getConverter(TO_T[variant]).convert(source) : source;
  const out: Finding[] = [];
  for (const h of hunks(simplified, source)) {
    const mine = text.slice(h.start, h.end);
    if (INSIGNIFICANT.test(mine) && INSIGNIFICANT.test(h.source)) continue;
    const fixes: Fix[] = (a.ctx.script === 'hant' ? readings(h, source, inContext) : [h.source]).map((r) => ({ start: h.start, end: h.end, replacement: r }));
    const what = !mine ? part('source.what.missing', { source: h.source }) : !h.source ? part('source.what.extra', { text: mine }) : part('source.what.changed', { text: mine, source: h.source });
    out.push({
      rule: 'source-divergence',
      severity: 'warning',
      segmentId: a.seg.id,
      start: h.start,
      end: h.end,
      text: mine,
      ...findingMessage('source.differs', {
        what: [what],
        advice: [fixes.length && fixes[0].replacement ? part('source.advice.reading', { readings: fixes.map((f) => f.replacement).join(' / ') }) : part('source.advice.remove')],
      }),
      fixes,
      related: [],
    });
  }
  return out;
}

export function englishEmptyFindings(a: Analysis): Finding[] {
  const en = a.seg.english;
  if (en === undefined || en === null || en.trim() || !hasHan(a.text)) return [];
  return [
    {
      rule: 'english-empty',
      severity: 'info',
      segmentId: a.seg.id,
      start: 0,
      end: 0,
      text: '',
      ...findingMessage('english.empty'),
      fixes: [],
      group: ENGLISH_EMPTY_GROUP,
      related: [],
    },
  ];
}

/** The group key of a document's missing English renderings (checkSegment uses it too, so stored rows join the group). */
export const ENGLISH_EMPTY_GROUP = 'english-empty';

/** The message of a document's group of rows without English, for `count` rows. */
export const englishEmptyGroupMessage = (count: number) => (count === 1 ? findingMessage('english.empty') : findingMessage('english.empty.many', { count }));

/** A document's segments without English as one finding, every segment a location of it. */
export function mergeEnglishEmpty(findings: Finding[]): Finding[] {
  if (findings.length <= 1) return findings;
  const [first, ...rest] = findings;
  return [
    {
      ...first,
      ...englishEmptyGroupMessage(findings.length),
      related: rest.map((f) => ({ segmentId: f.segmentId, start: f.start, end: f.end, text: f.text, fixes: f.fixes })),
    },
  ];
}
