/** Numbered pinyin (CC-CEDICT's "zhong1 guo2") as tone-marked pinyin, for the gloss popups. Pure. */

const MARKS: Record<string, string> = { a: 'āáǎà', e: 'ēéěè', i: 'īíǐì', o: 'ōóǒò', u: 'ūúǔù', ü: 'ǖǘǚǜ' };

/** "suan4 li4" → "suàn lì", "lu:4" → "lǜ"; syllables without a tone number stay as they are. */
export function markPinyin(numbered: string): string {
  return numbered
    .split(' ')
    .map((syl) => {
      const m = /^([A-Za-z:üÜ]+)([1-5])$/.exec(syl);
      if (!m) return syl.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
      let s = m[1].replace(/u:/g, 'ü').replace(/U:/g, 'Ü').replace(/v/g, 'ü');
      const tone = Number(m[2]);
      if (tone === 5) return s;
      const lower = s.toLowerCase();
      let at = lower.search(/[ae]/);
      if (at < 0) at = lower.indexOf('ou');
      if (at < 0) {
        for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i])) {
          at = i;
          break;
        }
      }
      if (at < 0) return s;
      const v = lower[at];
      const marked = MARKS[v][tone - 1];
      s = s.slice(0, at) + (s[at] === v ? marked : marked.toUpperCase()) + s.slice(at + 1);
      return s;
    })
    .join(' ');
}
