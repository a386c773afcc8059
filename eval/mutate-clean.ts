/**
 * `npm run eval:mutate -- [--seeds a,b,c] [--misses]`: recall of the unit and period-label rules on
 * seeded mutations of our own clean texts (eval/clean-dev; eval/lib/mutate-clean.ts, the
 * generator's mutation kinds), a stand-in for text nobody tuned on. Each mutated text is checked
 * as the app does (imported into a fresh database, runChecks and checkProject). Also prints the
 * number and period-label warnings off every label (false alarms on otherwise clean text).
 * `--misses` lists each missed instance with a few characters around it (dev-side material only;
 * nothing of the sealed held-out part is read). `--fresh A|B|C|D|E|F|G` mutates one half of eval/fresh instead;
 * the measure-only halves B, C, D and F in aggregate only (`--misses` refused, false alarms counted, not listed).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openService } from '../core/context';
import { checkAsProject } from './lib/checker';
import { EVAL_DIR } from './lib/dataset';
import { isMeasureOnly, loadFresh, parseHalf, refusedOn, type Half } from './lib/fresh';
import type { Instance } from './lib/labels';
import { mutateClean } from './lib/mutate-clean';
import { hits, NUMBER_RULES, type ScoredFinding } from './lib/score';
import { formatProportion, wilson } from './lib/wilson';

const CLEAN_DEV = join(EVAL_DIR, 'clean-dev');

function args(argv: string[]) {
  let seeds = ['a', 'b', 'c'];
  let misses = false;
  let fresh: Half | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seeds') seeds = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (argv[i] === '--misses') misses = true;
    else if (argv[i] === '--fresh') {
      try {
        fresh = parseHalf(argv[++i]);
      } catch (e) {
        process.stderr.write(`eval:mutate: ${(e as Error).message}\n`);
        process.exit(2);
      }
    } else {
      process.stderr.write(`eval:mutate: unknown argument ${argv[i]} (usage: npm run eval:mutate -- [--seeds a,b,c] [--fresh A|B|C|D|E|F|G] [--misses])\n`);
      process.exit(2);
    }
  }
  // halves B, C, D and F of eval/fresh are measured in aggregate only: their misses and false alarms are counted, never listed
  if (refusedOn(fresh, { '--misses': misses }).length) {
    process.stderr.write(`eval:mutate: --misses is refused on --fresh ${fresh} (measured, not tuned on)\n`);
    process.exit(2);
  }
  return { seeds, misses, fresh };
}

async function checked(project: string, file: string, text: string): Promise<ScoredFinding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-mutate-'));
  const service = await openService(join(dir, 'm.db'));
  try {
    return (await checkAsProject(service, project, [{ file, text }])).findings;
  } finally {
    service.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { seeds, misses, fresh } = args(process.argv.slice(2));
  // the texts: eval/clean-dev, or one half of eval/fresh (correct texts written for the conversion rules, never tuned on for units)
  const texts = fresh ? loadFresh(fresh).map((d) => ({ file: d.file, text: d.text })) : readdirSync(CLEAN_DEV).filter((f) => f.endsWith('.txt')).sort().map((file) => ({ file, text: readFileSync(join(CLEAN_DEV, file), 'utf8') }));
  const files = texts.map((t) => t.file);
  const tally = new Map<string, { k: number; n: number; byKind: Map<string, { k: number; n: number }> }>();
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  for (const seed of seeds)
    for (const { file, text } of texts) {
      const m = mutateClean(file, text, seed);
      const findings = (await checked(`mutated ${seed} ${file}`, file, m.text)).filter((f) => f.severity !== 'info');
      const relevant = findings.filter((f) => NUMBER_RULES.has(f.rule) || f.rule === 'period-label');
      for (const i of m.instances) {
        const t = tally.get(i.class) ?? { k: 0, n: 0, byKind: new Map() };
        tally.set(i.class, t);
        const kind = i.class === 'unit' ? i.kind : i.kind.split(' ')[0];
        const byKind = t.byKind.get(kind) ?? { k: 0, n: 0 };
        t.byKind.set(kind, byKind);
        const hit = relevant.some((f) => hits(f, i));
        t.n++;
        byKind.n++;
        if (hit) {
          t.k++;
          byKind.k++;
        } else missed.push(`${seed} ${file} ${i.class} ${i.kind}: …${around(m.text, i)}…`);
      }
      for (const f of relevant)
        if (!m.instances.some((i) => hits(f, i))) falseAlarms.push(`${seed} ${file} ${f.rule}: ${m.text.slice(Math.max(0, f.locations[0].start - 12), f.locations[0].end + 6).replace(/\n/g, ' ')}`);
    }
  const lines = [`seeded mutations of ${fresh ? `eval/fresh half ${fresh}` : 'eval/clean-dev'} (${files.length} texts × seeds ${seeds.join(',')})`];
  for (const [cls, t] of tally) {
    lines.push(`  ${cls.padEnd(14)} recall ${formatProportion(wilson(t.k, t.n))}`);
    for (const [kind, b] of [...t.byKind].sort()) lines.push(`      ${kind.padEnd(10)} ${b.k}/${b.n}`);
  }
  lines.push(`  number and period-label warnings off every label: ${falseAlarms.length}`);
  if (!isMeasureOnly(fresh)) for (const f of falseAlarms) lines.push(`    ${f}`);
  if (misses) {
    lines.push('misses:');
    for (const m of missed) lines.push(`  ${m}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function around(text: string, i: Instance): string {
  const s = i.spans[0];
  return `${text.slice(Math.max(0, s.start - 16), s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, s.end + 8)}`.replace(/\n/g, ' ');
}

main().catch((e: unknown) => {
  process.stderr.write(`eval:mutate: ${(e as Error).message}\n`);
  process.exit(1);
});
