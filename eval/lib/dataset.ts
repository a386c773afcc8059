/** The generated corpus on disk: split of clusters, generation of a part, reading it back. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterDirs, clusterProblems, loadCluster } from './cluster';
import { corruptCluster, type Part, type Seeds } from './corrupt';
import type { ClusterLabels } from './labels';
import { hashSeed } from './random';

export const EVAL_DIR = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
export const TEXTS_DIR = join(EVAL_DIR, 'texts');
export const DATA_DIR = join(EVAL_DIR, 'data');
export const SEEDS_FILE = join(EVAL_DIR, 'seeds.json');

export function readSeeds(file = SEEDS_FILE): Seeds {
  return JSON.parse(readFileSync(file, 'utf8')) as Seeds;
}

export interface Split {
  seed: string;
  dev: string[];
  heldout: string[];
  /** cluster directories left out because they do not validate, with why */
  skipped: Record<string, string[]>;
}

/** Split by cluster with a seeded draw: clusters ordered by a hash of seed and id, the first share held out. */
export function splitClusters(textsDir: string, seeds: Seeds): Split {
  const ids: string[] = [];
  const skipped: Record<string, string[]> = {};
  for (const id of clusterDirs(textsDir)) {
    const problems = clusterProblems(join(textsDir, id));
    if (problems.length) skipped[id] = problems;
    else ids.push(id);
  }
  const order = [...ids].sort((a, b) => hashSeed(`${seeds.seed}/split/${a}`) - hashSeed(`${seeds.seed}/split/${b}`) || a.localeCompare(b));
  const n = Math.round(ids.length * seeds.heldoutShare);
  const heldout = order.slice(0, n).sort();
  return { seed: seeds.seed, dev: ids.filter((i) => !heldout.includes(i)), heldout, skipped };
}

/** Generate one part into outDir/<part>/ (replacing what was there). */
export function generatePart(textsDir: string, outDir: string, part: Part, split: Split, seeds: Seeds): ClusterLabels[] {
  const partDir = join(outDir, part);
  rmSync(partDir, { recursive: true, force: true });
  const out: ClusterLabels[] = [];
  for (const id of split[part]) {
    const { texts, labels } = corruptCluster(loadCluster(join(textsDir, id)), part, seeds);
    const dir = join(partDir, id);
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of texts) writeFileSync(join(dir, file), text);
    writeFileSync(join(dir, 'labels.json'), `${JSON.stringify(labels, null, 1)}\n`);
    out.push(labels);
  }
  return out;
}

export function readSplit(dataDir = DATA_DIR): Split {
  return JSON.parse(readFileSync(join(dataDir, 'split.json'), 'utf8')) as Split;
}

export function readPart(part: Part, dataDir = DATA_DIR): { labels: ClusterLabels; texts: Map<string, string> }[] {
  return readSplit(dataDir)[part].map((id) => {
    const dir = join(dataDir, part, id);
    const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as ClusterLabels;
    return { labels, texts: new Map(labels.documents.map((d) => [d.file, readFileSync(join(dir, d.file), 'utf8')])) };
  });
}
