// Document metadata guesses (title, source, date) from segmented text. Pure.
import { findDate } from './furniture';
import type { RawSegment, SegmentedText } from './segment';

export interface DocumentMetadata {
  title: string | null;
  source: string | null;
  date: string | null; // ISO 8601: YYYY-MM-DD, or --MM-DD when the byline gives no year
  dateText: string | null; // the date as written on the byline, with its time if any
}

/** Paragraph texts (sentences re-joined with their in-paragraph separators) with their kind. */
function paragraphs(s: SegmentedText): { text: string; furniture: RawSegment['furniture'] }[] {
  const out: { text: string; furniture: RawSegment['furniture'] }[] = [];
  s.segments.forEach((seg, i) => {
    const next = s.segments[i + 1];
    const tail = next && next.paragraph === seg.paragraph ? seg.sep : '';
    if (i > 0 && s.segments[i - 1].paragraph === seg.paragraph) out[out.length - 1].text += seg.text + tail;
    else out.push({ text: seg.text + tail, furniture: seg.furniture });
  });
  return out;
}

const SEPARATORS = /[·•|｜丨]/u;
const SOURCE_PREFIX = /^(?:來源|来源|出處|出处|作者|編輯|编辑|責任編輯|责任编辑|撰文)\s*[:：]\s*/u;

/** Publisher named on a byline: the first part of what remains once the date is removed. */
function bylineSource(byline: string, date: { index: number; end: number } | null): string | null {
  const rest = date ? byline.slice(0, date.index) + ' | ' + byline.slice(date.end) : byline;
  for (const part of rest.split(SEPARATORS)) {
    const name = part.replace(/(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/gu, '').trim().replace(SOURCE_PREFIX, '').trim();
    if (/[\p{L}]/u.test(name)) return name;
  }
  return null;
}

export function extractMetadata(s: SegmentedText): DocumentMetadata {
  const paras = paragraphs(s);
  const title = paras.find((p) => p.furniture === null)?.text ?? null;
  const byline = paras.find((p) => p.furniture === 'byline')?.text ?? null;
  if (byline === null) return { title, source: null, date: null, dateText: null };
  const date = findDate(byline);
  return {
    title,
    source: bylineSource(byline, date),
    date: date ? date.iso : null,
    dateText: date ? byline.slice(date.index, date.end) : null,
  };
}
