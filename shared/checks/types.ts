/** Types shared by every check. Offsets are UTF-16 indices into a segment's `text`. */
import type { FindingMessageRef } from '../finding-messages';
import type { HouseStyle, StandardForms } from './house-style';

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'entity-consistency'
  | 'conversion-ambiguity'
  | 'simplified-in-traditional'
  | 'variant-mixing'
  | 'number-format'
  | 'number-mismatch'
  | 'glossary-forbidden'
  | 'glossary-english'
  | 'halfwidth-punctuation'
  | 'unbalanced-brackets'
  | 'doubled'
  | 'stray-space'
  | 'source-divergence'
  | 'english-empty'
  | 'repeated-sentence'
  | 'period-label'
  | 'taiwan-standard'
  | 'hong-kong-standard'

  | 'number-scale'
  | 'number-unit';

/** Replace text[start, end) of the segment with `replacement`. */
export interface Fix {
  start: number;
  end: number;
  replacement: string;
}

export interface Location {
  segmentId: number;
  start: number;
  end: number;
  text: string;
  /** set by the project-wide entity check */
  documentId?: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** primary location */
  segmentId: number;
  start: number;
  end: number;
  text: string;
  /** set by the project-wide entity check */
  documentId?: number;
  /** English, specific: what is wrong and what to do */
  message: string;
  /** the message as key + params (shared/finding-messages.ts), worded in the UI language by the renderer */
  messageData: FindingMessageRef;
  /** fixes for the primary location (alternatives, best first) */
  fixes: Fix[];
  /** stable key shared by every member of a group (same on re-runs while the group's members are unchanged) */
  group?: string;
  /** the other locations of the group, each with its own fixes (a location already in the suggested form has none) */
  related: (Location & { fixes: Fix[] })[];
  /**
   * Where the finding is decided, which says what a segment's re-check (`checkSegment`, core/checks.ts
   * `recheckSegment`) does with it. 'document' for a finding of a per-segment rule that only a
   * whole-document pass can make (the converter's vocabulary, `converter-vocabulary.ts`; a
   * period label against its paragraph; a reading ranked by the document's figures): stored as a
   * document finding, so a segment's re-check after an edit keeps it while its text stands (the
   * per-segment pass cannot make it again, and a reading of its own at that place gives way to it).
   * 'segment' for a finding of a document rule that the segment's re-check makes again (a number
   * against the segment's English or source): replaced by the re-check. Default: the rule's scope.
   */
  scope?: 'segment' | 'document';
}

export interface CheckSegment {
  id: number;
  text: string;
  furniture: string | null;
  speaker: string | null;
  /** the other-script rendering (for a Traditional document: its Simplified form, as the service renders it) */
  rendering?: string;
  /** a parallel English rendering, when one exists */
  english?: string | null;
  /** the original text this segment was converted from (e.g. the Simplified source), when known */
  source?: string | null;
  /** paragraph index, when known: brackets are balanced per paragraph */
  paragraph?: number;
  /**
   * the text as it was imported (the converter's output), when a reviewer has changed it since:
   * whether the document is a converter's output (conversion.ts `convertedByOpenCC`) is read from
   * it, so that corrections never make a converted document look like a writer's own
   */
  machineText?: string;
}

export interface GlossaryEntry {
  term: string;
  variants: string[];
  type: 'person' | 'organisation' | 'product' | 'term';
  note?: string;
  english?: string;
}

export interface CheckContext {
  script: 'hant' | 'hans';
  variant: 't' | 'tw' | 'hk';
  glossary?: GlossaryEntry[];
  /** run only these rules (default: all) */
  rules?: RuleId[];
  /**
   * The project's house style for the forms writers write both ways (佔/占, 拼/拚; 公佈/公布, 宣佈/宣布):
   * house-style.ts. Default 'unset'.
   */
  standardForms?: StandardForms;
  /**
   * With 'unset': the style the project's other documents show where they are a writer's own text
   * (core/checks.ts), asked only when a form the style decides is found.
   */
  houseStyle?: () => HouseStyle;
}

export type Scope = 'segment' | 'document' | 'project';

export interface RuleInfo {
  id: RuleId;
  title: string;
  scope: Scope;
  description: string;
}
