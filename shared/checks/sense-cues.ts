/**
 * Words a converter writes in one sense whatever the context says. OpenCC's phrase table (and
 * every converter built on it: s2t, s2tw, s2hk, s2twp) turns 回复 into 回覆 'reply', while 回复 is
 * also 'recover, return to', written 回復: 回复至疫情前水平 becomes 回覆至疫情前水平. The sense
 * shows in what follows: a level, a state or a trend recovered to (至, 到, 正常, 水平, 增長 …) is
 * never a reply. Only the converter's form is looked at (a writer's 回復 stays), and only with such
 * a cue right after it (公司已回覆查詢, 回覆記者 are replies).
 */

/** One word the converter writes in one sense: its form there, the other sense's form, and what follows it in that other sense. */
interface SenseCue {
  /** the converter's form */
  word: string;
  /** the form of the sense the cue points at */
  fixed: string;
  /** what follows the word in that sense (matched right after it) */
  after: RegExp;
}

const SENSE_CUES: readonly SenseCue[] = [
  {
    word: '回覆',
    fixed: '回復',
    after: /^(?:至|到(?!期)|(?:輕微|溫和|緩慢|穩步|逐步|明顯)?(?:增長|增速|上升|上揚|擴張|升勢)|正常|常態|原狀|原有|往日|以往|過往|昔日|疫情前|元氣|信心|生產|產能|營運|運作|運行|秩序|平穩|穩定|健康|活力|過來|舊觀)/,
  },
];

/** The cue for another sense at `k` (the second character of the word, where the converter's one-to-many form stands), if any. */
export function senseCueAt(text: string, k: number): { word: string; fixed: string; cue: string } | null {
  for (const s of SENSE_CUES) {
    const start = k - (s.word.length - 1);
    if (start < 0 || !text.startsWith(s.word, start)) continue;
    const m = s.after.exec(text.slice(k + 1, k + 7));
    if (m) return { word: s.word, fixed: s.fixed, cue: m[0] };
  }
  return null;
}
