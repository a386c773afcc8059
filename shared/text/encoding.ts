/**
 * Detect and decode the encoding of imported Chinese text files.
 *
 * Pure TypeScript on top of the WHATWG `TextDecoder`, so it runs unchanged in Node 20 (full ICU) and in browsers.
 * Decoding is lossless: apart from removing a byte-order mark, the text is returned exactly as decoded
 * (no newline conversion, no Unicode normalisation), so later code can reproduce the file.
 */
import { JiaoduiError } from '../errors';
import { errPart, type ErrorMessageKey, type ErrorMessageRef } from '../error-messages';
import { HKSCS_PUA_RUNS, HKSCS_PUA_SEQUENCES } from './hkscs-pua';
import { describeImplausible, implausibleText } from './plausible';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'big5' | 'gb18030';

export const TEXT_ENCODINGS: readonly TextEncodingName[] = Object.freeze([
  'utf-8',
  'utf-16le',
  'utf-16be',
  'big5',
  'gb18030',
] as const);

/**
 * Largest file we import: 10 MiB.
 * A 1 MB transcript is our large case; 10 MiB leaves 10x headroom while keeping one import
 * (the bytes, the decoded string and its segments) inside one transaction in memory.
 */
export const MAX_IMPORT_BYTES: number = 10 * 1024 * 1024;

export interface EncodingGuess {
  encoding: TextEncodingName;
  /** A byte-order mark was present (and is stripped from the decoded text). */
  bom: boolean;
  /**
   * certain = BOM; high = only one candidate decodes cleanly or a clear score margin; low = a guess
   * (close scores, or a Big5/GB18030 reading that does not look like Chinese text).
   */
  confidence: 'certain' | 'high' | 'low';
  /**
   * Every encoding that decodes the whole file without errors into plausible text, best (the chosen one) first.
   * Scores are plausibility scores computed on a bounded sample; higher is better, at most 1.
   * When a BOM decides, only the BOM's encoding is listed.
   */
  candidates: { encoding: TextEncodingName; score: number }[];
}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
  /** true when the encoding was detected, false when the caller chose it. */
  detected: boolean;
  /** The detection confidence; 'certain' when the caller chose the encoding (or a BOM decided it). */
  confidence: EncodingGuess['confidence'];
}

/** Scoring looks at this many decoded UTF-16 code units (about 64 KiB of Big5/GB18030 bytes). */
const SAMPLE_CHARS = 32 * 1024;
/** Byte-level checks (NUL pattern, control bytes) look at this many bytes. */
const SAMPLE_BYTES = 64 * 1024;
/** A Big5/GB18030 decision is 'high' confidence when the best score beats the next by this much. */
const CLEAR_MARGIN = 0.25;
/** Share of C0 control characters (other than \t \n \f \r) above which a file is treated as binary. */
const MAX_CONTROL_SHARE = 0.01;

const DISPLAY_NAME: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  big5: 'Big5',
  gb18030: 'GB18030',
};

/** The name people know an encoding by: UTF-8, Big5, GB18030… */
export function encodingLabel(encoding: TextEncodingName): string {
  return DISPLAY_NAME[encoding];
}

/* ------------------------------------------------------------------------------------------------
 * Common characters
 * ------------------------------------------------------------------------------------------------ */

/**
 * About 800 of the most frequent Chinese characters in Simplified form, followed by their Traditional
 * forms (OpenCC s2t, s2tw and s2hk, so both 爲/着/衆 and 為/著/眾 are present). Correctly decoded Chinese
 * text consists mostly of these; Big5 bytes read as GB18030 (or the reverse) rarely produce them.
 */
const COMMON_HAN =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方' +
  '多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情' +
  '明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给' +
  '世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太' +
  '量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象' +
  '完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济' +
  '车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚' +
  '请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历' +
  '首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音' +
  '跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值' +
  '仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤' +
  '素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担' +
  '州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控' +
  '税左右份穿艺背阵草脚概恶块顿敢守酒岛托央這個們來爲為國說説時會對於過發後裏裡種經麼學現當沒動還進樣開從實軍無與長機關點業' +
  '將兩間問並應戰頭體見產話內給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該' +
  '規萬覺術領確傳師觀讓識帶導爭運飛風幹聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕' +
  '農裝廣顯標談喫圖歷醫專費號盡較語僅隨選紅響雖勢參衆眾構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕羣項圍織鬥雙紀採舉殺蘇訴細願' +
  '錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適衛衞險陸習勞財環納歡獲負雲遊龍樹層衝範異漢簡擔靜積餘檢靈協佔徵揮勝階審堅' +
  '媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島';

const COMMON_SET: ReadonlySet<number> = new Set(Array.from(COMMON_HAN, (c) => c.codePointAt(0)!));

/* ------------------------------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------------------------------ */

const ALIASES: Record<string, TextEncodingName> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  big5: 'big5',
  'big-5': 'big5',
  gb18030: 'gb18030',
  // GBK and GB2312 are subsets of GB18030, so decoding them as GB18030 is exact.
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

/** Parse a user-supplied encoding name (case-insensitive, common aliases accepted). */
export function parseEncodingName(s: string): TextEncodingName {
  const key = String(s).trim().toLowerCase();
  const found = Object.prototype.hasOwnProperty.call(ALIASES, key) ? ALIASES[key] : undefined;
  if (found) return found;
  throw new JiaoduiError(
    'invalid-input',
    `Unknown text encoding "${s}". Accepted names: utf-8 (or utf8), utf-16le (or utf16le), ` +
      `utf-16be (or utf16be), big5 (or big-5), gb18030 (or gbk, gb2312).`,
    { value: s, accepted: Object.keys(ALIASES) },
    errPart('import.unknown-encoding', { name: s }),
  );
}

/** Guess the encoding of a text file. Throws JiaoduiError('import-rejected') for empty, binary or too large input. */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  return detect(bytes).guess;
}

/** Detect and decode in one pass: what `detectEncoding` and `decodeText` without an override return. */
export function detectAndDecode(bytes: Uint8Array): { guess: EncodingGuess; decoded: DecodedText } {
  const { guess, text } = detect(bytes);
  return { guess, decoded: { text, encoding: guess.encoding, bom: guess.bom, detected: true, confidence: guess.confidence } };
}

/**
 * Decode with the given encoding (override) or the detected one. An explicit override that does not decode
 * cleanly is refused with a message naming the encoding and the byte offset of the first bad sequence.
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): DecodedText {
  if (encoding === undefined) return detectAndDecode(bytes).decoded;
  if (!(TEXT_ENCODINGS as readonly string[]).includes(encoding)) {
    // Guards callers that pass unchecked strings; parseEncodingName gives the friendly message.
    parseEncodingName(encoding);
  }
  checkSizeAndMagic(bytes);
  const bomLength = bomLengthFor(bytes, encoding);
  const body = bytes.subarray(bomLength);
  const text = tryDecode(body, encoding);
  if (text === null) {
    const offset = bomLength + firstBadOffset(body, encoding);
    throw reject(
      `The file is not valid ${DISPLAY_NAME[encoding]} text: the first invalid byte sequence is at byte offset ` +
        `${offset} (0x${offset.toString(16).toUpperCase()}). Choose another encoding, or leave the encoding ` +
        `unset to detect it automatically.`,
      { reason: 'bad-encoding', encoding, offset },
      errPart('import.bad-encoding', { encoding: DISPLAY_NAME[encoding], offset, hex: `0x${offset.toString(16).toUpperCase()}` }),
    );
  }
  assertLooksLikeText(text, encoding, bomLength > 0);
  return { text, encoding, bom: bomLength > 0, detected: false, confidence: 'certain' };
}

/* ------------------------------------------------------------------------------------------------
 * Detection
 * ------------------------------------------------------------------------------------------------ */

interface Detection {
  guess: EncodingGuess;
  text: string;
}

interface Candidate {
  encoding: TextEncodingName;
  score: number;
  text: string;
}

function detect(bytes: Uint8Array): Detection {
  checkSizeAndMagic(bytes);

  // 1. A byte-order mark decides (UTF-32's is named and refused: FF FE 00 00 would otherwise read as UTF-16LE).
  refuseUtf32(bytes);
  const bom = sniffBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    const text = tryDecode(body, bom.encoding);
    if (text === null) {
      const offset = bom.length + firstBadOffset(body, bom.encoding);
      const suggest = plausibleAlternative(bytes, bom.encoding);
      throw reject(
        `The file starts with a ${DISPLAY_NAME[bom.encoding]} byte-order mark but is not valid ` +
          `${DISPLAY_NAME[bom.encoding]}: the first invalid byte sequence is at byte offset ${offset}. ` +
          (suggest ? chooseHint(suggest, true) : `The file may be damaged; re-save it as UTF-8 and import it again.`),
        { reason: 'undecodable', encoding: bom.encoding, offset, suggest },
        errPart('import.bom-invalid', { encoding: DISPLAY_NAME[bom.encoding], offset, hint: [suggest ? chooseHintRef(suggest, true) : errPart('import.hint.damaged')] }),
      );
    }
    assertLooksLikeText(text, bom.encoding, true);
    assertPlausibleReading(bytes, text, bom.encoding, 'bom');
    return {
      guess: {
        encoding: bom.encoding,
        bom: true,
        confidence: 'certain',
        candidates: [{ encoding: bom.encoding, score: round(scoreText(text)) }],
      },
      text,
    };
  }

  // 2. NUL bytes: BOM-less UTF-16, or binary.
  const firstNul = indexOfNul(bytes, Math.min(bytes.length, SAMPLE_BYTES));
  if (firstNul >= 0) return detectUtf16(bytes, firstNul);

  // 3. No NULs: control bytes mean binary (in UTF-8, Big5 and GB18030 bytes below 0x20 are always controls).
  const controls = countControlBytes(bytes, Math.min(bytes.length, SAMPLE_BYTES));
  if (controls > 0 && controls / Math.min(bytes.length, SAMPLE_BYTES) > MAX_CONTROL_SHARE) {
    throw binaryControls(controls / Math.min(bytes.length, SAMPLE_BYTES));
  }

  // 4. Strict UTF-8, then Big5 vs GB18030 by score.
  const tried: TextEncodingName[] = ['utf-8', 'big5', 'gb18030'];
  const candidates: Candidate[] = [];
  for (const encoding of tried) {
    const text = tryDecode(bytes, encoding);
    if (text !== null) candidates.push({ encoding, text, score: scoreText(text) });
  }
  if (candidates.length === 0) throw undecodable(bytes, tried);

  const utf8 = candidates.find((c) => c.encoding === 'utf-8');
  let chosen: Candidate;
  let confidence: EncodingGuess['confidence'];
  const others = candidates.filter((c) => c.encoding !== 'utf-8').sort(byScore);
  if (utf8) {
    // Valid UTF-8 with multi-byte sequences is almost never an accident, and pure ASCII decodes identically in
    // every candidate, so either way the UTF-8 reading is the right one.
    chosen = utf8;
    confidence = 'high';
  } else {
    chosen = others[0];
    const runnerUp = others[1];
    confidence = !runnerUp || chosen.score - runnerUp.score >= CLEAR_MARGIN ? 'high' : 'low';
    // Even the only clean reading is a guess when it does not look like Chinese (mostly private-use or rare
    // characters), e.g. Latin-1 bytes that happen to form valid Big5 pairs.
    if (chosen.score <= 0) confidence = 'low';
    assertPlausibleChinese(bytes, chosen.text, chosen.encoding);
  }
  assertLooksLikeText(chosen.text, chosen.encoding, false);
  assertPlausibleReading(bytes, chosen.text, chosen.encoding, 'detected');
  const ordered = [chosen, ...candidates.filter((c) => c !== chosen).sort(byScore)];
  return {
    guess: {
      encoding: chosen.encoding,
      bom: false,
      confidence,
      candidates: ordered.map((c) => ({ encoding: c.encoding, score: round(c.score) })),
    },
    text: chosen.text,
  };
}

/**
 * The file has NUL bytes. ASCII letters and newlines in UTF-16 have a 0x00 high byte, so BOM-less UTF-16 shows
 * NULs at odd (LE) or even (BE) positions. Decode both ways; keep the readings that contain no U+0000 and few
 * controls, and pick the more plausible one. Anything else with NULs is binary.
 */
function detectUtf16(bytes: Uint8Array, firstNul: number): Detection {
  const candidates: Candidate[] = [];
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = tryDecode(bytes, encoding);
    if (text === null || text.includes('\u0000')) continue;
    if (controlShare(text) > MAX_CONTROL_SHARE) continue;
    candidates.push({ encoding, text, score: scoreUtf16(text) });
  }
  candidates.sort(byScore);
  const best = candidates[0];
  if (!best || best.score < 0.5) {
    const parity = nulParity(bytes);
    if (parity && !best) {
      // A clear UTF-16 pattern that does not decode: say so rather than "binary".
      const offset = firstBadOffset(bytes, parity);
      throw reject(
        `The file looks like ${DISPLAY_NAME[parity]} text without a byte-order mark, but it is not valid ` +
          `${DISPLAY_NAME[parity]}: the first invalid byte sequence is at byte offset ${offset}` +
          `${bytes.length % 2 === 1 ? ' (the file has an odd number of bytes, so it may be cut short)' : ''}. ` +
          `Re-save it as UTF-8 and import it again.`,
        { reason: 'undecodable', encoding: parity, offset },
        errPart(bytes.length % 2 === 1 ? 'import.utf16-invalid.odd' : 'import.utf16-invalid', { encoding: DISPLAY_NAME[parity], offset }),
      );
    }
    throw reject(
      `This looks like a binary file, not plain text: it contains NUL bytes (the first at byte offset ${firstNul}) ` +
        `that do not follow the pattern of UTF-16 text. Import a plain-text file (.txt) instead.`,
      { reason: 'binary', kind: 'nul', offset: firstNul },
      errPart('import.binary.nul', { offset: firstNul }),
    );
  }
  const runnerUp = candidates[1];
  const confidence = !runnerUp || best.score - runnerUp.score >= CLEAR_MARGIN ? 'high' : 'low';
  assertLooksLikeText(best.text, best.encoding, false);
  assertPlausibleReading(bytes, best.text, best.encoding, 'nul-pattern');
  return {
    guess: {
      encoding: best.encoding,
      bom: false,
      confidence,
      candidates: candidates.map((c) => ({ encoding: c.encoding, score: round(c.score) })),
    },
    text: best.text,
  };
}

/** 'utf-16le' when NULs sit (almost) only at odd offsets, 'utf-16be' when only at even offsets, else null. */
function nulParity(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  // A handful of NULs on one side is not a pattern; UTF-16 text with some ASCII has many.
  if (odd >= 4 && even * 10 <= odd) return 'utf-16le';
  if (even >= 4 && odd * 10 <= even) return 'utf-16be';
  return null;
}

/* ------------------------------------------------------------------------------------------------
 * Scoring
 * ------------------------------------------------------------------------------------------------ */

function byScore(a: { score: number }, b: { score: number }): number {
  return b.score - a.score;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Character classes used by the scorers (plain numbers rather than an enum, to stay erasable TypeScript). */
const Kind = {
  Ascii: 0,
  Control: 1,
  Common: 2,
  Han: 3,
  Punct: 4,
  Rare: 5,
  PrivateUse: 6,
  Other: 7,
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];

function classify(cp: number): Kind {
  if (cp < 0x80) {
    if (cp >= 0x20 && cp !== 0x7f) return Kind.Ascii;
    if (cp === 0x09 || cp === 0x0a || cp === 0x0c || cp === 0x0d) return Kind.Ascii;
    return Kind.Control;
  }
  if (cp >= 0x4e00 && cp <= 0x9fff) return COMMON_SET.has(cp) ? Kind.Common : Kind.Han;
  if (
    (cp >= 0x3000 && cp <= 0x303f) || // CJK symbols and punctuation: 、。「」
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms: ，：（）
    (cp >= 0x2010 && cp <= 0x2027) || // dashes, quotes, ellipsis: —“”‘’…
    cp === 0x00b7 // middle dot
  ) {
    return Kind.Punct;
  }
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return Kind.PrivateUse;
  if (
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x20000 && cp <= 0x3ffff) || // CJK extensions B and later
    (cp >= 0xf900 && cp <= 0xfaff) // CJK compatibility ideographs
  ) {
    return Kind.Rare;
  }
  return Kind.Other;
}

/**
 * Plausibility of decoded Chinese text, on a bounded sample: the average over non-ASCII characters of
 * +1 for a common character, +0.5 for CJK punctuation, 0 for other CJK characters, -0.5 for other scripts
 * (kana, Greek, Cyrillic, box drawing: what GBK rows A4–A9 look like when Big5 bytes land there),
 * -1 for rare ideographs (extensions, compatibility forms) and -2 for private-use and control characters
 * (Big5 read as GB18030 and vice versa produces these). Range [-2, 1]; pure ASCII scores 0.
 */
function scoreText(text: string): number {
  const end = Math.min(text.length, SAMPLE_CHARS);
  let total = 0;
  let sum = 0;
  for (let i = 0; i < end; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    switch (classify(cp)) {
      case Kind.Ascii:
        continue;
      case Kind.Common:
        sum += 1;
        break;
      case Kind.Punct:
        sum += 0.5;
        break;
      case Kind.Han:
        break;
      case Kind.Other:
        sum -= 0.5;
        break;
      case Kind.Rare:
        sum -= 1;
        break;
      case Kind.PrivateUse:
      case Kind.Control:
        sum -= 2;
        break;
    }
    total++;
  }
  return total === 0 ? 0 : sum / total;
}

/**
 * Plausibility of a UTF-16 reading, on a bounded sample: the share of characters that are printable ASCII or
 * whitespace, common CJK characters or CJK punctuation, with other CJK characters counting a quarter.
 * Reading UTF-16 with the wrong byte order turns ASCII into rare ideographs and unassigned code points.
 */
function scoreUtf16(text: string): number {
  const end = Math.min(text.length, SAMPLE_CHARS);
  let total = 0;
  let good = 0;
  for (let i = 0; i < end; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    total++;
    const kind = classify(cp);
    if (kind === Kind.Ascii || kind === Kind.Common || kind === Kind.Punct) good += 1;
    else if (kind === Kind.Han) good += 0.25;
  }
  return total === 0 ? 0 : good / total;
}

/* ------------------------------------------------------------------------------------------------
 * Decoding helpers
 * ------------------------------------------------------------------------------------------------ */

const decoders = new Map<TextEncodingName, TextDecoder>();

function fatalDecoder(encoding: TextEncodingName): TextDecoder {
  let d = decoders.get(encoding);
  if (!d) {
    // ignoreBOM: keep U+FEFF in the output; BOMs are handled (and stripped) explicitly by this module.
    d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    decoders.set(encoding, d);
  }
  return d;
}

/** Strict decode of the whole input; null when any byte sequence is invalid. */
function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    const text = fatalDecoder(encoding).decode(bytes);
    return encoding === 'big5' ? hkscsFromPua(text) : text;
  } catch {
    return null;
  }
}

let hkscsTable: Map<number, string> | null = null;

/**
 * Node's ICU Big5 decoder returns the HKSCS characters of Big5-HKSCS (哋 啲 嘅 㗎 𨋢 …) as
 * Private Use Area points; browsers (WHATWG Big5) return the characters themselves. Put the
 * characters back so a Hong Kong text imports as written (shared/text/hkscs-pua.ts). A
 * WHATWG decoder never yields these points, so this is then a no-op. Big5's user-defined
 * area (EUDC) is HKSCS in the same table; a file using those codes privately gets the HKSCS characters.
 */
export function hkscsFromPua(text: string): string {
  if (!/[\ue000-\uf8ff]/.test(text)) return text;
  if (!hkscsTable) {
    hkscsTable = new Map(HKSCS_PUA_SEQUENCES);
    for (const [start, chars] of HKSCS_PUA_RUNS) Array.from(chars).forEach((c, i) => hkscsTable!.set(start + i, c));
  }
  const table = hkscsTable;
  return text.replace(/[\ue000-\uf8ff]/g, (c) => table.get(c.charCodeAt(0)) ?? c);
}

function decodesPrefix(bytes: Uint8Array, end: number, encoding: TextEncodingName, stream: boolean): boolean {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end), { stream });
    return true;
  } catch {
    return false;
  }
}

/**
 * Byte offset where the first invalid sequence starts. Only called on input that failed to decode.
 * A streaming decode of a prefix fails exactly when an error is complete inside that prefix (an incomplete
 * trailing sequence is held back), so binary search finds the shortest failing prefix; the bad sequence
 * starts at the last character boundary before its end.
 */
function firstBadOffset(bytes: Uint8Array, encoding: TextEncodingName): number {
  let lo = 0; // a prefix of this length decodes (streaming)
  let hi = bytes.length; // a prefix of this length is assumed to fail
  if (decodesPrefix(bytes, hi, encoding, true)) {
    // Only the end is wrong: an incomplete sequence (or odd byte count in UTF-16) is cut off.
  } else {
    // Gallop first: bad bytes are usually near the start, and short prefixes are cheap to decode.
    for (let probe = 256; probe < hi; probe *= 4) {
      if (!decodesPrefix(bytes, probe, encoding, true)) {
        hi = probe;
        break;
      }
      lo = probe;
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (decodesPrefix(bytes, mid, encoding, true)) lo = mid;
      else hi = mid;
    }
  }
  // Walk back from the failing prefix to the last complete character boundary (sequences are at most 4 bytes).
  for (let j = hi - 1; j >= Math.max(0, hi - 8); j--) {
    if (decodesPrefix(bytes, j, encoding, false)) return j;
  }
  return Math.max(0, hi - 1);
}

function sniffBom(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Length of the BOM of `encoding` at the start of `bytes`, or 0 (used for explicit overrides). A UTF-16
 * BOM of the other byte order counts too: read in the chosen order it is U+FFFE, a noncharacter that
 * only ever means "this mark was written for the other byte order" (a file whose mark does not match
 * its text; detection names the right encoding and suggests choosing it).
 */
function bomLengthFor(bytes: Uint8Array, encoding: TextEncodingName): number {
  const bom = sniffBom(bytes);
  if (!bom) return 0;
  if (bom.encoding === encoding) return bom.length;
  const utf16 = (e: TextEncodingName) => e === 'utf-16le' || e === 'utf-16be';
  return utf16(bom.encoding) && utf16(encoding) ? bom.length : 0;
}

function indexOfNul(bytes: Uint8Array, end: number): number {
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return i;
  return -1;
}

function isBadControl(c: number): boolean {
  return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d;
}

function countControlBytes(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (isBadControl(bytes[i])) n++;
  return n;
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isBadControl(text.charCodeAt(i))) n++;
  return n / text.length;
}

/* ------------------------------------------------------------------------------------------------
 * Implausible Chinese: another encoding read as Big5 or GB18030
 * ------------------------------------------------------------------------------------------------ */

/**
 * Largest share of "unexpected" characters a Big5/GB18030 reading may have. Unexpected: among the
 * non-ASCII letters and ideographs (punctuation aside), those that are not among the ~1,600 common
 * characters of COMMON_HAN — private-use, unassigned, control, rare (extensions, compatibility
 * forms), other scripts, and ideographs outside the common list. The 800 most frequent characters
 * cover about 80% of running Chinese text; our texts measure 9–15% unexpected (transcripts,
 * statistics releases), and a dense Cantonese text with HKSCS characters and names about 50%.
 * Shift-JIS read as GB18030 measures 98% (偼 偱 傞 …: assigned, but no Chinese text is made of
 * them), UTF-8 with encoded surrogates (CESU-8) 93%. 0.85 leaves room for short, name-heavy texts.
 */
const MAX_UNEXPECTED_SHARE = 0.85;
/** Below this many letters/ideographs the share says too little; the signatures below still apply. */
const MIN_PLAUSIBILITY_SAMPLE = 20;
/**
 * Japanese text is 30–60% kana (hiragana and full-width katakana). A reading of the bytes as
 * Shift-JIS or EUC-JP with at least this share of kana, and twice the kana of the Chinese
 * reading (GB2312 has kana at the same codes as EUC-JP), is Japanese.
 */
const MIN_KANA_SHARE = 0.2;

const isKana = (cp: number) => cp >= 0x3041 && cp <= 0x30ff && cp !== 0x30fb; // ・ is punctuation

/**
 * Over the sample (its first SAMPLE_CHARS code units): how many characters `counts` takes, and how
 * many of those `hit` holds for.
 */
function tally(text: string, counts: (kind: Kind) => boolean, hit: (cp: number, kind: Kind) => boolean): { counted: number; hits: number } {
  let counted = 0;
  let hits = 0;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const kind = classify(cp);
    if (!counts(kind)) continue;
    counted++;
    if (hit(cp, kind)) hits++;
  }
  return { counted, hits };
}

/** Over the sample's letters and ideographs (ASCII and punctuation left out): how many, and how many `hit` holds for. */
function countLetters(text: string, hit: (cp: number, kind: Kind) => boolean): { counted: number; hits: number } {
  return tally(text, (kind) => kind !== Kind.Ascii && kind !== Kind.Punct, hit);
}

/** Share of kana among non-ASCII, non-punctuation characters of a sample. */
function kanaShare(text: string): number {
  const { counted, hits } = countLetters(text, (cp) => isKana(cp));
  return counted ? hits / counted : 0;
}

/** The share of unexpected characters (see MAX_UNEXPECTED_SHARE) and how many were counted. */
export function unexpectedShare(text: string): { share: number; counted: number } {
  const { counted, hits } = countLetters(text, (_cp, kind) => kind !== Kind.Common);
  return { share: counted ? hits / counted : 0, counted };
}

/** UTF-8-encoded surrogate halves (ED A0..BF xx): CESU-8 / WTF-8 / Java's modified UTF-8. */
function encodedSurrogates(bytes: Uint8Array): number {
  let n = 0;
  const end = Math.min(bytes.length, SAMPLE_BYTES) - 2;
  for (let i = 0; i < end; i++) if (bytes[i] === 0xed && bytes[i + 1] >= 0xa0 && bytes[i + 1] <= 0xbf && bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0xbf) n++;
  return n;
}

/** The encoding these bytes most likely are in, when it is one we do not import; null if none stands out. */
function likelyUnsupported(bytes: Uint8Array, chineseKana: number): { name: string; kind: 'cesu-8' | 'shift_jis' | 'euc-jp' } | null {
  if (encodedSurrogates(bytes) > 0) {
    const sample = bytes.subarray(0, SAMPLE_BYTES);
    const withoutSurrogates = tryDecodeWith('utf-8', sample.filter((_, i) => !isInSurrogate(sample, i)));
    if (withoutSurrogates !== null) return { name: 'UTF-8 with separately encoded surrogate halves (CESU-8 / WTF-8, as Java or some databases write it)', kind: 'cesu-8' };
  }
  for (const [encoding, name] of [
    ['shift_jis', 'Shift-JIS (Japanese)'],
    ['euc-jp', 'EUC-JP (Japanese)'],
  ] as const) {
    const text = tryDecodeWith(encoding, bytes);
    if (text === null) continue;
    const kana = kanaShare(text);
    if (kana >= MIN_KANA_SHARE && kana >= 2 * chineseKana) return { name, kind: encoding };
  }
  return null;
}

function isInSurrogate(bytes: Uint8Array, i: number): boolean {
  for (let k = Math.max(0, i - 2); k <= i; k++) {
    if (bytes[k] === 0xed && bytes[k + 1] >= 0xa0 && bytes[k + 1] <= 0xbf && k + 2 < bytes.length && bytes[k + 2] >= 0x80 && bytes[k + 2] <= 0xbf) return true;
  }
  return false;
}

/**
 * Strict decode of the first bytes with any WHATWG encoding (for naming the likely encoding
 * only); null when invalid or unknown. Streaming, so a character cut by the sample's end is no error.
 */
function tryDecodeWith(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, SAMPLE_BYTES), { stream: true });
  } catch {
    return null;
  }
}

/**
 * Refuse a Big5/GB18030 reading that is not plausible Chinese, naming the encoding the file is
 * probably in: a Japanese reading with plenty of kana, encoded surrogates, or simply too many
 * unexpected characters (MAX_UNEXPECTED_SHARE). Only detection calls this; an encoding the
 * reviewer chose explicitly is taken at its word.
 */
function assertPlausibleChinese(bytes: Uint8Array, text: string, encoding: TextEncodingName): void {
  const likely = likelyUnsupported(bytes, kanaShare(text));
  const { share, counted } = unexpectedShare(text);
  if (!likely && (counted < MIN_PLAUSIBILITY_SAMPLE || share <= MAX_UNEXPECTED_SHARE)) return;
  const pct = Math.round(share * 100);
  throw reject(
    `The file does not look like Chinese text in a supported encoding: read as ${DISPLAY_NAME[encoding]}, ` +
      `${pct}% of its characters are private-use, unassigned or very rare. ` +
      (likely ? `It looks like ${likely.name}, which cannot be imported. ` : 'It may be in an encoding that cannot be imported (such as Shift-JIS, EUC-JP or Latin-1). ') +
      `Re-save it as UTF-8 and import it again, or choose the encoding explicitly if you are sure.`,
    { reason: 'implausible', encoding, share, likely: likely?.kind ?? null },
    errPart('import.not-chinese', {
      encoding: DISPLAY_NAME[encoding],
      percent: pct,
      hint: [likely ? errPart('import.hint.unsupported.named', { kind: [errPart(`file-kind.${likely.kind}`)] }) : errPart('import.hint.unsupported')],
    }),
  );
}

/* ------------------------------------------------------------------------------------------------
 * Implausible text behind a byte-order mark (or a NUL pattern)
 * ------------------------------------------------------------------------------------------------ */

/** UTF-32's byte-order marks: refused by name (FF FE 00 00 would otherwise be taken for UTF-16LE's FF FE). */
function refuseUtf32(bytes: Uint8Array): void {
  const le = bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0;
  const be = bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff;
  if (!le && !be) return;
  const name = le ? 'UTF-32LE' : 'UTF-32BE';
  throw reject(
    `The file starts with a ${name} byte-order mark (${le ? 'FF FE 00 00' : '00 00 FE FF'}): UTF-32 text cannot be imported. ` +
      `Re-save it as UTF-8 (or UTF-16) and import it again.`,
    { reason: 'unsupported-encoding', encoding: le ? 'utf-32le' : 'utf-32be' },
    errPart('import.utf32', { encoding: name, bytes: le ? 'FF FE 00 00' : '00 00 FE FF' }),
  );
}

/** Below this UTF-16 plausibility (scoreUtf16) a UTF-16 reading is not text; Chinese text measures 0.7–0.95 per line. */
const MIN_UTF16_SCORE = 0.25;
/** An alternative reading is named only when it is clearly text: the bar BOM-less UTF-16 detection uses. */
const SUGGEST_UTF16_SCORE = 0.5;

type ReadingProblem = { kind: 'junk' | 'no-letters' | 'uncommon'; found: string };

/**
 * Why a reading that decoded cleanly is still not a text to review, or null: the junk and
 * no-letters rules of shared/text/plausible.ts; for UTF-16 also a plausibility below
 * MIN_UTF16_SCORE (what the wrong byte order, or binary data, reads as: rare ideographs, other
 * scripts, unassigned points) and the common-character rule of Big5/GB18030
 * (MAX_UNEXPECTED_SHARE; not for a Japanese reading, whose kana count as unexpected).
 */
function readingProblem(text: string, encoding: TextEncodingName): ReadingProblem | null {
  const found = implausibleText(text);
  if (found) return { kind: found.reason, found: describeImplausible(found) };
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be') return null;
  if (kanaShare(text) >= MIN_KANA_SHARE) return null; // Japanese: its kana are neither ASCII nor common Chinese
  if (scoreUtf16(text) < MIN_UTF16_SCORE) {
    const { good, total } = plainCharacters(text);
    const which = good === 0 ? `none of its ${total} characters is` : `only ${good} of its ${total} characters ${good === 1 ? 'is' : 'are'}`;
    return { kind: 'uncommon', found: `${which} ASCII, a common Chinese character or CJK punctuation (Chinese text is mostly these)` };
  }
  const { share, counted } = unexpectedShare(text);
  if (counted >= MIN_PLAUSIBILITY_SAMPLE && share > MAX_UNEXPECTED_SHARE) {
    return { kind: 'uncommon', found: `${Math.round(share * 100)}% of its ${counted} letters and ideographs are outside the common Chinese characters (private-use, unassigned, rare or of other scripts)` };
  }
  return null;
}

/** Over the sample, the characters that are ASCII, common Chinese characters or CJK punctuation, and all of them. */
function plainCharacters(text: string): { good: number; total: number } {
  const { counted, hits } = tally(text, () => true, (_cp, kind) => kind === Kind.Ascii || kind === Kind.Common || kind === Kind.Punct);
  return { good: hits, total: counted };
}

/**
 * Another supported encoding that reads the file, as an explicit choice would, into clearly
 * plausible text (no readingProblem; UTF-16 scoring at least SUGGEST_UTF16_SCORE, others
 * looking like Chinese), the best of them; null when there is none.
 */
function plausibleAlternative(bytes: Uint8Array, except: TextEncodingName): TextEncodingName | null {
  let suggest: TextEncodingName | null = null;
  let best = -Infinity;
  for (const other of TEXT_ENCODINGS) {
    if (other === except) continue;
    let alt: string;
    try {
      alt = decodeText(bytes, other).text;
    } catch {
      continue;
    }
    if (readingProblem(alt, other) !== null) continue;
    const utf16 = other === 'utf-16le' || other === 'utf-16be';
    const score = utf16 ? scoreUtf16(alt) : scoreText(alt);
    if (utf16 ? score < SUGGEST_UTF16_SCORE : score <= 0) continue;
    if (score > best) [best, suggest] = [score, other];
  }
  return suggest;
}

/** The hint below as message data (the import dialog words it in the UI language). */
function chooseHintRef(suggest: TextEncodingName, wrongBom: boolean): ErrorMessageRef {
  return errPart(wrongBom ? 'import.hint.choose.bom' : 'import.hint.choose', { encoding: DISPLAY_NAME[suggest] });
}

/** "It reads as UTF-16BE text instead: choose …" (the CLI's option and the import dialog's selector). */
function chooseHint(suggest: TextEncodingName, wrongBom: boolean): string {
  const name = DISPLAY_NAME[suggest];
  return (
    `It reads as ${name} text instead${wrongBom ? ' (the byte-order mark is wrong)' : ''}: choose ${name} as the encoding ` +
    `(\`--encoding ${suggest}\` on the command line), or re-save the file as UTF-8.`
  );
}

/**
 * Refuse a reading decided by a byte-order mark ('bom'), by the NUL pattern of BOM-less UTF-16
 * ('nul-pattern') or by detection among UTF-8, Big5 and GB18030 ('detected') when it is not a text to review (readingProblem), saying what was found and,
 * when another supported encoding reads the file as plausible text (e.g. UTF-16BE text behind a
 * UTF-16LE mark), naming it; otherwise calling it binary or damaged, or not Chinese.
 */
function assertPlausibleReading(bytes: Uint8Array, text: string, encoding: TextEncodingName, decidedBy: 'bom' | 'nul-pattern' | 'detected'): void {
  const problem = readingProblem(text, encoding);
  if (!problem) return;
  const name = DISPLAY_NAME[encoding];
  const suggest = plausibleAlternative(bytes, encoding);
  const what =
    (decidedBy === 'bom'
      ? `The file starts with a ${name} byte-order mark, but read as ${name} it is `
      : decidedBy === 'nul-pattern'
        ? `The file looks like ${name} without a byte-order mark (from its NUL bytes), but read as ${name} it is `
        : `Read as ${name} (detected), the file is `) +
    `${problem.kind === 'no-letters' ? 'no text to review' : 'not text'}: ${problem.found}.`;
  const hint = suggest
    ? ' ' + chooseHint(suggest, decidedBy === 'bom')
    : problem.kind === 'no-letters'
      ? ' Jiaodui reviews Chinese text: import a file that contains it.'
      : ' No supported encoding reads it as text: it is probably a binary file, or damaged. Import a plain-text file (.txt, preferably UTF-8) instead.';
  const hintRef = suggest ? chooseHintRef(suggest, decidedBy === 'bom') : errPart(problem.kind === 'no-letters' ? 'import.hint.no-chinese' : 'import.hint.binary');
  const key = `import.implausible.${decidedBy}${problem.kind === 'no-letters' ? '.no-letters' : ''}` as const;
  throw reject(what + hint, { reason: 'implausible', encoding, decidedBy, problem: problem.kind, suggest }, errPart(key, { encoding: name, hint: [hintRef] }));
}

/* ------------------------------------------------------------------------------------------------
 * Rejections
 * ------------------------------------------------------------------------------------------------ */

/** An import refusal: the English message (the CLI's line) and its key and parameters (the import dialog's, in the UI language). */
function reject(message: string, details: Record<string, unknown>, ref: ErrorMessageRef): JiaoduiError {
  return new JiaoduiError('import-rejected', message, details, ref);
}

const MAGIC: { name: string; kind: string; label: ErrorMessageKey; bytes: number[] }[] = [
  { name: 'a PNG image', kind: 'png', label: 'file-kind.png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a PDF file', kind: 'pdf', label: 'file-kind.pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: 'a ZIP archive (or a .docx/.xlsx/.pptx Office document)', kind: 'zip', label: 'file-kind.office-zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a ZIP archive', kind: 'zip', label: 'file-kind.zip', bytes: [0x50, 0x4b, 0x05, 0x06] }, // empty archive
  { name: 'a GIF image', kind: 'gif', label: 'file-kind.gif', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8(7|9)a
  { name: 'a JPEG image', kind: 'jpeg', label: 'file-kind.jpeg', bytes: [0xff, 0xd8, 0xff] },
  {
    name: 'an old-style Office document (.doc/.xls/.ppt)',
    kind: 'ole',
    label: 'file-kind.ole',
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
  { name: 'a gzip archive', kind: 'gzip', label: 'file-kind.gzip', bytes: [0x1f, 0x8b] },
];

function checkSizeAndMagic(bytes: Uint8Array): void {
  if (bytes.length === 0) {
    throw reject('The file is empty (0 bytes). Choose a file that contains the text to review.', { reason: 'empty', size: 0 }, errPart('import.empty'));
  }
  if (bytes.length > MAX_IMPORT_BYTES) {
    const mb = (bytes.length / (1024 * 1024)).toFixed(1);
    const limit = MAX_IMPORT_BYTES / (1024 * 1024);
    throw reject(
      `The file is ${mb} MB, larger than the ${limit} MB import limit. ` +
        `Split it into smaller files and import them one at a time.`,
      { reason: 'too-large', size: bytes.length, limit: MAX_IMPORT_BYTES },
      errPart('import.too-large', { size: mb, limit }),
    );
  }
  for (const m of MAGIC) {
    if (bytes.length >= m.bytes.length && m.bytes.every((b, i) => bytes[i] === b)) {
      throw reject(
        `This looks like ${m.name}, not plain text. Save or export the text as a plain-text file ` +
          `(.txt, preferably UTF-8) and import that instead.`,
        { reason: 'binary', kind: m.kind },
        errPart('import.binary.magic', { kind: [errPart(m.label)] }),
      );
    }
  }
}

function binaryControls(share: number): JiaoduiError {
  const pct = share * 100;
  return reject(
    `This looks like a binary file, not plain text: ${pct < 10 ? pct.toFixed(1) : Math.round(pct)}% of its ` +
      `characters are control characters. Import a plain-text file (.txt) instead.`,
    { reason: 'binary', kind: 'control-characters', share },
    errPart('import.binary.controls', { percent: pct < 10 ? pct.toFixed(1) : Math.round(pct) }),
  );
}

/** Final checks on a decoded text: not empty or whitespace-only, no NULs, few control characters. */
function assertLooksLikeText(text: string, encoding: TextEncodingName, bom: boolean): void {
  // Invisible characters (zero-width space and joiners, word joiner, BOM, bidi controls,
  // variation selectors: Unicode's Default_Ignorable_Code_Point) alone are no text either.
  if (/^[\s\p{Default_Ignorable_Code_Point}]*$/u.test(text)) {
    const invisible = /\p{Default_Ignorable_Code_Point}/u.test(text);
    throw reject(
      `The file is empty: it contains only ${bom ? 'a byte-order mark and ' : ''}whitespace${invisible ? ' and invisible characters (such as zero-width spaces)' : ''}. ` +
        `Choose a file that contains the text to review.`,
      { reason: 'empty', encoding },
      errPart(bom ? (invisible ? 'import.blank.bom.invisible' : 'import.blank.bom') : invisible ? 'import.blank.invisible' : 'import.blank'),
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    throw reject(
      `This looks like a binary file, not plain text: read as ${DISPLAY_NAME[encoding]} it contains NUL ` +
        `characters. If it is UTF-16 text, choose UTF-16LE or UTF-16BE as the encoding; otherwise import a ` +
        `plain-text file (.txt) instead.`,
      { reason: 'binary', kind: 'nul', encoding },
      errPart('import.binary.nul-decoded', { encoding: DISPLAY_NAME[encoding] }),
    );
  }
  const share = controlShare(text);
  if (share > MAX_CONTROL_SHARE) throw binaryControls(share);
}

function undecodable(bytes: Uint8Array, tried: readonly TextEncodingName[]): JiaoduiError {
  const offsets = tried.map((encoding) => ({ encoding, offset: firstBadOffset(bytes, encoding) }));
  const list = offsets.map((o) => `${DISPLAY_NAME[o.encoding]} (invalid at byte ${o.offset})`).join(', ');
  return reject(
    `The file is not valid text in any supported encoding. Tried ${list}. ` +
      `It may be in another encoding (such as Latin-1 or Shift-JIS) or damaged: ` +
      `re-save it as UTF-8 and import it again.`,
    { reason: 'undecodable', tried: offsets },
    errPart('import.undecodable', { tried: list }),
  );
}
