/** Variant forms folded to one: what the conversion and entity rules both compare by. */
import { TW_VARIANTS, HK_VARIANTS } from './data/variants';
import { PRESS_FORMS } from './data/press-forms';

let toStandard: Map<string, string> | null = null;
/** Every regional or press form back to OpenCC's standard form (為 → 爲, 台 → 臺, 户 → 戶): two texts equal under it differ only in variant forms. */
export function variantNormal(t: string): string {
  toStandard ??= new Map([...TW_VARIANTS, ...HK_VARIANTS, ...PRESS_FORMS].map(([std, v]) => [v, std]));
  let out = '';
  for (const c of t) out += toStandard.get(c) ?? c;
  return out;
}
