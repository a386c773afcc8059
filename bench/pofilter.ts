/**
 * The peer a localisation team would otherwise run: translate-toolkit's `pofilter` (Debian
 * package translate-toolkit) over the same segments written as a PO file — msgid = the
 * Simplified rendering, msgstr = the Traditional text. Timed at 1× and 10× the input, so
 * the slope (time per extra copy of the document) leaves out process start-up (Python's
 * for pofilter; our checks run in-process, their slope likewise excludes set-up).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Why pofilter cannot run here, or null. */
export function pofilterUnavailable(): string | null {
  const r = spawnSync('pofilter', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'pofilter not found (apt-get install translate-toolkit; scripts/test-all.sh installs it)';
  return null;
}

export function pofilterVersion(): string {
  return execFileSync('pofilter', ['--version'], { encoding: 'utf8' }).trim();
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;

/** A PO file of `copies` × the segments; msgctxt keeps every unit distinct. */
export function writePo(file: string, segments: readonly { text: string; rendering: string }[], copies: number): number {
  const out: string[] = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh_Hant\\n"\n'];
  let n = 0;
  for (let c = 0; c < copies; c++) {
    for (const s of segments) out.push(`msgctxt "${n++}"\nmsgid ${quote(s.rendering)}\nmsgstr ${quote(s.text)}\n`);
  }
  writeFileSync(file, out.join('\n'));
  return n;
}

/** Wall time of one pofilter run over `input` (its default checks), in ms. */
export function runPofilter(dir: string, input: string): number {
  const t = performance.now();
  const r = spawnSync('pofilter', ['--progress=none', '-i', input, '-o', join(dir, `out-${Date.now()}.po`)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`pofilter failed (${r.status}): ${r.stderr.slice(0, 400)}`);
  return ms;
}
