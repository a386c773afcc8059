/**
 * The machine conversion a reviewer's text went through: correct Traditional → Simplified → Traditional.
 * Dev part: opencc-js (through shared/text/convert, output identical to opencc-js's converters).
 * Held-out part: Debian's `opencc` command line, a converter the rules were never tuned on.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { getConverter } from '../../shared/text/convert';

export type Engine = 'opencc-js' | 'opencc-cli';
export type Target = 's2t' | 's2tw' | 's2hk' | 's2twp';

export const OPENCC_CLI = '/usr/bin/opencc';
export const TARGETS: Record<Engine, readonly Target[]> = {
  'opencc-js': ['s2t', 's2tw', 's2hk'],
  'opencc-cli': ['s2t', 's2tw', 's2hk', 's2twp'],
};

export function openccCliAvailable(): boolean {
  return existsSync(OPENCC_CLI);
}

function cli(config: string, text: string): string {
  // opencc reads stdin and writes stdout; it keeps the text's line breaks.
  return execFileSync(OPENCC_CLI, ['-c', `${config}.json`], { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function roundTrip(text: string, engine: Engine, target: Target): string {
  if (engine === 'opencc-js') return getConverter(target).convert(getConverter('t2s').convert(text));
  if (!openccCliAvailable()) throw new Error(`${OPENCC_CLI} is missing: install Debian's opencc (apt-get install opencc) to generate the held-out part`);
  const out = cli(target, cli('t2s', text));
  // the command line adds a final newline when the input has none
  return text.endsWith('\n') || !out.endsWith('\n') ? out : out.slice(0, -1);
}
