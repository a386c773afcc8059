/**
 * OpenCC standard forms that neither Taiwan nor Hong Kong press writes, though OpenCC's
 * regional tables leave them alone for one region (its TWVariants has no 臺 → 台, its
 * HKVariants no 羣 → 群): the form both regions' newspapers, filings and releases use.
 * Only a tie-break of the project-wide variant rule (which form a mixed project should
 * keep); never a finding by itself. General orthographic knowledge, not from any document.
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
