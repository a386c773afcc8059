/**
 * Who makes a claim, segment by segment (pure). The default is the speaker of the turn;
 * a reporting verb names someone else (張三表示 → 張三, carried through its paragraph);
 * and a hand-over inside a turn (…交由首席財務官張三介紹 / 由張三回答 / 請張三來補充) passes the
 * rest of the turn to the person named, with their title when one is written. The
 * hand-over ends with the turn (a new speaker label) or at the next hand-over.
 */

export interface ClaimantSegment {
  text: string;
  speaker?: string | null;
  /** the speaker turn the segment belongs to (segment.ts numbers them); null outside turns */
  turn?: number | null;
  paragraph?: number | null;
  furniture?: string | null;
}

export type ClaimantSource = 'reported' | 'handover' | 'speaker';

/**
 * The markers of a Q&A transcript's turns (問/答, Q/A, 提問/回答) label who asks and who
 * answers, not a person: never a claimant, never offered as one.
 */
const TURN_MARKERS = /^(?:[QA]\d*[.:：]?|問|问|答|提問|提问|回答)$/i;
export function isTurnMarker(name: string | null | undefined): boolean {
  return !!name && TURN_MARKERS.test(name.trim());
}
/** A speaker label as a claimant: null for a turn marker (A, 答). */
export const speakerClaimant = (speaker: string | null | undefined): string | null => (speaker && !isTurnMarker(speaker) ? speaker : null);

export interface ResolvedClaimant {
  claimant: string | null;
  source: ClaimantSource | null;
  /** the title written with the name (CFO, 首席財務官 …), when there is one */
  role: string | null;
}

// 說, 稱 and 強調 inside other words are no reporting verb: 法說會, 說明會, 說明書, 統稱, 簡稱, 名稱, 據稱, 老實說, 說服, 加強調查 (說明 alone is one, and 說會 'says it will')
const REPORT_VERB = /(?:宣稱|宣称|聲稱|声称|表示|(?<![法統统簡简名據据號号俗實实])(?:稱|称)|指出|透露|(?<![加])(?:強調|强调)|說道|说道|(?<![法實实])(?:說(?!明[會書]|[服書])|说(?!明[会书]|[服书])))/;
const TITLE_END = /^.*(?:官|長|长|書|书|裁|監|监|理|席|事|人|師|师|CFO|CEO|COO|CTO|主任|教授)/;
const NOT_NAMES = /^(?:(?:我|你|您|他|她)(?:們|们)?[還还也又則则亦曾再並并續续更均都]?|公司|集團|集团|記者|记者|有人|市場|市场|大家|各位)$/;

/**
 * What may stand between a name and its reporting verb (范某在業績記者會上表示, 范某昨（10）日表示,
 * 范某會後受訪時表示, 范某並指出), stripped from the end of the text before the verb one after another
 * until none is left. A single-character adverb is stripped only where a name of two (三 for the characters
 * names end in as often) stays before it, its title aside (陳亦表示, 陳怡均表示: 亦, 均 may be a given name's).
 */
const BEFORE_VERB: { re: RegExp; short?: 2 | 3 }[] = [
  { re: /[（(][\d０-９]{1,2}[）)]日$/u },
  // the name in Latin letters after the Chinese one: 鄧某（Kelvin Tang）
  { re: /[（(][A-Za-z][A-Za-z .'’-]*[）)]$/u },
  // the last 在/於 only: 於 is also a surname (於某在會上表示); never across 的 (公司在台灣的總經理王某表示: the name is the place's end)
  { re: /(?:在|於)(?:(?![在於的])[^，,。；;：:「」『』\s]){1,16}?(?:上|中|時|时|後|后|前|期間|期间|裡|里|內|内)$/u },
  { re: /(?:接受)?(?:本報|本报|媒體|媒体|記者|记者)?(?:訪問|访问|採訪|采访|專訪|专访|受訪|受访)時$/u },
  { re: /(?:會後|会后|會上|会上|會中|会中|席間|席间)$/u },
  { re: /(?:昨日|昨天|今日|今天|明日|日前|近日|早前|稍早|稍後|稍后|隨後|随后|最後|最后|其後|其后|同日|當日|当日)$/u },
  { re: /(?:對|对|向)(?:外界|外|記者|记者|傳媒|传媒|媒體|媒体|本報|本报|投資人|投资人|投資者|投资者|分析師|分析师|股東|股东)$/u },
  { re: /(?:進一步|进一步|同時|同时|隨即|随即|接著|接着|特別|特别|另外)$/u },
  // what the speaker does while speaking: 指著螢幕說, 出席說明, 笑著說
  // (never across 的: 看著大螢幕的陳立安說 — the name is after it)
  { re: /(?:面)?(?:指|看|望|拿|舉|举|笑|翻|對|对)(?:著|着)(?:(?![著着的])[^，,。；;：:「」『』\s]){0,8}$/u },
  { re: /(?:(?:在|到|赴)?(?:現場|现场)|出席|親自|亲自|到場|到场)$/u },
  // 還, 也, 則, 亦, 曾, 再 as before (a two-character name stays: 王明亦表示 → 王明)
  { re: /(?:還|还|也|則|则|亦|曾|再)$/u, short: 2 },
  // characters that are as often a given name's last (陳怡均, 林今): only where a three-character name stays
  { re: /(?:又|並|并|續|续|更|均|都|昨|今)$/u, short: 3 },
];

/** The name in a run of letters before a verb: a group whole (官員, 市場人士), else the run past its title. */
const nameOfRun = (run: string): string => GROUP.exec(run)?.[0] ?? run.replace(TITLE_END, '');

/** The name a head ends with, as `reportedClaimant` reads it. */
const stayingName = (head: string): string => nameOfRun(/[\p{Script=Han}A-Za-z]+$/u.exec(head)?.[0] ?? '');

function trimBeforeVerb(head: string): string {
  let h = head;
  for (let changed = true; changed; ) {
    changed = false;
    for (const { re, short } of BEFORE_VERB) {
      const m = re.exec(h);
      if (!m || m.index === 0) continue;
      // the name that would stay, past its title, keeps `short` characters
      if (short && stayingName(h.slice(0, m.index)).length < short) continue;
      h = h.slice(0, m.index);
      changed = true;
    }
  }
  return h;
}

/** Words that open a clause before a title-only speaker (不過總理說, 此外總裁表示, 他的律師說). */
const CLAUSE_START = /^(?:不過|不过|此外|因此|然而|所以|至於|至于|其中|甚至|根據|根据|另外|同時|同时|(?:他|她|其)的)/u;

/** A word no name starts with (並將定期對外說明): a clause's words, not a person (surnames such as 于, 向, 應 are left out). */
const NOT_NAME_START = /^(?:並|并|將|将|會|会|已|可|須|须|要|但|而|且|及|與|与|的|了|是|在|被|把|讓|让|對|对|就|都|也|還|还|又)/u;

/**
 * People named by what they are rather than who (市場人士, 壽險業者): kept with the two characters before
 * (not 的, 位, 名, 有: 接近公司的人士 → 人士, 一位交易員 → 交易員, 市場上有分析師 → 分析師), or with the
 * office they speak for (政府發言人, 勞工處發言人, 主計總處官員).
 */
const GROUP = /(?:\p{Script=Han}{1,2}(?:總|总)?(?:處|处|局|署|部|府|會|会|所|辦|办|廳|厅)|(?:(?![的位名有])\p{Script=Han}){0,2})(?:人士|業者|业者|官員|官员|分析師|分析师|分析員|分析员|發言人|发言人|交易員|交易员|幹部|干部|主管|代表)$/u;

/** What an organisation's name ends in (寶聯證券, 國泰世華銀行, 中油昇油品公司): such a speaker is kept whole, not cut to its last three characters. */
const ORG_END = /(?:證券|证券|銀行|银行|投顧|投顾|投信|金控|人壽|人寿|產險|产险|保險|保险|集團|集团|控股|公司|研究院|研究所|協會|协会|交易所|油品|電信|电信|航空)$/u;
/** A clause's first words before an organisation speaking (另據寶聯證券表示, 此外國泰世華銀行指出). */
const ORG_LEAD = /^(?:另據|另据|據了解|据了解|根據|根据|據|据|另外|此外|不過|不过|而|但|並|并)/u;

/** How far before a reporting verb its speaker is looked for (titles, a name, 在…會上, 昨（12）日 …). */
const HEAD_REACH = 60;

/** A name right before a reporting verb, without its title: 董事長兼首席執行官張三在會上表示 → 張三. */
export function reportedClaimant(text: string): { name: string; end: number } | null {
  let best: { name: string; end: number } | null = null;
  for (const m of text.matchAll(new RegExp(REPORT_VERB.source, 'g'))) {
    // a name, its title and what stands before the verb fit in HEAD_REACH characters: a run-on segment stays linear
    const head = trimBeforeVerb(text.slice(Math.max(0, m.index - HEAD_REACH), m.index));
    const run = /([\p{Script=Han}A-Za-z]{2,20})$/u.exec(head)?.[1];
    if (!run) continue;
    let name = nameOfRun(run);
    // a person named by an office's title alone (農業部長, 谷董事長): the run past a clause's first words (而, 不過,
    // 此外, 他的…) where it is short, else its last three characters
    if (name.length < 2) {
      const bare = run.replace(CLAUSE_START, '').replace(NOT_NAME_START, '');
      name = bare.length >= 2 && bare.length <= 4 ? bare : run.slice(-3);
    }
    if (name.length > 4 && !GROUP.test(name)) {
      // an organisation (另據寶聯證券, 國泰世華銀行) whole past a clause's first words; a person's name its last three characters
      const org = ORG_END.test(name) ? name.replace(ORG_LEAD, '') : '';
      name = org.length >= 3 && org.length <= 8 ? org : name.slice(-3);
    }
    // 有 opens an indefinite subject (有銀行表示, 有不少人說: no one named)
    if (NOT_NAMES.test(name) || NOT_NAME_START.test(name) || name.startsWith('有') || /^[A-Za-z]+$/.test(name)) continue;
    best = { name, end: m.index + m[0].length };
  }
  return best;
}

// Titles that may precede the name of the person handed the turn (longest first).
const TITLES = [
  '首席執行官', '首席执行官', '首席財務官', '首席财务官', '首席技術官', '首席技术官', '首席運營官', '首席运营官',
  '董事會秘書', '董事会秘书', '執行董事', '执行董事', '聯合創始人', '联合创始人', '創始人', '创始人', '副總裁',
  '副总裁', '總經理', '总经理', '董事長', '董事长', '總裁', '总裁', '主席', '董秘', '財務總監', '财务总监',
  'CFO', 'CEO', 'COO', 'CTO', 'CSO', 'IR',
];
const TITLE = `(?:${TITLES.join('|')})`;
const HAND = '(?:交由|交給|交给|轉給|转给|有請|有请|請|请|由)';
const POLITE = '(?:我們的|我们的|我們|我们|公司的|公司)?';
const NAME = '(\\p{Script=Han}{2,3}?|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)';
const HONORIFIC = '(?:先生|女士|總|总|博士|教授)?';
const BRIDGE = '(?:來|来|爲|为|為|給|给|向)?(?:大家|各位)?(?:來|来)?';
const ACT = '(?:介紹|介绍|回答|回應|回应|解答|說明|说明|補充|补充|分享|講解|讲解|講一下|讲一下|談|谈|解釋|解释|展開|展开)';
const HANDOVER = new RegExp(`${HAND}${POLITE}(${TITLE})?\\s*${NAME}${HONORIFIC}${BRIDGE}${ACT}`, 'gu');

/** The person a turn is handed to in this text (the last hand-over), with the title written before the name. */
export function handover(text: string): { name: string; role: string | null; start: number; end: number } | null {
  let found: { name: string; role: string | null; start: number; end: number } | null = null;
  for (const m of text.matchAll(HANDOVER)) {
    const name = m[2];
    if (NOT_NAMES.test(name) || TITLES.includes(name) || /[我你他她們们]|[來来]$/u.test(name)) continue;
    found = { name, role: m[1] ?? null, start: m.index!, end: m.index! + m[0].length };
  }
  return found;
}

/**
 * The claimant of each segment, in order: a reporting verb in the segment or earlier in its
 * paragraph, else the person a hand-over earlier in the turn passed it to, else the turn's
 * speaker — unless the speaker label is a turn marker (A, 答): then nobody. The segment that
 * hands over is still its speaker's.
 */
export function resolveClaimants(segments: readonly ClaimantSegment[]): ResolvedClaimant[] {
  const out: ResolvedClaimant[] = [];
  let para: number | null | undefined = undefined;
  let reported: string | null = null;
  let turnKey: string | null = null;
  let handed: { name: string; role: string | null } | null = null;
  for (const seg of segments) {
    if (seg.paragraph !== para) {
      para = seg.paragraph;
      reported = null;
    }
    const key = seg.turn !== undefined && seg.turn !== null ? `t${seg.turn}` : seg.speaker ? `s${seg.speaker}` : null;
    if (key !== turnKey) {
      turnKey = key;
      handed = null;
    }
    if (seg.furniture) {
      out.push({ claimant: null, source: null, role: null });
      continue;
    }
    const r = reportedClaimant(seg.text);
    if (r) reported = r.name;
    if (reported) out.push({ claimant: reported, source: 'reported', role: null });
    else if (handed) out.push({ claimant: handed.name, source: 'handover', role: handed.role });
    else {
      const who = speakerClaimant(seg.speaker);
      out.push({ claimant: who, source: who ? 'speaker' : null, role: null });
    }
    // a hand-over takes effect after the segment that makes it (only inside a turn)
    const h = key ? handover(seg.text) : null;
    if (h) handed = { name: h.name, role: h.role };
  }
  return out;
}
