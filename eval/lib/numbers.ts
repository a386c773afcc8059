/** Number mutations on a figure quoted in cluster.json: comma placement, decimal comma, digit groups, scale, unit. */
import type { Rng } from './random';

/** A figure inside a quote: the digits, the magnitude after it (萬/億) and the unit character after that. */
export interface Figure {
  /** offsets in the text the quote was found in */
  start: number;
  end: number;
  digits: string;
  magnitude: string;
  /** unit character right after digits + magnitude (戶, 家, 元…), '' if none */
  unit: string;
  unitStart: number;
}

const FIGURE = /(\d[\d,]*(?:\.\d+)?)(萬億|萬|億)?/u;

/** The first figure of `quote`, placed at `at` in the text. */
export function figureIn(quote: string, at: number): Figure | null {
  const m = FIGURE.exec(quote);
  if (!m) return null;
  const start = at + m.index;
  const digits = m[1].replace(/,$/, '');
  const magnitude = m[2] && m[1] === digits ? m[2] : '';
  const end = start + digits.length + magnitude.length;
  const next = quote.slice(end - at, end - at + 1);
  return { start, end, digits, magnitude, unit: next, unitStart: end };
}

const group3 = (intPart: string) => intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Move the decimal point by `places` (positive: ×10^places), written the way the text writes figures. */
export function shiftDecimal(digits: string, places: number): string {
  const plain = digits.replace(/,/g, '');
  const [i, f = ''] = plain.split('.');
  let all = i + f;
  let point = i.length + places;
  if (point <= 0) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  }
  if (point > all.length) all = all + '0'.repeat(point - all.length);
  let intPart = all.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = all.slice(point).replace(/0+$/, '');
  intPart = intPart.length >= 4 ? group3(intPart) : intPart;
  return frac ? `${intPart}.${frac}` : intPart;
}

export type MalformedKind = 'comma-shift' | 'decimal-comma' | 'digit-groups';

/** The malformed renderings a figure allows. */
export function malformedOptions(f: Figure): { kind: MalformedKind; text: string }[] {
  const out: { kind: MalformedKind; text: string }[] = [];
  const plain = f.digits.replace(/,/g, '');
  if (f.magnitude && /^\d{3,}$/.test(plain)) out.push({ kind: 'comma-shift', text: `${plain.slice(0, -2)},${plain.slice(-2)}${f.magnitude}` });
  if (plain.includes('.') && (f.magnitude || f.unit === '%')) out.push({ kind: 'decimal-comma', text: `${plain.replace('.', ',')}${f.magnitude}` });
  if (f.magnitude === '萬' || f.magnitude === '億') out.push({ kind: 'digit-groups', text: `${shiftDecimal(plain, 4)}${f.magnitude}` });
  return out;
}

/** The figure ×10, ×100 or ×1000, or divided by it when that still leaves a figure of at least 1. */
export function scaled(f: Figure, r: Rng): { kind: string; text: string } {
  const places = r.pick([1, 1, 2, 3]);
  const down = r.next() < 0.5 && Number(f.digits.replace(/,/g, '')) / 10 ** places >= 1;
  const p = down ? -places : places;
  return { kind: `x10^${p}`, text: `${shiftDecimal(f.digits, p)}${f.magnitude}` };
}

/** Count units a counted metric may carry, and the wrong units a converter or writer put instead. */
export const COUNT_UNITS = new Set([...'戶家筆名人個位台輛件間張次']);
export function wrongUnit(unit: string, r: Rng): string {
  return unit === '人' || unit === '名' || r.next() < 0.7 ? '元' : '人';
}
