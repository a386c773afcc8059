/**
 * How far V8 lets the heap of a long-running server (`jiaodui serve`) grow between full
 * collections.
 *
 * After each mark-compact V8 sets the next one's trigger at the live heap times a growing
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
 * The Electron main process applies the same policy at start (electron/main.ts): it holds the
 * service for one reviewer beside a window, as browser mode's server does.
 *
 * JIAODUI_HEAP_GROWING_PERCENT overrides the percentage in either mode (0: V8's own dynamic
 * factor), for before/after measurements.
 */
import { setFlagsFromString } from 'node:v8';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';

/** The server's heap growing factor, as V8's percentage over 1 (100: twice the live heap). */
export const SERVER_HEAP_GROWING_PERCENT = 100;

/** The override's variable. */
export const HEAP_GROWING_ENV = 'JIAODUI_HEAP_GROWING_PERCENT';

/**
 * The percentage to set, or null to leave V8's dynamic factor (a team server's default, or the
 * variable set to 0). A value that is not a whole number 0–1000 is refused with its name.
 */
export function serverHeapGrowingPercent(env: NodeJS.ProcessEnv = process.env, opts: { team?: boolean } = {}): number | null {
  const given = env[HEAP_GROWING_ENV];
  if (given === undefined || given === '') return opts.team ? null : SERVER_HEAP_GROWING_PERCENT;
  const n = /^\d+$/.test(given.trim()) ? Number(given.trim()) : NaN;
  if (!Number.isInteger(n) || n > 1000) {
    throw new JiaoduiError('invalid-input', em('env.heap-growing', { name: HEAP_GROWING_ENV, given }));
  }
  return n === 0 ? null : n;
}

/**
 * Apply the server's heap policy to this process (call once, before the service opens); returns the
 * V8 flag it set, or null when V8's default stays.
 */
export function applyServerHeapPolicy(
  opts: { team?: boolean } = {},
  env: NodeJS.ProcessEnv = process.env,
  setFlags: (flags: string) => void = setFlagsFromString,
): string | null {
  const percent = serverHeapGrowingPercent(env, opts);
  if (percent === null) return null;
  const flag = `--heap-growing-percent=${percent}`;
  setFlags(flag);
  return flag;
}
