/**
 * Confirmed names feed the conversion: a document's rendering in the other script is
 * made by a converter that has the glossary (the document's entries and its project's)
 * as extra phrases, injected by getConverter into segmentation and every stage.
 *
 * - Traditional document (t2s, tw2s, hk2s): the term and each variant map to their own
 *   OpenCC rendering, so each is segmented as one unit and a neighbouring dictionary
 *   phrase cannot swallow part of a name.
 * - Simplified document (s2t, s2tw, s2hk): the term is protected — its Simplified form
 *   maps to the canonical Traditional term (王征 → 王征, not OpenCC's 王徵); variants map
 *   to their OpenCC rendering.
 * - Every target is also kept as itself in the later stages of multi-stage configs.
 *
 * Building a converter costs ~50 ms, so converters are cached by the glossary content
 * (one per distinct scope glossary and config; documents sharing a project glossary
 * share its converter), least recently used first out.
 */
import { getConverter, type ConversionConfig, type Converter, type ExtraPhrases } from '../text/convert';
import { renderingConfig } from '../text/script';
import type { ScriptT, VariantT } from '../domain/schemas';

export interface GlossaryTerms {
  term: string;
  variants: readonly string[];
}

/** For a Simplified → Traditional config, the config folding a Traditional term back to Simplified. */
function foldingConfig(config: ConversionConfig): ConversionConfig {
  if (config.startsWith('s2tw')) return 'tw2s';
  if (config.startsWith('s2hk')) return 'hk2s';
  return 't2s';
}

/**
 * The extra phrases for a conversion config: for a Simplified → Traditional config (s2…)
 * each term's Simplified form maps to the term itself (protected); everything else maps
 * to its own OpenCC rendering under that config. Targets are kept as themselves in later stages.
 */
export function glossaryPhrasesFor(config: ConversionConfig, entries: readonly GlossaryTerms[]): [string, string][] {
  if (!entries.length) return [];
  const bare = getConverter(config);
  const map = new Map<string, string>();
  const add = (from: string, to: string) => {
    if (from && !map.has(from)) map.set(from, to);
  };
  if (!config.startsWith('s2')) {
    for (const e of entries) add(e.term, bare.convert(e.term));
    for (const e of entries) for (const v of e.variants) add(v, bare.convert(v));
  } else {
    const toHans = getConverter(foldingConfig(config));
    for (const e of entries) add(toHans.convert(e.term), e.term);
    for (const e of entries) {
      for (const v of e.variants) {
        const h = toHans.convert(v);
        add(h, bare.convert(h));
      }
    }
  }
  for (const to of [...map.values()]) add(to, to);
  return [...map];
}

/** The extra phrases for rendering a document of `script`/`variant` with `entries`. */
export function glossaryPhrases(script: ScriptT, variant: VariantT, entries: readonly GlossaryTerms[]): [string, string][] {
  return glossaryPhrasesFor(renderingConfig(script, variant), entries);
}

const MAX_CACHED = 24;
const cache = new Map<string, Converter>();

/** The rendering converter for a document with its glossary (cached; bare OpenCC without entries). */
export function glossaryConverter(script: ScriptT, variant: VariantT, entries: readonly GlossaryTerms[] = []): Converter {
  const config = renderingConfig(script, variant);
  if (!entries.length) return getConverter(config);
  const key = `${script}|${variant}|${JSON.stringify(entries.map((e) => [e.term, e.variants]))}`;
  let c = cache.get(key);
  if (c) {
    cache.delete(key);
    cache.set(key, c);
    return c;
  }
  const phrases: ExtraPhrases = glossaryPhrases(script, variant, entries);
  c = phrases.length ? getConverter(config, phrases) : getConverter(config);
  cache.set(key, c);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return c;
}

/** Strings whose presence in a text can make the glossary converter differ from bare OpenCC. */
export function phraseKeys(script: ScriptT, variant: VariantT, entries: readonly GlossaryTerms[]): string[] {
  return glossaryPhrases(script, variant, entries).map(([from]) => from);
}

/** Number of converters currently cached (tests). */
export function cachedConverterCount(): number {
  return cache.size;
}
