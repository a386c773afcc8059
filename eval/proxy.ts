/**
 * npm run eval:proxy [-- --tune s2t,s2hk] [--targets s2t,…] [--gap-seed S] [--standard-forms unset|ministry|press] [--misses] [--clean] [--json]
 * A proxy for "a converter the rules never saw", on dev material only: every dev source text is
 * round-tripped (t2s → target) through each opencc-js target — s2t, s2tw, s2hk and s2twp, a config
 * the dev corpus never used — and the converter's own changes are labelled as the generator
 * labels them (conversion, name-conversion, variant). No seeded mutations: a finding off every
 * label is a false alarm on otherwise correct text. Figures per target: tune on the `--tune`
 * targets (default s2t,s2hk), read the others as the left-out converters.
 * `--fresh A|…|I` measures eval/fresh's half instead of the dev source texts (one project per text); the
 * measure-only halves (B, C, D, F, I: eval/lib/fresh.ts MEASURE_ONLY) also through Debian's `opencc` (targets cli-s2t, cli-s2tw, cli-s2hk, cli-s2twp:
 * the held-out converter, fair on our own texts of those halves, refused on the tuning halves so nothing is tuned on it),
 * in aggregate only (`--misses`, `--clean`, `--info` refused there).
 * `--info` breaks info findings down by message key (on a label or not, and the conversion instances only they
 * point at). `--gap-seed S` draws another half of the phrases for s2t-gap. `--misses` lists the conversion and name-conversion (miss(name)) instances no warning hits and the conversion rules' warnings off
 * every label (dev text only; never held-out); `--clean` lists every content rule's warnings on the
 * dev-side clean texts (dev source texts, eval/clean-dev, ../shared/corpus, the corrected sample).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openService, PACKAGE_ROOT } from '../core/context';
import { correctedSample } from './lib/sample';
import { ConverterFactory, type DictGroup } from 'opencc-js/core';
import { configs as presetConfigs } from 'opencc-js/preset';
import { ONE_TO_MANY } from '../shared/checks/data/oneToMany';
import { getConverter } from '../shared/text/convert';
import { diffHunks } from './lib/align';
import { rng } from './lib/random';
import { checkAsProject } from './lib/checker';
import { STANDARD_FORMS, type StandardForms } from '../shared/domain/values';
import { loadCluster } from './lib/cluster';
import { nameRanges, variantTest } from './lib/corrupt';
import { EVAL_DIR, readSplit, TEXTS_DIR } from './lib/dataset';
import type { ErrorClass, Instance } from './lib/labels';
import { isMeasureOnly, loadFresh, MEASURE_ONLY, parseHalf, refusedOn, type Half } from './lib/fresh';
import { roundTrip, type Target } from './lib/roundtrip';
import { hits, score, TYPOGRAPHY_RULES, type ScoredFinding } from './lib/score';
import { formatProportion } from './lib/wilson';

/** The clean texts eval/run.ts counts (not imported from it: importing run.ts runs it). */
const SHARED_CORPUS = join(PACKAGE_ROOT, '..', 'shared', 'corpus');
const CLEAN_DEV = join(EVAL_DIR, 'clean-dev');
/**
 * 's2t-gap': opencc-js's s2t with a seeded half of its phrase entries that change a one-to-many
 * character's form left out — a stand-in for a converter of another dictionary version (fewer or
 * other phrases) whose mistakes are not opencc-js's. The rules keep the full tables.
 */
type CliTarget = 'cli-s2t' | 'cli-s2tw' | 'cli-s2hk' | 'cli-s2twp';
type ProxyTarget = Target | 's2t-gap' | CliTarget;
const ALL_TARGETS: ProxyTarget[] = ['s2t', 's2tw', 's2hk', 's2twp', 's2t-gap'];
const CLI_TARGETS: CliTarget[] = ['cli-s2t', 'cli-s2tw', 'cli-s2hk', 'cli-s2twp'];
const CONVERSION_RULES = new Set(['conversion-ambiguity', 'taiwan-standard', 'hong-kong-standard', 'simplified-in-traditional']);

function parseArgs(argv: string[]) {
  const o = { tune: ['s2t', 's2hk'] as string[], misses: false, info: false, clean: false, json: false, targets: [] as ProxyTarget[], gapSeed: 'jiaodui-proxy/s2t-gap', fresh: null as Half | null, standardForms: 'unset' as StandardForms };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--tune') o.tune = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a === '--misses') o.misses = true;
    else if (a === '--json') o.json = true;
    else if (a === '--info') o.info = true;
    else if (a === '--clean') o.clean = true;
    else if (a === '--gap-seed') o.gapSeed = argv[++i] ?? o.gapSeed;
    else if (a === '--targets') o.targets = (argv[++i] ?? '').split(',').filter(Boolean) as ProxyTarget[];
    else if (a === '--fresh') o.fresh = parseHalf(argv[++i]);
    else if (a === '--standard-forms') {
      const v = argv[++i] ?? '';
      if (!(STANDARD_FORMS as readonly string[]).includes(v)) throw new Error(`--standard-forms must be ${STANDARD_FORMS.join(', ')}, not ${v || 'nothing'}`);
      o.standardForms = v as StandardForms;
    } else {
      process.stderr.write(`eval:proxy: unknown argument ${a} (usage: npm run eval:proxy -- [--tune s2t,s2hk] [--targets …] [--fresh A|B|C|D|E|F|G] [--standard-forms unset|ministry|press] [--misses] [--clean] [--info] [--json])\n`);
      process.exit(2);
    }
  }
  // halves B, C, D and F are measured in aggregate only: nothing that lists their findings
  const refused = refusedOn(o.fresh, { '--misses': o.misses, '--clean': o.clean, '--info': o.info });
  if (refused.length) throw new Error(`--fresh ${o.fresh} is read in aggregate only: --misses, --clean and --info are refused there (given: ${refused.join(' ')})`);
  const allowed: ProxyTarget[] = isMeasureOnly(o.fresh) ? [...ALL_TARGETS, ...CLI_TARGETS] : ALL_TARGETS;
  if (!o.targets.length) o.targets = allowed;
  for (const t of [...o.tune, ...o.targets])
    if (!allowed.includes(t as ProxyTarget)) throw new Error(CLI_TARGETS.includes(t as CliTarget) ? `${t}: Debian's opencc is the held-out converter, measured on the measure-only fresh halves only (--fresh ${MEASURE_ONLY.join(', --fresh ')})` : `unknown target ${t}`);
  return o;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** The converter's changes to one document, labelled as eval/lib/corrupt.ts labels them. */
function labelRoundTrip(doc: string, source: string, converted: string, names: { start: number; end: number }[]): Instance[] {
  const isVariant = variantTest(source, converted);
  return diffHunks(source, converted)
    .filter((h) => !/^\s*$/.test(source.slice(h.aStart, h.aEnd) + converted.slice(h.bStart, h.bEnd)) && h.bEnd > h.bStart)
    .map((h, n) => {
      const cls: ErrorClass = isVariant(h) ? 'variant' : names.some((r) => overlaps({ start: h.aStart, end: h.aEnd }, r)) ? 'name-conversion' : 'conversion';
      return { id: `${doc}#${n}`, class: cls, kind: 'converter', spans: [{ doc, start: h.bStart, end: h.bEnd }], wrong: converted.slice(h.bStart, h.bEnd), correct: source.slice(h.aStart, h.aEnd) };
    });
}

let gap: ((s: string) => string) | null = null;
function gapConverter(seed: string): (s: string) => string {
  if (gap) return gap;
  const chain = (presetConfigs as unknown as Record<string, { conversionChain: readonly DictGroup[] }>).s2t.conversionChain;
  const r = rng(seed);
  const keep = (entry: string) => {
    const [k, v] = entry.split(' ');
    // only phrases that make a character differ from the character table's default matter
    const matters = !!k && !!v && [...k].length === [...v].length && [...k].some((c, i) => (ONE_TO_MANY[c]?.[0] ?? c) !== [...v][i]);
    return !matters || r.next() >= 0.5;
  };
  const group = chain[0].map((d, i) => (i < 2 && typeof d === 'string' ? d.split('|').filter(keep).join('|') : d));
  gap = ConverterFactory(group as DictGroup);
  return gap;
}

function convertFor(target: ProxyTarget, text: string, gapSeed: string): string {
  if (target === 's2t-gap') return gapConverter(gapSeed)(getConverter('t2s').convert(text));
  if (target.startsWith('cli-')) return roundTrip(text, 'opencc-cli', target.slice(4) as Target);
  return roundTrip(text, 'opencc-js', target as Target);
}

/** The material measured: dev's clusters (a project each), or one half of eval/fresh (a project per text). */
function material(fresh: Half | null): { project: string; docs: { file: string; text: string }[]; names: (file: string, text: string) => { start: number; end: number }[] }[] {
  if (fresh)
    return loadFresh(fresh).map((d) => ({
      project: `fresh-${d.file.slice(0, 2)}`,
      docs: [{ file: d.file, text: d.text }],
      names: (_f: string, t: string) => nameRanges(t, { people: d.people } as unknown as Parameters<typeof nameRanges>[1]),
    }));
  return readSplit().dev.map((id) => {
    const src = loadCluster(join(TEXTS_DIR, id));
    return { project: id, docs: src.documents.map((d) => ({ file: d.file, text: d.text })), names: (_f: string, t: string) => nameRanges(t, src.cluster) };
  });
}

/** Every project's house style for standard forms (`--standard-forms`; default unset, as an import leaves it). */
let houseStyle: StandardForms = 'unset';

async function checkProject(project: string, docs: { file: string; text: string }[]) {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-proxy-'));
  const service = await openService(join(dir, 'eval.db'));
  try {
    return await checkAsProject(service, project, docs, houseStyle);
  } finally {
    service.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Content rules' warnings (typography apart) on correct text of the dev side, with a little context. */
async function cleanWarnings(fresh: Half | null): Promise<string[]> {
  const sets: { project: string; docs: { file: string; text: string }[] }[] = [];
  // the fresh half's own texts, as written: correct text
  for (const d of fresh ? loadFresh(fresh) : []) sets.push({ project: `fresh ${d.file}`, docs: [{ file: d.file, text: d.text }] });
  for (const id of readSplit().dev) sets.push({ project: id, docs: loadCluster(join(TEXTS_DIR, id)).documents.map((d) => ({ file: d.file, text: d.text })) });
  for (const file of existsSync(CLEAN_DEV) ? readdirSync(CLEAN_DEV).filter((f) => f.endsWith('.txt')) : []) sets.push({ project: `clean-dev ${file}`, docs: [{ file, text: readFileSync(join(CLEAN_DEV, file), 'utf8') }] });
  for (const file of existsSync(SHARED_CORPUS) ? readdirSync(SHARED_CORPUS).filter((f) => f.endsWith('.txt')) : []) sets.push({ project: `corpus ${file}`, docs: [{ file, text: readFileSync(join(SHARED_CORPUS, file), 'utf8') }] });
  sets.push({ project: 'sample', docs: [correctedSample(PACKAGE_ROOT)] });
  const out: string[] = [];
  for (const set of sets) {
    const { findings } = await checkProject(`clean ${set.project}`, set.docs);
    for (const f of findings.filter((x) => x.severity !== 'info' && !TYPOGRAPHY_RULES.has(x.rule))) {
      const l = f.locations[0];
      const t = set.docs.find((d) => d.file === l.doc)!.text;
      out.push(`  clean ${set.project} ${f.rule} …${t.slice(Math.max(0, l.start - 6), l.start)}[${t.slice(l.start, l.end)}]${t.slice(l.end, l.end + 6)}…`.replace(/\n/g, ' '));
    }
  }
  return out;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  houseStyle = opts.standardForms;
  const sets = material(opts.fresh);
  const perTarget: Record<string, unknown> = {};
  const lines: string[] = [];
  const missLines: string[] = [];
  for (const target of opts.targets) {
    const instances: Instance[] = [];
    const findings: ScoredFinding[] = [];
    const texts = new Map<string, string>();
    for (const set of sets) {
      const id = set.project;
      const docs = set.docs.map((d) => ({ file: d.file, text: convertFor(target, d.text, opts.gapSeed) }));
      const key = (f: string) => `${id}/${f}`;
      set.docs.forEach((d, i) => {
        texts.set(key(d.file), docs[i].text);
        for (const inst of labelRoundTrip(key(d.file), d.text, docs[i].text, set.names(d.file, d.text))) instances.push(inst);
      });
      const checked = await checkProject(`proxy ${target} ${id}`, docs);
      for (const f of checked.findings) findings.push({ ...f, locations: f.locations.map((l) => ({ ...l, doc: key(l.doc) })) });
    }
    const s = score(instances, findings);
    const conv = s.classes.find((c) => c.class === 'conversion')!;
    const name = s.classes.find((c) => c.class === 'name-conversion')!;
    const convRules = s.rules.filter((r) => CONVERSION_RULES.has(r.rule));
    const role = isMeasureOnly(opts.fresh) ? 'measured, not tuned on' : opts.tune.includes(target) ? 'tuned on' : 'left out';
    lines.push(`${target} (${role}): conversion ${formatProportion(conv.recall)} [${Object.entries(conv.byRule).map(([k, v]) => `${k} ${v}`).join(', ')}]; name-conversion ${formatProportion(name.recall)}`);
    for (const r of convRules) lines.push(`    ${r.rule} precision ${formatProportion(r.precision)}`);
    lines.push(`    pooled precision ${formatProportion(s.pooled)}`);
    perTarget[target] = { role, conversion: conv, nameConversion: name, rules: s.rules, pooled: s.pooled };
    if (opts.info) {
      // info findings by message key: on a label or not, and the conversion instances only they point at
      const serious = findings.filter((f) => f.severity !== 'info');
      const byKey = new Map<string, { n: number; on: number; only: number }>();
      for (const f of findings.filter((x) => x.severity === 'info')) {
        const k = `${f.rule} ${f.key ?? '?'}`;
        const e = byKey.get(k) ?? { n: 0, on: 0, only: 0 };
        e.n++;
        const on = instances.filter((i) => i.class !== 'variant' && hits(f, i));
        if (on.length) e.on++;
        e.only += on.filter((i) => i.class === 'conversion' && !serious.some((g) => hits(g, i))).length;
        byKey.set(k, e);
      }
      for (const [k, e] of [...byKey].sort((a, b) => b[1].n - a[1].n)) missLines.push(`  info ${target} ${k}: ${e.on}/${e.n} on a label, ${e.only} conversion instances only they point at`);
    }
    if (opts.misses) {
      const serious = findings.filter((f) => f.severity !== 'info');
      for (const i of instances.filter((x) => (x.class === 'conversion' || x.class === 'name-conversion') && !serious.some((f) => hits(f, x)))) {
        const sp = i.spans[0];
        const t = texts.get(sp.doc)!;
        missLines.push(`  miss${i.class === 'name-conversion' ? '(name)' : ''} ${target} ${i.wrong}→${i.correct}  …${t.slice(Math.max(0, sp.start - 6), sp.start)}[${t.slice(sp.start, sp.end)}]${t.slice(sp.end, sp.end + 6)}…`.replace(/\n/g, ' '));
      }
      for (const f of serious.filter((f) => CONVERSION_RULES.has(f.rule) && !instances.some((i) => (i.class !== 'variant') && hits(f, i)))) {
        const l = f.locations[0];
        const t = texts.get(l.doc)!;
        missLines.push(`  false ${target} ${f.rule} …${t.slice(Math.max(0, l.start - 6), l.start)}[${t.slice(l.start, l.end)}]${t.slice(l.end, l.end + 6)}…`.replace(/\n/g, ' '));
      }
    }
  }
  if (opts.clean) for (const l of await cleanWarnings(opts.fresh)) missLines.push(l);
  if (opts.json) process.stdout.write(`${JSON.stringify(perTarget, null, 1)}\n`);
  else process.stdout.write(`${lines.join('\n')}\n${missLines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`eval:proxy: ${(e as Error).stack}\n`);
  process.exit(1);
});
