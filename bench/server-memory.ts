/**
 * `npm run bench:memory -- [--rounds N] [--runs N]`: the server-memory rows of `npm run bench`
 * alone (bench/browser.ts: `jiaodui serve` RSS at start, before opening, with the 1 MB document
 * open in Chromium, after closing it), for this checkout's server heap policy
 * (core/heap-policy.ts) and for V8's own heap growing (JIAODUI_HEAP_GROWING_PERCENT=0), run
 * ALTERNATELY round by round (the machine is shared: only alternation puts the same load on
 * both), medians over the rounds. `--runs` is the browser bench's document opens before the
 * measure (npm run bench: 5). Needs /usr/bin/chromium and the built renderer and CLI bundle
 * (`npm run build`): without a fresh bundle the server runs through tsx, which adds its own
 * 50–120 MB. Writes bench/results/memory-*.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/context';
import { HEAP_GROWING_ENV, SERVER_HEAP_GROWING_PERCENT } from '../core/heap-policy';
import { bundleState } from '../scripts/cli-bundle.mjs';
import { browserBench, browserUnavailable } from './browser';
import { textOfSize } from './fixtures';
import { median } from './stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a whole number ≥ 1`);
  return n;
};
const rounds = arg('--rounds', 3);
const runs = arg('--runs', 5);

const VARIANTS = [
  { label: `policy (heap growing ${SERVER_HEAP_GROWING_PERCENT}%)`, env: undefined },
  { label: "V8's own heap growing (shapes kept as the policy keeps them)", env: '0' },
] as const;
const KEYS = ['rssStartMb', 'rssBeforeMb', 'rssOpenMb', 'rssClosedMb'] as const;

async function main() {
  const missing = browserUnavailable();
  if (missing) throw new Error(`cannot measure: ${missing}`);
  if (bundleState() !== 'fresh') console.log(`note: the CLI bundle is ${bundleState()}; the server runs through tsx (npm run build:cli first)`);
  const text = textOfSize(1_000_000);
  const results: Record<string, Record<(typeof KEYS)[number], number>[]> = {};
  const before = process.env[HEAP_GROWING_ENV];
  for (let r = 0; r < rounds; r++) {
    for (const v of VARIANTS) {
      if (v.env === undefined) delete process.env[HEAP_GROWING_ENV];
      else process.env[HEAP_GROWING_ENV] = v.env;
      const b = await browserBench(text, runs);
      const row = Object.fromEntries(KEYS.map((k) => [k, Math.round(b[k])])) as Record<(typeof KEYS)[number], number>;
      (results[v.label] ??= []).push(row);
      console.log(`round ${r + 1}, ${v.label}: start ${row.rssStartMb} MB, before opening ${row.rssBeforeMb} MB, open ${row.rssOpenMb} MB, closed ${row.rssClosedMb} MB`);
    }
  }
  if (before === undefined) delete process.env[HEAP_GROWING_ENV];
  else process.env[HEAP_GROWING_ENV] = before;
  console.log(`\nmedians of ${rounds} rounds (RSS of jiaodui serve):`);
  const medians = Object.fromEntries(
    Object.entries(results).map(([label, rows]) => [label, Object.fromEntries(KEYS.map((k) => [k, median(rows.map((x) => x[k]))]))]),
  );
  for (const [label, m] of Object.entries(medians)) console.log(`  ${label}: start ${m.rssStartMb}, before ${m.rssBeforeMb}, 1 MB document open ${m.rssOpenMb}, closed ${m.rssClosedMb} MB`);
  const out = join(PACKAGE_ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `memory-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, rounds, runs, results, medians }, null, 2) + '\n');
  console.log(`\nRecorded in ${file}`);
}

void main();
