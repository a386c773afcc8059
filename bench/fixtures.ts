/** Inputs the benchmarks share. */
import { readFileSync } from 'node:fs';
import { SAMPLE_FILE } from '../core/context';

/** The sample transcript repeated (blank line between copies) until it is at least `bytes` in UTF-8. */
export function textOfSize(bytes: number): string {
  const s = readFileSync(SAMPLE_FILE, 'utf8');
  let t = '';
  while (Buffer.byteLength(t) < bytes) t += s + '\n\n';
  return t;
}
