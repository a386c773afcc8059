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

const REPORT_VERB = /(?:在會上|在会上|還|还|也|則|则|亦|曾|再)?(?:表示|稱|称|指出|透露|強調|强调|說|说道)/;
const TITLE_END = /^.*(?:官|長|长|書|书|裁|監|监|理|席|事|人|師|师|CFO|CEO|COO|CTO|主任|教授)/;
const NOT_NAMES = /^(?:我們|我们|公司|集團|集团|他們|他们|她|他|記者|记者|有人|市場|市场|大家|各位|我|你|您)$/;

/** A name right before a reporting verb, without its title: 董事長兼首席執行官張三在會上表示 → 張三. */
export function reportedClaimant(text: string): { name: string; end: number } | null {
  let best: { name: string; end: number } | null = null;
  for (const m of text.matchAll(new RegExp(REPORT_VERB.source, 'g'))) {
    const head = text.slice(0, m.index);
    const run = /([\p{Script=Han}A-Za-z]{2,20})$/u.exec(head)?.[1];
    if (!run) continue;
    let name = run.replace(TITLE_END, '');
    if (name.length < 2) name = run.slice(-3);
    if (name.length > 4) name = name.slice(-3);
    if (NOT_NAMES.test(name) || /^[A-Za-z]+$/.test(name)) continue;
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
