/**
 * Cross-checks between claims (pure): shares of one total adding up, totals implied by a
 * value and its share agreeing within rounding, growth stated two ways (按年上升200% vs
 * 收入翻了三倍, whose reading is ambiguous), a part larger than its whole, one metric
 * stated twice with different values, and the exchange rate implied by an amount given in
 * two currencies (X港元(合Y美元)) against a plausible band. Each finding names the claims
 * (`refs`) it concerns.
 */
import { findingMessage, type FindingMessageKey, type FindingMessageRef } from '../finding-messages';
import type { ClaimQuantity, Currency, TimeRef } from './quantities';

export interface CrossCheckClaim {
  /** the claim id (or candidate index) findings refer to */
  ref: number;
  text: string;
  quantities: readonly ClaimQuantity[];
  times: readonly TimeRef[];
  subject: string | null;
  metric: string | null;
}

export type CrossCheckKind = 'shares-total' | 'implied-total' | 'growth-ambiguity' | 'growth-contradiction' | 'part-exceeds-whole' | 'conflicting-values' | 'exchange-rate';

export interface CrossCheckFinding {
  kind: CrossCheckKind;
  severity: 'info' | 'warning';
  message: string;
  /** the message as key + params (shared/finding-messages.ts) */
  messageData: FindingMessageRef;
  refs: number[];
  /** implied-total: the total each claim implies, with its rounding interval */
  implied?: { ref: number; value: number; low: number; high: number }[];
  /** shares-total: the sum of the shares */
  sum?: number;
  /** exchange-rate: units of `base` per unit of `quote`, with its rounding interval */
  rate?: { base: Currency; quote: Currency; value: number; low: number; high: number };
  /** exchange-rate: the two amounts, as written in order */
  pair?: [ClaimQuantity, ClaimQuantity];
}

export interface CrossCheckOptions {
  /** the document's year, to resolve 去年/今年 */
  documentYear?: number | null;
  /** plausible units of each currency per US dollar (default USD_BANDS) */
  usdBands?: Partial<Record<Currency, [number, number]>>;
  /**
   * Told of every pair of claims actually compared (shares or parts of one whole, totals
   * they imply, growth of one subject and period, one metric stated twice), whatever the
   * outcome: “the claims agree” may be said only of claims compared.
   */
  onCompared?: (a: number, b: number) => void;
}

/**
 * Plausible units per US dollar: a deliberately wide band around the rates of the last
 * two decades (HKD is pegged at 7.75–7.85; CNY has traded between about 6.1 and 8.3; TWD
 * between about 27 and 35).
 */
export const USD_BANDS: Record<Currency, [number, number]> = { USD: [1, 1], HKD: [7.7, 7.9], CNY: [6, 8.3], TWD: [25, 40] };

/** Between an amount and the same amount in another currency: (合, （約合, 折合, 即 … */
const CUR = '(?:元?(?:人民幣|人民币|港元|港幣|港币|新台幣|新臺幣)|美元)';
const CONVERSION = new RegExp(`^\\s*${CUR}?\\s*(?:[（(]\\s*(?:約合|约合|折合|相當於|相当于|約|约|合|即|或|≈)?|[，,]?\\s*(?:約合|约合|折合|相當於|相当于|即))\\s*${CUR}?\\s*$`);

const WHOLE_RE = /(?:佔|占)(?:據|据)?(?:了)?([^，,。；;比的]{1,8}?)(?:的)?(?:比例|比重|份額|份额|比|的)/;

/** What a share is a share of: 佔總收入比例 → 總收入. */
export function shareWhole(text: string): string | null {
  const m = WHOLE_RE.exec(text);
  return m ? m[1] : null;
}

/** Half a unit of the last digit written: 12.3億 → 0.05億; 35% → 0.5. */
function halfUnit(q: ClaimQuantity, value = q.value): number {
  const digits = /[\d.]+/.exec(q.raw)?.[0];
  if (!digits || !Number(digits)) return 0;
  const mult = q.kind === 'percent' ? 1 : value / Number(digits);
  const dec = digits.split('.')[1]?.length ?? 0;
  return 0.5 * mult * 10 ** -dec;
}

const yi = (v: number) => (v >= 1e8 ? `${round(v / 1e8, 2)}億` : v >= 1e4 ? `${round(v / 1e4, 2)}萬` : String(round(v, 2)));
const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** The end year of the period a quantity is about: the nearest time reference before it in the sentence. */
function periodEnd(c: CrossCheckClaim, q: ClaimQuantity, year: number | null | undefined): number | `relative ${number}` | 'unknown' {
  const t = [...c.times].reverse().find((x) => x.end <= q.start) ?? c.times[0];
  if (!t) return 'unknown';
  if (t.years) return t.years[1];
  if (t.relative !== undefined) return year ? year + t.relative : `relative ${t.relative}`; // 今年 and 今年 are one period, even in an undated document
  return 'unknown';
}

function sameSubject(a: CrossCheckClaim, b: CrossCheckClaim): boolean {
  return (!!a.subject && a.subject.length >= 2 && b.text.includes(a.subject)) || (!!b.subject && b.subject.length >= 2 && a.text.includes(b.subject));
}

function currentShares(c: CrossCheckClaim): ClaimQuantity[] {
  return c.quantities.filter((q) => q.kind === 'percent' && q.role === 'share' && q.high === undefined);
}

export function crossCheckClaims(claims: readonly CrossCheckClaim[], opts: CrossCheckOptions = {}): CrossCheckFinding[] {
  const out: CrossCheckFinding[] = [];
  const compared = (a: number, b: number) => {
    if (a !== b) opts.onCompared?.(a, b);
  };
  const allPairs = (refs: readonly number[]) => refs.forEach((a, i) => refs.slice(i + 1).forEach((b) => compared(a, b)));
  // ---- an amount in two currencies: the exchange rate it implies
  const bands = { ...USD_BANDS, ...opts.usdBands };
  for (const c of claims) {
    const amounts = c.quantities.filter((q) => q.kind === 'amount' && q.currencyStated && q.currency && q.high === undefined);
    for (let i = 0; i + 1 < amounts.length; i++) {
      let [a, b] = [amounts[i], amounts[i + 1]];
      if (a.currency === b.currency || !b.value || !CONVERSION.test(c.text.slice(a.end, b.start))) continue;
      const stated = `${a.raw} = ${b.raw}`;
      const pair: [ClaimQuantity, ClaimQuantity] = [a, b];
      if (a.value < b.value) [a, b] = [b, a]; // report as units of the smaller currency: 7.8 HKD per USD, not 0.128
      const value = a.value / b.value;
      const ha = halfUnit(a);
      const hb = halfUnit(b);
      const low = (a.value - ha) / (b.value + hb);
      const high = (a.value + ha) / Math.max(1e-9, b.value - hb);
      const [al, ah] = bands[a.currency!];
      const [bl, bh] = bands[b.currency!];
      const plausible: [number, number] = [al / bh, ah / bl];
      const inside = high >= plausible[0] && low <= plausible[1];
      const fmt = (v: number) => String(round(v, v >= 1 ? 2 : 4));
      out.push({
        kind: 'exchange-rate',
        severity: inside ? 'info' : 'warning',
        refs: [c.ref],
        pair,
        rate: { base: a.currency!, quote: b.currency!, value: round(value, 4), low: round(low, 4), high: round(high, 4) },
        ...findingMessage(`claims.rate.${inside ? 'within' : 'outside'}${Math.abs(high - low) > 0.01 * value ? '.range' : ''}` as FindingMessageKey, {
          stated,
          rate: fmt(value),
          base: a.currency!,
          quote: b.currency!,
          rateLow: fmt(low),
          rateHigh: fmt(high),
          low: fmt(plausible[0]),
          high: fmt(plausible[1]),
        }),
      });
    }
  }
  // ---- shares of one whole, and totals implied by value ÷ share
  const byWhole = new Map<string, { c: CrossCheckClaim; share: ClaimQuantity }[]>();
  for (const c of claims) {
    const whole = shareWhole(c.text);
    const shares = currentShares(c);
    if (!whole || !shares.length) continue;
    const share = shares[shares.length - 1]; // 從82%下降到54%: the last is the current one
    const list = byWhole.get(whole) ?? [];
    list.push({ c, share });
    byWhole.set(whole, list);
  }
  for (const [whole, parts] of byWhole) {
    if (parts.length >= 2) {
      allPairs(parts.map((p) => p.c.ref));
      const sum = round(parts.reduce((s, p) => s + p.share.value, 0), 4);
      const tol = parts.reduce((s, p) => s + halfUnit(p.share), 0);
      const listed = parts.map((p) => `${p.share.value}%`).join(' + ');
      const refs = parts.map((p) => p.c.ref);
      if (sum > 100 + tol) out.push({ kind: 'shares-total', severity: 'warning', refs, sum, ...findingMessage('claims.shares.over', { whole, listed, sum }) });
      else if (sum >= 100 - tol) out.push({ kind: 'shares-total', severity: 'info', refs, sum, ...findingMessage('claims.shares.full', { whole, listed, sum }) });
      else out.push({ kind: 'shares-total', severity: 'info', refs, sum, ...findingMessage('claims.shares.under', { whole, listed, sum, rest: round(100 - sum, 4) }) });
    }
    for (const p of parts) {
      if (p.share.value > 100) out.push({ kind: 'part-exceeds-whole', severity: 'warning', refs: [p.c.ref], ...findingMessage('claims.share.over-whole', { share: p.share.raw, whole }) });
    }
    const implied = parts.flatMap((p) => {
      const amount = p.c.quantities.find((q) => q.kind === 'amount' && q.role === 'level');
      if (!amount || !p.share.value) return [];
      const value = (amount.value / p.share.value) * 100;
      const ha = halfUnit(amount);
      const hs = halfUnit(p.share);
      const low = ((amount.value - ha) / (p.share.value + hs)) * 100;
      const high = ((amount.value + ha) / Math.max(1e-9, p.share.value - hs)) * 100;
      return [{ ref: p.c.ref, value, low, high, amount, share: p.share }];
    });
    if (implied.length >= 1) {
      const lo = Math.max(...implied.map((i) => i.low));
      const hi = Math.min(...implied.map((i) => i.high));
      const agree = lo <= hi;
      const listed = implied.map((i) => `${i.amount.raw} ÷ ${i.share.raw} = ${yi(i.value)}`).join('; ');
      out.push({
        kind: 'implied-total',
        severity: agree ? 'info' : 'warning',
        refs: implied.map((i) => i.ref),
        implied: implied.map(({ ref, value, low, high }) => ({ ref, value: round(value, 0), low: round(low, 0), high: round(high, 0) })),
        ...(implied.length === 1
          ? findingMessage('claims.implied.one', { whole, listed })
          : agree
            ? findingMessage('claims.implied.agree', { whole, low: yi(lo), high: yi(hi), listed })
            : findingMessage('claims.implied.disagree', { whole, listed })),
      });
    }
    // a part larger than a stated whole
    const wholeAmounts = claims.filter((c) => c.metric === whole || c.text.includes(`${whole}爲`) || c.text.includes(`${whole}为`) || c.text.includes(`${whole}達`));
    for (const w of wholeAmounts) {
      const wa = w.quantities.find((q) => q.kind === 'amount');
      if (!wa) continue;
      for (const p of parts) {
        if (p.c === w) continue;
        const pa = p.c.quantities.find((q) => q.kind === 'amount');
        if (pa) compared(p.c.ref, w.ref);
        if (pa && pa.value > wa.value) {
          out.push({ kind: 'part-exceeds-whole', severity: 'warning', refs: [p.c.ref, w.ref], ...findingMessage('claims.part-over-whole', { part: pa.raw, whole, total: wa.raw }) });
        }
      }
    }
  }
  // ---- growth stated two ways
  const changes = claims.flatMap((c) =>
    c.quantities
      .filter((q) => q.role === 'change' && q.high === undefined && (q.kind === 'multiple' || q.kind === 'percent') && !/CAGR|複合|复合|每一?年/.test(c.text.slice(Math.max(0, q.start - 10), q.start)))
      // a signed value (-3.31%) carries its own direction
      .map((q) => ({ c, q, factor: q.kind === 'multiple' ? q.value : 1 + (q.value < 0 ? q.value : (q.direction === 'down' ? -1 : 1) * q.value) / 100, period: periodEnd(c, q, opts.documentYear) })),
  );
  for (let i = 0; i < changes.length; i++) {
    for (let j = i + 1; j < changes.length; j++) {
      const a = changes[i];
      const b = changes[j];
      if (a.c === b.c) continue;
      if (a.c.metric && b.c.metric && !a.c.metric.includes(b.c.metric) && !b.c.metric.includes(a.c.metric)) continue;
      // a relative period (今年 in an undated document) compares only with another relative one
      const known = a.period !== 'unknown' && b.period !== 'unknown' && typeof a.period === typeof b.period;
      // one metric of one period in one document, where a claim names no subject (營收按年增長15% in the
      // headline, 51% later): the document's own subject is meant
      const implicit = known && a.period === b.period && !!a.c.metric && a.c.metric === b.c.metric && (!a.c.subject || !b.c.subject);
      if (!sameSubject(a.c, b.c) && !implicit) continue;
      if (known && a.period !== b.period) continue;
      const amb = [a, b].find((x) => x.q.alts?.length);
      if (amb || known) compared(a.c.ref, b.c.ref);
      const other = amb === a ? b : a;
      const near = (x: number, y: number) => Math.abs(x - y) <= 0.02 * Math.max(x, y);
      if (amb) {
        const readings = [amb.q.value, ...(amb.q.alts ?? [])];
        const match = readings.find((r) => near(r, other.factor));
        out.push({
          kind: 'growth-ambiguity',
          severity: 'warning',
          refs: [a.c.ref, b.c.ref],
          ...(match !== undefined
            ? findingMessage('claims.growth.ambiguous', { raw: amb.q.raw, readings: `×${readings.join(', ×')}`, other: other.q.raw, factor: round(other.factor, 3), match })
            : findingMessage('claims.growth.ambiguous.none', { raw: amb.q.raw, readings: `×${readings.join(', ×')}`, other: other.q.raw, factor: round(other.factor, 3) })),
        });
      } else if (known && !near(a.factor, b.factor)) {
        out.push({
          kind: 'growth-contradiction',
          severity: 'warning',
          refs: [a.c.ref, b.c.ref],
          ...findingMessage('claims.growth.contradiction', { a: a.q.raw, factorA: round(a.factor, 3), b: b.q.raw, factorB: round(b.factor, 3) }),
        });
      }
    }
  }
  // ---- one metric stated twice with different values
  const seen = new Map<string, { c: CrossCheckClaim; q: ClaimQuantity }>();
  for (const c of claims) {
    if (!c.subject || !c.metric) continue;
    for (const q of c.quantities) {
      if (q.role === 'from') continue;
      const t = [...c.times].reverse().find((x) => x.end <= q.start);
      const key = [c.subject, c.metric, t?.raw ?? '', q.kind, q.role, q.direction ?? ''].join('|');
      const prev = seen.get(key);
      if (!prev) {
        seen.set(key, { c, q });
        continue;
      }
      if (prev.c === c) continue;
      compared(prev.c.ref, c.ref);
      const tol = Math.max(halfUnit(prev.q), halfUnit(q));
      if (Math.abs(prev.q.value - q.value) > tol || (prev.q.high ?? prev.q.value) !== (q.high ?? q.value) && Math.abs((prev.q.high ?? 0) - (q.high ?? 0)) > tol) {
        out.push({
          kind: 'conflicting-values',
          severity: 'warning',
          refs: [prev.c.ref, c.ref],
          ...(t
            ? findingMessage('claims.conflicting.period', { subject: c.subject, metric: c.metric, period: t.raw, a: prev.q.raw, b: q.raw })
            : findingMessage('claims.conflicting', { subject: c.subject, metric: c.metric, a: prev.q.raw, b: q.raw })),
        });
      }
    }
  }
  return out;
}
