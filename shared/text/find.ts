/**
 * Find and replace inside segment texts: pure matching, shared by the service and tests.
 *
 * - Literal or regular expression; always case-insensitive for Latin letters (`i`),
 *   always Unicode-aware (`u`), so `.` and character classes never split a surrogate
 *   pair (𠼤, emoji) and every offset here is a string index on a code point boundary.
 * - Across scripts: the query's other-script form (for a Traditional document, its
 *   Simplified form) is matched against each segment's rendering and the hits are mapped
 *   back to the segment text through the rendering's offset map (mapBackward), so
 *   searching 王征 also finds 王徵.
 * - Guards: the query and the replacement have maximum lengths, the number of matches
 *   is capped, and the service runs matching with a time budget (core/time-budget.ts),
 *   because one catastrophic regular expression can backtrack for minutes.
 */
import { JiaoduiError } from '../errors';
import { em } from '../../shared/error-messages';
import { mapBackward, type OffsetMap } from './offsetMap';

export const MAX_FIND_LENGTH = 500;
export const MAX_REPLACE_LENGTH = 10_000;
/** More matches than this: preview shows the first ones; replace all is refused. */
export const MAX_MATCHES = 5_000;

export interface FindQuery {
  find: string;
  regex?: boolean;
}

/** [start, end) in the segment text. */
export type Span = readonly [number, number];

export interface TextMatch {
  start: number;
  end: number;
  /** capture groups 1..n as spans of the same text (undefined: the group did not take part) */
  groups: (Span | undefined)[];
  /** named groups, or null when the expression has none */
  named: Record<string, Span | undefined> | null;
  /** matched in the text itself, or in the rendering and mapped back */
  via: 'text' | 'rendering';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The query as a global, case-insensitive, Unicode RegExp with match indices.
 * Throws 'invalid-input' with a readable message for an empty, too long or malformed query.
 */
export function compileFind(q: FindQuery): RegExp {
  if (!q.find) throw new JiaoduiError('invalid-input', em('find.empty'));
  if (q.find.length > MAX_FIND_LENGTH) throw new JiaoduiError('invalid-input', em('find.too-long', { length: q.find.length, max: MAX_FIND_LENGTH }));
  const source = q.regex ? q.find : escapeRegExp(q.find);
  try {
    return new RegExp(source, 'dgiu');
  } catch (e) {
    const detail = (e as Error).message.replace(/^Invalid regular expression: /, '');
    throw new JiaoduiError('invalid-input', em('find.bad-regex', { detail }));
  }
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
/** Move a position off the middle of a surrogate pair (backwards for a start, forwards for an end). */
export function snapToCodePoint(text: string, pos: number, bias: 'start' | 'end'): number {
  const p = Math.max(0, Math.min(pos, text.length));
  if (p > 0 && p < text.length && isLow(text.charCodeAt(p)) && isHigh(text.charCodeAt(p - 1))) return bias === 'start' ? p - 1 : p + 1;
  return p;
}

/**
 * Every non-empty match of `re` (global) in `text`, at most `limit` + 1 of them (one more
 * than the limit tells the caller there are too many). Empty matches are skipped: a
 * replacement needs something to replace.
 */
export function matchText(re: RegExp, text: string, limit: number): TextMatch[] {
  const out: TextMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      // step over one code point, or the same empty match is found forever
      re.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
      if (re.lastIndex > text.length) break;
      continue;
    }
    const ind = m.indices!;
    const groups: (Span | undefined)[] = [];
    for (let g = 1; g < ind.length; g++) groups.push(ind[g] ? [ind[g]![0], ind[g]![1]] : undefined);
    let named: Record<string, Span | undefined> | null = null;
    if (ind.groups) {
      named = {};
      for (const [k, v] of Object.entries(ind.groups)) named[k] = v ? [v[0], v[1]] : undefined;
    }
    out.push({ start: m.index, end: m.index + m[0].length, groups, named, via: 'text' });
    if (out.length > limit) break;
  }
  return out;
}

export interface SearchableSegment {
  text: string;
  rendering: string;
  renderingMap: OffsetMap;
}

function mapSpan(map: OffsetMap, text: string, s: Span | undefined): Span | undefined {
  if (!s) return undefined;
  const a = snapToCodePoint(text, mapBackward(map, s[0], 'start'), 'start');
  const b = snapToCodePoint(text, Math.max(a, mapBackward(map, s[1], 'end')), 'end');
  return [a, b];
}

/**
 * Matches in one segment. `crossRe` (the query in the rendering's script, or null) is
 * matched against the rendering and mapped back; those hits are kept where they do not
 * overlap a hit found in the text itself.
 */
export function findInSegment(re: RegExp, crossRe: RegExp | null, seg: SearchableSegment, limit: number): TextMatch[] {
  const direct = matchText(re, seg.text, limit);
  if (!crossRe || direct.length > limit) return direct;
  const mapped: TextMatch[] = [];
  for (const m of matchText(crossRe, seg.rendering, limit)) {
    const span = mapSpan(seg.renderingMap, seg.text, [m.start, m.end])!;
    if (span[1] <= span[0]) continue;
    const overlaps = (x: { start: number; end: number }) => x.start < span[1] && span[0] < x.end;
    if (direct.some(overlaps) || mapped.some(overlaps)) continue;
    let named: TextMatch['named'] = null;
    if (m.named) {
      named = {};
      for (const [k, v] of Object.entries(m.named)) named[k] = mapSpan(seg.renderingMap, seg.text, v);
    }
    mapped.push({ start: span[0], end: span[1], groups: m.groups.map((g) => mapSpan(seg.renderingMap, seg.text, g)), named, via: 'rendering' });
  }
  if (!mapped.length) return direct;
  return [...direct, ...mapped].sort((a, b) => a.start - b.start).slice(0, limit + 1);
}

/**
 * The replacement for one match. Literal mode inserts the template as typed; regex mode
 * expands `$&`, `$1`…`$99`, `$<name>`, `` $` ``, `$'` and `$$` like String.prototype.replace,
 * taking every group from the segment text (also for matches found in the rendering).
 */
export function expandReplacement(template: string, m: TextMatch, text: string, regex: boolean): string {
  if (!regex || !template.includes('$')) return template;
  const slice = (s: Span | undefined) => (s ? text.slice(s[0], s[1]) : '');
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '$' || i === template.length - 1) {
      out += c;
      continue;
    }
    const n = template[i + 1];
    if (n === '$') {
      out += '$';
      i++;
    } else if (n === '&') {
      out += text.slice(m.start, m.end);
      i++;
    } else if (n === '`') {
      out += text.slice(0, m.start);
      i++;
    } else if (n === "'") {
      out += text.slice(m.end);
      i++;
    } else if (n >= '0' && n <= '9') {
      const two = template.slice(i + 1, i + 3);
      const g2 = /^\d\d$/.test(two) ? Number(two) : NaN;
      const g1 = Number(n);
      if (g2 >= 1 && g2 <= m.groups.length) {
        out += slice(m.groups[g2 - 1]);
        i += 2;
      } else if (g1 >= 1 && g1 <= m.groups.length) {
        out += slice(m.groups[g1 - 1]);
        i++;
      } else out += '$';
    } else if (n === '<' && m.named) {
      const close = template.indexOf('>', i + 2);
      if (close < 0) {
        out += '$';
        continue;
      }
      out += slice(m.named[template.slice(i + 2, close)]);
      i = close;
    } else out += '$';
  }
  return out;
}

export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

/** Apply non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new JiaoduiError('internal', 'Overlapping replacements.');
    out += text.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + text.slice(at);
}

/** A hit's stable id: the segment and the span it covers (a changed text no longer has it). */
export function hitId(segmentId: number, start: number, end: number): string {
  return `${segmentId}:${start}:${end}`;
}

export function parseHitId(id: string): { segmentId: number; start: number; end: number } | null {
  const m = /^(\d+):(\d+):(\d+)$/.exec(id);
  return m ? { segmentId: Number(m[1]), start: Number(m[2]), end: Number(m[3]) } : null;
}
