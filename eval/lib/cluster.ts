/** The source clusters under eval/texts: schema of cluster.json and loading with validation. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';

export const Metric = z.object({
  doc: z.string(),
  quote: z.string().min(1),
  metric: z.string(),
  period: z.string(),
  value: z.number(),
  unit: z.string(),
});
export const Cluster = z.object({
  /** the writers' short id (a01) or the directory name; the directory name is what the corpus uses */
  id: z.string(),
  about: z.string(),
  shape: z.string(),
  organisations: z.array(z.object({ name: z.string(), short: z.array(z.string()).optional(), english: z.string().optional(), ticker: z.string().optional() }).passthrough()),
  people: z.array(z.object({ name: z.string().min(1), role: z.string(), org: z.string(), english: z.string().optional() }).passthrough()),
  documents: z.array(z.object({ file: z.string().regex(/^[^/\\]+\.txt$/), genre: z.string(), date: z.string(), region: z.enum(['tw', 'hk']) }).passthrough()).min(1),
  metrics: z.array(Metric),
});
export type Metric = z.infer<typeof Metric>;
export type Cluster = z.infer<typeof Cluster>;

export interface SourceDocument {
  file: string;
  region: 'tw' | 'hk';
  text: string;
}
export interface SourceCluster {
  /** the directory name under eval/texts */
  id: string;
  cluster: Cluster;
  documents: SourceDocument[];
}

/** Every problem of one cluster directory (empty when it is usable). */
export function clusterProblems(dir: string): string[] {
  const file = join(dir, 'cluster.json');
  if (!existsSync(file)) return ['no cluster.json'];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return [`cluster.json does not parse: ${(e as Error).message}`];
  }
  const parsed = Cluster.safeParse(raw);
  if (!parsed.success) return [`cluster.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`];
  const c = parsed.data;
  const out: string[] = [];
  const texts = new Map<string, string>();
  for (const d of c.documents) {
    const p = join(dir, d.file);
    if (!existsSync(p)) out.push(`${d.file}: missing`);
    else texts.set(d.file, readFileSync(p, 'utf8'));
  }
  for (const m of c.metrics) {
    const t = texts.get(m.doc);
    if (t === undefined) out.push(`metric ${m.metric}: unknown document ${m.doc}`);
    else if (!t.includes(m.quote)) out.push(`${m.doc}: metric quote not found: ${m.quote}`);
  }
  return out;
}

export function loadCluster(dir: string): SourceCluster {
  const problems = clusterProblems(dir);
  if (problems.length) throw new Error(`${dir}: ${problems.join('; ')}`);
  const cluster = Cluster.parse(JSON.parse(readFileSync(join(dir, 'cluster.json'), 'utf8')));
  const documents = cluster.documents.map((d) => ({ file: d.file, region: d.region, text: readFileSync(join(dir, d.file), 'utf8') }));
  return { id: basename(dir), cluster, documents };
}

/** Cluster directories under `textsDir`, sorted by name. */
export function clusterDirs(textsDir: string): string[] {
  return readdirSync(textsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}
