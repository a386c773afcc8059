/**
 * The currency a bare 元 means in a document, read from the document as a reader does (pure):
 * 1. the currency it names most (新臺幣/新台幣/NT$ → TWD, 人民幣/RMB → CNY, 港元/港幣 → HKD);
 * 2. a Hong Kong text — the region the caller read (`region`: the checks' regional markers), or, without
 *    one and not in Taiwan's forms, Hong Kong and its institutions (香港, 本港, 特區政府, 立法會, 金管局…)
 *    named twice at least and more often than Taiwan (a Hong Kong trade release lists 台灣 among its
 *    markets) — means HK$, unless the text has the mainland's wording (同比, 國務院, 上交所…: a mainland
 *    company listed in Hong Kong counts in renminbi). The region goes before the variant: a converter
 *    writes Taiwan's forms (s2tw) into a Hong Kong text too;
 * 3. else a Taiwan text — the region read, Minguo years (112年), Taiwan's government bodies (行政院,
 *    主計總處, 立法院), Taiwan's forms (variant `tw`) — means NT$; else CNY, the currency of the mainland
 *    results calls the detector was first written for.
 */
import type { Currency } from './quantities';

/** Every currency name, one pass over the text; `NAMED_CURRENCY` says which a match names. */
const NAMED = /新臺幣|新台幣|新台币|NT\$|人民幣|人民币|RMB|港元|港幣|港币|HK\$/g;
const NAMED_CURRENCY = (m: string): Currency => (/^(?:新|NT)/.test(m) ? 'TWD' : /^(?:人民|RMB)/.test(m) ? 'CNY' : 'HKD');
const TAIWAN = /(?<![\d.])1\d{2}年|行政院|主計總處|主計處|立法院|中華民國|臺灣|台灣/g;
const MAINLAND = /同比|環比|环比|國務院|国务院|發改委|发改委|上交所|深交所|歸母|归母/g;
const HONG_KONG = /香港|本港|港府|特區政府|特區|立法會|金管局|港交所|聯交所|政府統計處|恒生指數|恒指/g;

export function documentYuan(texts: readonly string[], variant?: string | null, region?: 'tw' | 'hk' | null): Currency {
  // counted segment by segment (no joined copy of a large document), one regular expression for every name
  const n: Record<Currency, number> = { TWD: 0, CNY: 0, HKD: 0, USD: 0 };
  for (const t of texts) for (const m of t.matchAll(NAMED)) n[NAMED_CURRENCY(m[0])]++;
  // the currency named most; on a tie the first of TWD, CNY, HKD (the order the names were counted in before)
  let best: Currency | null = null;
  for (const c of ['TWD', 'CNY', 'HKD'] as const) if (n[c] && (!best || n[c] > n[best])) best = c;
  if (best) return best;
  let taiwan = 0;
  let hongKong = 0;
  let mainland = 0;
  for (const t of texts) {
    taiwan += t.match(TAIWAN)?.length ?? 0;
    hongKong += t.match(HONG_KONG)?.length ?? 0;
    mainland += t.match(MAINLAND)?.length ?? 0;
  }
  // Hong Kong (the region read, or named twice at least and more often than Taiwan) with no mainland wording:
  // a mainland company's 於香港聯交所上市 beside its 同比增長 counts in renminbi
  // (the region before the variant: a converter writes Taiwan's forms, s2tw, into a Hong Kong text too)
  if (region === 'hk' || (!region && variant !== 'tw' && hongKong >= 2 && hongKong > taiwan)) {
    if (!mainland) return 'HKD';
  } else if (region === 'tw') return 'TWD';
  if (taiwan >= 2 || variant === 'tw') return 'TWD';
  return 'CNY';
}
