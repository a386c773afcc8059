/**
 * Project-wide variant consistency: the forms of one character (爲/為, 裏/裡, 臺/台, 戶/户, 着/著…)
 * counted over ALL documents of a project. Each document may be consistent with itself (an
 * s2t feed writes 爲 throughout, an s2tw feed 為) — variant-mixing sees nothing — yet the
 * project mixes them. The minority form is one grouped finding (rule variant-mixing, every
 * place in every document, each with its fix: fix all).
 *
 * Places are keyed by what OpenCC's s2t writes there from the Simplified form (variantPlaces),
 * so two readings that share a regional form (着 the particle, 著 in 顯著) are never compared.
 */
import { findingMessage } from '../finding-messages';
import { regionalMap, type Analysis } from './analysis';
import { convertedByOpenCC, isVariantForm, pressForm, regionalForm, variantMixingFinding, variantPlaces } from './conversion';
import { addCounts, markerCounts, regionOf } from './regional';
import type { Finding } from './types';

interface Place {
  documentId: number;
  a: Analysis;
  k: number;
}

export function projectVariantFindings(docs: { documentId: number; analyses: Analysis[] }[]): Finding[] {
  // OpenCC standard form → form used → places (Traditional documents only)
  const byKey = new Map<string, Map<string, Place[]>>();
  // A project written for Taiwan or Hong Kong (by its wording) wants the region's forms, not its
  // majority's: a cluster of s2t feeds writes 爲 in every document. A document that says so by
  // itself has those places reported by its own check (variantMixingFindings).
  const counts = docs.map((d) => markerCounts(d.analyses.map((a) => a.text)));
  const region = regionOf(addCounts(counts));
  docs.forEach((d, di) => {
    const own = regionOf(counts[di]);
    const converted = !!own && convertedByOpenCC(d.analyses);
    for (const a of d.analyses) {
      if (a.ctx.script !== 'hant') continue;
      for (const { k, form, opencc } of variantPlaces(a, true)) {
        if (!isVariantForm(opencc, form)) continue;
        if (own && form !== (regionalForm(opencc, own, converted) ?? form)) continue;
        // a document written for the other region keeps that region's forms (a Hong Kong release in a Taiwan project),
        // also where the project as a whole reads as neither (its documents' wording split between the two)
        if (own && own !== region && regionalForm(opencc, region ?? own)) continue;
        let forms = byKey.get(opencc);
        if (!forms) byKey.set(opencc, (forms = new Map()));
        let places = forms.get(form);
        if (!places) forms.set(form, (places = []));
        places.push({ documentId: d.documentId, a, k });
      }
    }
  });
  const tw = regionalMap('tw');
  const hk = regionalMap('hk');
  const out: Finding[] = [];
  const docsOf = (ps: Place[]) => new Set(ps.map((p) => p.documentId));
  const report = (major: string, majorPlaces: Place[], minor: string, places: Place[], regional: boolean) => {
    out.push(
      variantMixingFinding(
        places.map((p) => ({ segmentId: p.a.seg.id, k: p.k, documentId: p.documentId })),
        minor,
        major,
        findingMessage(regional ? (region === 'hk' ? 'variant.project.regional.hk' : 'variant.project.regional') : 'variant.project', {
          major,
          majorCount: majorPlaces.length,
          majorDocs: docsOf(majorPlaces).size,
          minor,
          minorCount: places.length,
          minorDocs: docsOf(places).size,
        }),
        `project-variant:${[major, minor].sort().join('|')}`,
      ),
    );
  };
  for (const [std, forms] of byKey) {
    const want = region ? regionalForm(std, region) : undefined;
    if (want) {
      for (const [form, places] of forms) if (form !== want) report(want, forms.get(want) ?? [], form, places, true);
      continue;
    }
    if (forms.size < 2) continue;
    // Within one document only: variant-mixing reports it already.
    const allDocs = new Set([...forms.values()].flatMap((ps) => [...docsOf(ps)]));
    if (allDocs.size < 2) continue;
    // The majority counted in documents (each votes for the form it mostly uses: a long
    // document must not outvote two short ones); on a tie, the form most conventions write
    // (OpenCC standard, Taiwan, Hong Kong — with the press forms OpenCC's regional tables miss,
    // data/press-forms.ts: 為 over 爲, 說 over Hong Kong's 説, 台 over 臺), then occurrences.
    const votes = new Map<string, number>();
    for (const id of allDocs) {
      let best = '';
      let n = 0;
      for (const [f, ps] of forms) {
        const m = ps.filter((p) => p.documentId === id).length;
        if (m > n) [best, n] = [f, m];
      }
      votes.set(best, (votes.get(best) ?? 0) + 1);
    }
    const press = pressForm(std);
    const prior = (f: string) => (f === std ? 1 : 0) + (f === (press ?? tw.get(std) ?? std) ? 1 : 0) + (f === (press ?? hk.get(std) ?? std) ? 1 : 0);
    const sorted = [...forms.entries()].sort((x, y) => (votes.get(y[0]) ?? 0) - (votes.get(x[0]) ?? 0) || prior(y[0]) - prior(x[0]) || y[1].length - x[1].length);
    const [major, majorPlaces] = sorted[0];
    for (const [minor, places] of sorted.slice(1)) report(major, majorPlaces, minor, places, false);
  }
  return out;
}
