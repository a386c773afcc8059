/**
 * Which script and Traditional standard a text is written in, and which OpenCC
 * config renders it into the other script.
 */
import { getConverter, type ConversionConfig } from './convert';
import type { ScriptT, VariantT } from '../domain/schemas';

const SAMPLE_CHARS = 8_000;

/**
 * Code points that differ position by position, plus the difference in length (in code points).
 * Walks both strings in step instead of spreading them into arrays of one-character strings:
 * detection runs it four times over 8,000 characters on every import.
 */
export function differingChars(a: string, b: string): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) n++;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return n + codePointCount(a, i) + codePointCount(b, j);
}

/** Code points of `s` from index `from` on. */
function codePointCount(s: string, from: number): number {
  let n = 0;
  for (let i = from; i < s.length; i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) n++;
  return n;
}

/** Traditional if converting to Simplified changes more than converting to Traditional does. */
export function detectScript(text: string): ScriptT {
  const s = text.slice(0, SAMPLE_CHARS);
  const toHans = differingChars(s, getConverter('t2s').convert(s));
  const toHant = differingChars(s, getConverter('s2t').convert(s));
  return toHant > toHans ? 'hans' : 'hant';
}

const ROUND_TRIP: Record<VariantT, [ConversionConfig, ConversionConfig]> = {
  t: ['t2s', 's2t'],
  tw: ['tw2s', 's2tw'],
  hk: ['hk2s', 's2hk'],
};

/**
 * The Traditional standard (OpenCC's 爲/着/衆, Taiwan's 為/著/眾, Hong Kong's 為/着/眾):
 * the one whose Simplified round trip changes the text least. Ties go to 't'.
 */
export function detectVariant(text: string): VariantT {
  const s = text.slice(0, SAMPLE_CHARS);
  let best: VariantT = 't';
  let bestScore = Infinity;
  for (const v of ['t', 'tw', 'hk'] as const) {
    const [toS, toT] = ROUND_TRIP[v];
    const score = differingChars(s, getConverter(toT).convert(getConverter(toS).convert(s)));
    if (score < bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}

/** The OpenCC config that renders a document into the other script. */
export function renderingConfig(script: ScriptT, variant: VariantT): ConversionConfig {
  if (script === 'hant') return ROUND_TRIP[variant][0];
  return ROUND_TRIP[variant][1];
}

/** The config converting a document's text to Traditional / Simplified for export. */
export function exportConfig(script: ScriptT, variant: VariantT, target: ScriptT): ConversionConfig | null {
  if (script === target) return null;
  return renderingConfig(script, variant);
}
