/**
 * A project's house style for the standard forms professional writers write both ways (issue:
 * session 10, "house"). Taiwan's standard (the Ministry of Education's) writes 占 and 拚 (to
 * strive), many newspapers and companies keep 佔 (佔比, 佔營收) and 拼 (拼經濟, 打拼); Hong Kong's
 * government and most of its press write 公布, 宣布, listed companies' filings keep 公佈, 宣佈. Which
 * is right is the project's choice, not a fact the text shows: the reviewer says it once per
 * project (`standardForms`, CheckContext), and `taiwan-standard` / `hong-kong-standard` follow it.
 *
 * - `ministry`: the standard forms (today's behaviour before the setting: a warning in a converter's output).
 * - `press`: the pairs below are not reported at all.
 * - `unset` (default): the house style the project's other documents show, where they are a
 *   writer's (not a converter's output) and write one form consistently (core/checks.ts reads them,
 *   `houseStyleOf`); else Taiwan's pairs are information only, the card naming the setting, and Hong
 *   Kong's 公佈/宣佈 are read as the standard's (`WITHOUT_EVIDENCE`).
 *
 * Not governed: 公佈 in Taiwan (the government and the press write 公布; a converter's 公佈 stays a
 * warning), 計劃, the other TAIWAN_FORMS and HONG_KONG_FORMS pairs (one form in real use).
 */
import type { StandardForms } from '../domain/values';

export type { StandardForms } from '../domain/values';

/** The pairs the house style decides: OpenCC's form (which the press keeps too) against the standard's, per region. */
export const HOUSE_PAIRS = [
  { id: 'tw-佔', region: 'tw', press: '佔', standard: '占' },
  { id: 'tw-拼', region: 'tw', press: '拼', standard: '拚' },
  // 佈 only in these two words: Hong Kong writes 分佈, 佈局 either way and they are not reported at all (hongKongForms.ts)
  { id: 'hk-佈', region: 'hk', press: '佈', standard: '布', words: ['公佈', '宣佈'] },
] as const;
export type HousePairId = (typeof HOUSE_PAIRS)[number]['id'];
type HousePair = (typeof HOUSE_PAIRS)[number];

/** What the project's documents show, per pair: the form they keep (absent: no evidence). */
export type HouseStyle = Partial<Record<HousePairId, 'ministry' | 'press'>>;

/**
 * The pair a reported form belongs to: every character where OpenCC's form (`opencc`) and the
 * standard's differ is the pair's (拼命 → 拚命, 佔 → 占, 公佈 → 公布); undefined for any other form (公佈 in Taiwan, 計劃).
 */
export function housePairOf(region: 'tw' | 'hk', opencc: string, standard: string): HousePairId | undefined {
  if (opencc.length !== standard.length || opencc === standard) return undefined;
  let found: HousePair | undefined;
  for (let i = 0; i < opencc.length; i++) {
    if (opencc[i] === standard[i]) continue;
    const p = HOUSE_PAIRS.find((q) => q.region === region && q.press === opencc[i] && q.standard === standard[i]);
    if (!p || (found && found !== p)) return undefined;
    found = p;
  }
  if (found && 'words' in found && !(found.words as readonly string[]).includes(opencc)) return undefined;
  return found?.id;
}

/**
 * The style a pair takes where the project neither sets one nor shows one. Information (`unset`) for
 * Taiwan's pairs: its papers and companies keep 佔 and 拼 as often as not. Hong Kong's 公佈/宣佈 are the
 * standard's (`ministry`: a warning where the document reads as a converter's output throughout, which
 * wrote 佈 in every 公布; information in a writer's own text): Hong Kong's government and most of its
 * press write 公布 and 宣布 (README, "House style"; both writers of eval/fresh's Hong Kong texts did).
 */
const WITHOUT_EVIDENCE: Partial<Record<HousePairId, StandardForms>> = { 'hk-佈': 'ministry' };

/** The style that decides a pair: the setting, or with `unset` what the project's documents show (asked only here), else the pair's default without evidence. */
export function styleFor(pair: HousePairId, setting: StandardForms | undefined, house: (() => HouseStyle) | undefined): StandardForms {
  if (setting && setting !== 'unset') return setting;
  return house?.()[pair] ?? WITHOUT_EVIDENCE[pair] ?? 'unset';
}

/** A pair's places counted in one writer's text: the press's form and the standard's (`keep`: words whose character is another word's). */
export interface PairCount {
  press: number;
  standard: number;
}

/** Words whose 拼 / 占 is not the pair's (拼圖 'piece together', 占卜 'divine'): left out of the counts. */
const NOT_THE_PAIR: Partial<Record<HousePairId, readonly string[]>> = {
  'tw-拼': ['拼圖', '拼音', '拼湊', '拼接', '拼裝', '拼盤', '拼寫', '拼貼', '拼字', '拼法', '拼板', '拼版', '拼布', '拼花', '拼合', '拼車', '拼單', '拼團', '拼桌', '拼購', '拼多多'],
  'tw-佔': ['占卜', '占星', '占卦', '占夢', '占士', '拜占庭', '占城'],
};

function countForm(texts: readonly string[], form: string, skip: readonly string[]): number {
  let n = 0;
  for (const t of texts) {
    for (let k = t.indexOf(form); k >= 0; k = t.indexOf(form, k + form.length)) {
      if (!skip.some((w) => t.startsWith(w, k - w.indexOf(form)) && w.includes(form))) n++;
    }
  }
  return n;
}

/** How often a writer's text writes each form of a pair. */
export function pairCount(pair: HousePairId, texts: readonly string[]): PairCount {
  const p = HOUSE_PAIRS.find((q) => q.id === pair)!;
  const skip = NOT_THE_PAIR[pair] ?? [];
  if ('words' in p) {
    const words = p.words as readonly string[];
    return {
      press: words.reduce((n, w) => n + countForm(texts, w, []), 0),
      standard: words.reduce((n, w) => n + countForm(texts, w.split(p.press).join(p.standard), []), 0),
    };
  }
  return { press: countForm(texts, p.press, skip), standard: countForm(texts, p.standard, skip) };
}

/** Does a text hold any form of a pair (a cheap look before reading whether it is a converter's output)? */
export function mentionsHousePair(text: string): boolean {
  return /[佔占拼拚]|[公宣][佈布]/.test(text);
}

/** What one writer's document says about the house style: its region and each of the region's pairs counted. */
export interface WriterEvidence {
  region: 'tw' | 'hk';
  counts: Partial<Record<HousePairId, PairCount>>;
}

/** A writer's document's counts (its region read by the caller). */
export function writerEvidence(region: 'tw' | 'hk', texts: readonly string[]): WriterEvidence {
  const counts: WriterEvidence['counts'] = {};
  for (const p of HOUSE_PAIRS) if (p.region === region) counts[p.id] = pairCount(p.id, texts);
  return { region, counts };
}

/**
 * The house style a project's writers' documents show: per pair, the form they write when, all
 * together, they write it at least twice and nine times in ten or more in that form (a converter's
 * output is no evidence: it wrote 佔 for every 占). `docs`: the writers' documents' evidence
 * (`writerEvidence`), already limited to writers' documents by the caller.
 */
export function houseStyleOf(docs: readonly WriterEvidence[]): HouseStyle {
  const out: HouseStyle = {};
  for (const p of HOUSE_PAIRS) {
    const total = { press: 0, standard: 0 };
    for (const d of docs) {
      const c = d.counts[p.id];
      if (!c) continue;
      total.press += c.press;
      total.standard += c.standard;
    }
    const n = total.press + total.standard;
    if (n < 2) continue;
    if (total.standard >= 0.9 * n) out[p.id] = 'ministry';
    else if (total.press >= 0.9 * n) out[p.id] = 'press';
  }
  return out;
}
