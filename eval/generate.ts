/**
 * Generate the evaluation corpus from eval/texts and eval/seeds.json (deterministic):
 *   npx tsx eval/generate.ts [--part dev|heldout|all] [--out DIR]
 * then seal it: npm run eval:seal (rewrites eval/manifest.json).
 * The held-out part needs Debian's opencc command line (/usr/bin/opencc).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, generatePart, readSeeds, splitClusters, TEXTS_DIR } from './lib/dataset';
import { CLASSES, type ClusterLabels } from './lib/labels';
import type { Part } from './lib/corrupt';
import { MIN_HELDOUT_PER_CLASS } from './lib/thresholds';


function usage(message: string): never {
  process.stderr.write(`generate: ${message} (usage: npm run eval:generate -- [--part dev|heldout|all] [--out DIR])\n`);
  process.exit(2);
}

function main(argv: string[]) {
  let part: Part | 'all' = 'all';
  let out = DATA_DIR;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--part') {
      const v = argv[++i];
      if (v !== 'dev' && v !== 'heldout' && v !== 'all') usage(`--part must be dev, heldout or all, not ${v ?? 'nothing'}`);
      part = v;
    } else if (a === '--out') out = argv[++i] ?? usage('--out needs a directory');
    else usage(`unknown argument ${a}`);
  }
  const seeds = readSeeds();
  const split = splitClusters(TEXTS_DIR, seeds);
  for (const [id, problems] of Object.entries(split.skipped)) process.stderr.write(`generate: skipping ${id}: ${problems.join('; ')}\n`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'split.json'), `${JSON.stringify(split, null, 1)}\n`);
  const parts: Part[] = part === 'all' ? ['dev', 'heldout'] : [part];
  for (const p of parts) {
    const labels = generatePart(TEXTS_DIR, out, p, split, seeds);
    report(p, labels);
  }
}

function report(part: Part, labels: ClusterLabels[]) {
  const counts = Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<string, number>;
  for (const l of labels) for (const i of l.instances) counts[i.class]++;
  const docs = labels.reduce((n, l) => n + l.documents.length, 0);
  process.stdout.write(`${part}: ${labels.length} clusters, ${docs} documents; instances ${CLASSES.map((c) => `${c} ${counts[c]}`).join(', ')}\n`);
  if (part === 'heldout')
    for (const c of CLASSES)
      if (counts[c] < MIN_HELDOUT_PER_CLASS) process.stderr.write(`generate: held-out ${c} has ${counts[c]} instances (< ${MIN_HELDOUT_PER_CLASS}): raise its quota in eval/seeds.json\n`);
}

main(process.argv.slice(2));
