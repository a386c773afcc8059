/**
 * Traditional characters that are the conventional spelling in personal names even though
 * their Simplified form has several Traditional forms (馬雲, 葉某, 林某傑; 國樑, 嘉樑: the beam, 棟樑; 昇 the rising sun,
 * 鍾昇傑, 陳昇): a name written with
 * them is not suspected of S→T over-conversion. General data, not from any document.
 * Contrast 徵/餘/範/於/後/鬆/穀: S→T defaults that a name rarely wants (征, 余, 范, 于, 后, 松, 谷).
 */
export const NAME_PLAUSIBLE_T = new Set(Array.from('雲葉萬豐傑鍾鐘發蘇嶽臺係志曆歷彩樑昇'));
