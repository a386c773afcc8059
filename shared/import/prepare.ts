/**
 * Everything an import computes before touching the database: decode, segment,
 * detect script/variant, guess metadata, render the other script. Pure, so a file
 * that fails any step is refused before anything is stored.
 */
import { decodeText, detectEncoding, type EncodingGuess, type TextEncodingName } from '../text/encoding';
import { segmentText, type SegmentedText } from '../text/segment';
import { extractMetadata } from '../text/metadata';
import { detectScript, detectVariant, renderingConfig } from '../text/script';
import { getConverter, type AlignedText } from '../text/convert';
import { JiaoduiError } from '../errors';
import type { ScriptT, VariantT } from '../domain/schemas';

export interface PreparedImport {
  guess: EncodingGuess;
  encoding: TextEncodingName;
  text: string;
  script: ScriptT;
  variant: VariantT;
  segmented: SegmentedText;
  metadata: ReturnType<typeof extractMetadata>;
  renderings: AlignedText[];
}

export function prepareImport(bytes: Uint8Array, opts: { encoding?: TextEncodingName; variant?: VariantT } = {}): PreparedImport {
  // An explicit encoding decodes (or is refused) on its own terms: detection may refuse a file
  // the chosen encoding reads fine (e.g. BOM-less UTF-16 without ASCII looks binary).
  const decoded = decodeText(bytes, opts.encoding);
  const guess = opts.encoding === undefined ? detectEncoding(bytes) : guessBeside(bytes, decoded.encoding, decoded.bom);
  const text = decoded.text;
  const script = detectScript(text);
  const variant = opts.variant ?? (script === 'hant' ? detectVariant(text) : 't');
  const fold = getConverter('t2s');
  const segmented = segmentText(text, { fold: (s) => fold.convert(s) });
  if (segmented.segments.length === 0) {
    throw new JiaoduiError('import-rejected', 'The file contains no text to review (only whitespace).');
  }
  const conv = getConverter(renderingConfig(script, variant));
  const renderings = segmented.segments.map((s) => conv.convertAligned(s.text));
  return { guess, encoding: decoded.encoding, text, script, variant, segmented, metadata: extractMetadata(segmented), renderings };
}

/** Detection's view of a file the caller chose the encoding for; when detection refuses it, just the choice. */
function guessBeside(bytes: Uint8Array, encoding: TextEncodingName, bom: boolean): EncodingGuess {
  try {
    return detectEncoding(bytes);
  } catch {
    return { encoding, bom, confidence: 'low', candidates: [] };
  }
}
