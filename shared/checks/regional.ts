/**
 * taiwan-standard: in a document written for Taiwan, a word in the form OpenCC's converter
 * writes where Taiwan's standard writes another (公佈 → 公布, 計劃 → 計畫, 佔比 → 占比): the
 * converter's one-to-many choice, which every OpenCC target shares, so the text agrees with
 * the converter and only this knowledge sees it. One finding per word form, fix all.
 *
 * Whether a document is written for Taiwan is read from its vocabulary (新台幣, 金管會, 年增,
 * a .TW ticker…) against Hong Kong's and the mainland's (港元, 恒生, 人民幣, 同比…); the
 * character standard (爲/為) says nothing here, as a converted Taiwan text carries OpenCC's.
 *
 * hong-kong-standard: the same for a document written for Hong Kong (data/hongKongForms.ts: 應占 →
 * 應佔, 鋪位 → 舖位, 占 → 佔 outside divination words and names). Neither rule runs in the other
 * region's documents: Taiwan's standard is 占 and 鋪, Hong Kong's 佔 and 舖.
 */
import { findingMessage } from '../finding-messages';
import { charTable, icuWordIn, type Analysis } from './analysis';
import { TAIWAN_ACCEPTED, TAIWAN_CHARACTERS, TAIWAN_CONVERTED_CHARACTERS, TAIWAN_CONVERTED_KEEP, TAIWAN_EITHER, TAIWAN_FORMS } from './data/taiwanForms';
import { HONG_KONG_CHARACTERS, HONG_KONG_EITHER, HONG_KONG_FORMS, HONG_KONG_KEEP } from './data/hongKongForms';
import { housePairOf, styleFor } from './house-style';
import type { CheckContext, Finding } from './types';
import { addTo } from './collect';

// Taiwan's wording, also its ministries and statistics (經濟部, 內政部, 勞動部, 衛福部, 國發會: the mainland has none of
// these names; 外銷訂單) and counties (a Taiwan text on trade names 香港 beside 中國大陸 and may name no other marker)
const TW_MARKERS =
  /新[台臺]幣|[台臺]股|[台臺]北|[台臺]灣|[台臺]中市|高雄|新竹|桃園|新北市|基隆|宜蘭|苗栗|彰化|南投|雲林|嘉義|屏東|花蓮|金管會|主計總處|證交所|櫃買|立法院|行政院|經濟部|內政部|勞動部|衛福部|國發會|外銷訂單|財務長|執行長|營運長|營收|(?<![按今去全同當本明前上下個每單])[年季月]增(?![加長])|法說會|投顧|\d{4}\.TW\b/g;
const OTHER_MARKERS = /港元|港幣|港股|香港|恒生|恒指|聯交所|港交所|按[年季月]|行政總裁|股份代號|本港|全港|港府|特區政府|立法會|金管局|強積金|財務總監|首席執行官|首席財務官|人民幣|同比|環比|歸母|上交所|深交所|國務院|發改委/g;

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** Region markers counted in some texts: Taiwan's, Hong Kong's, and Hong Kong's and the mainland's together. */
export interface MarkerCounts {
  tw: number;
  hk: number;
  other: number;
}
export function markerCounts(texts: readonly string[]): MarkerCounts {
  const c = { tw: 0, hk: 0, other: 0 };
  for (const t of texts) {
    c.tw += count(TW_MARKERS, t);
    c.hk += count(HK_MARKERS, t);
    c.other += count(OTHER_MARKERS, t);
  }
  return c;
}
/** Several documents' counts together (a project). */
export function addCounts(cs: readonly MarkerCounts[]): MarkerCounts {
  return cs.reduce((a, c) => ({ tw: a.tw + c.tw, hk: a.hk + c.hk, other: a.other + c.other }), { tw: 0, hk: 0, other: 0 });
}

/** Is the document written for Taiwan? At least two Taiwan markers, and twice as many as Hong Kong's and the mainland's. */
export function writtenForTaiwan(texts: readonly string[]): boolean {
  return regionOf(markerCounts(texts)) === 'tw';
}

// Hong Kong's own wording, also its titles and institutions (行政總裁, 股份代號, 立法會, 金管局, 強積金), its
// courts (原訟法庭, 判詞), statistics office and districts (政府統計處, 將軍澳; not names read inside other words or
// found elsewhere too: 其中環保, 重新界定, 九龍坡): a Hong Kong text may name
// no currency and not 香港 itself. Its period labels (按年, 按季, 按月) count against Taiwan only
// (OTHER_MARKERS): Hong Kong's outlets writing Simplified for the mainland use them too.
const HK_MARKERS =
  /港元|港幣|港股|香港|恒生|恒指|聯交所|港交所|行政總裁|股份代號|本港|全港|港府|特區政府|立法會|金管局|強積金|積金局|政府統計處|差餉|差估署|房委會|港鐵|特首|財政司司長|原訟法庭|終審法院|區域法院|裁判法院|判詞|港島|旺角|銅鑼灣|尖沙咀|將軍澳|屯門|元朗|荃灣|觀塘|葵涌|西九/g;

/**
 * The region a document (or a project's documents together) is written for, read from its
 * wording: Taiwan (writtenForTaiwan), else Hong Kong (at least two of 港元, 香港, 恒生,
 * 聯交所 …, and twice Taiwan's markers), else unknown (a mainland text, or too little to tell).
 */
export function writtenFor(texts: readonly string[]): 'tw' | 'hk' | null {
  return regionOf(markerCounts(texts));
}
/** A segment's marker counts, memoised on its analysis (a document's evidence keeps them between re-checks). */
export const markersOf = (a: Analysis): MarkerCounts => a.memo('region-markers', () => markerCounts([a.text]));
/** `writtenFor` of the analyses' texts, from each one's memoised counts (the counts of several texts are their sum). */
export function analysesRegion(analyses: readonly Analysis[]): 'tw' | 'hk' | null {
  const c = { tw: 0, hk: 0, other: 0 };
  for (const a of analyses) {
    const m = markersOf(a);
    c.tw += m.tw;
    c.hk += m.hk;
    c.other += m.other;
  }
  return regionOf(c);
}
export function regionOf(c: MarkerCounts): 'tw' | 'hk' | null {
  if (c.tw >= 2 && c.tw >= 2 * c.other) return 'tw';
  return c.hk >= 2 && c.hk >= 2 * c.tw ? 'hk' : null;
}

const STANDARD_WORDS = new Set([...TAIWAN_FORMS, ...TAIWAN_EITHER].map(([a, b]) => `${a}|${b}`));
/** Is `written` Taiwan's standard form of the word OpenCC writes `opencc` (折合 for 摺合, 公布 for 公佈), or one Taiwan writes either way (周轉)? */
export function taiwanStandardWord(opencc: string, written: string): boolean {
  return STANDARD_WORDS.has(`${opencc}|${written}`);
}

/**
 * Forms Hong Kong writes where OpenCC's phrase writes another spelling of the same character,
 * which OpenCC's HKVariants table does not list: 佔 for 占 (應佔溢利, where OpenCC's phrase is
 * 应占 → 應占), 周 for 週 (本周, 上周). 佔 is accepted in any document (Taiwan's 占 for 佔 is too:
 * one character's two spellings, and no converter writes 佔 against a phrase's 占, its default being
 * 占); 周 only in a document written for Hong Kong: elsewhere it is what a converter without the
 * phrase writes (本周 for 本週).
 */
export const HONG_KONG_ACCEPTED: readonly (readonly [string, string, 'any' | 'hk'])[] = [
  ['占', '佔', 'any'],
  ['週', '周', 'hk'],
];
const HK_ACCEPTED = new Map(HONG_KONG_ACCEPTED.map(([a, b, where]) => [`${a}|${b}`, where]));
/** Does Hong Kong write `c` where OpenCC writes `x` (佔 for 占, 周 for 週), in this document (`hk`: written for Hong Kong)? */
export function hongKongAccepts(x: string, c: string, hk: boolean): boolean {
  const where = HK_ACCEPTED.get(`${x}|${c}`);
  return where === 'any' || (where === 'hk' && hk);
}

const ACCEPTED = new Set(TAIWAN_ACCEPTED.map(([a, b]) => `${a}|${b}`));
/** Does Taiwan write or accept `c` where OpenCC writes `x` (布 for 佈, 週 for 周)? */
export function taiwanAccepts(x: string, c: string): boolean {
  return ACCEPTED.has(`${x}|${c}`);
}

/**
 * A region's table: words, then characters (a character only where no word covers it), longest
 * first at each place; `keep` words cover their characters without a finding (占卜 keeps its 占).
 */
interface StandardTable {
  byFirst: Map<string, (readonly [string, string])[]>;
  first: Uint8Array;
  forms: readonly (readonly [string, string])[];
}
function standardTable(words: readonly (readonly [string, string])[], chars: readonly (readonly [string, string])[], keep: readonly string[] = []): StandardTable {
  const forms = [...words, ...chars];
  const byFirst = new Map<string, (readonly [string, string])[]>();
  for (const f of [...forms, ...keep.map((w) => [w, w] as const)]) addTo(byFirst, f[0][0], f);
  for (const list of byFirst.values()) list.sort((x, y) => y[0].length - x[0].length);
  return { byFirst, first: charTable(byFirst.keys()), forms };
}
const TAIWAN_TABLE = standardTable(TAIWAN_FORMS, TAIWAN_CHARACTERS);
const TAIWAN_CONVERTED_TABLE = standardTable([], TAIWAN_CONVERTED_CHARACTERS, TAIWAN_CONVERTED_KEEP);
const HONG_KONG_TABLE = standardTable([...HONG_KONG_FORMS, ...HONG_KONG_EITHER], HONG_KONG_CHARACTERS, HONG_KONG_KEEP);
/** Forms reported as information only (Hong Kong writes both; the house style decides). */
const HONG_KONG_INFO = new Set(HONG_KONG_EITHER.map(([opencc]) => opencc));

type Place = { a: Analysis; k: number };

/** One finding per form of `table` found in the analyses, every place in it, fix all; `skip` leaves a place out (a name). */
function standardFindings(
  analyses: Analysis[],
  table: StandardTable,
  rule: 'taiwan-standard' | 'hong-kong-standard',
  skip?: (a: Analysis, start: number, end: number) => boolean,
  infoOnly?: ReadonlySet<string>,
  /** the message for every form: `taiwan-standard.converted` for the forms reported in a converter's output only */
  messageKey?: 'taiwan-standard.converted',
): Finding[] {
  const out: Finding[] = [];
  // one pass over the text: places of each OpenCC form, found from its first character
  const byForm = new Map<string, Place[]>();
  for (const a of analyses) {
    const t = a.text;
    // words and characters may overlap (佈局, 佈; 上週, 週五 in 上週五): the longest match at a place, then past it
    let covered = 0;
    for (let k = 0; k < t.length; k++) {
      if (table.first[t.charCodeAt(k)] !== 1) continue;
      for (const [opencc, standard] of table.byFirst.get(t[k]) ?? []) {
        if (!t.startsWith(opencc, k) || k < covered) continue;
        // a word of the text running into the form from the left is another word (受僱|員工 is no 僱員): read on the
        // Simplified form, where ICU's dictionary is sure of it (受雇|员工)
        if (opencc.length >= 2 && icuWordIn(a.s, Math.max(0, k - 4), Math.min(a.s.length, k + opencc.length + 4), k)[0] < k) continue;
        covered = k + opencc.length;
        if (opencc === standard || skip?.(a, k, k + opencc.length)) continue;
        let list = byForm.get(opencc);
        if (!list) byForm.set(opencc, (list = []));
        list.push({ a, k });
      }
    }
  }
  for (const [opencc, standard] of table.forms) {
    const places = byForm.get(opencc);
    if (places) out.push(formFinding(rule, opencc, standard, places, infoOnly?.has(opencc) ?? false, messageKey));
  }
  return out;
}

/** One form's places as one finding, fix all to `standard` (information only: Hong Kong writes both). */
function formFinding(rule: 'taiwan-standard' | 'hong-kong-standard', opencc: string, standard: string, places: readonly Place[], info = false, messageKey?: 'taiwan-standard.converted'): Finding {
  const loc = ({ a, k }: Place) => ({
    segmentId: a.seg.id,
    start: k,
    end: k + opencc.length,
    text: opencc,
    fixes: [{ start: k, end: k + opencc.length, replacement: standard }],
  });
  const [first, ...rest] = places.map(loc);
  return {
    rule,
    severity: info ? 'info' : 'warning',
    ...first,
    ...(info
      ? findingMessage('hong-kong-standard.both', { word: opencc, standard, count: places.length })
      : findingMessage(messageKey ?? (places.length > 1 ? `${rule}.many` : `${rule}.one`), { word: opencc, standard, count: places.length })),
    group: `${rule}:${opencc}>${standard}`,
    related: rest,
  };
}

/** 夥 right after a number or 每 (售出2,846夥, 約1,050夥, 平均每夥): Hong Kong counts flats in 伙, which OpenCC writes 夥 for every 伙. */
const FLATS = /(?<=[\d０-９一二兩三四五六七八九十百千萬每])夥/g;
/** 周 right after a figure (失業週數約為24周, 增加0.3周): Taiwan counts weeks in 週, which OpenCC writes 周 for here (not 周年). */
const WEEKS = /(?<=[\d０-９])周(?!年)/g;

/**
 * A measure word OpenCC writes in another form than the region right after a number: one finding for
 * every place (fix all), `from` → `to`. (Digits only for the week: 四周 is 'all around'.)
 */
function measureWordFindings(analyses: Analysis[], re: RegExp, from: string, to: string, rule: 'taiwan-standard' | 'hong-kong-standard'): Finding[] {
  const places: Place[] = [];
  for (const a of analyses) {
    if (!a.text.includes(from)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(a.text); m; m = re.exec(a.text)) places.push({ a, k: m.index });
  }
  return places.length ? [formFinding(rule, from, to, places)] : [];
}

type Region = ReturnType<typeof writtenFor>;
const regionOfDocument = (analyses: Analysis[], region?: Region) => (region !== undefined ? region : writtenFor(analyses.map((a) => a.text)));

/** The project's house style as the regional rules read it (CheckContext's `standardForms`, `houseStyle`). */
export type HouseContext = Pick<CheckContext, 'standardForms' | 'houseStyle'>;

/**
 * A region's findings under the project's house style (house-style.ts): a form whose pair the house
 * style decides is left out (`press`), kept as found (`ministry`), or information only with the card
 * naming the setting (`unset`, the project's documents showing no style); every other form as found.
 */
function underHouseStyle(found: Finding[], region: 'tw' | 'hk', house: HouseContext | undefined): Finding[] {
  const out: Finding[] = [];
  for (const f of found) {
    const standard = f.fixes[0]?.replacement ?? f.text;
    const pair = housePairOf(region, f.text, standard);
    const style = pair ? styleFor(pair, house?.standardForms, house?.houseStyle) : 'ministry';
    if (style === 'press') continue;
    if (style === 'ministry') out.push(f);
    else {
      const key = region === 'tw' ? 'taiwan-standard.house' : 'hong-kong-standard.house';
      out.push({ ...f, severity: 'info', ...findingMessage(key, { word: f.text, standard, count: f.related.length + 1 }) });
    }
  }
  return out;
}

/**
 * taiwan-standard: in a document written for Taiwan, each word in OpenCC's form where Taiwan's standard
 * differs; and OpenCC's 佔 for the standard 占, 拼 for 拚 (outside 拼圖, 拼音 …) where `convertedOutput()` says the document is a converter's
 * output throughout (conversion.ts convertedByOpenCC). `region`: the document's (`writtenFor`), when the
 * caller has read it already. The forms writers write both ways (佔/占, 拼/拚) follow the project's house style (`house`).
 */
export function taiwanStandardFindings(analyses: Analysis[], region?: Region, convertedOutput?: () => boolean, house?: HouseContext): Finding[] {
  if (!analyses.length || regionOfDocument(analyses, region) !== 'tw') return [];
  const out = [...standardFindings(analyses, TAIWAN_TABLE, 'taiwan-standard'), ...measureWordFindings(analyses, WEEKS, '周', '週', 'taiwan-standard')];
  // 佔: only where the document is a converter's output throughout (asked only when the form is there)
  const converted = standardFindings(analyses, TAIWAN_CONVERTED_TABLE, 'taiwan-standard', undefined, undefined, 'taiwan-standard.converted');
  return underHouseStyle(converted.length && convertedOutput?.() ? [...out, ...converted] : out, 'tw', house);
}

/**
 * A listed company's announcement (本公告, 承董事會命, its defined terms 「本公司」「董事會」): filings write
 * 宣佈 and 公佈 (董事會欣然宣佈) whatever the press does, so a converter's 佈 there is what the filing
 * says. Two of its formulae make one: a news report quotes one at most.
 */
const FILING_FORMULAE = /本公告|承董事會命|（「(?:本公司|董事會|本集團)」）|對本公告之內容概不負責/g;
function isListedFiling(analyses: Analysis[]): boolean {
  let n = 0;
  for (const a of analyses) if ((n += count(FILING_FORMULAE, a.text)) >= 2) return true;
  return false;
}

/**
 * hong-kong-standard: in a document written for Hong Kong (`writtenFor`), each word in OpenCC's
 * form where Hong Kong writes another (應占 → 應佔, 鋪位 → 舖位; 占 → 佔 outside divination words and
 * names); 公佈, 宣佈 (the press's 公布, 宣布; filings keep 佈) as a warning where `convertedOutput()` says the
 * document is a converter's output throughout and it is no listed company's filing (`isListedFiling`),
 * else as information only. `mentions`: the document's person names, whose characters are left alone (a given name 占);
 * `region` as for taiwanStandardFindings. 公佈/宣佈 follow the project's house style (`house`).
 */
export function hongKongStandardFindings(
  analyses: Analysis[],
  mentions: readonly { segmentId: number; start: number; end: number }[] = [],
  region?: Region,
  convertedOutput?: () => boolean,
  house?: HouseContext,
): Finding[] {
  if (!analyses.length || regionOfDocument(analyses, region) !== 'hk') return [];
  const inName = (a: Analysis, start: number, end: number) => mentions.some((m) => m.segmentId === a.seg.id && m.start < end && start < m.end);
  const out = [...standardFindings(analyses, HONG_KONG_TABLE, 'hong-kong-standard', inName, HONG_KONG_INFO), ...measureWordFindings(analyses, FLATS, '夥', '伙', 'hong-kong-standard')];
  // 公佈/宣佈 in a converter's output throughout: the converter wrote every 佈 whatever the writer did,
  // so the press's 公布 is as likely as elsewhere — a warning, as Taiwan's 佔 is; in a writer's own
  // text the form is the house style's, information only
  if (out.some((f) => f.severity === 'info') && !isListedFiling(analyses) && convertedOutput?.())
    return underHouseStyle(
      out.map((f) => (f.severity === 'info' ? { ...f, severity: 'warning' as const, ...findingMessage('hong-kong-standard.converted', f.messageData!.params as { word: string; standard: string; count: number }) } : f)),
      'hk',
      house,
    );
  return underHouseStyle(out, 'hk', house);
}
