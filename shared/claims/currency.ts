/**
 * The currency a bare 元 means in a document, read from the document as a reader does (pure):
 * the currency it names most (新臺幣/新台幣/NT$ → TWD, 人民幣/RMB → CNY, 港元/港幣 → HKD);
 * else a Taiwan text — Minguo years (112年), Taiwan's government bodies (行政院, 主計總處,
 * 立法院) or the region the project writes for (variant `tw`) — means NT$ (TWD); else CNY, the
 * currency of the mainland results calls the detector was first written for.
 */
import type { Currency } from './quantities';

const NAMED: [RegExp, Currency][] = [
  [/新臺幣|新台幣|新台币|NT\$/g, 'TWD'],
  [/人民幣|人民币|RMB/g, 'CNY'],
  [/港元|港幣|港币|HK\$/g, 'HKD'],
];
const TAIWAN = /(?<![\d.])1\d{2}年|行政院|主計總處|主計處|立法院|中華民國|臺灣|台灣/g;

export function documentYuan(texts: readonly string[], variant?: string | null): Currency {
  const all = texts.join('\n');
  let best: { c: Currency; n: number } | null = null;
  for (const [re, c] of NAMED) {
    const n = all.match(re)?.length ?? 0;
    if (n && (!best || n > best.n)) best = { c, n };
  }
  if (best) return best.c;
  if ((all.match(TAIWAN)?.length ?? 0) >= 2 || variant === 'tw') return 'TWD';
  return 'CNY';
}
