/**
 * How V8 runs a process that holds the service for reviewers (`jiaodui serve`, the Electron main
 * process, and the worker threads they start): how far the heap grows between full collections,
 * and how long the shapes of objects ("maps") that compiled code relies on are kept.
 *
 * **Heap growing.** After each mark-compact V8 sets the next one's trigger at the live heap times a growing
 * factor. By default the factor is dynamic, up to 4× on a machine with gigabytes of memory, and
 * it is highest when the collection falls in a burst of allocation — the service's start (tries,
 * phrase tables, the checks' warm-up) is one. With ~45 MB live after start, the server then
 * promoted the garbage of every document it sent (getSegments of 10,000 segments: ~20 MB each)
 * until ~180 MB before collecting again: RSS with the 1 MB document open swung between 200 and
 * 340 MB in the bench depending on where that cycle stood (README Performance, "Server memory").
 * A fixed factor of 2 bounds that garbage by the live heap (`--heap-growing-percent`, read by
 * V8 at every collection, so setting it after start takes effect; it is process-wide, worker
 * threads included). CPU of a whole-document check run grows ~5% with it (1.5: ~12–30%).
 *
 * A team server (`serve --team`) keeps V8's own factor: under `npm run bench:team`'s load (checks
 * and exports looping in the worker threads beside 20 reviewers' saves) the fixed factor's extra
 * collections showed in the saves' p99 (four interleaved pairs on the shared machine: 57–351 ms
 * against 60–109 ms), and a team server is a machine's one job, not a tab's companion.
 *
 * **Shapes kept.** Optimised code and the inline caches of the checks' rules are specialised on the
 * maps of the objects a run makes (findings, rows, places, analyses). Those objects die with the
 * run, and V8 keeps a map whose objects are all dead for 2 more full collections
 * (`--retain-maps-for-n-gc`, read at every collection). The import of a document and the pause
 * before its check take more than 2, so each first check met its shapes anew: code thrown away,
 * caches relearnt and ~100 functions optimised again, every time. Keeping them for 16 collections
 * (a map is ~80 bytes; the checks make a few thousand at most) took the bench's first check of
 * the 1 MB text from 565 / 567 to 483 / 479 ms under V8's own heap growing, and from 572 / 588 /
 * 537 to 498 / 501 / 474 ms under the policy's (README Performance, "Shapes kept, session 23").
 * Every mode, a team server's included (its checks run in the same process's worker threads).
 * V8 keeps none in a collection made to reduce memory (its memory reducer's, in an idle process);
 * with 20 s pauses between an import and its check the pauses held at most one full collection,
 * with the reducer or without it (`--no-memory-reducer`), and keeping the shapes still helped
 * (first checks, 4 rounds each: 465–605 ms, median 512, against 469–590, median 590; README, the same note).
 *
 * The Electron main process applies the same policy at start (electron/main.ts): it holds the
 * service for one reviewer beside a window, as browser mode's server does; the bench's process
 * applies it too (bench/run.ts), to time the checks as the app runs them.
 *
 * JIAODUI_HEAP_GROWING_PERCENT overrides the percentage in either mode (0: V8's own dynamic
 * factor), JIAODUI_RETAIN_MAPS the collections (0: V8's own 2), for before/after measurements.
 */
import { setFlagsFromString } from 'node:v8';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';

/** The server's heap growing factor, as V8's percentage over 1 (100: twice the live heap). */
export const SERVER_HEAP_GROWING_PERCENT = 100;

/** The override's variable. */
export const HEAP_GROWING_ENV = 'JIAODUI_HEAP_GROWING_PERCENT';

/** Full collections a map is kept after its last object died (V8's default: 2). */
export const RETAINED_MAP_COLLECTIONS = 16;

/** The maps' override variable. */
export const RETAIN_MAPS_ENV = 'JIAODUI_RETAIN_MAPS';

/**
 * A whole-number override 0–1000 read from `env[name]`: undefined where unset or empty, null for 0
 * (V8's own value), else the number; anything else is refused with the variable's name (`message`).
 */
function overrideOf(env: NodeJS.ProcessEnv, name: string, message: 'env.heap-growing' | 'env.retain-maps'): number | null | undefined {
  const given = env[name];
  if (given === undefined || given === '') return undefined;
  const n = /^\d+$/.test(given.trim()) ? Number(given.trim()) : NaN;
  if (!Number.isInteger(n) || n > 1000) throw new JiaoduiError('invalid-input', em(message, { name, given }));
  return n === 0 ? null : n;
}

/**
 * The percentage to set, or null to leave V8's dynamic factor (a team server's default, or the
 * variable set to 0). A value that is not a whole number 0–1000 is refused with its name.
 */
export function serverHeapGrowingPercent(env: NodeJS.ProcessEnv = process.env, opts: { team?: boolean } = {}): number | null {
  const given = overrideOf(env, HEAP_GROWING_ENV, 'env.heap-growing');
  return given !== undefined ? given : opts.team ? null : SERVER_HEAP_GROWING_PERCENT;
}

/**
 * The full collections to keep maps for, or null to leave V8's default (the variable set to 0).
 * A value that is not a whole number 0–1000 is refused with its name.
 */
export function retainedMapCollections(env: NodeJS.ProcessEnv = process.env): number | null {
  const given = overrideOf(env, RETAIN_MAPS_ENV, 'env.retain-maps');
  return given !== undefined ? given : RETAINED_MAP_COLLECTIONS;
}

/**
 * Apply the server's heap policy to this process (call once, before the service opens); returns the
 * V8 flags it set (none where V8's defaults stay). Both values are read before either is set: a
 * malformed override changes nothing.
 */
export function applyServerHeapPolicy(
  opts: { team?: boolean } = {},
  env: NodeJS.ProcessEnv = process.env,
  setFlags: (flags: string) => void = setFlagsFromString,
): string[] {
  const percent = serverHeapGrowingPercent(env, opts);
  const maps = retainedMapCollections(env);
  const flags = [...(percent === null ? [] : [`--heap-growing-percent=${percent}`]), ...(maps === null ? [] : [`--retain-maps-for-n-gc=${maps}`])];
  for (const flag of flags) setFlags(flag);
  return flags;
}
