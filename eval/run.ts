/**
 * npm run eval [-- --part dev|heldout|all] [--standard-forms unset|ministry|press] [--json] [--no-save]
 * Runs today's checks, through the service as the app does, over the generated corpus
 * (eval/data) and over clean texts, and scores them: recall per error class, precision per
 * rule (95% Wilson intervals), dev and held-out apart; warning-or-error findings per clean
 * document. Results are written to eval/results/<timestamp>.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openService, PACKAGE_ROOT } from '../core/context';
import { checkAsProject } from './lib/checker';
import { STANDARD_FORMS, type StandardForms } from '../shared/domain/values';
import { clusterDirs, loadCluster } from './lib/cluster';
import type { Part } from './lib/corrupt';
import { EVAL_DIR, readPart, readSplit, TEXTS_DIR } from './lib/dataset';
import { CLASSES, CROSS_DOCUMENT, type Instance, type Span } from './lib/labels';
import { score, scoreClean, type CleanDocScore, type Scores, type ScoredFinding } from './lib/score';
import { formatProportion } from './lib/wilson';

/** Real clean text beside the checkout (read at run time, never copied into the project). */
export const SHARED_CORPUS = join(PACKAGE_ROOT, '..', 'shared', 'corpus');
/**
 * Clean dev-side texts written to tune against false alarms (ranges, dates, conversions,
 * components and totals, per-share figures): outside the sealed texts/ and data/, so adding
 * one needs no reseal; each file is one project.
 */
export const CLEAN_DEV = join(EVAL_DIR, 'clean-dev');

interface Options {
  parts: Part[];
  json: boolean;
  save: boolean;
  /** every project's house style for standard forms, as a reviewer would set it (default: unset) */
  standardForms: StandardForms;
}

function usage(message: string): never {
  process.stderr.write(`eval: ${message} (usage: npm run eval -- [--part dev|heldout|all] [--standard-forms unset|ministry|press] [--json] [--no-save])\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = { parts: ['dev', 'heldout'], json: false, save: true, standardForms: 'unset' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--no-save') o.save = false;
    else if (a === '--part') {
      const v = argv[++i];
      if (v === 'all') o.parts = ['dev', 'heldout'];
      else if (v === 'dev' || v === 'heldout') o.parts = [v];
      else usage(`--part must be dev, heldout or all, not ${v ?? 'nothing'}`);
    } else if (a === '--standard-forms') {
      const v = argv[++i];
      if ((STANDARD_FORMS as readonly string[]).includes(v ?? '')) o.standardForms = v as StandardForms;
      else usage(`--standard-forms must be ${STANDARD_FORMS.join(', ')}, not ${v ?? 'nothing'}`);
    } else usage(`unknown argument ${a}`);
  }
  return o;
}

interface PartResult {
  clusters: number;
  documents: number;
  instances: Record<string, number>;
  /** instances lying wholly in segments the importer marked as page furniture (the checks skip those) */
  inFurniture: Record<string, number>;
  scores: Scores;
}
interface CleanResult {
  documents: CleanDocScore[];
  groups: { group: string; documents: number; contentPerDoc: number; typographyPerDoc: number; numberAlarms: number; docsWithNumberAlarms: number }[];
}

type Service = Awaited<ReturnType<typeof openService>>;

/**
 * Each project gets a database of its own: project-wide finding groups are keyed by name only
 * (core/checks.ts `project:` keys), so two projects naming the same person would share a group.
 */
async function checkInFreshDatabase(project: string, docs: { file: string; text: string }[], standardForms: StandardForms) {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-eval-'));
  let service: Service | null = null;
  try {
    service = await openService(join(dir, 'eval.db'));
    return await checkAsProject(service, project, docs, standardForms);
  } finally {
    service?.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const parts: Partial<Record<Part, PartResult>> = {};
  for (const part of opts.parts) parts[part] = await evaluatePart(part, opts.standardForms);
  const clean = await evaluateClean(opts.parts, opts.standardForms);
  const result = { date: new Date().toISOString(), commit: gitCommit(), seconds: (Date.now() - started) / 1000, standardForms: opts.standardForms, parts, clean };
  if (opts.save) {
    const out = join(EVAL_DIR, 'results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `${result.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 1)}\n`);
    if (!opts.json) process.stdout.write(`results written to ${file}\n`);
  }
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 1)}\n` : printable(result));
}

async function evaluatePart(part: Part, standardForms: StandardForms): Promise<PartResult> {
  const instances: Instance[] = [];
  const findings: ScoredFinding[] = [];
  const furniture: Span[] = [];
  let documents = 0;
  const data = readPart(part);
  for (const { labels, texts } of data) {
    const docs = [...texts].map(([file, text]) => ({ file, text }));
    documents += docs.length;
    const checked = await checkInFreshDatabase(`eval ${part} ${labels.cluster}`, docs, standardForms);
    // document keys unique over the whole part: cluster/file
    const key = (doc: string) => `${labels.cluster}/${doc}`;
    for (const f of checked.furniture) furniture.push({ ...f, doc: key(f.doc) });
    for (const f of checked.findings) findings.push({ ...f, locations: f.locations.map((l) => ({ ...l, doc: key(l.doc) })) });
    for (const i of labels.instances)
      instances.push({ ...i, spans: i.spans.map((s) => ({ ...s, doc: key(s.doc) })), counterparts: i.counterparts?.map((s) => ({ ...s, doc: key(s.doc) })) });
  }
  const counts = Object.fromEntries(CLASSES.map((c) => [c, instances.filter((i) => i.class === c).length]));
  const inside = (s: Span) => furniture.some((f) => f.doc === s.doc && f.start <= s.start && s.end <= f.end);
  const inFurniture = Object.fromEntries(CLASSES.map((c) => [c, instances.filter((i) => i.class === c && i.spans.every(inside)).length]));
  return { clusters: data.length, documents, instances: counts, inFurniture, scores: score(instances, findings) };
}

async function evaluateClean(parts: Part[], standardForms: StandardForms): Promise<CleanResult> {
  const split = readSplit();
  const documents: (CleanDocScore & { group: string })[] = [];
  const run = async (group: string, project: string, docs: { file: string; text: string }[]) => {
    const { findings } = await checkInFreshDatabase(project, docs, standardForms);
    for (const d of docs) documents.push({ group, ...scoreClean(`${project.replace(/^clean /, '')}/${d.file}`, findings.filter((f) => f.locations[0].doc === d.file)) });
  };
  // the correct source texts, each cluster one project (the cross-document rules run too)
  for (const part of parts)
    for (const id of clusterDirs(TEXTS_DIR).filter((c) => split[part].includes(c))) {
      const src = loadCluster(join(TEXTS_DIR, id));
      await run(`source texts (${part} clusters)`, `clean ${id}`, src.documents.map((d) => ({ file: d.file, text: d.text })));
    }
  for (const file of existsSync(CLEAN_DEV) ? readdirSync(CLEAN_DEV).filter((f) => f.endsWith('.txt')).sort() : [])
    await run('clean dev texts (eval/clean-dev)', `clean dev ${file}`, [{ file, text: readFileSync(join(CLEAN_DEV, file), 'utf8') }]);
  if (existsSync(SHARED_CORPUS)) {
    for (const file of readdirSync(SHARED_CORPUS).filter((f) => f.endsWith('.txt')).sort())
      await run('../shared/corpus', `clean corpus ${file}`, [{ file, text: readFileSync(join(SHARED_CORPUS, file), 'utf8') }]);
  } else process.stderr.write(`eval: ${SHARED_CORPUS} is missing: its clean texts are not counted\n`);
  const { correctedSample } = await import('./lib/sample');
  await run('sample, corrected', 'clean sample', [correctedSample(PACKAGE_ROOT)]);

  const groups = [...new Set(documents.map((d) => d.group))].map((group) => {
    const mine = documents.filter((d) => d.group === group);
    const per = (k: 'content' | 'typography') => mine.reduce((n, d) => n + d[k], 0) / mine.length;
    return {
      group,
      documents: mine.length,
      contentPerDoc: per('content'),
      typographyPerDoc: per('typography'),
      numberAlarms: mine.reduce((n, d) => n + d.numbers, 0),
      docsWithNumberAlarms: mine.filter((d) => d.numbers > 0).length,
    };
  });
  return { documents, groups };
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PACKAGE_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function printable(result: { parts: Partial<Record<Part, PartResult>>; clean: CleanResult; seconds: number; standardForms: StandardForms }): string {
  const lines: string[] = [];
  if (result.standardForms !== 'unset') lines.push(`every project's house style for standard forms: ${result.standardForms}`);
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  for (const [part, r] of Object.entries(result.parts) as [Part, PartResult][]) {
    lines.push('', `== ${part}: ${r.clusters} clusters, ${r.documents} documents ==`, 'recall per class (warning or error; 95% Wilson)');
    for (const c of r.scores.classes) {
      const rules = Object.entries(c.byRule).map(([k, v]) => `${k} ${v}`).join(', ');
      const furn = `${r.inFurniture[c.class] || '-'}`;
      lines.push(`  ${pad(c.class + (CROSS_DOCUMENT.has(c.class) ? ' (x-doc)' : ''), 26)} ${pad(formatProportion(c.recall), 28)} with info ${pad(formatProportion(c.recallWithInfo), 28)} in furniture ${pad(furn, 4)} ${rules}`);
    }
    lines.push('precision per rule (warning or error findings on a label; info apart)');
    for (const x of r.scores.rules) lines.push(`  ${pad(x.rule, 26)} ${pad(formatProportion(x.precision), 28)} info ${x.info.onLabel}/${x.info.findings} on a label`);
    lines.push(`  ${pad('pooled', 26)} ${formatProportion(r.scores.pooled)}`, `  ${pad('pooled without typography', 26)} ${formatProportion(r.scores.pooledContent)}`);
  }
  lines.push('', '== clean documents: warning-or-error findings per document ==');
  for (const g of result.clean.groups)
    lines.push(`  ${pad(g.group, 28)} ${g.documents} docs  content ${g.contentPerDoc.toFixed(2)}/doc  typography ${g.typographyPerDoc.toFixed(2)}/doc  number alarms ${g.numberAlarms} (in ${g.docsWithNumberAlarms} docs)`);
  lines.push(`(${result.seconds.toFixed(1)} s)`, '');
  return lines.join('\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`eval: ${(e as Error).message}\n`);
  process.exit(1);
});
