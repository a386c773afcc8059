/**
 * eval/fresh: correct Traditional texts written after the rules were tuned (issue 14, conversion),
 * each put in a half before any of them was converted or checked (fresh/split.json): half A to
 * tune on; halves B (session 6), C (session 9) and D (session 10: written in the forms Taiwan and Hong
 * Kong newspapers and company releases actually use) and F (session 14's even-numbered texts; the odd-numbered
 * ones, half E, tune; half G, 53–60, tunes too) and I (session 18's even-numbered texts of 61–76; the odd-numbered
 * ones, half H, tune; half J, 77–92, tunes too) to measure, in aggregate only — also through
 * Debian's `opencc`, the held-out converter, which is fair on texts of our own but never tuned on.
 * One document per project.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EVAL_DIR } from './dataset';

export const FRESH_DIR = join(EVAL_DIR, 'fresh');

const FreshIndex = z.object({
  about: z.string(),
  documents: z.array(
    z.object({
      file: z.string().regex(/^\d\d-[^/\\]+\.txt$/),
      region: z.enum(['tw', 'hk']),
      people: z.array(z.object({ name: z.string().min(2), role: z.string() })),
    }),
  ),
});
const FreshSplit = z.object({ note: z.string(), A: z.array(z.string()), B: z.array(z.string()), C: z.array(z.string()), D: z.array(z.string()), E: z.array(z.string()), F: z.array(z.string()), G: z.array(z.string()), H: z.array(z.string()), I: z.array(z.string()), J: z.array(z.string()) });

export const HALVES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'] as const;
export type Half = (typeof HALVES)[number];
/** Halves measured in aggregate only: nothing that lists their findings is run on them. */
export const MEASURE_ONLY: readonly Half[] = ['B', 'C', 'D', 'F', 'I'];
export const isMeasureOnly = (half: Half | null): boolean => half !== null && MEASURE_ONLY.includes(half);

/** The argument of `--fresh`. */
export function parseHalf(arg: string | undefined): Half {
  const half = HALVES.find((h) => h === arg);
  if (!half) throw new Error(`--fresh takes ${HALVES.join(', ')} (got ${arg ?? 'nothing'})`);
  return half;
}

/** The listing options (`--misses`, `--clean`, `--info` …) a half refuses: all of them on a measure-only half. */
export function refusedOn(half: Half | null, options: Record<string, boolean>): string[] {
  return isMeasureOnly(half) ? Object.keys(options).filter((k) => options[k]) : [];
}

export interface FreshDocument {
  file: string;
  region: 'tw' | 'hk';
  people: { name: string; role: string }[];
  text: string;
}

/** The documents of one half (or all), validated: every text in exactly one half. */
export function loadFresh(half?: Half, dir = FRESH_DIR): FreshDocument[] {
  const index = FreshIndex.parse(JSON.parse(readFileSync(join(dir, 'fresh.json'), 'utf8')));
  const split = FreshSplit.parse(JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')));
  const halfOf = (file: string): Half => {
    const n = file.slice(0, 2);
    const inHalves = HALVES.filter((h) => split[h].includes(n));
    if (inHalves.length !== 1) throw new Error(`eval/fresh: ${file} must be in exactly one half of split.json (it is in ${inHalves.join(', ') || 'none'})`);
    return inHalves[0];
  };
  // every text is checked, whichever half is asked for
  const halves = new Map(index.documents.map((d) => [d.file, halfOf(d.file)]));
  return index.documents
    .filter((d) => !half || halves.get(d.file) === half)
    .map((d) => ({ ...d, text: readFileSync(join(dir, d.file), 'utf8') }));
}
