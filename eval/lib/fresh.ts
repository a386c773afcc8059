/**
 * eval/fresh: correct Traditional texts written after the rules were tuned (issue 14, conversion),
 * split in two halves before any of them was converted or checked (fresh/split.json): half A to
 * tune on, half B to measure — also through Debian's `opencc`, the held-out converter, which is
 * fair on texts of our own but never tuned on. One document per project.
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
const FreshSplit = z.object({ note: z.string(), A: z.array(z.string()), B: z.array(z.string()) });

export type Half = 'A' | 'B';
export interface FreshDocument {
  file: string;
  region: 'tw' | 'hk';
  people: { name: string; role: string }[];
  text: string;
}

/** The documents of one half (or both), validated: every text in exactly one half. */
export function loadFresh(half?: Half, dir = FRESH_DIR): FreshDocument[] {
  const index = FreshIndex.parse(JSON.parse(readFileSync(join(dir, 'fresh.json'), 'utf8')));
  const split = FreshSplit.parse(JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')));
  const halfOf = (file: string): Half => {
    const n = file.slice(0, 2);
    const inA = split.A.includes(n);
    const inB = split.B.includes(n);
    if (inA === inB) throw new Error(`eval/fresh: ${file} must be in exactly one half of split.json`);
    return inA ? 'A' : 'B';
  };
  return index.documents
    .filter((d) => !half || halfOf(d.file) === half)
    .map((d) => ({ ...d, text: readFileSync(join(dir, d.file), 'utf8') }));
}
