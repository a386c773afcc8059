/**
 * Everything an import computes before touching the database: decode, segment,
 * detect script/variant, guess metadata, render the other script. Pure, so a file
 * that fails any step is refused before anything is stored.
 */
import { decodeText, detectAndDecode, detectEncoding, type DecodedText, type EncodingGuess, type TextEncodingName } from '../text/encoding';
import { segmentText, SENTENCE_BOUNDARY_CHAR, type Range, type SegmentedText } from '../text/segment';
import { extractMetadata } from '../text/metadata';
import { detectScript, detectVariant, renderingConfig } from '../text/script';
import { getConverter, type AlignedText } from '../text/convert';
import { JiaoduiError } from '../errors';
import { em } from '../../shared/error-messages';
import type { ScriptT, VariantT } from '../domain/schemas';

export interface PreparedImport {
  guess: EncodingGuess;
  encoding: TextEncodingName;
  /** detected (true) or chosen by the caller; the confidence of the encoding used ('certain' when chosen or a BOM decided) */
  detected: boolean;
  confidence: EncodingGuess['confidence'];
  text: string;
  script: ScriptT;
  variant: VariantT;
  segmented: SegmentedText;
  metadata: ReturnType<typeof extractMetadata>;
  renderings: AlignedText[];
}

/** How far an import has got (the CLI draws it as a bar: core stays free of terminal code). */
export type ImportProgress = (stage: 'segmenting' | 'converting' | 'storing', done: number, total: number) => void;

export function prepareImport(bytes: Uint8Array, opts: { encoding?: TextEncodingName; variant?: VariantT; progress?: ImportProgress } = {}): PreparedImport {
  // An explicit encoding decodes (or is refused) on its own terms: detection may refuse a file
  // the chosen encoding reads fine (e.g. BOM-less UTF-16 without ASCII looks binary).
  // Without one, a single detection pass both guesses and decodes.
  const { decoded, guess } = opts.encoding === undefined ? detectAndDecode(bytes) : decodeChosen(bytes, opts.encoding);
  const text = decoded.text;
  const script = detectScript(text);
  const variant = opts.variant ?? (script === 'hant' ? detectVariant(text) : 't');
  const fold = getConverter('t2s');
  const conv = getConverter(renderingConfig(script, variant));
  // Traditional text in OpenCC's standard renders with the fold's own config: fold each
  // paragraph from its sentences' renderings (kept for the segments) instead of converting the
  // text twice. Exact: no t2s key contains a sentence-boundary character (checked), so t2s never
  // matches across a boundary and a paragraph converts as its sentences and the whitespace
  // between them do; a paragraph with an ideographic description sequence, which opencc skips
  // as one unit whatever it contains, is folded whole.
  const reuse = conv === fold && !fold.keysMayContain(SENTENCE_BOUNDARY_CHAR);
  const rendered: (AlignedText[] | undefined)[] = [];
  const progress = opts.progress;
  let paragraphs = 0;
  const foldParagraph = (p: string, at: { index: number; count: number; sentences: readonly Range[] }): string => {
    paragraphs = at.count;
    progress?.('segmenting', at.index, at.count); // paragraphs folded so far
    if (!reuse || IDS.test(p)) return fold.convert(p);
    const rs = at.sentences.map((r) => conv.convertAligned(p.slice(r.start, r.end)));
    rendered[at.index] = rs;
    let out = p.slice(0, at.sentences.length ? at.sentences[0].start : p.length);
    at.sentences.forEach((r, i) => {
      out += rs[i].text + p.slice(r.end, i + 1 < at.sentences.length ? at.sentences[i + 1].start : p.length);
    });
    return out;
  };
  const segmented = segmentText(text, { fold: foldParagraph });
  if (segmented.segments.length === 0) {
    throw new JiaoduiError('import-rejected', em('import.no-text'));
  }
  paragraphs ||= segmented.segments[segmented.segments.length - 1].paragraph + 1; // all furniture: nothing folded
  progress?.('segmenting', paragraphs, paragraphs);
  const total = segmented.segments.length;
  const renderings = segmented.segments.map((s, i) => {
    if (progress && i % PROGRESS_STEP === 0) progress('converting', i, total);
    return rendered[s.paragraph]?.[s.sentence] ?? conv.convertAligned(s.text);
  });
  progress?.('converting', total, total);
  return { guess, encoding: decoded.encoding, detected: decoded.detected, confidence: decoded.confidence, text, script, variant, segmented, metadata: extractMetadata(segmented), renderings };
}

/** Segments between two progress reports of a stage (the listener redraws at most this often). */
export const PROGRESS_STEP = 100;

/** Ideographic description characters (⿰…⿻ and the rest of the block). */
const IDS = /[\u2ff0-\u2fff]/;

function decodeChosen(bytes: Uint8Array, encoding: TextEncodingName): { decoded: DecodedText; guess: EncodingGuess } {
  const decoded = decodeText(bytes, encoding);
  return { decoded, guess: guessBeside(bytes, decoded.encoding, decoded.bom) };
}

/** Detection's view of a file the caller chose the encoding for; when detection refuses it, just the choice. */
function guessBeside(bytes: Uint8Array, encoding: TextEncodingName, bom: boolean): EncodingGuess {
  try {
    return detectEncoding(bytes);
  } catch {
    return { encoding, bom, confidence: 'low', candidates: [] };
  }
}
