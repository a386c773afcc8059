/** Misheard names: a person's name written as a speech recogniser or a hurried translator would. */
import { pinyin } from 'pinyin-pro';
import type { Rng } from './random';

/** Common given-name characters (Traditional) to draw homophones from. */
const POOL = [...new Set('偉華明建國志強軍平東文輝海林波振峰宇浩俊傑成剛德安斌鵬春誠榮新宏金松立永勇毅達飛瑞嘉哲睿凱翔銘政正征震晨辰城承澄程盛勝聖生升昇聲民敏鳴名銳蕊雲芸筠勻允運韻蘊玉雨語育裕毓煜鈺昱羽瑜虞榆華樺驊化家佳加珈琪棋旗奇齊麒祺其淇豪皓昊灝濤韜陶偉維薇唯惟威巍微瑋煒衛蔚婷庭廷霆亭莉麗利力禮理李玲琳霖麟齡鈴凌伶靈翎寧凝檸光廣冠觀君鈞俊均軍峻駿子紫梓志智致治芝之知枝秀修琇繡秋球求裘心欣馨新鑫昕興星幸杏信'.replace(/\s/g, ''))];

const bare = (c: string) => pinyin(c, { toneType: 'none', type: 'array' })[0] ?? '';
const toned = (c: string) => pinyin(c, { toneType: 'num', type: 'array' })[0] ?? '';

/** A different character with the same syllable, the same tone preferred; null when the pool has none. */
export function homophone(c: string, r: Rng): string | null {
  const same = POOL.filter((p) => p !== c && bare(p) === bare(c));
  if (!same.length) return null;
  const sameTone = same.filter((p) => toned(p) === toned(c));
  return r.pick(sameTone.length ? sameTone : same);
}

export type NameMutation = 'homophone' | 'drop-surname' | 'invert' | 'length';

/** The name as misheard, with the kind of mistake; null when the name allows none of the kinds drawn. */
export function mishear(name: string, r: Rng): { wrong: string; kind: NameMutation } | null {
  const chars = [...name];
  if (chars.length < 2 || chars.length > 3) return null;
  const kinds: NameMutation[] = r.shuffle(['homophone', 'homophone', 'drop-surname', 'invert', 'length']);
  for (const kind of kinds) {
    if (kind === 'homophone') {
      const positions = r.shuffle(chars.map((_, i) => i).slice(1));
      for (const i of positions) {
        const h = homophone(chars[i], r);
        if (h) return { wrong: chars.map((c, k) => (k === i ? h : c)).join(''), kind };
      }
    } else if (kind === 'drop-surname' && chars.length === 3) return { wrong: chars.slice(1).join(''), kind };
    else if (kind === 'invert') return { wrong: [...chars.slice(1), chars[0]].join(''), kind };
    else if (kind === 'length') {
      if (chars.length === 3) return { wrong: chars[0] + chars[2], kind };
      const extra = r.pick(POOL.filter((p) => !chars.includes(p)));
      return { wrong: chars[0] + extra + chars[1], kind };
    }
  }
  return null;
}
