/**
 * One cluster's received documents: each correct source text is machine-converted (round trip
 * through Simplified), the converter's own changes are labelled, then seeded mutations are applied
 * and labelled at their place in the final text.
 */
import { getConverter } from '../../shared/text/convert';
import { diffHunks, offsetMapper, type Hunk } from './align';
import type { SourceCluster, Metric } from './cluster';
import type { ClusterLabels, ErrorClass, Instance, Span } from './labels';
import { COUNT_UNITS, figureIn, malformedOptions, scaled, wrongUnit } from './numbers';
import { mishear } from './people';
import { rng, type Rng } from './random';
import { roundTrip, TARGETS, type Engine, type Target } from './roundtrip';

export type Part = 'dev' | 'heldout';
export type MutationClass = 'malformed-number' | 'scale' | 'unit' | 'repeated-sentence' | 'period-label';
export interface Seeds {
  seed: string;
  heldoutShare: number;
  /** mutations per document and class; people: in how many documents of its cluster a person is misheard (always right in one) */
  quotas: Record<Part, Record<MutationClass, number> & { people: number }>;
}

export const ENGINE: Record<Part, Engine> = { dev: 'opencc-js', heldout: 'opencc-cli' };

interface Edit {
  start: number;
  end: number;
  replacement: string;
  /** instance key: several edits may make one instance (a name wrong in every place of a document) */
  key: string;
}
interface Pending {
  key: string;
  class: ErrorClass;
  kind: string;
  correct: string;
  /** counterparts in other documents as source-text ranges, mapped once every document is done */
  counterparts?: { doc: string; start: number; end: number }[];
  /** converter changes inside the replacement (a misheard name over-converted too), relative to it */
  inner?: { start: number; end: number; wrong: string; correct: string; cls: ErrorClass }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const overlapsOrTouches = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start <= b.end && b.start <= a.end;

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/** Where people's names stand in a source text: full names, given names of three-character names, surname + role. */
export function nameRanges(text: string, cluster: SourceCluster['cluster']): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const p of cluster.people) {
    const forms = [p.name];
    if ([...p.name].length === 3) forms.push(p.name.slice(1));
    if (p.role) forms.push(p.name[0] + p.role);
    for (const f of forms) for (const i of occurrences(text, f)) out.push({ start: i, end: i + (f === p.name[0] + p.role ? 1 : f.length) });
  }
  return out;
}

/**
 * The period-label mutations, in the generator's order of random draws (the sealed data depends
 * on it): first a label repeated where a sentence holds both of a pair (同比 … 環比 → 同比 … 同比),
 * then a lone label swapped for its partner. `labelEdit` says whether the edit was taken.
 */
export function seedPeriodLabels(
  r: Rng,
  sentences: readonly { start: number; text: string }[],
  labelEdit: (start: number, from: string, to: string, kind: string) => boolean,
): void {
  const shuffled = r.shuffle(sentences);
  for (const s of shuffled)
    for (const [a, b] of r.shuffle(PERIOD_PAIRS)) {
      const ia = s.text.indexOf(a);
      const ib = s.text.indexOf(b);
      if (ia < 0 || ib < 0) continue;
      const [first, second, at] = ia < ib ? [a, b, ib] : [b, a, ia];
      if (labelEdit(s.start + at, second, first, `repeat ${first}…${second}→${first}`)) break;
    }
  for (const s of shuffled)
    for (const [a, b] of r.shuffle(PERIOD_PAIRS)) {
      const [from, to] = r.next() < 0.5 ? [a, b] : [b, a];
      const i = s.text.indexOf(from);
      if (i >= 0 && !s.text.includes(to) && labelEdit(s.start + i, from, to, `swap ${from}→${to}`)) break;
    }
}

/** Whether a converter change is only a regional variant: OpenCC's tw2t/hk2t tables bring both sides to one form. */
export function variantTest(source: string, converted: string): (h: Hunk) => boolean {
  const tw2t = getConverter('tw2t');
  const hk2t = getConverter('hk2t');
  const forms = (text: string) => [text, tw2t.convert(text), hk2t.convert(text)];
  const whole = (text: string) => {
    const f = forms(text);
    return f.every((x) => x.length === text.length) ? f : null;
  };
  const fa = whole(source);
  const fb = whole(converted);
  return (h) => {
    const a = fa ? fa.map((x) => x.slice(h.aStart, h.aEnd)) : forms(source.slice(h.aStart, h.aEnd));
    const b = fb ? fb.map((x) => x.slice(h.bStart, h.bEnd)) : forms(converted.slice(h.bStart, h.bEnd));
    return a.some((x) => b.includes(x));
  };
}

const CURRENCY = /^[A-Z]{3}$/;
const NON_COUNT = new Set(['%', 'pp', 'x', 'ratio']);
export const PERIOD_PAIRS: [string, string][] = [
  ['同比', '環比'],
  ['年增', '季增'],
  ['年減', '季減'],
  ['按年', '按季'],
  ['年增', '月增'],
];

interface DocWork {
  file: string;
  source: string;
  converted: string;
  final: string;
  target: string;
  sourceToFinal: (o: number, isEnd?: boolean) => number;
  instances: (Instance & { pending?: Pending })[];
}

export function corruptCluster(src: SourceCluster, part: Part, seeds: Seeds): { texts: Map<string, string>; labels: ClusterLabels } {
  const { cluster } = src;
  const quotas = seeds.quotas[part];
  const engine = ENGINE[part];
  const cr = rng(`${seeds.seed}/${src.id}/people`);
  // a misheard person is wrong in `quotas.people` documents at most, and right in at least one other
  // (a cross-document error); each document where it is wrong is one instance
  const misheard = new Map<string, { person: string; wrong: string; kind: string }[]>();
  for (const p of cluster.people) {
    const docs = src.documents.filter((d) => d.text.includes(p.name)).map((d) => d.file);
    if (docs.length < 2) continue;
    for (const doc of cr.shuffle(docs).slice(0, Math.min(quotas.people, docs.length - 1))) {
      const m = mishear(p.name, cr);
      if (!m || src.documents.some((d) => d.text.includes(m.wrong))) continue;
      misheard.set(doc, [...(misheard.get(doc) ?? []), { person: p.name, wrong: m.wrong, kind: m.kind }]);
    }
  }

  const works: DocWork[] = src.documents.map((d) => {
    const r = rng(`${seeds.seed}/${src.id}/${d.file}`);
    const target = r.pick(TARGETS[engine]);
    const converted = roundTrip(d.text, engine, target);
    return { file: d.file, source: d.text, ...mutateDocument(d.file, d.text, converted, target, r, misheard.get(d.file) ?? []), target };
  });

  // counterparts: source ranges of other documents, now that every document's offsets are known
  const byFile = new Map(works.map((w) => [w.file, w]));
  const instances: Instance[] = [];
  for (const w of works)
    for (const inst of w.instances) {
      const { pending, ...rest } = inst;
      if (pending?.counterparts?.length) {
        rest.counterparts = pending.counterparts.map((c) => {
          const o = byFile.get(c.doc)!;
          return { doc: c.doc, start: o.sourceToFinal(c.start), end: o.sourceToFinal(c.end, true) };
        });
      }
      instances.push(rest);
    }

  return {
    texts: new Map(works.map((w) => [w.file, w.final])),
    labels: {
      cluster: src.id,
      part,
      documents: src.documents.map((d) => ({ file: d.file, region: d.region, engine, converter: `t2s→${byFile.get(d.file)!.target}` })),
      instances,
    },
  };

  function mutateDocument(file: string, source: string, converted: string, target: string, r: Rng, names: { person: string; wrong: string; kind: string }[]) {
    const hunks = diffHunks(source, converted);
    const toConverted = offsetMapper(hunks);
    const isVariant = variantTest(source, converted);
    const inNames = nameRanges(source, cluster);
    const conv = hunks
      .filter((h) => !/^\s*$/.test(source.slice(h.aStart, h.aEnd) + converted.slice(h.bStart, h.bEnd)) && h.bEnd > h.bStart)
      .map((h) => {
        const cls: ErrorClass = isVariant(h) ? 'variant' : inNames.some((n) => overlaps({ start: h.aStart, end: h.aEnd }, n)) ? 'name-conversion' : 'conversion';
        return { h, cls };
      });

    const edits: Edit[] = [];
    const pendings = new Map<string, Pending>();
    let n = 0;
    const free = (s: number, e: number, avoidConversion = true) =>
      !edits.some((x) => overlapsOrTouches(x, { start: s, end: e })) && (!avoidConversion || !conv.some((c) => overlaps({ start: c.h.bStart, end: c.h.bEnd }, { start: s, end: e })));
    const add = (p: Omit<Pending, 'key'>, spans: { start: number; end: number; replacement: string }[]) => {
      const key = `m${n++}`;
      pendings.set(key, { key, ...p });
      for (const s of spans) edits.push({ ...s, key });
    };

    // misheard names: every place of the full name in this document
    for (const m of names) {
      const at = occurrences(source, m.person).map((o) => ({ start: toConverted(o), end: toConverted(o + m.person.length, true) }));
      if (!at.length || !at.every((a) => free(a.start, a.end, false))) continue;
      const wrong = roundTrip(m.wrong, engine, target as Target);
      const variantInName = variantTest(m.wrong, wrong);
      const inner = diffHunks(m.wrong, wrong).map((h) => ({
        start: h.bStart,
        end: h.bEnd,
        wrong: wrong.slice(h.bStart, h.bEnd),
        correct: m.wrong.slice(h.aStart, h.aEnd),
        cls: (variantInName(h) ? 'variant' : 'name-conversion') as ErrorClass,
      }));
      // the other side: documents where this person is written right
      const counterparts = src.documents
        .filter((d) => d.file !== file && !(misheard.get(d.file) ?? []).some((x) => x.person === m.person))
        .flatMap((d) => occurrences(d.text, m.person).map((o) => ({ doc: d.file, start: o, end: o + m.person.length })));
      add({ class: 'people', kind: m.kind, correct: m.person, counterparts, inner }, at.map((a) => ({ ...a, replacement: wrong })));
    }

    // figures quoted in cluster.json
    const metrics = r.shuffle(cluster.metrics.filter((m) => m.doc === file));
    const figureAt = (m: Metric) => {
      const qo = source.indexOf(m.quote);
      const f = qo >= 0 ? figureIn(m.quote, qo) : null;
      if (!f) return null;
      const start = toConverted(f.start);
      const end = toConverted(f.end, true);
      if (converted.slice(start, end) !== source.slice(f.start, f.end)) return null;
      return { f, qo, start, end };
    };
    let left = quotas['malformed-number'];
    for (const m of metrics) {
      if (left <= 0) break;
      const at = figureAt(m);
      if (!at || !free(at.start, at.end)) continue;
      const opts = malformedOptions(at.f);
      if (!opts.length) continue;
      const o = r.pick(opts);
      add({ class: 'malformed-number', kind: o.kind, correct: converted.slice(at.start, at.end) }, [{ start: at.start, end: at.end, replacement: o.text }]);
      left--;
    }
    left = quotas.scale;
    for (const m of metrics) {
      if (left <= 0) break;
      if (!CURRENCY.test(m.unit)) continue;
      const at = figureAt(m);
      if (!at || !free(at.start, at.end)) continue;
      const restated = cluster.metrics.filter((o) => o !== m && o.metric === m.metric && o.period === m.period && (o.doc !== file || o.unit !== m.unit));
      const partOfWhole = /其中|佔|包括|包含/.test(source.slice(Math.max(0, at.qo - 12), at.qo + m.quote.length + 6));
      if (!restated.length && !partOfWhole) continue;
      const s = scaled(at.f, r);
      const counterparts = restated.flatMap((o) => {
        const d = src.documents.find((x) => x.file === o.doc)!;
        const qo = d.text.indexOf(o.quote);
        return qo >= 0 ? [{ doc: o.doc, start: qo, end: qo + o.quote.length }] : [];
      });
      add({ class: 'scale', kind: restated.length ? `${s.kind} restated` : `${s.kind} part-of-whole`, correct: converted.slice(at.start, at.end), counterparts }, [
        { start: at.start, end: at.end, replacement: s.text },
      ]);
      left--;
    }
    left = quotas.unit;
    for (const m of metrics) {
      if (left <= 0) break;
      if (CURRENCY.test(m.unit) || NON_COUNT.has(m.unit)) continue;
      const at = figureAt(m);
      if (!at || !COUNT_UNITS.has(at.f.unit)) continue;
      const us = toConverted(at.f.unitStart);
      if (converted[us] !== at.f.unit || !free(us, us + 1)) continue;
      add({ class: 'unit', kind: `${at.f.unit}→`, correct: at.f.unit }, [{ start: us, end: us + 1, replacement: wrongUnit(at.f.unit, r) }]);
      left--;
    }

    // sentences of body paragraphs (not the headline, not short furniture lines)
    const sentences: { start: number; end: number; text: string }[] = [];
    let lineStart = 0;
    const lines = converted.split('\n');
    lines.forEach((line, li) => {
      if (li > 0 && [...line].length >= 40)
        for (const m of line.matchAll(/[^。！？]+[。！？]/gu)) {
          const text = m[0].replace(/^[\s」』]+/, '');
          const start = lineStart + m.index! + (m[0].length - text.length);
          sentences.push({ start, end: start + text.length, text });
        }
      lineStart += line.length + 1;
    });
    // period labels: the second of two labels in a sentence written like the first (同比 … 同比 where
    // the second was 環比); failing that, a label swapped for its partner (年增 → 季增)
    left = quotas['period-label'];
    const labelEdit = (start: number, from: string, to: string, kind: string) => {
      if (left <= 0 || !free(start, start + from.length)) return false;
      add({ class: 'period-label', kind, correct: from }, [{ start, end: start + from.length, replacement: to }]);
      left--;
      return true;
    };
    seedPeriodLabels(r, sentences, labelEdit);
    left = quotas['repeated-sentence'];
    for (const s of r.shuffle(sentences)) {
      if (left <= 0) break;
      const len = [...s.text].length;
      if (len < 10 || len > 100 || !free(s.start, s.end, false)) continue;
      add({ class: 'repeated-sentence', kind: 'repeated', correct: '' }, [{ start: s.end, end: s.end, replacement: s.text }]);
      left--;
    }

    // apply, left to right, recording where each edit lands in the final text
    edits.sort((x, y) => x.start - y.start || x.end - y.end);
    let final = '';
    let pos = 0;
    const editHunks: Hunk[] = [];
    const placed = new Map<string, Span[]>();
    for (const e of edits) {
      final += converted.slice(pos, e.start);
      const bStart = final.length;
      final += e.replacement;
      editHunks.push({ aStart: e.start, aEnd: e.end, bStart, bEnd: final.length });
      placed.set(e.key, [...(placed.get(e.key) ?? []), { doc: file, start: bStart, end: final.length }]);
      pos = e.end;
    }
    final += converted.slice(pos);
    const toFinal = offsetMapper(editHunks);

    const instances: DocWork['instances'] = [];
    for (const c of conv) {
      // a conversion change inside a mutated stretch belongs to that mutation
      if (edits.some((e) => overlaps(e, { start: c.h.bStart, end: c.h.bEnd }))) continue;
      const start = toFinal(c.h.bStart);
      const end = toFinal(c.h.bEnd, true);
      instances.push({
        id: '',
        class: c.cls,
        kind: `${source.slice(c.h.aStart, c.h.aEnd)}→${converted.slice(c.h.bStart, c.h.bEnd)}`,
        spans: [{ doc: file, start, end }],
        wrong: final.slice(start, end),
        correct: source.slice(c.h.aStart, c.h.aEnd),
      });
    }
    for (const [key, p] of pendings) {
      const spans = placed.get(key)!;
      instances.push({ id: '', class: p.class, kind: p.kind, spans, wrong: final.slice(spans[0].start, spans[0].end), correct: p.correct, pending: p });
      for (const s of spans)
        for (const x of p.inner ?? [])
          instances.push({ id: '', class: x.cls, kind: `${x.correct}→${x.wrong} in a misheard name`, spans: [{ doc: file, start: s.start + x.start, end: s.start + x.end }], wrong: x.wrong, correct: x.correct });
    }
    instances.sort((x, y) => x.spans[0].start - y.spans[0].start || x.spans[0].end - y.spans[0].end);
    instances.forEach((x, i) => (x.id = `${src.id}/${file}#${i + 1}`));
    return { converted, final, sourceToFinal: (o: number, isEnd = false) => toFinal(toConverted(o, isEnd), isEnd), instances };
  }
}
