/**
 * OpenCC standard forms that neither Taiwan nor Hong Kong press writes, though OpenCC's
 * regional tables leave them alone for one region (its TWVariants has no 臺 → 台, its
 * HKVariants no 羣 → 群): the form both regions' newspapers, filings and releases use.
 * The project-wide variant rule's tie-break (which form a mixed project should keep), and the
 * form a document written for a region is asked for where its converter wrote OpenCC's
 * (conversion.ts `regionalForm`: 臺 and, for Hong Kong, whose standard list keeps 啓 and 羣,
 * every pair only in a converter's output). General orthographic knowledge, not from any document.
 */
export const PRESS_FORMS: readonly (readonly [string, string])[] = [
  ['臺', '台'], // 台灣, 新台幣, 台股: the press form in Taiwan and Hong Kong (臺 is the official one: both correct)
  ['羣', '群'],
  ['啓', '啟'],
  ['覈', '核'],
  ['麪', '麵'],
  ['衆', '眾'],
  ['爲', '為'],
  ['僞', '偽'],
];
