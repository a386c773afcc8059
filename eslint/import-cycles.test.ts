/**
 * No import cycles among the app's modules, type-only imports included (a type cycle still
 * ties two modules' shapes together: furniture ↔ segment, parallel → review-host →
 * segment-writes → parallel were the last ones). Tests and their helpers are left out.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LAYERS = ['shared', 'db', 'core', 'cli', 'electron', 'renderer'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'/g;

function sourceFiles(): string[] {
  return LAYERS.flatMap((l) => readdirSync(join(ROOT, l), { recursive: true, encoding: 'utf8' }).map((f) => join(l, f).split('\\').join('/')))
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.|(^|\/)test-|testkit|\/testing\//.test(f) && !f.includes('node_modules'));
}

/** Module → the modules it imports (relative imports resolved to files). */
export function importGraph(files: string[], read: (f: string) => string): Map<string, string[]> {
  const known = new Set(files);
  const resolve = (from: string, spec: string) => {
    const base = normalize(join(dirname(from), spec)).split('\\').join('/');
    return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((c) => known.has(c)) ?? null;
  };
  return new Map(files.map((f) => [f, [...read(f).matchAll(IMPORT)].map((m) => resolve(f, m[1])).filter((x): x is string => x !== null)]));
}

/** Strongly connected groups of more than one module (Tarjan). */
export function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let n = 0;
  const visit = (v: string) => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('import cycles', () => {
  it('finds a type-only cycle (the check can fail)', () => {
    const src: Record<string, string> = {
      'shared/text/a.ts': "import type { B } from './b';\nexport type A = 1;",
      'shared/text/b.ts': "import { x } from './c';\nexport type B = 2;",
      'shared/text/c.ts': "export { y } from './a';",
    };
    expect(cycles(importGraph(Object.keys(src), (f) => src[f]))).toEqual([['shared/text/a.ts', 'shared/text/b.ts', 'shared/text/c.ts']]);
  });

  it('the app has none', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(cycles(importGraph(files, (f) => readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
