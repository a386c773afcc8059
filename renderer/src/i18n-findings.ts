/**
 * Finding messages in the UI language. The backend stores each message as English text plus
 * key + params (shared/finding-messages.ts); the English templates are that module's (the
 * stored English is built from them), this file adds a Traditional Chinese template per key.
 * Without data (findings stored before migration 010) the stored English message is shown.
 */
import { FINDING_MESSAGES_EN, formatFindingMessage, type FindingMessageKey, type FindingMessageRef, type MessageCatalog } from '../../shared/finding-messages';
import { defineCatalog, type Locale } from './i18n-catalog';

const zhHant: Record<FindingMessageKey, string> = {
  'conversion.usage-note': '{word}：OpenCC 的用法說明寫作{example}（{note}）。簡體「{s}」有多個繁體寫法（{forms}），此處應作{want}。',
  'conversion.name.surname': '{name}的姓氏中的「{c}」：簡體「{s}」預設轉為「{c}」（可能寫法：{forms}），但人名通常保留「{s}」。請核對人名，可能應為{fixed}。',
  'conversion.name.given': '{name}的名字中的「{c}」：簡體「{s}」預設轉為「{c}」（可能寫法：{forms}），但人名通常保留「{s}」。請核對人名，可能應為{fixed}。',
  'conversion.phrase': 'OpenCC 詞組表將{phrase}轉為{expected}，但文中寫作「{c}」。簡體「{s}」有多個繁體寫法（{forms}）。',
  'conversion.phrase-crosses-word': '「{c}」由 OpenCC 詞組{phrase} → {converted}決定，但該詞組跨越了詞語「{word}」；此處「{s}」應是一般的「{def}」（{fixed}）。「{s}」的寫法：{forms}。',
  'conversion.overlapping-phrase': 'OpenCC 在此套用了詞組{phrase} → {converted}，但與之重疊的{other} → {otherConverted}構成詞語「{word}」：可能應為「{y}」。「{s}」的寫法：{forms}。',
  'conversion.default-unconfirmed': '「{c}」：簡體「{s}」有多個繁體寫法（{forms}），OpenCC 此處用了預設寫法，沒有詞組可以佐證。請核對詞義。',
  'simplified.segment': '這一段是簡體中文（{count} 個簡體專用字，例如 {examples}），卻位於繁體文件中。請轉換，或若是另一段的副本，標為版面雜項。',
  'simplified.char': '「{c}」是繁體文字中的簡體字；此處的繁體寫法是「{t}」。',
  'simplified.char.alts': '「{c}」是繁體文字中的簡體字；此處的繁體寫法是「{t}」（簡體「{c}」也可對應{alts}）。',
  'variant.mixing.one': '「{major}」（{majorCount} 次）與「{minor}」（{minorCount} 次）是同一個字的兩種寫法；本文件多用「{major}」。請全部寫作「{major}」（「{minor}」）。',
  'variant.mixing.many': '「{major}」（{majorCount} 次）與「{minor}」（{minorCount} 次）是同一個字的兩種寫法；本文件多用「{major}」。請全部寫作「{major}」（「{minor}」共 {minorCount} 處）。',
  'entity.group': '可能是同一人的 {count} 種寫法：{spellings}。請統一寫法，建議：{canonical}。',
  'entity.group.reasons': '可能是同一人的 {count} 種寫法：{spellings}。{reasons}請統一寫法，建議：{canonical}。',
  'entity.reason.over-conversion': '{spelling}看似是{original}經簡轉繁預設轉換的結果（{changes}）。',
  'entity.reason.sound': '名字讀音相近。',
  'entity.reason.role': '兩者職位相同，只差一個字。',
  'entity.reason.role.named': '兩者職位相同（{roles}），只差一個字。',
  'entity.reason.conversion': '兩者的簡體寫法相同。',
  'entity.reason.glossary': '詞彙表將兩者列為同一人。',
  'entity.role': '{role}在文件 {docA} 中名為{a}，在文件 {docB} 中卻名為{b}。請核對哪個寫法正確，或職位是否在兩份文件之間易人。',
  'entity.role.org': '{org}的{role}在文件 {docA} 中名為{a}，在文件 {docB} 中卻名為{b}。請核對哪個寫法正確，或職位是否在兩份文件之間易人。',
  'glossary.forbidden': '「{variant}」是詞彙表排除的寫法；請寫作「{term}」。',
  'glossary.forbidden.note': '「{variant}」是詞彙表排除的寫法；請寫作「{term}」（{note}）。',
  'glossary.english': '詞彙表中「{term}」的英文是「{english}」，但本段英文沒有使用。請在英文中寫作「{english}」。',
  'number.mixed-width': '{raw} 混用了全形與半形數字；請統一寬度。',
  'number.decimal-comma': '{raw} 用逗號作小數點；中文使用小數點。',
  'number.decimal-points': '{raw} 有 {count} 個小數點。',
  'number.decimal-comma-before': '{raw} 在「{unit}」之前的逗號看似小數點；請寫作 {fixed}。',
  'number.groups': '{raw}：數字分位不是每三位一組；可能應為 {fixed}。',
  'number.digits-before-magnitude': '{raw}：「{magnitude}」前有 {count} 位數字，是否正確？通常寫作 {usual}。',
  'number.long': '{raw} 是 {count} 位數；請核對（可能漏了萬／億等單位，或數字重複）。',
  'number.long.quantity': '{raw} 是作為數量的 {count} 位數；請核對（可能漏了萬／億等單位，或數字重複）。',
  'number.differs.english': '此處為 {mine}，英文卻是 {theirs}：其中一個有誤。',
  'number.differs.source': '此處為 {mine}，原文卻是 {theirs}：其中一個有誤。',
  'number.unmatched.english': '{mine} 在英文中沒有對應（{excerpt}）。',
  'number.unmatched.source': '{mine} 在原文中沒有對應（{excerpt}）。',
  'number.missing.english': '英文有 {theirs}，此處卻沒有。',
  'number.missing.source': '原文有 {theirs}，此處卻沒有。',
  'number.value': '{raw}',
  'number.value.million': '{raw}（{value} 百萬）',
  'number.value.billion': '{raw}（{value} 十億）',
  'number.value.trillion': '{raw}（{value} 萬億）',
  'number.repeated': '同一數量出現兩次而數值不同：此處為 {here}，前文為 {earlier}（都在「{words}」之後）。其中一個有誤。',
  'source.misaligned': '本段與對齊的原文（「{excerpt}」）幾乎沒有共同之處：此處對齊可能有誤。請移動、合併或分割原文列來修正。',
  'source.differs': '{what}：差異超出字體轉換（誤譯、誤聽還是更正？）。{advice}',
  'source.what.missing': '原文此處有「{source}」，這裡卻沒有',
  'source.what.extra': '「{text}」不在原文中',
  'source.what.changed': '此處為「{text}」，原文卻是「{source}」',
  'source.advice.reading': '原文的寫法是 {readings}。',
  'source.advice.remove': '如果原文正確，請刪除。',
  'english.empty': '本段尚無英文：請補上；若英文跑到了相鄰列，請修正對齊（移動或分割）。',
  'english.empty.many': '{count} 段尚無英文：請補上；若英文跑到了相鄰列，請修正對齊（移動或分割）。',
  'halfwidth.one': '中文中有 1 個半形標點（{summary}）；中文應使用全形標點（，；：？！（）。）。套用全部修正即可轉換。',
  'halfwidth.many': '中文中有 {count} 個半形標點（{summary}）；中文應使用全形標點（，；：？！（）。）。套用全部修正即可轉換。',
  'brackets.unclosed': '「{open}」在此開啟卻沒有關閉；請在結尾處補上「{close}」，或刪除它。',
  'brackets.unclosed.paragraph': '「{open}」在此開啟，但本段落內沒有關閉；請在結尾處補上「{close}」，或刪除它。',
  'brackets.unopened': '「{close}」關閉了一個從未開啟的括號或引號；請補上開啟符號，或刪除它。',
  'doubled.mark': '「{mark}」重複；請刪去一個。',
  'doubled.marks': '「{marks}」：兩個標點相連；請保留一個。',
  'doubled.phrase': '「{phrase}」連續寫了兩次；請刪去重複。',
  'doubled.word': '「{pair}」：「{word}」字重複；請刪去一個。',
  'space.word': '詞語「{word}」中有多餘的空格；中文詞語之間不加空格。',
  'space.name': '人名「{name}」中有多餘的空格；中文詞語之間不加空格。',
  'claims.rate.within': '{stated} 意味著 1 {quote} 兌 {rate} {base}；在合理範圍 {low}–{high} 之內。',
  'claims.rate.within.range': '{stated} 意味著 1 {quote} 兌 {rate} {base}（四捨五入範圍 {rateLow}–{rateHigh}）；在合理範圍 {low}–{high} 之內。',
  'claims.rate.outside': '{stated} 意味著 1 {quote} 兌 {rate} {base}；超出合理範圍 {low}–{high}。',
  'claims.rate.outside.range': '{stated} 意味著 1 {quote} 兌 {rate} {base}（四捨五入範圍 {rateLow}–{rateHigh}）；超出合理範圍 {low}–{high}。',
  'claims.shares.over': '{whole}的各部分佔比合計超過 100%：{listed} = {sum}%。',
  'claims.shares.full': '{whole}的各部分佔比在四捨五入範圍內合計 100%：{listed} = {sum}%。',
  'claims.shares.under': '{whole}的各部分佔比合計 {sum}%（{listed}）；尚有 {rest}% 未列出。',
  'claims.share.over-whole': '{whole}的 {share} 超過了整體。',
  'claims.implied.one': '推算的{whole}：{listed}。',
  'claims.implied.agree': '推算的{whole}在四捨五入範圍內一致（{low}–{high}）：{listed}。',
  'claims.implied.disagree': '推算的{whole}超出四捨五入範圍而不一致：{listed}。',
  'claims.part-over-whole': '{part} 是{whole}的一部分，卻大於整體（{total}）。',
  'claims.growth.ambiguous': '{raw} 有歧義（{readings}）；{other} 相當於 ×{factor}。只有當 {raw} 表示 ×{match} 時兩者才一致。',
  'claims.growth.ambiguous.none': '{raw} 有歧義（{readings}）；{other} 相當於 ×{factor}。沒有任何讀法一致。',
  'claims.growth.contradiction': '增長有兩種說法：{a}（×{factorA}）與 {b}（×{factorB}）。',
  'claims.conflicting': '{subject}{metric}出現兩次而數值不同：{a} 與 {b}。',
  'claims.conflicting.period': '{subject}{metric}（{period}）出現兩次而數值不同：{a} 與 {b}。',
  'number.scale.rate': '{stated} 隱含匯率為每 {quote} {rate} {base}，超出合理範圍 {low}–{high}：其中一個金額可能差了 {factor} 倍（萬／億或小數點）。',
  'number.scale.part-over-whole': '{part} 是 {whole} 的一部分（其中），卻比整體還大：其中一個可能差了 {factor} 倍。',
  'number.scale.share-total': '{part} 佔 {share}，推算整體為 {implied}，但文件所述為 {total}：其中一個可能差了 {factor} 倍。',
  'number.scale.component-over-total': '{part} 是分項之一，卻比總額（{total}）還大：可能差了 {factor} 倍。',
  'number.scale.restated': '此處為 {here}，別處同一數字（在「{label}」之後）卻是 {other}：數字相同而相差 {factor} 倍。其中一個有誤。',
  'number.unit.count': '{raw}：計數不能以「{unit}」為單位；可能應為 {expected}。',
  'number.readings': '{raw} 格式有誤：可讀作 {readings}。請確認原意。',
  'number.readings.evidence': '{raw} 格式有誤：可讀作 {readings}；{best} 與{evidence}相符。',
  'number.evidence.english': '英文（{other}）',
  'number.evidence.document': '本文件別處的 {other}',
  'number.unit.differs': '此處為 {here}，別處同一數字（在「{label}」之後）卻是 {other}：單位不同。其中一個有誤。',
};

/** Both catalogs, for the test that every key is translated (i18n-catalogs.test.ts). */
export const FINDINGS_CATALOG = defineCatalog(FINDING_MESSAGES_EN as Record<FindingMessageKey, string>, zhHant).catalog;

const CATALOGS: Record<Locale, MessageCatalog> = {
  en: { templates: FINDING_MESSAGES_EN, join: ' ' },
  'zh-Hant': { templates: zhHant, join: '' },
};

/** A finding's message in `locale`: its data through the catalog, else the stored English message. */
export function findingMessageText(locale: Locale, f: { message: string; messageData?: FindingMessageRef | { key: string; params: unknown } | null }): string {
  const d = f.messageData;
  if (!d || !(d.key in FINDING_MESSAGES_EN)) return f.message;
  return formatFindingMessage(d as FindingMessageRef, CATALOGS[locale]);
}
